/**
 * trackstar-write-form/server/postgres: the stores on a PostgreSQL server through
 * `pg`, for any number of app instances sharing one database. Connecting and every
 * query have deadlines, so a database that is down or unreachable answers 503
 * (`StoreUnavailableError`) in seconds instead of holding requests open.
 *
 * Needs the optional peer dependency `pg`.
 */
import pg from 'pg';

import { StoreUnavailableError } from './proxy-request-error';
import type { SqlDatabase, SqlQueryable } from './sql-database';

export interface PostgresDatabaseOptions {
  /** `postgres://user:password@host:5432/database` (e.g. `process.env.DATABASE_URL`). */
  connectionString: string;
  /** Give up connecting after this long. Default 5 000 ms. */
  connectTimeoutMs?: number;
  /** Give up on a query after this long. Default 10 000 ms. */
  queryTimeoutMs?: number;
  /** Most connections this process opens. Default 10. */
  maxConnections?: number;
}

/** SQLSTATE classes that mean "the server is not there for us", not "the statement is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return true;
  const code = (error as { code?: unknown }).code;
  // Errors from the server carry a five-character SQLSTATE; network and timeout errors do not.
  return typeof code !== 'string' || code.length !== 5 || UNAVAILABLE_SQLSTATE.test(code);
}

/** `postgres://user:secret@db:5432/app` → `db:5432/app`: never the password in a message. */
function describe(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<SqlDatabase> {
  const description = describe(options.connectionString);
  const queryTimeoutMs = options.queryTimeoutMs ?? 10_000;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    query_timeout: queryTimeoutMs,
    statement_timeout: queryTimeoutMs,
    max: options.maxConnections ?? 10,
  });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const translate = (error: unknown): unknown =>
    isUnavailable(error)
      ? new StoreUnavailableError(`${description} is unavailable: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
      : error;
  const queryable = (target: pg.Pool | pg.PoolClient): SqlQueryable => ({
    query: async <Row,>(text: string, params: readonly unknown[] = []) => {
      try {
        const result = await target.query(text, [...params]);
        return { rows: result.rows as Row[] };
      } catch (error) {
        throw translate(error);
      }
    },
  });

  return {
    description,
    ...queryable(pool),
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translate(error);
      }
      const tx = queryable(client);
      let failed = false;
      try {
        await tx.query('BEGIN');
        const result = await work(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        failed = true;
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        // A connection whose transaction failed may be broken: drop it rather than reuse it.
        client.release(failed);
      }
    },
    close: () => pool.end(),
  };
}
