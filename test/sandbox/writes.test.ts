// @vitest-environment node
import { WRITE_ACTIONS } from '../../src/core/actions';
import type { JsonValue } from '../../src/core/types';
import { SANDBOX_SEED_PATH_PARAMS, createSandbox, sampleBody, type Sandbox, type SandboxAction, type SandboxIntegration } from '../../src/sandbox';
import { REAL_SPEC_TIMEOUT_MS, asRecord, call, connectionFormSchema, describeRealSpec, loadRealSpec, seededPath, tokenOf, type CallResult } from './helpers';

const BLUEFIN = 'sandbox-wms-bluefin';
const ORDER = {
  order_number: '1001',
  ship_to_address: { full_name: 'Dana Whitfield', address1: '18 Harbor Lane', city: 'Portland', postal_code: '04101', country: 'US' },
  line_items: [{ sku: 'TEE-BLK-M', quantity: 2 }],
};

const createOrder = (sandbox: Sandbox, body: unknown, options: { token?: string; headers?: Record<string, string> } = {}) =>
  call(sandbox, '/wms/orders', { method: 'POST', token: options.token ?? BLUEFIN, body, headers: options.headers });

/** What the id of a record written by each action starts with. */
const ID_PATTERNS: Record<string, RegExp> = {
  create_order: /^ord_\d+$/,
  create_return: /^ret_\d+$/,
  create_inbound_shipment: /^ibs_\d+$/,
  create_kit: /^kit_\d+$/,
  create_product: /^prod_\d+$/,
  create_order_shipment: /^shp_\d+$/,
  create_cart_order_shipment: /^shp_\d+$/,
  receive_inbound_shipment: /^rcpt_\d+$/,
  adjust_inventory: /^adj_\d+$/,
  adjust_cart_inventory: /^adj_\d+$/,
  update_order: /^ord_1$/,
  update_return: /^ret_1$/,
  update_inbound_shipment: /^ibs_1$/,
  update_kit: /^kit_1$/,
  update_product: /^prod_1$/,
};

/** Sends the minimal body built from the connection-level schema, and returns a failure description or undefined. */
async function writeSampleBody(sandbox: Sandbox, integration: SandboxIntegration, action: SandboxAction): Promise<string | undefined> {
  const body = sampleBody(await connectionFormSchema(sandbox, integration, action));
  const path = seededPath(action);
  const response = await call(sandbox, path, { method: action.method, token: tokenOf(integration), body });
  const label = `${integration.integrationType}/${integration.integrationName} ${action.action}`;
  if (response.status !== 200) return `${label}: ${response.status} ${JSON.stringify(response.body)} for ${JSON.stringify(body)}`;
  const answer = asRecord(response.body);
  if (!ID_PATTERNS[action.action]!.test(String(answer.id))) return `${label}: unexpected id ${String(answer.id)}`;
  if (!Array.isArray(answer.unused_fields)) return `${label}: no unused_fields`;
  const record = asRecord(answer.data);
  const { id: _bodyId, ...fields } = body as Record<string, JsonValue>;
  if (record.id !== answer.id || JSON.stringify(record) !== JSON.stringify({ ...record, ...fields })) return `${label}: the record does not hold the body`;
  if (!action.path.includes('}/')) {
    // Top-level records (created or updated) can be read back.
    const resource = action.path.split('/')[2];
    const read = await call(sandbox, `/${integration.integrationType}/${resource}/${String(answer.id)}`, { token: tokenOf(integration) });
    if (read.status !== 200 || JSON.stringify(asRecord(read.body).data) !== JSON.stringify(answer.data)) return `${label}: GET answered ${read.status}`;
  }
  return undefined;
}

describe('a minimal valid body is accepted', () => {
  const sandbox = createSandbox();
  const cases = sandbox.integrations.flatMap((integration) => integration.actions.map((action) => ({ integration, action })));

  it.each(cases.map((entry) => [`${entry.integration.integrationType}/${entry.integration.integrationName} ${entry.action.action}`, entry] as const))(
    '%s',
    async (_label, { integration, action }) => {
      expect(await writeSampleBody(sandbox, integration, action)).toBeUndefined();
      expect(sandbox.receivedWrites.at(-1)).toMatchObject({
        action: action.action,
        integrationName: integration.integrationName,
        method: action.method,
        status: 200,
        replayed: false,
        idempotencyKey: null,
      });
    },
  );

  it('covers all 15 write actions', () => {
    expect(new Set(cases.map((entry) => entry.action.action))).toEqual(new Set(Object.keys(WRITE_ACTIONS)));
  });
});

