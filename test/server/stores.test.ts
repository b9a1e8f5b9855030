// @vitest-environment node
/**
 * The stores on both databases: migrations, connections with their access tokens
 * encrypted at rest, and persistence of the embedded database across a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type SqlDatabase, type TrackstarStores, createMemoryConnectionStore, createTrackstarStores, generateTokenKey, migrate } from '../../src/server';
import { MIGRATIONS } from '../../src/server/migrations';
import { openPgliteDatabase } from '../../src/server/pglite';
import { DATABASE_KINDS, DATABASE_TIMEOUT_MS, POSTGRES_SKIP_REASON } from './databases';

const TOKEN_KEY = generateTokenKey();
const ACCESS_TOKEN = 'live-access-token-7f3a9c';

const connection = (overrides: Partial<Parameters<TrackstarStores['connections']['save']>[0]> = {}) => ({
  connectionId: 'conn_1',
  customerId: 'cus_a',
  integrationType: 'wms',
  integrationName: 'shiphero',
  availableActions: ['create_order', 'update_order'],
  accessToken: ACCESS_TOKEN,
  ...overrides,
});

describe.each(DATABASE_KINDS)('stores on $name', (kind) => {
  if (kind.skip) {
    it.skip(POSTGRES_SKIP_REASON, () => undefined);
    return;
  }
  let handle: Awaited<ReturnType<typeof kind.create>>;
  let database: SqlDatabase;
  let stores: TrackstarStores;

  beforeAll(async () => {
    handle = await kind.create();
    database = handle.database;
    stores = await createTrackstarStores(database, { tokenKey: TOKEN_KEY });
  }, DATABASE_TIMEOUT_MS);
  afterAll(() => handle?.drop());

  it('applies each migration once, also when several instances migrate at the same time', async () => {
    const others = await Promise.all([handle.connect(), handle.connect()]);
    const applied = await Promise.all(others.map((other) => migrate(other)));
    expect(applied).toEqual([[], []]);
    const { rows } = await database.query<{ version: number }>('SELECT version FROM trackstar_schema_migrations ORDER BY version');
    expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((migration) => migration.version));
  });

  it('stores a connection and gives its token only to its own customer', async () => {
    const saved = await stores.connections.save(connection());

    expect(saved).toEqual({
      connectionId: 'conn_1',
      customerId: 'cus_a',
      integrationType: 'wms',
      integrationName: 'shiphero',
      availableActions: ['create_order', 'update_order'],
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(saved).not.toHaveProperty('accessToken');
    expect(await stores.connections.list('cus_a')).toEqual([saved]);
    expect(await stores.connections.list('cus_b')).toEqual([]);
    expect(await stores.connections.find('conn_1')).toEqual(saved);
    expect(await stores.connections.find('conn_none')).toBeUndefined();
    expect(await stores.connections.accessToken('cus_a', 'conn_1')).toBe(ACCESS_TOKEN);
    expect(await stores.connections.accessToken('cus_b', 'conn_1')).toBeUndefined();
  });

  it('keeps only ciphertext in the access token column, bound to its row', async () => {
    await stores.connections.save(connection({ connectionId: 'conn_2', accessToken: 'second-token-41b2' }));
    const { rows } = await database.query<{ connection_id: string; access_token_encrypted: string }>(
      "SELECT connection_id, access_token_encrypted FROM trackstar_connections WHERE connection_id IN ('conn_1', 'conn_2') ORDER BY connection_id",
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.access_token_encrypted).toMatch(/^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
      expect(row.access_token_encrypted).not.toContain(ACCESS_TOKEN);
      expect(row.access_token_encrypted).not.toContain('second-token');
    }
    const dump = JSON.stringify((await database.query('SELECT * FROM trackstar_connections')).rows);
    expect(dump).not.toContain(ACCESS_TOKEN);

    // A ciphertext copied into another row does not decrypt there.
    await database.query('UPDATE trackstar_connections SET access_token_encrypted = $1 WHERE connection_id = $2', [rows[0]!.access_token_encrypted, 'conn_2']);
    await expect(stores.connections.accessToken('cus_a', 'conn_2')).rejects.toThrow(/could not be decrypted/);
  });

  it('cannot read tokens with another key', async () => {
    const otherKey = await createTrackstarStores(database, { tokenKey: generateTokenKey() });
    await expect(otherKey.connections.accessToken('cus_a', 'conn_1')).rejects.toThrow(/not the key it was stored with/);
  });

  it('replaces a reinstalled connection in place, keeping when it was created', async () => {
    const before = (await stores.connections.find('conn_1'))!;
    const after = await stores.connections.save(connection({ availableActions: ['create_order'], accessToken: 'rotated-token' }));
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.availableActions).toEqual(['create_order']);
    expect(await stores.connections.accessToken('cus_a', 'conn_1')).toBe('rotated-token');
    expect((await stores.connections.list('cus_a')).map((stored) => stored.connectionId)).toEqual(['conn_1', 'conn_2']);
  });
});

describe('the embedded database (PGlite) on disk', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'trackstar-pglite-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps connections across a restart', async () => {
    const first = await openPgliteDatabase({ dataDir: join(dataDir, 'pglite') });
    await (await createTrackstarStores(first, { tokenKey: TOKEN_KEY })).connections.save(connection());
    await first.close();

    const second = await openPgliteDatabase({ dataDir: join(dataDir, 'pglite') });
    try {
      const stores = await createTrackstarStores(second, { tokenKey: TOKEN_KEY });
      expect((await stores.connections.list('cus_a')).map((stored) => stored.connectionId)).toEqual(['conn_1']);
      expect(await stores.connections.accessToken('cus_a', 'conn_1')).toBe(ACCESS_TOKEN);
    } finally {
      await second.close();
    }
  }, 2 * DATABASE_TIMEOUT_MS);
});

describe('createMemoryConnectionStore', () => {
  it('keeps connections per customer and their tokens in this process', async () => {
    const store = createMemoryConnectionStore();
    const saved = await store.save(connection());
    await store.save(connection({ connectionId: 'conn_b', customerId: 'cus_b' }));

    expect(await store.list('cus_a')).toEqual([saved]);
    expect(saved).not.toHaveProperty('accessToken');
    expect(await store.accessToken('cus_a', 'conn_1')).toBe(ACCESS_TOKEN);
    expect(await store.accessToken('cus_b', 'conn_1')).toBeUndefined();
    expect((await store.find('conn_b'))?.customerId).toBe('cus_b');
    const reinstalled = await store.save(connection({ accessToken: 'rotated' }));
    expect(reinstalled.createdAt).toBe(saved.createdAt);
    expect(await store.accessToken('cus_a', 'conn_1')).toBe('rotated');
  });
});
