/**
 * A Trackstar-compatible write API, written once as a Fetch handler so it runs in
 * MSW, a service worker, an edge runtime or behind `@hono/node-server` alike.
 * Everything it knows about integrations comes from the spec it is given.
 */

import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { WRITE_ACTIONS, type IntegrationType, type KnownWriteAction } from '../core/actions';
import { canonicalJson } from '../core/idempotency';
import { isPlainObject } from '../core/schema/json';
import { toFormSchema } from '../core/schema/to-form-schema';
import type { IntegrationInfo, JsonValue, OpenApiDocument } from '../core/types';
import { buildCatalogue, describeIntegration } from './catalogue';
import { schemasHavePlaceholders, withConnectionOptions, withConnectionOptionsIn } from './connection-options';
import { metaDocument, writeInfoDocument } from './documents';
import { FIXTURE_SPEC } from './fixture-spec';
import { LINK_TOKEN_HEADER, LinkRegistry, describeConnectionError } from './link';
import { IdempotencyStore, RateLimiter, RecordStore, topCollectionOf, writeTargetOf, type StoredRecord, type StoredResponse } from './records';
import { sampleBody } from './sample-body';
import { assertOpenApiDocument, componentName, componentRef, componentSchemas, reachableSchemaNames } from './spec';
import type { ReceivedWrite, Sandbox, SandboxAction, SandboxConnection, SandboxIntegration, SandboxLinkedConnection, SandboxOptions } from './types';
import { ValidatorCache, ajvErrors, emptyValueErrors, errorFieldPaths, type FieldErrors } from './validation';

export const SANDBOX_API_KEY = 'sandbox-api-key';

/** The access token of an integration's sandbox connection; append `-readonly` for one whose writes are disabled. */
export function sandboxAccessToken(integrationType: IntegrationType, integrationName: string): string {
  return `sandbox-${integrationType}-${integrationName}`;
}

const READ_ONLY_SUFFIX = '-readonly';
const INTEGRATION_TYPES: readonly string[] = ['wms', 'cart'];
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** Any SKU starting like this is one the warehouse system does not know. */
const UNKNOWN_SKU = /^unknown/i;

type SandboxEnv = { Variables: { requestId: string; apiKey: string; replayed: boolean } };
type SandboxContext = Context<SandboxEnv>;

/** Every answer is JSON, as Trackstar's are. */
function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function trackstarError(status: number, error: string, extra: { [key: string]: JsonValue } = {}, headers: Record<string, string> = {}): Response {
  return json({ error, origin: 'trackstar', ...extra }, status, headers);
}

/** A 422 body naming each field, marshmallow style: `detail: { json: { line_items: { "0": { sku: [...] } } } }`. */
function validationBody(location: 'json' | 'query', errors: FieldErrors): JsonValue {
  const fields = errorFieldPaths(errors);
  return {
    error: `Invalid ${location === 'json' ? 'request body' : 'query'}: ${fields.join(', ')}.`,
    origin: 'trackstar',
    detail: { [location]: errors },
  };
}

function validationError(location: 'json' | 'query', errors: FieldErrors): Response {
  return json(validationBody(location, errors), 422);
}

