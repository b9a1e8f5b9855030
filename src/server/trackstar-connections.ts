/**
 * The host's side of Trackstar Link, as in Trackstar's getting-started guide: a link
 * token for `TrackstarConnectButton`, the exchange of its auth code for a stored
 * access token, the customer's connections with their health, and the lookup that
 * gives the proxy the token of the connection the page names. Fetch API only.
 *
 * The customer always comes from the host's session (`customerIdFor`), never from
 * the page: a page can only name connections, and only its own customer's work.
 */
import { connectionHealthFrom, unknownHealth, type ConnectionHealth } from './connection-health';
import type { ConnectionStore, StoredConnection } from './connection-store';
import { type BufferedResponse, proxyError, readBodyWithinLimit, toResponse } from './http';
import { ProxyRequestError, isProxyRequestError } from './proxy-request-error';
import type { FetchHandler } from './trackstar-proxy';
import { DEFAULT_UPSTREAM, DEFAULT_UPSTREAM_TIMEOUT_MS, type UpstreamSettings, callUpstream, normalizeUpstream } from './upstream';

/** The header the page names its connection in; the proxy looks its token up from it. */
export const CONNECTION_ID_HEADER = 'x-trackstar-connection-id';

export interface TrackstarConnectionsOptions {
  /** Your organization's Trackstar API key; only ever sent upstream. */
  apiKey: string;
  /** Where access tokens and connection details are kept (`createTrackstarStores(...).connections`). */
  store: ConnectionStore;
  /**
   * The customer the host's session says is making `request` (your user's account,
   * tenant…), or nothing when nobody is signed in (401).
   */
  customerIdFor: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
  /** Trackstar base URL. Default `https://production.trackstarhq.com`. */
  upstream?: string;
  /** Upstream transport. Default `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Deadline for each Trackstar call. Default 30 000 ms. */
  upstreamTimeoutMs?: number;
  /** Header naming the connection. Default `x-trackstar-connection-id`. */
  connectionHeader?: string;
}

/** A connection as the page receives it: never the access token. */
export interface ConnectionView {
  readonly connection_id: string;
  readonly integration_type: string;
  readonly integration_name: string;
  readonly available_actions: readonly string[];
  readonly created_at: string;
}

export interface ConnectionWithHealth extends ConnectionView {
  readonly health: ConnectionHealth;
}

export interface TrackstarConnections {
  /** `POST`, body `{}` or `{ "connection_id": "…" }` (reinstall) → `{ "linkToken": "…" }`. */
  readonly linkToken: FetchHandler;
  /**
   * `POST`, body `{ "auth_code": "…", "integration_type"?: "wms" | "cart" }` →
   * `{ "connection": ConnectionView }`. `customer_id` in the body, as the guide sends it,
   * must match the session's.
   */
  readonly storeToken: FetchHandler;
  /** `GET` → `{ "connections": ConnectionWithHealth[] }` of the session's customer. */
  readonly listConnections: FetchHandler;
  /**
   * For `createTrackstarProxy({ resolveAccessToken })`: the token of the connection named
   * in the `x-trackstar-connection-id` header, if it is the session customer's (else 403).
   * No header: no token (integration-level schemas only).
   */
  readonly resolveAccessToken: (request: Request) => Promise<string | undefined>;
}

const MAX_BODY_BYTES = 16 * 1024;
const INTEGRATION_TYPES = new Set(['wms', 'cart']);

function configurationError(message: string): TypeError {
  return new TypeError(`createTrackstarConnections: ${message}`);
}

function jsonAnswer(status: number, body: unknown): BufferedResponse {
  return {
    status,
    headers: new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }),
    body: new TextEncoder().encode(JSON.stringify(body)),
  };
}

