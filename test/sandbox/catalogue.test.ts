// @vitest-environment node
import { toFormSchema } from '../../src/core/schema/to-form-schema';
import type { IntegrationInfo, OpenApiDocument, SchemaNode } from '../../src/core/types';
import { FIXTURE_SPEC, createSandbox, type Sandbox, type SandboxIntegration } from '../../src/sandbox';
import { asRecord, call, describeRealSpec, loadRealSpec } from './helpers';

/**
 * What `/integrations/{type}/{name}` says about each action must agree with the schema:
 * every property listed exactly once, the same required fields, and folding the
 * write operation into the form schema changes nothing.
 */
function expectConsistentWithSchemas(spec: OpenApiDocument, integration: SandboxIntegration, info: IntegrationInfo): void {
  expect(info.integration_name).toBe(integration.integrationName);
  expect(info.display_name).toBe(integration.displayName);
  expect(info.available_actions).toEqual(integration.actions.map((action) => action.action));
  expect(info.write_operations.map((operation) => operation.action)).toEqual(info.available_actions);

  integration.actions.forEach((action, index) => {
    const operation = info.write_operations[index]!;
    const label = `${integration.integrationName} ${action.action}`;
    expect(operation.url, label).toBe(`${action.method} ${action.path}`);

    const schema = spec.components!.schemas![action.schemaName]!;
    const schemaProperties = Object.keys(schema.properties as Record<string, unknown>);
    const topLevel = (fields: string[]) => fields.filter((field) => !field.includes('.'));
    const listed = [
      ...topLevel(operation.required_base_schema_fields),
      ...operation.optional_base_schema_fields,
      ...Object.keys(operation.integration_specific_fields.properties),
    ];
    expect([...listed].sort(), label).toEqual([...schemaProperties].sort());
    const required = [...topLevel(operation.required_base_schema_fields), ...(operation.integration_specific_fields.required_fields ?? [])];
    expect(required.sort(), label).toEqual(((schema.required as string[] | undefined) ?? []).filter((name) => schemaProperties.includes(name)).sort());

    const schemaRef = `#/components/schemas/${action.schemaName}`;
    const plain = toFormSchema({ document: spec, schemaRef }, { method: action.method });
    const merged = toFormSchema({ document: spec, schemaRef }, { method: action.method, writeOperation: operation });
    expect(merged, label).toEqual(plain);
  });
}

async function integrationInfos(sandbox: Sandbox, integration: SandboxIntegration): Promise<IntegrationInfo> {
  const response = await call(sandbox, `/integrations/${integration.integrationType}/${integration.integrationName}`);
  expect(response.status).toBe(200);
  const data = asRecord(response.body).data as unknown as IntegrationInfo[];
  expect(data).toHaveLength(1);
  return data[0]!;
}

