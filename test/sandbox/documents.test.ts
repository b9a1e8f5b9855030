// @vitest-environment node
import { WRITE_ACTIONS } from '../../src/core/actions';
import { toFormSchema } from '../../src/core/schema/to-form-schema';
import type { JsonValue, MetaSchemaDocument, OpenApiDocument, SchemaNode } from '../../src/core/types';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { REAL_SPEC_TIMEOUT_MS, asRecord, call, describeRealSpec, loadRealSpec, strictAjv, tokenOf } from './helpers';

const sandbox = createSandbox();
const bluefin = { integrationType: 'wms', integrationName: 'bluefin' } as const;
const cratewise = { integrationType: 'wms', integrationName: 'cratewise' } as const;
const palletly = { integrationType: 'wms', integrationName: 'palletly' } as const;

function definitionsOf(meta: JsonValue): Record<string, SchemaNode> {
  return asRecord(meta).definitions as Record<string, SchemaNode>;
}
function propertiesOf(schema: SchemaNode | undefined): Record<string, SchemaNode> {
  return (schema?.properties ?? {}) as Record<string, SchemaNode>;
}

/** Every schema node under `node`, for checks that must hold everywhere. */
function nodes(node: unknown): SchemaNode[] {
  if (Array.isArray(node)) return node.flatMap(nodes);
  if (node === null || typeof node !== 'object') return [];
  return [node as SchemaNode, ...Object.entries(node).flatMap(([key, child]) => (['enum', 'default', 'example'].includes(key) ? [] : nodes(child)))];
}

