/**
 * trackstar-write-form/server: the backend route the browser library talks to.
 *
 * The browser never holds the Trackstar API key or a connection's access token: it
 * calls the host app's route (`baseUrl`), and this handler adds both server-side and
 * forwards only the endpoints the library uses. Fetch API only, so it mounts in any
 * runtime that speaks `Request`/`Response` (Node via `./node`, Hono, Next.js route
 * handlers, Deno, Bun, workers).
 *
 * @example
 * const proxy = createTrackstarProxy({
 *   apiKey: process.env.TRACKSTAR_API_KEY!,
 *   basePath: '/api/trackstar',
 *   resolveAccessToken: async (request) => (await sessionFor(request))?.trackstarAccessToken,
 * });
 */
export { createTrackstarProxy } from './trackstar-proxy';
export type { FetchHandler, TrackstarProxyOptions } from './trackstar-proxy';
export { ProxyRequestError, StoreUnavailableError, isProxyRequestError } from './proxy-request-error';
export { createMemoryResponseCacheStore } from './response-cache-store';
export type { CacheEntry, CachedAnswer, MemoryResponseCacheStoreOptions, ResponseCacheStore } from './response-cache-store';
export { createTrackstarConnections, CONNECTION_ID_HEADER } from './trackstar-connections';
export type { ConnectionView, ConnectionWithHealth, TrackstarConnections, TrackstarConnectionsOptions } from './trackstar-connections';
export type { ConnectionHealth, ConnectionHealthStatus, ConnectionIssue } from './connection-health';
export type { ConnectionStore, ConnectionToStore, StoredConnection } from './connection-store';
export { createTrackstarStores } from './trackstar-stores';
export type { TrackstarStores, TrackstarStoresOptions } from './trackstar-stores';
export { createSqlConnectionStore } from './sql-connection-store';
export { createMemoryConnectionStore } from './memory-connection-store';
export { createSqlResponseCacheStore } from './sql-response-cache-store';
export type { SqlResponseCacheStoreOptions } from './sql-response-cache-store';
export type { SqlDatabase, SqlQueryable } from './sql-database';
export { migrate } from './migrations';
export { createTokenCipher, generateTokenKey } from './token-cipher';
export type { TokenCipher } from './token-cipher';
