// @vitest-environment node
/**
 * The sandbox's Trackstar Link: link tokens, the stand-in modal's calls, the exchange,
 * `GET /connections` in the spec's shape, and the records update forms read.
 */
import { describe, expect, it } from 'vitest';

import { WRITE_ACTIONS } from '../../src/core/actions';
import { LINK_TOKEN_HEADER, SANDBOX_BROKEN_CONNECTION_ID, createSandbox, type Sandbox, type SandboxLinkedConnection } from '../../src/sandbox';
import { REAL_SPEC_TIMEOUT_MS, asRecord, call, describeRealSpec, loadRealSpec, seededPath, tokenOf } from './helpers';

async function linkToken(sandbox: Sandbox, body: unknown = {}): Promise<string> {
  const answer = await call(sandbox, '/link/token', { method: 'POST', body });
  expect(answer.status).toBe(200);
  return asRecord(answer.body).link_token as string;
}

async function authorize(sandbox: Sandbox, token: string, integrationName: string, credential = 'secret') {
  return call(sandbox, '/link/session/authorize', {
    method: 'POST',
    apiKey: null,
    headers: { [LINK_TOKEN_HEADER]: token },
    body: { integration_type: 'wms', integration_name: integrationName, credential },
  });
}

async function exchange(sandbox: Sandbox, authCode: string, customerId?: string) {
  return call(sandbox, '/link/exchange', { method: 'POST', body: customerId === undefined ? { auth_code: authCode } : { auth_code: authCode, customer_id: customerId } });
}

describe('sandbox: Trackstar Link', () => {
  it('connects an integration: link token → modal session → auth code → exchange → a working connection', async () => {
    const changes: Array<readonly SandboxLinkedConnection[]> = [];
    const sandbox = createSandbox({ onLinkedConnectionsChange: (connections) => changes.push(connections) });
    const token = await linkToken(sandbox);

    const session = await call(sandbox, '/link/session', { apiKey: null, headers: { [LINK_TOKEN_HEADER]: token } });
    expect(session.status).toBe(200);
    const listed = asRecord(session.body).integrations as Array<Record<string, string>>;
    expect(listed).toContainEqual({ integration_type: 'wms', integration_name: 'bluefin', display_name: 'Bluefin WMS' });
    expect(asRecord(session.body).reinstall_connection_id).toBeNull();

    const authorized = await authorize(sandbox, token, 'bluefin');
    expect(authorized.status).toBe(200);
    const authCode = asRecord(authorized.body).auth_code as string;

    const exchanged = await exchange(sandbox, authCode, 'cus_1');
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toEqual({
      access_token: expect.stringMatching(/^sandbox-conn_/),
      connection_id: expect.stringMatching(/^conn_/),
      integration_name: 'bluefin',
      customer_id: 'cus_1',
      available_actions: expect.arrayContaining(['create_order', 'update_order']),
      available_endpoints: [],
    });
    const { access_token: accessToken, connection_id: connectionId } = asRecord(exchanged.body) as { access_token: string; connection_id: string };
    expect(changes.at(-1)?.map((connection) => connection.connectionId)).toContain(connectionId);

    // The token works like any connection's: connection-level schemas, records, writes.
    expect((await call(sandbox, '/wms/orders/meta?method=POST', { token: accessToken })).status).toBe(200);
    expect((await call(sandbox, '/wms/orders/ord_1', { token: accessToken })).status).toBe(200);
    expect((await call(sandbox, '/wms/orders/ord_1', { method: 'PUT', token: accessToken, body: {} })).status).toBe(200);
    expect(sandbox.receivedWrites.at(-1)).toMatchObject({ connectionId, integrationName: 'bluefin', status: 200 });

    // An auth code is good once.
    expect(await exchange(sandbox, authCode)).toMatchObject({ status: 400, body: { error: 'Invalid or expired auth code.', origin: 'trackstar' } });
  });

  it('lists connections in the shape of GetConnectionsResponse, with the seeded broken one', async () => {
    const sandbox = createSandbox({ brokenConnectionCustomerId: 'cus_9' });
    const all = await call(sandbox, '/connections');
    expect(all.status).toBe(200);
    expect(asRecord(all.body)).toMatchObject({ next_token: null, total_count: 1 });

    const one = await call(sandbox, `/connections/${SANDBOX_BROKEN_CONNECTION_ID}`);
    const [connection] = asRecord(one.body).data as Array<Record<string, unknown>>;
    expect(connection).toMatchObject({
      connection_id: SANDBOX_BROKEN_CONNECTION_ID,
      customer_id: 'cus_9',
      integration_type: 'wms',
      errors: [
        {
          error_type: 'invalid_credentials',
          resource: null,
          message: 'The provided credentials are no longer valid.',
          error_message: 'The provided credentials are no longer valid.',
          affected_endpoints: [],
        },
      ],
    });
    for (const field of ['available_actions', 'available_endpoints', 'created_at', 'last_used', 'latest_sync', 'sync_schedules', 'times_used', 'webhooks_disabled']) {
      expect(connection).toHaveProperty(field);
    }
    expect(await call(sandbox, '/connections/conn_none')).toMatchObject({ status: 404, body: { id: 'conn_none', origin: 'trackstar' } });

    // Writes through a connection whose credentials fail are refused by the integration.
    const broken = sandbox.linkedConnections.find((linked) => linked.connectionId === SANDBOX_BROKEN_CONNECTION_ID)!;
    expect(await call(sandbox, '/wms/orders/ord_1', { method: 'PUT', token: broken.accessToken, body: {} })).toMatchObject({
      status: 401,
      body: { origin: 'integration' },
    });
  });

  it('reinstalls a connection: the modal skips the list, and the exchange keeps id and token and clears the errors', async () => {
    const sandbox = createSandbox();
    const broken = sandbox.linkedConnections.find((linked) => linked.connectionId === SANDBOX_BROKEN_CONNECTION_ID)!;
    const token = await linkToken(sandbox, { connection_id: SANDBOX_BROKEN_CONNECTION_ID });

    const session = asRecord((await call(sandbox, '/link/session', { apiKey: null, headers: { [LINK_TOKEN_HEADER]: token } })).body);
    expect(session.reinstall_connection_id).toBe(SANDBOX_BROKEN_CONNECTION_ID);
    expect(session.integrations).toEqual([expect.objectContaining({ integration_name: broken.integrationName })]);

    expect((await authorize(sandbox, token, broken.integrationName, 'invalid-password')).status).toBe(401);
    const authCode = asRecord((await authorize(sandbox, token, broken.integrationName)).body).auth_code as string;
    const exchanged = asRecord((await exchange(sandbox, authCode)).body);
    expect(exchanged).toMatchObject({ connection_id: SANDBOX_BROKEN_CONNECTION_ID, access_token: broken.accessToken });
    const [after] = asRecord((await call(sandbox, `/connections/${SANDBOX_BROKEN_CONNECTION_ID}`)).body).data as Array<{ errors: unknown[] }>;
    expect(after!.errors).toEqual([]);
  });

  it('refuses what Trackstar refuses', async () => {
    const sandbox = createSandbox();
    expect((await call(sandbox, '/link/token', { method: 'POST', apiKey: null })).status).toBe(401);
    expect(await call(sandbox, '/link/token', { method: 'POST', body: { connection_id: 'conn_none' } })).toMatchObject({ status: 404 });
    expect(await call(sandbox, '/link/token', { method: 'POST', body: { other: 1 } })).toMatchObject({ status: 422, body: { detail: { json: { other: ['Unknown field.'] } } } });
    expect(await call(sandbox, '/link/exchange', { method: 'POST', body: {} })).toMatchObject({
      status: 422,
      body: { detail: { json: { auth_code: ['Missing data for required field.'] } } },
    });
    expect((await call(sandbox, '/link/exchange', { method: 'POST', body: '{"auth_code":' })).status).toBe(400);
    expect((await call(sandbox, '/link/session', { apiKey: null, headers: { [LINK_TOKEN_HEADER]: 'lt_forged' } })).status).toBe(401);
    expect((await call(sandbox, '/connections', { apiKey: null })).status).toBe(401);

    // An auth code made under one API key does not exchange under another.
    const other = createSandbox({ apiKeys: ['key-a', 'key-b'] });
    const token = asRecord((await call(other, '/link/token', { method: 'POST', apiKey: 'key-a', body: {} })).body).link_token as string;
    const authCode = asRecord((await authorize(other, token, 'bluefin')).body).auth_code as string;
    expect((await call(other, '/link/exchange', { method: 'POST', apiKey: 'key-b', body: { auth_code: authCode } })).status).toBe(400);
  });

  it('restores connections it is given, so a restarted sandbox still knows their tokens', async () => {
    const first = createSandbox();
    const token = await linkToken(first);
    const authCode = asRecord((await authorize(first, token, 'bluefin')).body).auth_code as string;
    const { access_token: accessToken } = asRecord((await exchange(first, authCode)).body) as { access_token: string };

    const second = createSandbox({ linkedConnections: first.linkedConnections });
    expect((await call(second, '/wms/orders/ord_1', { token: accessToken })).status).toBe(200);
    expect((asRecord((await call(second, '/connections')).body).data as unknown[]).length).toBe(2);
  });
});