describeRealSpec('writes.test.ts', () => {
  it('accepts a minimal valid body for every integration and action of the real spec', async () => {
    const sandbox = createSandbox({ spec: loadRealSpec() });
    const failures: string[] = [];
    let attempted = 0;
    for (const integration of sandbox.integrations) {
      for (const action of integration.actions) {
        attempted += 1;
        const failure = await writeSampleBody(sandbox, integration, action);
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
    expect(attempted).toBeGreaterThan(100);
  }, REAL_SPEC_TIMEOUT_MS);
});

describe('write errors', () => {
  const sandbox = createSandbox();
  beforeEach(() => sandbox.reset());

  it('401 without a valid API key or access token, recorded like any write', async () => {
    const noKey = await call(sandbox, '/wms/orders', { method: 'POST', token: BLUEFIN, body: ORDER, apiKey: null });
    expect(noKey).toMatchObject({ status: 401, body: { error: expect.stringContaining('x-trackstar-api-key'), origin: 'trackstar' } });
    const noToken = await call(sandbox, '/wms/orders', { method: 'POST', body: ORDER });
    expect(noToken).toMatchObject({ status: 401, body: { error: expect.stringContaining('x-trackstar-access-token'), origin: 'trackstar' } });
    expect((await createOrder(sandbox, ORDER, { token: 'sandbox-wms-unknown' })).status).toBe(401);
    expect(sandbox.receivedWrites.map((write) => [write.status, write.integrationName])).toEqual([
      [401, 'bluefin'],
      [401, null],
      [401, null],
    ]);
  });

  it('403 through a read-only connection', async () => {
    expect(await createOrder(sandbox, ORDER, { token: `${BLUEFIN}-readonly` })).toMatchObject({
      status: 403,
      body: { error: 'Writes are disabled for this connection', origin: 'trackstar' },
    });
  });

  it('501 when the connection integration lacks the action', async () => {
    const response = await call(sandbox, '/wms/kits', { method: 'POST', token: 'sandbox-wms-dockhand', body: { sku: 'KIT-1', name: 'Kit', inventory_items: [] } });
    expect(response).toMatchObject({ status: 501, body: { error: 'Endpoint create_kit is not implemented for Dockhand', origin: 'trackstar' } });
    expect((await call(sandbox, '/cart/products/prod_1/adjust-inventory', { method: 'PUT', token: BLUEFIN, body: {} })).status).toBe(501);
  });

  it('400 when the body is not JSON, 422 when it is not an object', async () => {
    expect(await createOrder(sandbox, '{"order_number": ')).toMatchObject({ status: 400, body: { error: expect.stringMatching(/JSON/), origin: 'trackstar' } });
    expect(sandbox.receivedWrites.at(-1)?.body).toBe('{"order_number": ');
    expect(await createOrder(sandbox, [ORDER])).toMatchObject({ status: 422, body: { detail: { json: { _schema: [expect.any(String)] } } } });
  });

  it.each([
    ['null', null, 'Field may not be null.'],
    ['an empty string', '', 'Field may not be blank.'],
    ['whitespace', '   ', 'Field may not be blank.'],
    ['"None"', 'None', expect.stringContaining('null-like')],
    ['"NULL"', 'NULL', expect.stringContaining('null-like')],
    ['"nil"', 'nil', expect.stringContaining('null-like')],
  ])('422 naming a field set to %s', async (_label, value, message) => {
    const response = await createOrder(sandbox, { ...ORDER, order_number: value });
    expect(response).toMatchObject({
      status: 422,
      body: { error: expect.stringContaining('order_number'), origin: 'trackstar', detail: { json: { order_number: [message] } } },
    });
  });

  it('422 for empty values at any depth, nested marshmallow style', async () => {
    const response = await createOrder(sandbox, { ...ORDER, line_items: [{ sku: 'None', quantity: 1 }], ship_to_address: { ...ORDER.ship_to_address, city: null } });
    expect(response.body).toMatchObject({
      detail: { json: { line_items: { '0': { sku: [expect.any(String)] } }, ship_to_address: { city: ['Field may not be null.'] } } },
    });
  });

  it('422 for missing required fields, unknown fields and constraint violations, naming each field', async () => {
    const { order_number: _dropped, ...withoutNumber } = ORDER;
    const response = await createOrder(sandbox, {
      ...withoutNumber,
      gift_wrap: true,
      priority: 0,
      order_type: 'bulk',
      required_ship_date: 'next week',
      ship_to_address: { ...ORDER.ship_to_address, country: 'usa', full_name: 'x'.repeat(36) },
      line_items: [{ quantity: 'two' }],
    });
    expect(response.status).toBe(422);
    expect(asRecord(response.body).detail).toEqual({
      json: {
        order_number: ['Missing data for required field.'],
        gift_wrap: ['Unknown field.'],
        priority: ['Must be greater than or equal to 1.'],
        order_type: ['Must be one of: customer, wholesale, replacement.'],
        required_ship_date: ['Not a valid date.'],
        ship_to_address: { country: [expect.stringContaining('pattern')], full_name: ['Longer than maximum length 35.'] },
        line_items: { '0': { sku: ['Missing data for required field.'], quantity: ['Not a valid integer.'] } },
      },
    });
  });

  it('422 when a one-of object matches none of its shapes', async () => {
    const response = await call(sandbox, '/wms/inbound-shipments', {
      method: 'POST',
      token: 'sandbox-wms-cratewise',
      body: { warehouse_id: 'wh_east', supplier_object: { supplier_code: 'X' }, line_items: [{ sku: 'TEE-BLK-M', expected_quantity: 3 }] },
    });
    expect(response).toMatchObject({ status: 422, body: { detail: { json: { supplier_object: ['Does not match any of the allowed shapes.'] } } } });
  });

  it('422 for a placeholder option: only the connection options are valid', async () => {
    const body = { order_number: '7', warehouse_id: 'N/A - Connect an account to see options', ship_to_address: { ...ORDER.ship_to_address, state: 'ME' }, line_items: ORDER.line_items };
    const response = await createOrder(sandbox, body, { token: 'sandbox-wms-cratewise' });
    expect(response).toMatchObject({ status: 422, body: { detail: { json: { warehouse_id: ['Must be one of: wh_east, wh_west.'] } } } });
    expect((await createOrder(sandbox, { ...body, warehouse_id: 'wh_west' }, { token: 'sandbox-wms-cratewise' })).status).toBe(200);
  });

  it('400 from the integration for an unknown SKU at any depth', async () => {
    const response = await call(sandbox, '/cart/orders/ord_1/shipments', {
      method: 'POST',
      token: 'sandbox-cart-shopwave',
      body: { tracking_number: '9400', shipping_groups: [{ shipping_group_id: 'sg_1', line_items: [{ line_item_id: 'gli_1', quantity: 1, sku: 'x' }] }] },
    });
    expect(response.status).toBe(422);
    const unknown = await createOrder(sandbox, { ...ORDER, line_items: [{ sku: 'Unknown-42', quantity: 1 }] });
    expect(unknown).toMatchObject({ status: 400, body: { error: 'SKU Unknown-42 does not exist.', origin: 'integration' } });
    expect(JSON.stringify(unknown.body)).not.toContain('Bluefin');
  });

  it('400 from the integration for an order number already used on the same connection', async () => {
    expect((await createOrder(sandbox, ORDER)).status).toBe(200);
    expect(await createOrder(sandbox, ORDER)).toMatchObject({
      status: 400,
      body: { error: 'An order with order number 1001 already exists.', origin: 'integration' },
    });
    const otherConnection = { ...ORDER, ship_to_address: { ...ORDER.ship_to_address, state: 'ME' } };
    expect((await createOrder(sandbox, { ...otherConnection, warehouse_id: 'wh_east' }, { token: 'sandbox-wms-cratewise' })).status).toBe(200);
    // A rejected order does not use up its number.
    expect((await createOrder(sandbox, { ...ORDER, order_number: '1002', line_items: [{ sku: 'UNKNOWN', quantity: 1 }] })).status).toBe(400);
    expect((await createOrder(sandbox, { ...ORDER, order_number: '1002' })).status).toBe(200);
  });

  it('404 with the id when an update or child write targets a record that does not exist', async () => {
    expect(await call(sandbox, '/wms/orders/ord_999', { method: 'PUT', token: BLUEFIN, body: { packing_note: 'Hi' } })).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining('ord_999'), origin: 'trackstar', id: 'ord_999' },
    });
    expect(
      await call(sandbox, '/wms/orders/ord_404/shipments', { method: 'POST', token: BLUEFIN, body: { tracking_number: '1Z', shipped_date: '2025-01-15T12:00:00Z' } }),
    ).toMatchObject({ status: 404, body: { id: 'ord_404' } });
  });

  it('404 for an unknown route, with the Trackstar error shape', async () => {
    expect(await call(sandbox, '/wms/orders/ord_1/cancel', { method: 'PUT', token: BLUEFIN, body: {} })).toMatchObject({
      status: 404,
      body: { error: expect.any(String), origin: 'trackstar' },
    });
    expect((await call(sandbox, '/nowhere', { apiKey: null })).status).toBe(401);
  });
});