describe('GET /{type}/{resource}/meta', () => {
  it('answers draft-07 with definitions, a top-level $ref and Trackstar quirks', async () => {
    const response = await call(sandbox, '/wms/orders/meta?method=POST', { token: tokenOf(bluefin) });
    expect(response.status).toBe(200);
    const meta = asRecord(response.body);
    expect(meta.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(meta.$ref).toBe('#/definitions/CreatewmsOrder--Bluefin_WMS--');
    const definitions = definitionsOf(response.body);
    expect(Object.keys(definitions)).toEqual(
      expect.arrayContaining(['CreatewmsOrder--Bluefin_WMS--', 'BluefinShipToAddress', 'BluefinOrderLineItem', 'ChannelSchema', 'ChannelById', 'ChannelByName']),
    );
    expect(JSON.stringify(meta)).not.toContain('#/components/');

    const order = propertiesOf(definitions['CreatewmsOrder--Bluefin_WMS--']);
    expect(order.order_number).toMatchObject({ title: 'order_number', type: 'string', description: expect.any(String), maxLength: 40 });
    expect(order.ship_to_address).toEqual({ type: 'object', $ref: '#/definitions/BluefinShipToAddress' });
    expect(order.line_items!.items).toEqual({ type: 'object', $ref: '#/definitions/BluefinOrderLineItem' });
    expect(order.order_type).toMatchObject({ enum: ['customer', 'wholesale', 'replacement'], enumNames: [], default: 'customer' });
    expect(order.total_price).toMatchObject({ type: 'number', format: 'float' });
    expect(order.priority).toMatchObject({ type: 'integer', default: 100, minimum: 1, maximum: 10000 });
    expect(order.priority).not.toHaveProperty('format');
    expect(order.warehouse_customer_id).toMatchObject({ nullable: true });
    expect(order.channel_object).toMatchObject({ title: 'channel_object', allOf: [{ $ref: '#/definitions/ChannelSchema' }], description: expect.any(String) });
    expect(definitions.ChannelSchema!.discriminator).toEqual({
      propertyName: 'type',
      mapping: { id: '#/definitions/ChannelById', name: '#/definitions/ChannelByName' },
    });
    expect(nodes(meta).filter((node) => 'example' in node)).toEqual([]);
  });

  it('gives a property without a description an empty one', async () => {
    const response = await call(sandbox, '/wms/products/meta?method=POST', { token: tokenOf(palletly) });
    const product = propertiesOf(definitionsOf(response.body)['CreatewmsProduct--Palletly_3PL--']);
    expect(product.measurements).toMatchObject({ title: 'measurements', description: '', anyOf: [{ type: 'object', nullable: true }, { $ref: '#/definitions/PalletlyMeasurements' }] });
  });

  it('picks the action by method', async () => {
    const response = await call(sandbox, '/wms/orders/meta?method=PUT', { token: tokenOf(bluefin) });
    expect(asRecord(response.body).$ref).toBe('#/definitions/UpdatewmsOrder--Bluefin_WMS--');
  });

  it('replaces account placeholders with the connection options', async () => {
    const response = await call(sandbox, '/wms/orders/meta?method=POST', { token: tokenOf(cratewise) });
    const order = propertiesOf(definitionsOf(response.body)['CreatewmsOrder--Cratewise--']);
    expect(order.warehouse_id!.enum).toEqual(['wh_east', 'wh_west']);
    expect(order.channel!.enum).toEqual(['web_store', 'wholesale', 'marketplace']);
    expect(order.client_id!.enum).toEqual(['client_northwind', 'client_globex']);
    const returns = await call(sandbox, '/wms/returns/meta?method=POST', { token: tokenOf(cratewise) });
    const cause = propertiesOf(definitionsOf(returns.body).ReturnCause);
    expect(cause.code!.enum).toEqual(['DAMAGED', 'WRONG_ITEM', 'NOT_NEEDED']);
    expect(cause.return_reason!.enum).toEqual(['Damaged in transit', 'Wrong item shipped', 'No longer needed']);
  });

  it('serves the integration-level schema by name, placeholders kept, and says whether a connection would add options', async () => {
    const integrationLevel = await call(sandbox, '/wms/orders/meta/cratewise?method=POST');
    expect(integrationLevel.status).toBe(200);
    expect(asRecord(integrationLevel.body).has_connection_specific_fields).toBe(true);
    expect(propertiesOf(definitionsOf(integrationLevel.body)['CreatewmsOrder--Cratewise--']).warehouse_id!.enum).toEqual([
      'N/A - Connect an account to see options',
    ]);
    const bluefinLevel = await call(sandbox, '/wms/orders/meta/bluefin?method=POST');
    expect(asRecord(bluefinLevel.body).has_connection_specific_fields).toBe(false);
  });

  it('answers 422 naming the method parameter when it is missing or invalid', async () => {
    const missing = await call(sandbox, '/wms/orders/meta', { token: tokenOf(bluefin) });
    expect(missing).toMatchObject({ status: 422, body: { origin: 'trackstar', detail: { query: { method: ['Missing data for required field.'] } } } });
    const invalid = await call(sandbox, '/wms/orders/meta/bluefin?method=DELETE');
    expect(invalid).toMatchObject({ status: 422, body: { detail: { query: { method: [expect.stringContaining('POST, PUT')] } } } });
  });

  it('answers 501 when the integration lacks the action, 401 without a token, 404 for unknown names', async () => {
    const dockhand = { integrationType: 'wms', integrationName: 'dockhand' } as const;
    expect(await call(sandbox, '/wms/kits/meta?method=POST', { token: tokenOf(dockhand) })).toEqual(
      expect.objectContaining({ status: 501, body: { error: 'Endpoint create_kit is not implemented for Dockhand', origin: 'trackstar' } }),
    );
    expect((await call(sandbox, '/wms/kits/meta/dockhand?method=PUT')).body).toEqual({
      error: 'Endpoint update_kit is not implemented for Dockhand',
      origin: 'trackstar',
    });
    // A cart connection has no WMS actions at all.
    expect((await call(sandbox, '/wms/orders/meta?method=POST', { token: 'sandbox-cart-shopwave' })).status).toBe(501);
    expect((await call(sandbox, '/wms/orders/meta?method=POST')).status).toBe(401);
    expect((await call(sandbox, '/wms/orders/meta?method=POST', { token: 'not-a-token' })).status).toBe(401);
    expect((await call(sandbox, '/wms/orders/meta/tidewater?method=POST')).status).toBe(404);
    expect((await call(sandbox, '/wms/widgets/meta?method=POST', { token: tokenOf(bluefin) })).status).toBe(404);
  });
});

describe('GET /integrations/{type}/{name}/write-info', () => {
  it('answers OpenAPI 3.1 with the integration operations and only the schemas they use', async () => {
    const response = await call(sandbox, '/integrations/wms/palletly/write-info');
    expect(response.status).toBe(200);
    const document = response.body as unknown as OpenApiDocument;
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths!).flatMap(([path, item]) =>
      Object.entries(item as Record<string, SchemaNode>).map(([method, operation]) => [operation.operationId, method, path]),
    );
    expect(operations).toEqual(
      sandbox.integrations
        .find((integration) => integration.integrationName === 'palletly')!
        .actions.map((action) => [action.action, action.method.toLowerCase(), action.path]),
    );
    const createKit = (document.paths!['/wms/kits'] as Record<string, SchemaNode>).post!;
    expect(createKit.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreatewmsKit--Palletly_3PL--' } } },
    });
    const schemas = document.components!.schemas!;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['CreatewmsKit--Palletly_3PL--', 'PalletlyMeasurements', 'PalletlyKitComponent']));
    expect(schemas).not.toHaveProperty('BluefinShipToAddress');
    expect(schemas).not.toHaveProperty('CreatewmsOrderInputSchema');
  });

  it('turns nullable into a "null" type and keeps examples, allOf wrappers and discriminators', async () => {
    const response = await call(sandbox, '/integrations/wms/bluefin/write-info');
    const schemas = (response.body as unknown as OpenApiDocument).components!.schemas!;
    expect(JSON.stringify(schemas)).not.toContain('"nullable"');
    const order = propertiesOf(schemas['CreatewmsOrder--Bluefin_WMS--']);
    expect(order.trackstar_tags).toMatchObject({ type: ['array', 'null'], items: {}, example: expect.any(Array) });
    expect(order.channel_object).toMatchObject({ allOf: [{ $ref: '#/components/schemas/ChannelSchema' }], description: expect.any(String) });
    expect(schemas.ChannelSchema).toMatchObject({ discriminator: { propertyName: 'type' }, properties: {}, additionalProperties: false });
  });

  it('keeps placeholders without a token and fills in the options of the connection with one', async () => {
    const shipment = async (token?: string) => {
      const response = await call(sandbox, '/integrations/wms/palletly/write-info', { token });
      expect(response.status).toBe(200);
      return propertiesOf((response.body as unknown as OpenApiDocument).components!.schemas!['CreateShipmentwmsOrder--Palletly_3PL--']);
    };
    expect((await shipment()).carrier_id!.enum).toEqual(['Connect an account to see available carriers']);
    const connected = await shipment(tokenOf(palletly));
    expect(connected.carrier_id!.enum).toEqual(['ups', 'fedex', 'usps']);
    expect(connected.carrier!.enum).toEqual(['UPS', 'FedEx', 'USPS']);
  });

  it('refuses a token of another integration (400) or an unknown token (401)', async () => {
    expect(await call(sandbox, '/integrations/wms/palletly/write-info', { token: tokenOf(bluefin) })).toMatchObject({
      status: 400,
      body: { origin: 'trackstar' },
    });
    expect((await call(sandbox, '/integrations/wms/palletly/write-info', { token: 'nope' })).status).toBe(401);
    expect((await call(sandbox, '/integrations/wms/tidewater/write-info')).status).toBe(404);
  });
});