function viewOf(connection: StoredConnection): ConnectionView {
  return {
    connection_id: connection.connectionId,
    integration_type: connection.integrationType,
    integration_name: connection.integrationName,
    available_actions: connection.availableActions,
    created_at: connection.createdAt,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(bytes: Uint8Array | null): unknown {
  if (bytes === null) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return Symbol.for('invalid');
  }
}

/** The JSON object a helper was sent; an empty body is `{}`. Anything else is a 400 that says what was wrong. */
async function readObject(request: Request): Promise<Record<string, unknown>> {
  const read = await readBodyWithinLimit(request, MAX_BODY_BYTES);
  if (!read.ok) throw new ProxyRequestError(413, `The request body is larger than the ${MAX_BODY_BYTES}-byte limit.`);
  const value = parseJson(read.bytes);
  if (value === undefined) return {};
  if (typeof value === 'symbol') throw new ProxyRequestError(400, 'The request body must be valid JSON.');
  if (!isRecord(value)) throw new ProxyRequestError(400, 'The request body must be a JSON object.');
  return value;
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new ProxyRequestError(400, `${field} must be a non-empty string.`);
  return value.trim();
}

/**
 * Trackstar's own error, relayed with its status: only `error`, `origin` and
 * `detail`, so nothing else from the upstream answer reaches the browser.
 */
function relayedError(upstream: BufferedResponse, action: string): BufferedResponse {
  // Non-JSON answers (a gateway's HTML page) become Trackstar's refusal, in the proxy's shape.
  const parsed = parseJson(upstream.body);
  const body = isRecord(parsed) ? parsed : {};
  // A 502/504 of our own (network) says so in `origin`; anything else is Trackstar's answer.
  const origin = typeof body.origin === 'string' ? body.origin : 'trackstar';
  const relayed: Record<string, unknown> = { error: typeof body.error === 'string' ? body.error : `Trackstar refused ${action}.`, origin };
  if (isRecord(body.detail)) relayed.detail = body.detail;
  const answer = jsonAnswer(upstream.status, relayed);
  const requestId = upstream.headers.get('x-request-id');
  if (requestId !== null) answer.headers.set('x-request-id', requestId);
  return answer;
}

export function createTrackstarConnections(options: TrackstarConnectionsOptions): TrackstarConnections {
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw configurationError('apiKey is required. Pass your Trackstar API key from server-side configuration.');
  }
  if (options.store === undefined) throw configurationError('store is required (see createTrackstarStores).');
  if (typeof options.customerIdFor !== 'function') throw configurationError('customerIdFor(request) is required: it names the signed-in customer.');
  const settings: UpstreamSettings = {
    upstream: normalizeUpstream(options.upstream ?? DEFAULT_UPSTREAM, configurationError),
    transport: options.fetch ?? ((request) => globalThis.fetch(request)),
    upstreamTimeoutMs: options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
  };
  const { store } = options;
  const connectionHeader = (options.connectionHeader ?? CONNECTION_ID_HEADER).toLowerCase();

  const trackstar = (method: string, path: string, body?: unknown) =>
    callUpstream(settings, {
      url: `${settings.upstream}${path}`,
      method,
      headers: new Headers({
        'x-trackstar-api-key': options.apiKey,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      }),
      body: body === undefined ? null : new TextEncoder().encode(JSON.stringify(body)),
    });

  async function signedInCustomer(request: Request): Promise<string> {
    const customerId = await options.customerIdFor(request);
    if (typeof customerId !== 'string' || customerId === '') {
      throw new ProxyRequestError(401, 'Sign in first: no customer is signed in for this request.');
    }
    return customerId;
  }

  /** The connection, if the customer owns it: 404 when nobody does, 403 when someone else does. */
  async function ownedConnection(customerId: string, connectionId: string): Promise<StoredConnection> {
    const connection = await store.find(connectionId);
    if (connection === undefined) throw new ProxyRequestError(404, `No connection ${connectionId} is stored.`);
    if (connection.customerId !== customerId) throw new ProxyRequestError(403, `Connection ${connectionId} belongs to another customer.`);
    return connection;
  }

  const handler =
    (method: string, work: (request: Request) => Promise<BufferedResponse>): FetchHandler =>
    async (request) => {
      if (request.method.toUpperCase() !== method) {
        return toResponse(proxyError(405, `${request.method} is not allowed here; use ${method}.`, 'proxy', { allow: method }));
      }
      try {
        return toResponse(await work(request));
      } catch (error) {
        if (isProxyRequestError(error)) return toResponse(proxyError(error.status, error.message));
        throw error;
      }
    };

  const linkToken = handler('POST', async (request) => {
    const customerId = await signedInCustomer(request);
    const body = await readObject(request);
    const connectionId = optionalString(body, 'connection_id');
    if (connectionId !== undefined) await ownedConnection(customerId, connectionId);
    const upstream = await trackstar('POST', '/link/token', connectionId === undefined ? {} : { connection_id: connectionId });
    if (upstream.status !== 200) return relayedError(upstream, 'the link token');
    const answer = parseJson(upstream.body);
    const token = isRecord(answer) ? answer.link_token : undefined;
    if (typeof token !== 'string' || token === '') return proxyError(502, 'Trackstar answered POST /link/token without a link_token.', 'proxy');
    return jsonAnswer(200, { linkToken: token });
  });

  const storeToken = handler('POST', async (request) => {
    const customerId = await signedInCustomer(request);
    const body = await readObject(request);
    const authCode = optionalString(body, 'auth_code');
    if (authCode === undefined) {
      throw new ProxyRequestError(400, 'auth_code is required: send the auth code TrackstarConnectButton passed to onSuccess.');
    }
    const claimedCustomer = optionalString(body, 'customer_id');
    if (claimedCustomer !== undefined && claimedCustomer !== customerId) {
      throw new ProxyRequestError(403, 'customer_id does not match the signed-in customer.');
    }
    const integrationType = optionalString(body, 'integration_type') ?? 'wms';
    if (!INTEGRATION_TYPES.has(integrationType)) throw new ProxyRequestError(400, `integration_type must be "wms" or "cart", got "${integrationType}".`);

    const upstream = await trackstar('POST', '/link/exchange', { auth_code: authCode, customer_id: customerId });
    if (upstream.status !== 200) return relayedError(upstream, 'the auth code');
    const answer = parseJson(upstream.body);
    const exchanged = isRecord(answer) ? answer : {};
    const missing = ['access_token', 'connection_id', 'integration_name'].filter((field) => typeof exchanged[field] !== 'string' || exchanged[field] === '');
    if (missing.length > 0) return proxyError(502, `Trackstar's POST /link/exchange answer lacks ${missing.join(', ')}.`, 'proxy');
    const connectionId = exchanged.connection_id as string;

    const existing = await store.find(connectionId);
    if (existing !== undefined && existing.customerId !== customerId) {
      throw new ProxyRequestError(403, `Connection ${connectionId} belongs to another customer.`);
    }
    const actions = Array.isArray(exchanged.available_actions) ? exchanged.available_actions.filter((action): action is string => typeof action === 'string') : [];
    const stored = await store.save({
      connectionId,
      customerId,
      integrationType: existing?.integrationType ?? integrationType,
      integrationName: exchanged.integration_name as string,
      availableActions: actions,
      accessToken: exchanged.access_token as string,
    });
    return jsonAnswer(200, { connection: viewOf(stored) });
  });

  async function healthOf(connection: StoredConnection): Promise<ConnectionHealth> {
    const upstream = await trackstar('GET', `/connections/${encodeURIComponent(connection.connectionId)}`);
    if (upstream.status === 200) return connectionHealthFrom(parseJson(upstream.body), connection.connectionId);
    const answer = parseJson(upstream.body);
    const message = isRecord(answer) && typeof answer.error === 'string' ? answer.error : `HTTP ${upstream.status}`;
    return unknownHealth(`Trackstar could not report this connection's health: ${message}`);
  }

  const listConnections = handler('GET', async (request) => {
    const customerId = await signedInCustomer(request);
    const connections = await store.list(customerId);
    const withHealth: ConnectionWithHealth[] = await Promise.all(
      connections.map(async (connection) => ({ ...viewOf(connection), health: await healthOf(connection) })),
    );
    return jsonAnswer(200, { connections: withHealth });
  });

  async function resolveAccessToken(request: Request): Promise<string | undefined> {
    const connectionId = request.headers.get(connectionHeader)?.trim();
    if (connectionId === undefined || connectionId === '') return undefined;
    const customerId = await signedInCustomer(request);
    const token = await store.accessToken(customerId, connectionId);
    if (token !== undefined) return token;
    await ownedConnection(customerId, connectionId);
    // Owned but without a token: only a concurrent delete gets here.
    throw new ProxyRequestError(404, `No connection ${connectionId} is stored.`);
  }

  return { linkToken, storeToken, listConnections, resolveAccessToken };
}
