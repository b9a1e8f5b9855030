// @vitest-environment node
/**
 * The guide's two endpoints, the connections listing and the proxy's token lookup,
 * against the sandbox with a real (embedded) database behind them.
 */
import { once } from 'node:events';
import { type Server, type Socket, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SANDBOX_API_KEY, SANDBOX_BROKEN_CONNECTION_ID } from '../../src/sandbox';
import {
  type ConnectionStore,
  type TrackstarStores,
  createSqlConnectionStore,
  createTokenCipher,
  createTrackstarConnections,
  createTrackstarProxy,
  createTrackstarStores,
  generateTokenKey,
} from '../../src/server';
import { connectionHealthFrom } from '../../src/server/connection-health';
import { openPgliteDatabase } from '../../src/server/pglite';
import { openPostgresDatabase } from '../../src/server/postgres';
import { DATABASE_TIMEOUT_MS } from './databases';
import { type TestHost, createTestHost, jsonBody } from './host';

let stores: TrackstarStores;
beforeAll(async () => {
  stores = await createTrackstarStores(await openPgliteDatabase(), { tokenKey: generateTokenKey() });
}, DATABASE_TIMEOUT_MS);
afterAll(() => stores?.database.close());

/** The broken seeded connection, stored for cus_a as the demo does on its first start. */
async function adoptBrokenConnection(host: TestHost, store: ConnectionStore, customerId = 'cus_a') {
  const seeded = host.sandbox.linkedConnections.find((connection) => connection.connectionId === SANDBOX_BROKEN_CONNECTION_ID)!;
  await store.save({ ...seeded, customerId, availableActions: [] });
  return seeded;
}

async function connect(host: TestHost, customer: string, integrationName = 'bluefin') {
  const { linkToken } = (await (await host.call(host.connections.linkToken, '/get-link-token', { method: 'POST', customer })).json()) as { linkToken: string };
  const { auth_code } = (await (await host.authorize(linkToken, integrationName)).json()) as { auth_code: string };
  const stored = await host.call(host.connections.storeToken, '/store-token', { ...jsonBody({ auth_code, customer_id: customer }), customer });
  return (await stored.json()) as { connection: { connection_id: string; integration_name: string; available_actions: string[] } };
}