/** Every meta and write-info answer must become a form schema that strict ajv compiles silently. */
async function expectEveryAnswerCompiles(target: Sandbox): Promise<number> {
  let compiled = 0;
  const compile = (label: string, build: () => object) => {
    const { ajv, warnings } = strictAjv();
    ajv.compile(build());
    expect(warnings, label).toEqual([]);
    compiled += 1;
  };
  for (const integration of target.integrations) {
    const { integrationType: type, integrationName: name } = integration;
    const token = tokenOf(integration);
    for (const withToken of [false, true]) {
      const writeInfo = await call(target, `/integrations/${type}/${name}/write-info`, { token: withToken ? token : undefined });
      expect(writeInfo.status).toBe(200);
      for (const action of integration.actions) {
        compile(`${type}/${name} ${action.action} write-info`, () =>
          toFormSchema({ document: writeInfo.body as unknown as OpenApiDocument, operation: { operationId: action.action } }, { method: action.method }),
        );
      }
    }
    for (const action of integration.actions) {
      const resource = WRITE_ACTIONS[action.action].metaResource;
      if (resource === null) continue;
      for (const path of [`/${type}/${resource}/meta?method=${action.method}`, `/${type}/${resource}/meta/${name}?method=${action.method}`]) {
        const meta = await call(target, path, { token });
        expect(meta.status, path).toBe(200);
        compile(`${type}/${name} ${path}`, () => toFormSchema(meta.body as MetaSchemaDocument, { method: action.method }));
      }
    }
  }
  return compiled;
}

describe('form schemas from meta and write-info', () => {
  it('compile in strict ajv without warnings for every fixture integration and action', async () => {
    expect(await expectEveryAnswerCompiles(sandbox)).toBeGreaterThan(50);
  });
});

describeRealSpec('documents.test.ts', () => {
  it('meta and write-info of every real integration compile in strict ajv without warnings', async () => {
    const realSandbox = createSandbox({ spec: loadRealSpec() });
    expect(await expectEveryAnswerCompiles(realSandbox)).toBeGreaterThan(400);
  }, REAL_SPEC_TIMEOUT_MS);
});