/** Reads the seeded record of every update action of every integration; answers how many. */
async function expectSeededUpdateRecords(sandbox: Sandbox): Promise<number> {
  const reads: Array<Promise<void>> = [];
  for (const integration of sandbox.integrations) {
    for (const action of integration.actions) {
      if (WRITE_ACTIONS[action.action].method !== 'PUT' || !/^\/\w+\/[\w-]+\/\{\w+\}$/.test(action.path)) continue;
      const path = seededPath(action);
      reads.push(
        call(sandbox, path, { token: tokenOf(integration) }).then((answer) => {
          expect(answer.status, `${integration.integrationName} GET ${path}`).toBe(200);
          expect(asRecord(asRecord(answer.body).data).id).toBe(path.split('/').at(-1));
        }),
      );
    }
  }
  await Promise.all(reads);
  return reads.length;
}

describe('sandbox: records for prefilled updates', () => {
  it('seeds the record of every update action, filled from a create body where the integration has one', async () => {
    const sandbox = createSandbox();
    expect(await expectSeededUpdateRecords(sandbox)).toBeGreaterThan(0);

    const order = asRecord((await call(sandbox, '/wms/orders/ord_1', { token: tokenOf({ integrationType: 'wms', integrationName: 'bluefin' }) })).body);
    expect(order.data).toMatchObject({ id: 'ord_1', order_number: expect.any(String), line_items: [expect.objectContaining({ sku: expect.any(String) })] });
  });

  describeRealSpec('test/sandbox/link.test.ts', () => {
    it('seeds the record of every update action of every integration', async () => {
      expect(await expectSeededUpdateRecords(createSandbox({ spec: loadRealSpec() }))).toBeGreaterThan(50);
    }, REAL_SPEC_TIMEOUT_MS);
  });
});