describe('createTrackstarConnections', () => {
  it('connects: link token → Link → auth code → exchange → stored, answering the connection but never its token', async () => {
    const host = createTestHost(stores.connections);
    const { connection } = await connect(host, 'cus_a');

    expect(connection).toEqual({
      connection_id: expect.stringMatching(/^conn_/),
      integration_type: 'wms',
      integration_name: 'bluefin',
      available_actions: expect.arrayContaining(['create_order', 'update_order']),
      created_at: expect.any(String),
    });
    const linked = host.sandbox.linkedConnections.find((candidate) => candidate.connectionId === connection.connection_id)!;
    expect(linked.customerId).toBe('cus_a');
    expect(await stores.connections.accessToken('cus_a', connection.connection_id)).toBe(linked.accessToken);
    expect(JSON.stringify(connection)).not.toContain(linked.accessToken);
  });

  it('writes through the proxy with the named connection’s token, and refuses another customer’s connection with 403', async () => {
    const host = createTestHost(stores.connections);
    const { connection } = await connect(host, 'cus_b');
    const named = { 'x-trackstar-connection-id': connection.connection_id, 'content-type': 'application/json' };

    const read = await host.call(host.proxy, '/api/trackstar/wms/orders/ord_1', { headers: named, customer: 'cus_b' });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { data: { id: string } }).data.id).toBe('ord_1');

    const update = await host.call(host.proxy, '/api/trackstar/wms/orders/ord_1', { method: 'PUT', headers: named, body: '{}', customer: 'cus_b' });
    expect(update.status).toBe(200);
    expect(host.sandbox.receivedWrites.at(-1)).toMatchObject({ connectionId: connection.connection_id, status: 200 });

    const foreign = await host.call(host.proxy, '/api/trackstar/wms/orders/ord_1', { method: 'PUT', headers: named, body: '{}', customer: 'cus_a' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: `Connection ${connection.connection_id} belongs to another customer.`, origin: 'proxy' });

    const unknown = await host.call(host.proxy, '/api/trackstar/wms/orders/ord_1', { headers: { 'x-trackstar-connection-id': 'conn_nope' }, customer: 'cus_b' });
    expect(unknown.status).toBe(404);

    const signedOut = await host.call(host.proxy, '/api/trackstar/wms/orders/ord_1', { headers: named, customer: null });
    expect(signedOut.status).toBe(401);
    expect(host.sandbox.receivedWrites).toHaveLength(1);
  });

  it('lists the customer’s connections with their health: the broken one blocked, to reinstall', async () => {
    const host = createTestHost(stores.connections);
    await adoptBrokenConnection(host, stores.connections, 'cus_list');
    const { connection } = await connect(host, 'cus_list');

    const listed = (await (await host.call(host.connections.listConnections, '/connections', { customer: 'cus_list' })).json()) as {
      connections: Array<{ connection_id: string; health: { status: string; reinstall: boolean; issues: unknown[] } }>;
    };

    expect(listed.connections.map((listedConnection) => listedConnection.connection_id)).toEqual([SANDBOX_BROKEN_CONNECTION_ID, connection.connection_id]);
    expect(listed.connections[0]!.health).toEqual({
      status: 'blocked',
      reinstall: true,
      issues: [{ type: 'invalid_credentials', resource: null, message: 'The provided credentials are no longer valid.', blocking: true }],
    });
    expect(listed.connections[1]!.health).toEqual({ status: 'healthy', reinstall: false, issues: [] });
    const otherCustomer = (await (await host.call(host.connections.listConnections, '/connections', { customer: 'cus_nobody' })).json()) as { connections: unknown[] };
    expect(otherCustomer.connections).toEqual([]);
    // Put the seeded connection back where the other tests expect it.
    await adoptBrokenConnection(host, stores.connections);
  });

  it('reinstalls the broken connection: same id and token, healthy again; writes work again', async () => {
    const host = createTestHost(stores.connections);
    const seeded = await adoptBrokenConnection(host, stores.connections);
    const named = { 'x-trackstar-connection-id': SANDBOX_BROKEN_CONNECTION_ID };
    expect((await host.call(host.proxy, '/api/trackstar/wms/orders/ord_1', { method: 'PUT', headers: named, body: '{}' })).status).toBe(401);

    const foreign = await host.call(host.connections.linkToken, '/get-link-token', { ...jsonBody({ connection_id: SANDBOX_BROKEN_CONNECTION_ID }), customer: 'cus_b' });
    expect(foreign.status).toBe(403);

    const { linkToken } = (await (await host.call(host.connections.linkToken, '/get-link-token', jsonBody({ connection_id: SANDBOX_BROKEN_CONNECTION_ID }))).json()) as { linkToken: string };
    expect((await host.authorize(linkToken, 'some-other-wms')).status).toBe(404);
    const { auth_code } = (await (await host.authorize(linkToken, seeded.integrationName)).json()) as { auth_code: string };
    const stored = (await (await host.call(host.connections.storeToken, '/store-token', jsonBody({ auth_code }))).json()) as { connection: { connection_id: string } };

    expect(stored.connection.connection_id).toBe(SANDBOX_BROKEN_CONNECTION_ID);
    expect(await stores.connections.accessToken('cus_a', SANDBOX_BROKEN_CONNECTION_ID)).toBe(seeded.accessToken);
    const listed = (await (await host.call(host.connections.listConnections, '/connections')).json()) as { connections: Array<{ connection_id: string; health: { status: string } }> };
    expect(listed.connections.find((connection) => connection.connection_id === SANDBOX_BROKEN_CONNECTION_ID)!.health.status).toBe('healthy');
    expect((await host.call(host.proxy, '/api/trackstar/wms/orders/ord_1', { method: 'PUT', headers: named, body: '{}' })).status).toBe(200);
  });

  it('answers bad input with a clear 4xx and stores nothing', async () => {
    const host = createTestHost(stores.connections);
    const before = await stores.connections.list('cus_c');
    const storeToken = (init: RequestInit & { customer?: string | null }) => host.call(host.connections.storeToken, '/store-token', { customer: 'cus_c', ...init });

    const missing = await storeToken(jsonBody({ customer_id: 'cus_c' }));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toMatch(/^auth_code is required/);

    const malformed = await storeToken({ method: 'POST', body: '{"auth_code": ' });
    expect(missing.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'The request body must be valid JSON.', origin: 'proxy' });

    expect((await storeToken(jsonBody(['auth_code']))).status).toBe(400);
    expect((await storeToken(jsonBody({ auth_code: 42 }))).status).toBe(400);
    expect((await storeToken(jsonBody({ auth_code: 'ac_x', integration_type: 'erp' }))).status).toBe(400);
    expect((await storeToken(jsonBody({ auth_code: 'ac_x', customer_id: 'cus_a' }))).status).toBe(403);
    expect((await storeToken({ ...jsonBody({ auth_code: 'ac_x' }), customer: null })).status).toBe(401);
    expect((await storeToken({ method: 'GET' })).status).toBe(405);

    const unknownCode = await storeToken(jsonBody({ auth_code: 'ac_unknown' }));
    expect(unknownCode.status).toBe(400);
    expect(await unknownCode.json()).toEqual({ error: 'Invalid or expired auth code.', origin: 'trackstar' });

    // An auth code works once.
    const { linkToken } = (await (await host.call(host.connections.linkToken, '/get-link-token', { method: 'POST', customer: 'cus_c' })).json()) as { linkToken: string };
    const { auth_code } = (await (await host.authorize(linkToken, 'bluefin')).json()) as { auth_code: string };
    expect((await storeToken(jsonBody({ auth_code }))).status).toBe(200);
    const reused = await storeToken(jsonBody({ auth_code }));
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { origin: string }).origin).toBe('trackstar');

    expect((await stores.connections.list('cus_c')).length).toBe(before.length + 1);
    expect((await host.call(host.connections.linkToken, '/get-link-token', jsonBody({ connection_id: 'conn_nope' }))).status).toBe(404);
    expect((await host.call(host.connections.linkToken, '/get-link-token', { method: 'POST', body: 'nope' })).status).toBe(400);
  });

  it('never sends an access token or the API key to the browser, in any body or header of the flow', async () => {
    const host = createTestHost(stores.connections);
    await adoptBrokenConnection(host, stores.connections);
    const { connection } = await connect(host, 'cus_a');
    const named = { 'x-trackstar-connection-id': connection.connection_id };
    await host.call(host.connections.listConnections, '/connections');
    await host.call(host.proxy, '/api/trackstar/integrations/wms');
    await host.call(host.proxy, '/api/trackstar/integrations/wms/bluefin/write-info', { headers: named });
    await host.call(host.proxy, '/api/trackstar/wms/orders/meta?method=POST', { headers: named });
    await host.call(host.proxy, '/api/trackstar/wms/orders/ord_1', { headers: named });
    await host.call(host.proxy, '/api/trackstar/wms/orders', { method: 'POST', headers: named, body: '{}' });
    await host.call(host.proxy, '/api/trackstar/wms/orders', { method: 'POST', headers: { 'x-trackstar-connection-id': SANDBOX_BROKEN_CONNECTION_ID }, body: '{}' });
    await host.call(host.connections.storeToken, '/store-token', jsonBody({ auth_code: 'ac_unknown' }));

    const secrets = [SANDBOX_API_KEY, ...host.sandbox.linkedConnections.map((linked) => linked.accessToken)];
    expect(host.answers).toHaveLength(10);
    for (const answer of host.answers) {
      const text = `${JSON.stringify([...answer.headers])}\n${await answer.text()}`;
      for (const secret of secrets) expect(text, `an answer of status ${answer.status}`).not.toContain(secret);
    }
  });
});