describe('integration catalogue', () => {
  const sandbox = createSandbox({ integrationsRateLimitWindowMs: false });

  it('derives the fixture integrations from schema names and discriminator mappings', () => {
    const summary = sandbox.integrations.map((integration) => [
      `${integration.integrationType}/${integration.integrationName}`,
      integration.displayName,
      integration.actions.length,
    ]);
    expect(summary).toEqual([
      ['wms/bluefin', 'Bluefin WMS', 13],
      ['wms/cratewise', 'Cratewise', 5],
      ['wms/dockhand', 'Dockhand', 2],
      ['wms/marketmint', 'Marketmint Fulfillment', 1],
      ['wms/palletly', 'Palletly 3PL', 7],
      ['cart/marketmint', 'Marketmint', 1],
      ['cart/shopwave', 'Shopwave', 2],
    ]);
    const covered = new Set(sandbox.integrations.flatMap((integration) => integration.actions.map((action) => action.action)));
    expect(covered.size).toBe(15);
  });

  it('names an integration after its schema key when no mapping entry points at the schema', () => {
    const spec = structuredClone(FIXTURE_SPEC);
    const mapping = (spec.components!.schemas!.CreatewmsOrderInputSchema!.discriminator as { mapping: Record<string, string> }).mapping;
    delete mapping.palletly;
    const palletly3pl = createSandbox({ spec }).integrations.find((integration) => integration.integrationName === 'palletly-3pl');
    expect(palletly3pl).toMatchObject({ displayName: 'Palletly 3PL', actions: [{ action: 'create_order' }] });
  });

  it('gives every integration a writable and a read-only connection, told apart by (type, name)', () => {
    expect(sandbox.connections).toHaveLength(sandbox.integrations.length * 2);
    expect(sandbox.connections.filter((connection) => connection.integrationName === 'marketmint')).toEqual([
      { accessToken: 'sandbox-wms-marketmint', integrationType: 'wms', integrationName: 'marketmint', displayName: 'Marketmint Fulfillment', writesDisabled: false },
      { accessToken: 'sandbox-wms-marketmint-readonly', integrationType: 'wms', integrationName: 'marketmint', displayName: 'Marketmint Fulfillment', writesDisabled: true },
      { accessToken: 'sandbox-cart-marketmint', integrationType: 'cart', integrationName: 'marketmint', displayName: 'Marketmint', writesDisabled: false },
      { accessToken: 'sandbox-cart-marketmint-readonly', integrationType: 'cart', integrationName: 'marketmint', displayName: 'Marketmint', writesDisabled: true },
    ]);
  });

  it('rejects a spec that is not an OpenAPI document', () => {
    expect(() => createSandbox({ spec: { swagger: '2.0' } })).toThrow(/OpenAPI document/);
  });
});

describe('GET /integrations', () => {
  const sandbox = createSandbox({ integrationsRateLimitWindowMs: false });

  it('lists the integrations of a type', async () => {
    for (const type of ['wms', 'cart'] as const) {
      const response = await call(sandbox, `/integrations/${type}`);
      expect(response.status).toBe(200);
      const names = (asRecord(response.body).data as unknown as IntegrationInfo[]).map((info) => info.integration_name);
      expect(names).toEqual(sandbox.integrations.filter((integration) => integration.integrationType === type).map((integration) => integration.integrationName));
    }
  });

  it.each(['wms/bluefin', 'wms/cratewise', 'wms/palletly', 'wms/dockhand', 'wms/marketmint', 'cart/shopwave', 'cart/marketmint'])(
    'describes %s consistently with its schemas',
    async (key) => {
      const integration = sandbox.integrations.find((candidate) => `${candidate.integrationType}/${candidate.integrationName}` === key)!;
      const info = await integrationInfos(sandbox, integration);
      expect(info).toMatchObject({ install_method: 'input', list_operations: [], logo_url: expect.any(String), description: expect.any(String) });
      expectConsistentWithSchemas(FIXTURE_SPEC, integration, info);
    },
  );

  it('splits base fields from integration-specific ones, with nested required fields as dot paths', async () => {
    const cratewise = sandbox.integrations.find((integration) => integration.integrationName === 'cratewise')!;
    const createOrder = (await integrationInfos(sandbox, cratewise)).write_operations[0]!;
    expect(createOrder.required_base_schema_fields).toEqual(
      expect.arrayContaining(['order_number', 'line_items', 'line_items.sku', 'line_items.quantity', 'ship_to_address.city']),
    );
    expect(createOrder.optional_base_schema_fields).toEqual(expect.arrayContaining(['reference_id', 'channel', 'channel_object']));
    expect(createOrder.integration_specific_fields).toMatchObject({
      type: 'object',
      required_fields: ['warehouse_id'],
      properties: { warehouse_id: { title: 'warehouse_id', enum: ['N/A - Connect an account to see options'] }, client_id: {} },
    });
  });

  it('inlines references inside integration-specific fields', async () => {
    const palletly = sandbox.integrations.find((integration) => integration.integrationName === 'palletly')!;
    const info = await integrationInfos(sandbox, palletly);
    const receipt = info.write_operations.find((operation) => operation.action === 'receive_inbound_shipment')!;
    expect(receipt.integration_specific_fields.properties.received_date).toMatchObject({ type: 'string', format: 'date' });
    const kit = info.write_operations.find((operation) => operation.action === 'create_kit')!;
    expect(JSON.stringify(kit)).not.toContain('$ref');
  });

  it('answers 404 for an unknown integration or type, and 401 without an API key', async () => {
    expect(await call(sandbox, '/integrations/wms/tidewater')).toMatchObject({ status: 404, body: { error: expect.any(String), origin: 'trackstar' } });
    expect(await call(sandbox, '/integrations/freight')).toMatchObject({ status: 404, body: { origin: 'trackstar' } });
    expect(await call(sandbox, '/integrations/wms', { apiKey: null })).toMatchObject({ status: 401, body: { error: expect.any(String), origin: 'trackstar' } });
    expect(await call(sandbox, '/integrations/wms', { apiKey: 'wrong-key' })).toMatchObject({ status: 401 });
  });
});

