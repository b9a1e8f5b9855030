/**
 * trackstar-write-form/server/pglite: the embedded database. PGlite is PostgreSQL
 * compiled to WebAssembly, in the process, persisted to a directory: nothing to
 * install or run beside the app. One process at a time may open a directory; run
 * several instances on PostgreSQL (`./postgres`) instead.
 *
 * Needs the optional peer dependency `@electric-sql/pglite`.
 */
import { PGlite } from '@electric-sql/pglite';

import { StoreUnavailableError } from './proxy-request-error';
import type { SqlDatabase, SqlQueryable } from './sql-database';

export interface PgliteDatabaseOptions {
  /** Directory to persist to; created when missing. Omit for a database in memory (tests). */
  dataDir?: string;
}

export async function openPgliteDatabase(options: PgliteDatabaseOptions = {}): Promise<SqlDatabase> {
  const description = options.dataDir === undefined ? 'PGlite in memory' : `PGlite in ${options.dataDir}`;
  let database: PGlite;
  try {
    database = options.dataDir === undefined ? await PGlite.create() : await PGlite.create(options.dataDir);
  } catch (error) {
    throw new StoreUnavailableError(`${description} could not be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const queryable = (target: Pick<PGlite, 'query'>): SqlQueryable => ({
    query: async <Row,>(text: string, params: readonly unknown[] = []) => {
      const result = await target.query<Row>(text, [...params]);
      return { rows: result.rows };
    },
  });
  return {
    description,
    ...queryable(database),
    transaction: (work) => database.transaction((tx) => work(queryable(tx))),
    close: () => database.close(),
  };
}