describe('connection health', () => {
  it('reads the guide’s error shape: missing_permission degrades only its resource', () => {
    const health = connectionHealthFrom(
      { data: { connection_id: 'c', errors: [{ error_type: 'missing_permission', resource: 'returns', message: 'No access to returns.' }] } },
      'c',
    );
    expect(health).toEqual({
      status: 'degraded',
      reinstall: false,
      issues: [{ type: 'missing_permission', resource: 'returns', message: 'No access to returns.', blocking: false }],
    });
  });

  it('reads the OpenAPI spec’s error shape and a list-shaped data', () => {
    const health = connectionHealthFrom(
      {
        data: [
          { connection_id: 'other', errors: [] },
          { connection_id: 'c', errors: [{ error_message: 'Token revoked', affected_endpoints: [{ endpoint: 'GET /wms/inventory', preventing_sync: true }] }] },
        ],
      },
      'c',
    );
    expect(health).toMatchObject({ status: 'blocked', reinstall: true, issues: [{ message: 'Token revoked', resource: 'GET /wms/inventory', blocking: true }] });
  });

  it('says unknown, with Trackstar’s message, when Trackstar cannot tell', async () => {
    const connections = createTrackstarConnections({
      apiKey: 'key',
      upstream: 'http://trackstar.test',
      store: stores.connections,
      customerIdFor: () => 'cus_health',
      fetch: async () => Response.json({ error: 'Connection conn_h was not found.', origin: 'trackstar' }, { status: 404 }),
    });
    await stores.connections.save({ connectionId: 'conn_h', customerId: 'cus_health', integrationType: 'wms', integrationName: 'x', availableActions: [], accessToken: 't' });
    const listed = (await (await connections.listConnections(new Request('http://app.test/connections'))).json()) as { connections: Array<{ health: unknown }> };
    expect(listed.connections[0]!.health).toEqual({
      status: 'unknown',
      reinstall: false,
      issues: [],
      message: "Trackstar could not report this connection's health: Connection conn_h was not found.",
    });
  });
});