function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `req_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

type ParsedBody = { ok: true; value: JsonValue } | { ok: false };

function parseJson(text: string): ParsedBody {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    return { ok: false };
  }
}

function findUnknownSku(value: JsonValue): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnknownSku(item);
      if (found !== undefined) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'sku' && typeof child === 'string' && UNKNOWN_SKU.test(child)) return child;
      const found = findUnknownSku(child);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** `inbound-shipments` → `Inbound shipment`, for "not found" messages. */
function recordLabel(collection: string): string {
  const words = (collection.split('/')[1] ?? 'record').replace(/-/g, ' ').replace(/s$/, '');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `/wms/orders/{order_id}` → `/wms/orders/:order_id`. */
function routePath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ':$1');
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const spec = assertOpenApiDocument(options.spec ?? FIXTURE_SPEC);
  const integrations = buildCatalogue(spec);
  const connections: SandboxConnection[] = integrations.flatMap((integration) =>
    [false, true].map((writesDisabled) =>
      Object.freeze({
        accessToken: sandboxAccessToken(integration.integrationType, integration.integrationName) + (writesDisabled ? READ_ONLY_SUFFIX : ''),
        integrationType: integration.integrationType,
        integrationName: integration.integrationName,
        displayName: integration.displayName,
        writesDisabled,
      }),
    ),
  );
  const integrationByKey = new Map(integrations.map((integration) => [`${integration.integrationType}/${integration.integrationName}`, integration]));
  const connectionByToken = new Map(connections.map((connection) => [connection.accessToken, connection]));
  const integrationOf = (connection: SandboxConnection) => integrationByKey.get(`${connection.integrationType}/${connection.integrationName}`)!;
  const now = options.now ?? Date.now;
  const link = new LinkRegistry({
    // Only integrations that write something: Link lists what a host can use.
    integrations: integrations.filter((integration) => integration.actions.length > 0),
    now,
    restored: options.linkedConnections ?? [],
    brokenConnectionCustomerId: options.brokenConnectionCustomerId ?? 'sandbox-customer',
    onChange: options.onLinkedConnectionsChange,
  });
  const asConnection = (linked: SandboxLinkedConnection): SandboxConnection | undefined => {
    const integration = integrationByKey.get(`${linked.integrationType}/${linked.integrationName}`);
    if (!integration) return undefined;
    return {
      accessToken: linked.accessToken,
      integrationType: linked.integrationType,
      integrationName: linked.integrationName,
      displayName: integration.displayName,
      writesDisabled: false,
    };
  };
  const connectionForToken = (token: string): SandboxConnection | undefined => {
    const fixed = connectionByToken.get(token);
    if (fixed) return fixed;
    const linked = link.byAccessToken(token);
    return linked === undefined ? undefined : asConnection(linked);
  };

  const apiKeys = new Set(options.apiKeys ?? [SANDBOX_API_KEY]);
  const writeLatencyMs = options.writeLatencyMs ?? 0;
  const rateLimiter = new RateLimiter(options.integrationsRateLimitWindowMs ?? 60_000, now);
  const idempotency = new IdempotencyStore();
  const validators = new ValidatorCache();
  const receivedWrites: ReceivedWrite[] = [];

  let connectedSpec: OpenApiDocument | undefined;
  /** The spec as seen through a connection: placeholders replaced by account options. Built on first use. */
  const connectionSpec = () => (connectedSpec ??= withConnectionOptions(spec));

  /**
   * What every connection starts with in each collection its actions touch: one record
   * (`ord_1`, `prod_1`…) so update and child forms work at once, filled from a minimal
   * valid create body where the integration can create that kind of record, so a
   * prefilled update form has something to show.
   */
  const seedSamples = new Map<string, StoredRecord>();
  const seedSample = (integration: SandboxIntegration, collection: string): StoredRecord => {
    const key = `${integration.integrationType}/${integration.integrationName}\u0000${collection}`;
    let sample = seedSamples.get(key);
    if (!sample) {
      const create = integration.actions.find((action) => {
        const target = writeTargetOf(action);
        return target.kind === 'create' && target.collection === collection;
      });
      sample = create
        ? (sampleBody(toFormSchema({ document: connectionSpec(), schemaRef: componentRef(create.schemaName) }, { method: create.method })) as StoredRecord)
        : {};
      seedSamples.set(key, sample);
    }
    return sample;
  };
  const records = new RecordStore((accessToken) => {
    const connection = connectionForToken(accessToken);
    if (!connection) return [];
    const integration = integrationOf(connection);
    return [...new Set(integration.actions.map(topCollectionOf))].map((collection) => ({ collection, sample: seedSample(integration, collection) }));
  });
  // A write-info document depends only on the spec, the integration and whether a connection asks: built once.
  const writeInfos = new Map<SandboxIntegration, { public?: OpenApiDocument; connected?: OpenApiDocument }>();
  const writeInfo = (integration: SandboxIntegration, connected: boolean): OpenApiDocument => {
    let entry = writeInfos.get(integration);
    if (!entry) writeInfos.set(integration, (entry = {}));
    if (connected) return (entry.connected ??= writeInfoDocument(spec, integration, withConnectionOptionsIn));
    return (entry.public ??= writeInfoDocument(spec, integration));
  };
  const integrationInfos = new Map<SandboxIntegration, IntegrationInfo>();
  const integrationInfo = (integration: SandboxIntegration) => {
    let info = integrationInfos.get(integration);
    if (!info) integrationInfos.set(integration, (info = describeIntegration(spec, integration)));
    return info;
  };

  const connectionFrom = (c: SandboxContext) => {
    const token = c.req.header('x-trackstar-access-token');
    return token === undefined ? undefined : connectionForToken(token);
  };
  const missingConnection = () => trackstarError(401, 'Missing or invalid x-trackstar-access-token header.');
  const notImplemented = (action: string, integration: SandboxIntegration) =>
    trackstarError(501, `Endpoint ${action} is not implemented for ${integration.displayName}`);

  const app = new Hono<SandboxEnv>();

  app.use('*', async (c, next) => {
    c.set('requestId', newRequestId());
    await next();
    c.res.headers.set('X-Request-Id', c.get('requestId'));
  });

  const requireApiKey: MiddlewareHandler<SandboxEnv> = async (c, next) => {
    const apiKey = c.req.header('x-trackstar-api-key');
    if (apiKey === undefined || !apiKeys.has(apiKey)) return trackstarError(401, 'Missing or invalid x-trackstar-api-key header.');
    c.set('apiKey', apiKey);
    await next();
  };

  // ----- Integrations -----

  const rateLimited = (c: SandboxContext, answer: () => Response): Response => {
    const decision = rateLimiter.take(`${c.get('apiKey')}\u0000${c.req.path}`);
    if (!decision.allowed) {
      const wait = decision.headers['retry-after'];
      return trackstarError(429, `Rate limit exceeded: retry in ${wait} seconds, and cache this endpoint's answer.`, {}, decision.headers);
    }
    const response = answer();
    for (const [name, value] of Object.entries(decision.headers)) response.headers.set(name, value);
    return response;
  };

  const findIntegration = (type: string, name: string) => integrationByKey.get(`${type}/${name}`);
  const unknownIntegration = (type: string, name: string) => trackstarError(404, `No ${type} integration named "${name}".`);

  app.get('/integrations/:type', requireApiKey, (c) =>
    rateLimited(c, () => {
      const type = c.req.param('type');
      if (!INTEGRATION_TYPES.includes(type)) return trackstarError(404, `Unknown integration type "${type}".`);
      const data = integrations.filter((integration) => integration.integrationType === type).map(integrationInfo);
      return json({ data }, 200);
    }),
  );

  app.get('/integrations/:type/:name', requireApiKey, (c) =>
    rateLimited(c, () => {
      const integration = findIntegration(c.req.param('type'), c.req.param('name'));
      if (!integration) return unknownIntegration(c.req.param('type'), c.req.param('name'));
      return json({ data: [integrationInfo(integration)] }, 200);
    }),
  );

  app.get('/integrations/:type/:name/write-info', requireApiKey, (c) => {
    const integration = findIntegration(c.req.param('type'), c.req.param('name'));
    if (!integration) return unknownIntegration(c.req.param('type'), c.req.param('name'));
    let connected = false;
    if (c.req.header('x-trackstar-access-token') !== undefined) {
      const connection = connectionFrom(c);
      if (!connection) return missingConnection();
      if (integrationOf(connection) !== integration) {
        return trackstarError(400, `This access token belongs to a ${connection.displayName} connection, not ${integration.displayName}.`);
      }
      connected = true;
    }
    return json(writeInfo(integration, connected), 200);
  });

  // ----- Meta -----

  const metaAnswer = (c: SandboxContext, integrationName: string | undefined): Response => {
    const type = c.req.param('type') as IntegrationType;
    const resource = c.req.param('resource');
    const definitions = Object.values(WRITE_ACTIONS).filter((definition) => definition.integrationType === type && definition.metaResource === resource);
    if (definitions.length === 0) return trackstarError(404, `No such endpoint: GET ${c.req.path}.`);

    let integration: SandboxIntegration | undefined;
    if (integrationName === undefined) {
      const connection = connectionFrom(c);
      if (!connection) return missingConnection();
      integration = integrationOf(connection);
    } else {
      integration = findIntegration(type, integrationName);
      if (!integration) return unknownIntegration(type, integrationName);
    }

    const method = c.req.query('method');
    if (method === undefined) return validationError('query', { method: ['Missing data for required field.'] });
    const definition = definitions.find((candidate) => candidate.method === method);
    if (!definition) {
      return validationError('query', { method: [`Must be one of: ${definitions.map((candidate) => candidate.method).join(', ')}.`] });
    }
    const action = integration.actions.find((candidate) => candidate.action === definition.action);
    if (!action) return notImplemented(definition.action, integration);

    if (integrationName === undefined) return json(metaDocument(spec, action.schemaName, withConnectionOptionsIn), 200);
    const hasConnectionSpecificFields = schemasHavePlaceholders(spec, reachableSchemaNames(spec, [action.schemaName]));
    return json({ ...metaDocument(spec, action.schemaName), has_connection_specific_fields: hasConnectionSpecificFields }, 200);
  };

  app.get('/:type{wms|cart}/:resource/meta', requireApiKey, (c) => metaAnswer(c, undefined));
  app.get('/:type{wms|cart}/:resource/meta/:integrationName', requireApiKey, (c) => metaAnswer(c, c.req.param('integrationName')));

  // ----- Writes -----

  /** Field descriptions that say "Deprecated": the integration takes such fields but does not use them. */
  const isDeprecatedField = (schemaName: string, field: string): boolean => {
    const schemas = componentSchemas(spec);
    const properties = schemas[schemaName]?.properties;
    const property = isPlainObject(properties) ? properties[field] : undefined;
    if (!isPlainObject(property)) return false;
    const target = componentName(property.$ref);
    const description = property.description ?? (target === undefined ? undefined : schemas[target]?.description);
    return typeof description === 'string' && /deprecated/i.test(description);
  };

  const performWrite = async (
    c: SandboxContext,
    connection: SandboxConnection,
    action: SandboxAction,
    body: { [field: string]: JsonValue },
  ): Promise<StoredResponse> => {
    const emptyValues = emptyValueErrors(body);
    if (emptyValues) return { status: 422, body: validationBody('json', emptyValues) };
    const validate = validators.get(`${action.schemaName}\u0000${action.method}`, () =>
      toFormSchema({ document: connectionSpec(), schemaRef: componentRef(action.schemaName) }, { method: action.method }),
    );
    const schemaErrors = ajvErrors(validate, body);
    if (schemaErrors) return { status: 422, body: validationBody('json', schemaErrors) };

    // The integration's own answer takes a while; a retry with the same key meanwhile gets 409.
    if (writeLatencyMs > 0) await delay(writeLatencyMs);

    const token = connection.accessToken;
    const target = writeTargetOf(action);
    let existing: StoredRecord | undefined;
    let parentId: string | undefined;
    if (target.kind === 'update') {
      const id = c.req.param(target.idParam) ?? '';
      existing = records.get(token, target.collection, id);
      if (!existing) return { status: 404, body: { error: `${recordLabel(target.collection)} ${id} was not found.`, origin: 'trackstar', id } };
    } else if (target.kind === 'child') {
      parentId = c.req.param(target.parentParam) ?? '';
      if (!records.get(token, target.parentCollection, parentId)) {
        return { status: 404, body: { error: `${recordLabel(target.parentCollection)} ${parentId} was not found.`, origin: 'trackstar', id: parentId } };
      }
    }

    const unknownSku = findUnknownSku(body);
    if (unknownSku !== undefined) return { status: 400, body: { error: `SKU ${unknownSku} does not exist.`, origin: 'integration' } };
    const orderNumbers = records.orderNumbers(token);
    const orderNumber = action.action === 'create_order' && typeof body.order_number === 'string' ? body.order_number : undefined;
    if (orderNumber !== undefined && orderNumbers.has(orderNumber)) {
      return { status: 400, body: { error: `An order with order number ${orderNumber} already exists.`, origin: 'integration' } };
    }

    // The sandbox's id and the URL's parent id win over same-named body fields (some integrations take an `id`).
    let record: StoredRecord & { id: string };
    if (target.kind === 'update') record = { ...existing, ...body, id: existing!.id as string };
    else if (target.kind === 'child') record = { ...body, id: records.newId(target.prefix), [target.parentParam]: parentId! };
    else record = { ...body, id: records.newId(target.prefix) };
    records.put(token, target.collection, record);
    if (orderNumber !== undefined) orderNumbers.add(orderNumber);

    const unusedFields = Object.keys(body).filter((field) => isDeprecatedField(action.schemaName, field));
    return { status: 200, body: { data: record, id: record.id, unused_fields: unusedFields } };
  };

  const handleWrite = async (c: SandboxContext, action: KnownWriteAction): Promise<Response> => {
    const connection = connectionFrom(c);
    if (!connection) return missingConnection();
    const integration = integrationOf(connection);
    const sandboxAction = integration.actions.find((candidate) => candidate.action === action);
    if (!sandboxAction) return notImplemented(action, integration);
    if (connection.writesDisabled) return trackstarError(403, 'Writes are disabled for this connection');
    const credentialsError = link.byAccessToken(connection.accessToken)?.errors.find((error) => error.error_type === 'invalid_credentials');
    if (credentialsError) return json({ error: credentialsError.message, origin: 'integration' }, 401);

    const idempotencyKey = c.req.header('idempotency-key');
    if (idempotencyKey !== undefined && (idempotencyKey.trim() === '' || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      return trackstarError(400, `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long.`);
    }
    const parsed = parseJson(await c.req.text());
    if (!parsed.ok) return trackstarError(400, 'The request body must be valid JSON.');
    const body = parsed.value;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return validationError('json', { _schema: ['The request body must be a JSON object.'] });
    }

    const scope = idempotencyKey === undefined ? undefined : [c.get('apiKey'), connection.accessToken, idempotencyKey].join('\u0000');
    if (scope !== undefined) {
      const outcome = idempotency.begin(scope, `${c.req.method} ${c.req.path} ${canonicalJson(body)}`);
      if (outcome.kind === 'in-flight') return trackstarError(409, 'A request with this Idempotency-Key is still in progress.');
      if (outcome.kind === 'different-request') {
        return trackstarError(400, 'This Idempotency-Key was already used for a different request.');
      }
      if (outcome.kind === 'replay') {
        c.set('replayed', true);
        return json(outcome.response.body, outcome.response.status, { 'Idempotent-Replayed': 'true' });
      }
    }

    let response: StoredResponse = { status: 500, body: { error: 'The sandbox failed to complete the write.', origin: 'trackstar' } };
    try {
      response = await performWrite(c, connection, sandboxAction, body);
    } finally {
      if (scope !== undefined) idempotency.finish(scope, response);
    }
    return json(response.body, response.status);
  };

  /** Records every request that reaches a write endpoint, whatever its outcome. */
  const recordWrite =
    (action: KnownWriteAction): MiddlewareHandler<SandboxEnv> =>
    async (c, next) => {
      const text = await c.req.text();
      await next();
      const parsed = parseJson(text);
      receivedWrites.push({
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        action,
        integrationName: connectionFrom(c)?.integrationName ?? null,
        connectionId: link.byAccessToken(c.req.header('x-trackstar-access-token') ?? '')?.connectionId ?? null,
        idempotencyKey: c.req.header('idempotency-key') ?? null,
        body: parsed.ok ? parsed.value : text,
        status: c.res.status,
        replayed: c.get('replayed') === true,
      });
    };

  for (const definition of Object.values(WRITE_ACTIONS)) {
    const action = definition.action as KnownWriteAction;
    app.on(definition.method, routePath(definition.path), recordWrite(action), requireApiKey, (c) => handleWrite(c, action));
  }

  // ----- Link and connections -----

  /** A JSON object body, or the 400/422 that says why not. */
  const objectBody = async (c: SandboxContext, allowed: readonly string[]): Promise<{ [field: string]: JsonValue } | Response> => {
    const text = await c.req.text();
    const parsed = text.trim() === '' ? ({ ok: true, value: {} } as const) : parseJson(text);
    if (!parsed.ok) return trackstarError(400, 'The request body must be valid JSON.');
    const body = parsed.value;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return validationError('json', { _schema: ['The request body must be a JSON object.'] });
    const unknown = Object.keys(body).filter((field) => !allowed.includes(field));
    if (unknown.length > 0) return validationError('json', Object.fromEntries(unknown.map((field) => [field, ['Unknown field.']])));
    return body as { [field: string]: JsonValue };
  };

  const connectionJson = (connection: SandboxLinkedConnection) => {
    const integration = integrationByKey.get(`${connection.integrationType}/${connection.integrationName}`);
    const actions = integration?.actions.map((action) => action.action) ?? [];
    return {
      connection_id: connection.connectionId,
      integration_name: connection.integrationName,
      customer_id: connection.customerId,
      created_at: connection.createdAt,
      last_used: null,
      times_used: 0,
      latest_sync: null,
      sync_schedules: [],
      errors: connection.errors.map((error) => describeConnectionError(error, connection.createdAt)),
      available_actions: actions,
      available_endpoints: [],
      integration_type: connection.integrationType,
      webhooks_disabled: false,
    };
  };

  app.post('/link/token', requireApiKey, async (c) => {
    const body = await objectBody(c, ['connection_id']);
    if (body instanceof Response) return body;
    if (body.connection_id !== undefined && typeof body.connection_id !== 'string') {
      return validationError('json', { connection_id: ['Not a valid string.'] });
    }
    const outcome = link.createLinkToken(c.get('apiKey'), body.connection_id);
    if (!outcome.ok) return trackstarError(outcome.status, outcome.error);
    return json({ link_token: outcome.value }, 200);
  });

  app.post('/link/exchange', requireApiKey, async (c) => {
    const body = await objectBody(c, ['auth_code', 'customer_id']);
    if (body instanceof Response) return body;
    if (typeof body.auth_code !== 'string' || body.auth_code === '') return validationError('json', { auth_code: ['Missing data for required field.'] });
    const customerId = typeof body.customer_id === 'string' ? body.customer_id : null;
    const outcome = link.exchange(c.get('apiKey'), body.auth_code, customerId);
    if (!outcome.ok) return trackstarError(outcome.status, outcome.error);
    const connection = connectionJson(outcome.value);
    return json(
      {
        access_token: outcome.value.accessToken,
        connection_id: connection.connection_id,
        integration_name: connection.integration_name,
        customer_id: connection.customer_id,
        available_actions: connection.available_actions,
        available_endpoints: [],
      },
      200,
    );
  });

  app.get('/connections', requireApiKey, () => {
    const data = link.list().map(connectionJson);
    return json({ data, next_token: null, total_count: data.length }, 200);
  });

  app.get('/connections/:connectionId', requireApiKey, (c) => {
    const connection = link.get(c.req.param('connectionId'));
    if (!connection) return trackstarError(404, `Connection ${c.req.param('connectionId')} was not found.`, { id: c.req.param('connectionId') });
    return json({ data: [connectionJson(connection)], next_token: null, total_count: 1 }, 200);
  });

  // The stand-in Link modal's own calls: the link token is their only credential, as in the real modal.
  app.get('/link/session', (c) => {
    const outcome = link.session(c.req.header(LINK_TOKEN_HEADER));
    if (!outcome.ok) return trackstarError(outcome.status, outcome.error);
    const { reinstall } = outcome.value;
    const listed = reinstall
      ? integrations.filter((integration) => integration.integrationType === reinstall.integrationType && integration.integrationName === reinstall.integrationName)
      : integrations.filter((integration) => integration.actions.length > 0);
    return json(
      {
        integrations: listed.map((integration) => ({
          integration_type: integration.integrationType,
          integration_name: integration.integrationName,
          display_name: integration.displayName,
        })),
        reinstall_connection_id: reinstall?.connectionId ?? null,
      },
      200,
    );
  });

  app.post('/link/session/authorize', async (c) => {
    const body = await objectBody(c, ['integration_type', 'integration_name', 'credential']);
    if (body instanceof Response) return body;
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const outcome = link.authorize(c.req.header(LINK_TOKEN_HEADER), field('integration_type') || 'wms', field('integration_name'), field('credential'));
    if (!outcome.ok) return trackstarError(outcome.status, outcome.error);
    return json({ auth_code: outcome.value, integration_name: field('integration_name') }, 200);
  });

  // ----- Reads -----

  app.get('/:type{wms|cart}/:resource/:id', requireApiKey, (c) => {
    const connection = connectionFrom(c);
    if (!connection) return missingConnection();
    const collection = `${c.req.param('type')}/${c.req.param('resource')}`;
    const id = c.req.param('id');
    const record = records.get(connection.accessToken, collection, id);
    if (!record) return trackstarError(404, `${recordLabel(collection)} ${id} was not found.`, { id });
    return json({ data: record }, 200);
  });

  app.notFound((c) => {
    const apiKey = c.req.header('x-trackstar-api-key');
    if (apiKey === undefined || !apiKeys.has(apiKey)) return trackstarError(401, 'Missing or invalid x-trackstar-api-key header.');
    return trackstarError(404, `No such endpoint: ${c.req.method} ${c.req.path}.`);
  });

  app.onError((error) => trackstarError(500, `The sandbox failed: ${error instanceof Error ? error.message : String(error)}`));

  return {
    fetch: async (request: Request) => app.fetch(request),
    integrations,
    connections,
    receivedWrites,
    get linkedConnections() {
      return link.list();
    },
    reset() {
      link.clear();
      records.clear();
      idempotency.clear();
      rateLimiter.clear();
      receivedWrites.length = 0;
    },
  };
}
