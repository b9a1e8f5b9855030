import type { ConnectionStore } from './connection-store';
import { migrate } from './migrations';
import type { ResponseCacheStore } from './response-cache-store';
import { createSqlConnectionStore } from './sql-connection-store';
import type { SqlDatabase } from './sql-database';
import { createSqlResponseCacheStore } from './sql-response-cache-store';
import { createTokenCipher } from './token-cipher';

export interface TrackstarStoresOptions {
  /** 32 random bytes as base64 or hex (e.g. `process.env.TRACKSTAR_TOKEN_KEY`); encrypts access tokens at rest. */
  tokenKey: string;
  /** Most `/integrations` answers the shared cache keeps. Default 100. */
  maxCacheEntries?: number;
}

export interface TrackstarStores {
  /** For `createTrackstarConnections({ store })`. */
  readonly connections: ConnectionStore;
  /** For `createTrackstarProxy({ integrationsCache })`. */
  readonly integrationsCache: ResponseCacheStore;
  readonly database: SqlDatabase;
}

/**
 * Both stores on one database (PGlite or PostgreSQL), after bringing its schema up to
 * date. Safe to call from several instances at once.
 *
 * @example
 * const stores = await createTrackstarStores(await openPostgresDatabase({ connectionString: process.env.DATABASE_URL! }), {
 *   tokenKey: process.env.TRACKSTAR_TOKEN_KEY!,
 * });
 */
export async function createTrackstarStores(database: SqlDatabase, options: TrackstarStoresOptions): Promise<TrackstarStores> {
  const cipher = await createTokenCipher(options.tokenKey);
  await migrate(database);
  return {
    connections: createSqlConnectionStore(database, cipher),
    integrationsCache: createSqlResponseCacheStore(database, { maxEntries: options.maxCacheEntries }),
    database,
  };
}
