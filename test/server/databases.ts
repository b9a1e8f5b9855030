/**
 * The databases the store tests run on: PGlite in memory always, and a PostgreSQL
 * server when `TRACKSTAR_TEST_DATABASE_URL` names one (`.ci/run` starts one and sets
 * it). Each test file gets a database of its own on that server, dropped afterwards.
 */
import pg from 'pg';

import { openPgliteDatabase } from '../../src/server/pglite';
import { openPostgresDatabase } from '../../src/server/postgres';
import type { SqlDatabase } from '../../src/server';

export const POSTGRES_URL = process.env.TRACKSTAR_TEST_DATABASE_URL;
/** Opening PGlite compiles PostgreSQL's WebAssembly: seconds, more on a busy machine. A deadline for setup, not a budget. */
export const DATABASE_TIMEOUT_MS = 90_000;
export const POSTGRES_SKIP_REASON =
  'PostgreSQL variant skipped: TRACKSTAR_TEST_DATABASE_URL is not set (.ci/run starts a PostgreSQL server and sets it; or point it at an empty database you can CREATE DATABASE on).';

export interface TestDatabaseKind {
  readonly name: 'PGlite' | 'PostgreSQL';
  readonly skip: boolean;
  /** A fresh, empty database; `connect` opens further connections to the same one (a second app instance). */
  create(): Promise<{ database: SqlDatabase; connect: () => Promise<SqlDatabase>; drop: () => Promise<void> }>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export const DATABASE_KINDS: readonly TestDatabaseKind[] = [
  {
    name: 'PGlite',
    skip: false,
    async create() {
      const database = await openPgliteDatabase();
      return {
        database,
        // One PGlite lives in one process: a second "instance" shares the same handle.
        connect: async () => ({ ...database, close: async () => undefined }),
        drop: () => database.close(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: POSTGRES_URL === undefined,
    async create() {
      const name = `trackstar_t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      const url = new URL(POSTGRES_URL!);
      url.pathname = `/${name}`;
      const opened: SqlDatabase[] = [];
      const connect = async () => {
        const database = await openPostgresDatabase({ connectionString: url.href });
        opened.push(database);
        return database;
      };
      const database = await connect();
      return {
        database,
        connect,
        drop: async () => {
          await Promise.all(opened.map((db) => db.close()));
          await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
    },
  },
];

if (POSTGRES_URL === undefined) console.warn(`test/server: ${POSTGRES_SKIP_REASON}`);
