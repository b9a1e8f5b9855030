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