describe('rate limit of GET /integrations', () => {
  let clock = 1_700_000_000_000;
  const sandbox = createSandbox({ now: () => clock, apiKeys: ['key-a', 'key-b'] });
  beforeEach(() => sandbox.reset());

  it('allows one call per minute per API key and path, with rate-limit headers', async () => {
    const first = await call(sandbox, '/integrations/wms', { apiKey: 'key-a' });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('1');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(first.headers.get('x-ratelimit-reset')).toBe('60');

    clock += 20_500;
    const second = await call(sandbox, '/integrations/wms', { apiKey: 'key-a' });
    expect(second).toMatchObject({ status: 429, body: { error: expect.stringMatching(/rate limit/i), origin: 'trackstar' } });
    expect(second.headers.get('retry-after')).toBe('40');
    expect(second.headers.get('x-ratelimit-limit')).toBe('1');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(second.headers.get('x-ratelimit-reset')).toBe('40');
    expect(second.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]+$/);

    expect((await call(sandbox, '/integrations/wms/bluefin', { apiKey: 'key-a' })).status).toBe(200);
    expect((await call(sandbox, '/integrations/wms', { apiKey: 'key-b' })).status).toBe(200);

    clock += 39_500;
    expect((await call(sandbox, '/integrations/wms', { apiKey: 'key-a' })).status).toBe(200);
  });

  it('forgets its windows on reset', async () => {
    expect((await call(sandbox, '/integrations/cart', { apiKey: 'key-a' })).status).toBe(200);
    expect((await call(sandbox, '/integrations/cart', { apiKey: 'key-a' })).status).toBe(429);
    sandbox.reset();
    expect((await call(sandbox, '/integrations/cart', { apiKey: 'key-a' })).status).toBe(200);
  });

  it('does not limit write-info', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await call(sandbox, '/integrations/wms/bluefin/write-info', { apiKey: 'key-a' })).status).toBe(200);
    }
  });
});

describeRealSpec('catalogue.test.ts', () => {
  it('lists every integration of the real spec consistently with its schemas', async () => {
    const spec = loadRealSpec();
    const sandbox = createSandbox({ spec, integrationsRateLimitWindowMs: false });
    expect(sandbox.integrations.length).toBeGreaterThan(0);
    // The real spec reuses names across types (a WMS and a cart both called "sandbox"): identity is (type, name).
    const identities = sandbox.integrations.map((integration) => `${integration.integrationType}/${integration.integrationName}`);
    expect(new Set(identities).size).toBe(identities.length);
    for (const integration of sandbox.integrations) {
      expectConsistentWithSchemas(spec, integration, await integrationInfos(sandbox, integration));
    }
    const schemaCount = Object.keys(spec.components!.schemas as Record<string, SchemaNode>).filter((name) =>
      sandbox.integrations.some((integration) => integration.actions.some((action) => action.schemaName === name)),
    ).length;
    expect(schemaCount).toBe(sandbox.integrations.reduce((count, integration) => count + integration.actions.length, 0));
  });
});