describe('a database that cannot be reached', () => {
  let silent: Server;
  let silentPort: number;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Accepts connections and never says a word: the hang a firewall or a stuck server gives.
    silent = createServer((socket) => void sockets.add(socket)).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    silentPort = (silent.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it.each([
    ['refused', () => 'postgres://app@127.0.0.1:1/app'],
    ['silent', () => `postgres://app@127.0.0.1:${silentPort}/app`],
  ])('answers 503 with a message, never hanging (%s)', async (_, url) => {
    const database = await openPostgresDatabase({ connectionString: url(), connectTimeoutMs: 300, queryTimeoutMs: 300 });
    try {
      const store = createSqlConnectionStore(database, await createTokenCipher(generateTokenKey()));
      const connections = createTrackstarConnections({ apiKey: 'key', store, customerIdFor: () => 'cus_a', fetch: () => Promise.reject(new Error('not reached')) });
      const proxy = createTrackstarProxy({ apiKey: 'key', fetch: () => Promise.reject(new Error('not reached')), resolveAccessToken: connections.resolveAccessToken });

      const listed = await connections.listConnections(new Request('http://app.test/connections'));
      expect(listed.status).toBe(503);
      const { error, origin } = (await listed.json()) as { error: string; origin: string };
      expect(origin).toBe('proxy');
      expect(error).toMatch(/^PostgreSQL at 127\.0\.0\.1:\d+\/app is unavailable: /);
      expect(error).not.toContain('app@');

      const write = await proxy(new Request('http://app.test/wms/orders', { method: 'POST', body: '{}', headers: { 'x-trackstar-connection-id': 'conn_1' } }));
      expect(write.status).toBe(503);
    } finally {
      await database.close();
    }
  });
});