describe('successful writes', () => {
  const sandbox = createSandbox();
  beforeEach(() => sandbox.reset());

  it('answer { data, id, unused_fields } and list deprecated fields as unused', async () => {
    const response = await createOrder(sandbox, { ...ORDER, channel: 'web', shipping_method: 'ground', packing_note: 'Thanks!' });
    expect(response).toMatchObject({
      status: 200,
      body: { id: 'ord_2', data: { id: 'ord_2', order_number: '1001', packing_note: 'Thanks!' }, unused_fields: ['channel', 'shipping_method'] },
    });
  });

  it('merge updates into the record, readable by GET', async () => {
    const created = asRecord((await createOrder(sandbox, ORDER)).body);
    const updated = await call(sandbox, `/wms/orders/${String(created.id)}`, { method: 'PUT', token: BLUEFIN, body: { packing_note: 'Leave at the door' } });
    expect(updated).toMatchObject({ status: 200, body: { id: created.id, data: { ...ORDER, id: created.id, packing_note: 'Leave at the door' } } });
    const read = await call(sandbox, `/wms/orders/${String(created.id)}`, { token: BLUEFIN });
    expect(read).toMatchObject({ status: 200, body: { data: asRecord(updated.body).data } });
  });

  it('name the seeded record of every path parameter a write action uses', () => {
    expect(SANDBOX_SEED_PATH_PARAMS).toEqual({
      order_id: 'ord_1',
      return_id: 'ret_1',
      inbound_shipment_id: 'ibs_1',
      kit_id: 'kit_1',
      product_id: 'prod_1',
      inventory_id: 'inv_1',
    });
  });

  it('keep records per connection, with seeded ones for update forms', async () => {
    expect(await call(sandbox, '/wms/products/prod_1', { token: BLUEFIN })).toMatchObject({ status: 200, body: { data: { id: 'prod_1' } } });
    expect(await call(sandbox, '/cart/products/prod_1', { token: 'sandbox-cart-marketmint' })).toMatchObject({ status: 200 });
    const created = asRecord((await createOrder(sandbox, ORDER)).body);
    expect(await call(sandbox, `/wms/orders/${String(created.id)}`, { token: 'sandbox-wms-cratewise' })).toMatchObject({
      status: 404,
      body: { origin: 'trackstar', id: created.id },
    });
    expect((await call(sandbox, '/wms/orders/ord_1')).status).toBe(401);
  });

  it('are forgotten on reset', async () => {
    const created = asRecord((await createOrder(sandbox, ORDER)).body);
    sandbox.reset();
    expect(sandbox.receivedWrites).toEqual([]);
    expect((await call(sandbox, `/wms/orders/${String(created.id)}`, { token: BLUEFIN })).status).toBe(404);
    expect((await createOrder(sandbox, ORDER)).status).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  const sandbox = createSandbox();
  beforeEach(() => sandbox.reset());
  const withKey = (key: string) => ({ 'Idempotency-Key': key });

  it('replays the first success without writing again', async () => {
    const first = await createOrder(sandbox, ORDER, { headers: withKey('order-1001') });
    const reordered = { line_items: ORDER.line_items, ship_to_address: ORDER.ship_to_address, order_number: ORDER.order_number };
    const replay = await createOrder(sandbox, reordered, { headers: withKey('order-1001') });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(replay.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(sandbox.receivedWrites.map((write) => [write.status, write.replayed, write.idempotencyKey])).toEqual([
      [200, false, 'order-1001'],
      [200, true, 'order-1001'],
    ]);
    // No second order was written: the next one gets the next id, and the number 1001 was used once.
    const next = await createOrder(sandbox, { ...ORDER, order_number: '1002' });
    expect(asRecord(next.body).id).toBe('ord_3');
  });

  it('answers 400 when the key is reused with a different body', async () => {
    expect((await createOrder(sandbox, ORDER, { headers: withKey('k') })).status).toBe(200);
    expect(await createOrder(sandbox, { ...ORDER, order_number: '1003' }, { headers: withKey('k') })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('different request'), origin: 'trackstar' },
    });
  });

  it('answers 409 while the first request is still running', async () => {
    const slow = createSandbox({ writeLatencyMs: 150 });
    const first = createOrder(slow, ORDER, { headers: withKey('slow') });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const concurrent = await createOrder(slow, ORDER, { headers: withKey('slow') });
    expect(concurrent).toMatchObject({ status: 409, body: { error: expect.stringContaining('in progress'), origin: 'trackstar' } });
    expect((await first).status).toBe(200);
    const replay = await createOrder(slow, ORDER, { headers: withKey('slow') });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('frees the key when the attempt fails', async () => {
    expect((await createOrder(sandbox, { ...ORDER, order_number: null }, { headers: withKey('retry-me') })).status).toBe(422);
    const retry = await createOrder(sandbox, ORDER, { headers: withKey('retry-me') });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('scopes keys by access token', async () => {
    expect((await createOrder(sandbox, ORDER, { headers: withKey('shared') })).status).toBe(200);
    const other = await createOrder(sandbox, { ...ORDER, ship_to_address: { ...ORDER.ship_to_address, state: 'ME' }, warehouse_id: 'wh_east' }, {
      token: 'sandbox-wms-cratewise',
      headers: withKey('shared'),
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
  });

  it('accepts keys up to 255 characters', async () => {
    expect((await createOrder(sandbox, ORDER, { headers: withKey('k'.repeat(255)) })).status).toBe(200);
    expect(await createOrder(sandbox, ORDER, { headers: withKey('k'.repeat(256)) })).toMatchObject({ status: 400, body: { origin: 'trackstar' } });
  });
});

describe('every response', () => {
  it('carries an X-Request-Id and a JSON content type', async () => {
    const sandbox = createSandbox({ integrationsRateLimitWindowMs: 60_000 });
    const responses: CallResult[] = [
      await createOrder(sandbox, ORDER),
      await createOrder(sandbox, ORDER),
      await createOrder(sandbox, { ...ORDER, order_number: null }),
      await createOrder(sandbox, ORDER, { token: `${BLUEFIN}-readonly` }),
      await call(sandbox, '/wms/orders', { method: 'POST', body: ORDER, apiKey: null }),
      await call(sandbox, '/wms/kits', { method: 'POST', token: 'sandbox-wms-dockhand', body: {} }),
      await call(sandbox, '/integrations/wms'),
      await call(sandbox, '/integrations/wms'),
      await call(sandbox, '/wms/orders/meta?method=POST', { token: BLUEFIN }),
      await call(sandbox, '/integrations/wms/bluefin/write-info'),
      await call(sandbox, '/wms/orders/ord_1', { token: BLUEFIN }),
      await call(sandbox, '/nowhere'),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 400, 422, 403, 401, 501, 200, 429, 200, 200, 200, 404]);
    const ids = responses.map((response) => response.headers.get('x-request-id'));
    for (const [index, response] of responses.entries()) {
      expect(ids[index]).toMatch(/^req_[0-9a-f]{16}$/);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(sandbox.receivedWrites.map((write) => write.requestId)).toEqual(ids.slice(0, 6));
  });
});
