/**
 * The database a Node host runs on, from the usual settings: a PostgreSQL server when
 * `databaseUrl` is given (e.g. `DATABASE_URL`), else the embedded PGlite persisted
 * under `dataDir`. Each driver is loaded only when chosen, so a host installs just
 * the one it uses (`pg` or `@electric-sql/pglite`).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import type { SqlDatabase } from './sql-database';

export interface OpenDatabaseOptions {
  /** `postgres://…`; when set, PostgreSQL through `pg`. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files (in a `pglite` folder). Default `./.data`. */
  dataDir?: string | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<SqlDatabase> {
  const databaseUrl = options.databaseUrl?.trim();
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new TypeError('openDatabase: databaseUrl must be a postgres:// or postgresql:// URL.');
    }
    const { openPostgresDatabase } = await import('./postgres');
    return openPostgresDatabase({ connectionString: databaseUrl });
  }
  const dataDir = join(resolve(options.dataDir ?? '.data'), 'pglite');
  await mkdir(dataDir, { recursive: true });
  const { openPgliteDatabase } = await import('./pglite');
  return openPgliteDatabase({ dataDir });
}
