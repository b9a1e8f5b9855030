/**
 * The backend route the browser library talks to. The browser never holds the
 * Trackstar API key or a connection's access token: it calls the host app's route
 * (`baseUrl`), and this handler adds both server-side and forwards only the
 * endpoints the library uses, with only the query parameters Trackstar documents.
 */
import {
  type BufferedResponse,
  FORWARDED_REQUEST_HEADERS,
  pickHeaders,
  proxyError,
  readBodyWithinLimit,
  toResponse,
} from './http';
import { isProxyRequestError } from './proxy-request-error';
import { createMemoryResponseCacheStore, type ResponseCacheStore } from './response-cache-store';
import { forwardedSearch, matchRoute, mountPrefixFor } from './routes';
import { SharedResponseCache } from './shared-response-cache';
import { DEFAULT_UPSTREAM, DEFAULT_UPSTREAM_TIMEOUT_MS, type UpstreamSettings, callUpstream, normalizeUpstream } from './upstream';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface TrackstarProxyOptions {
  /** Your organization's Trackstar API key. Required; it is only ever sent upstream. */
  apiKey: string;
  /** Trackstar base URL. Default `https://production.trackstarhq.com`. */
  upstream?: string;
  /**
   * The connection's access token, looked up server-side (session, database…) for the
   * user making `request`. Return nothing to send the request without one. Not called
   * for `GET /integrations/...`, whose answers are shared between users. Throw a
   * `ProxyRequestError` to answer with its status (e.g. 403 for another customer's
   * connection); any other error propagates to the caller of the handler.
   * `createTrackstarConnections(...).resolveAccessToken` is one.
   */
  resolveAccessToken?: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
  /** Mount prefix stripped before matching, e.g. `/api/trackstar`. Default `''`. */
  basePath?: string;
  /** Upstream transport. Default `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Largest request body accepted; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** How long a successful `GET /integrations/...` answer is reused. Default 60 000 ms. */
  integrationsCacheTtlMs?: number;
  /**
   * Where `GET /integrations/...` answers are shared. Default: this process, at most 100
   * answers. Pass `createSqlResponseCacheStore(database)` to share one upstream call per
   * key and minute between every proxy instance on that database.
   */
  integrationsCache?: ResponseCacheStore;
  /** How long to wait for Trackstar's complete answer before giving 504. Default 30 000 ms. */
  upstreamTimeoutMs?: number;
  /** Clock for the cache, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_INTEGRATIONS_CACHE_TTL_MS = 60_000;
/** Past the upstream deadline, a cache lease is surely abandoned (its holder crashed). */
const LEASE_MARGIN_MS = 5_000;

interface ProxySettings extends UpstreamSettings {
  readonly apiKey: string;
  readonly basePath: string;
  readonly maxBodyBytes: number;
}

function configurationError(message: string): TypeError {
  return new TypeError(`createTrackstarProxy: ${message}`);
}

function requireNumber(name: string, value: number, { allowZero }: { allowZero: boolean }): number {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw configurationError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${String(value)}.`);
  }
  return value;
}

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed !== '' && !trimmed.startsWith('/')) {
    throw configurationError(`basePath must start with "/", got "${basePath}".`);
  }
  return trimmed;
}

function resolveSettings(options: TrackstarProxyOptions): ProxySettings {
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw configurationError(
      'apiKey is required. Pass your Trackstar API key from server-side configuration (e.g. process.env.TRACKSTAR_API_KEY).',
    );
  }
  return {
    apiKey: options.apiKey,
    upstream: normalizeUpstream(options.upstream ?? DEFAULT_UPSTREAM, configurationError),
    basePath: normalizeBasePath(options.basePath ?? ''),
    // Looked up per call so a fetch installed or mocked after creation is used.
    transport: options.fetch ?? ((request) => globalThis.fetch(request)),
    maxBodyBytes: requireNumber('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, { allowZero: true }),
    upstreamTimeoutMs: requireNumber('upstreamTimeoutMs', options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS, {
      allowZero: false,
    }),
  };
}

/** The path below the mount point, or `undefined` when the request is not under it. */
function stripBasePath(pathname: string, basePath: string): string | undefined {
  if (basePath === '') return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}

/**
 * A 404 that says why: most often the mount point and `basePath` disagree (Express's
 * `app.use(prefix, …)` strips the prefix; `http.createServer` and `app.all` do not).
 */
function notFound(method: string, pathname: string, relativePath: string | undefined, basePath: string): BufferedResponse {
  const base = `${method} ${pathname} is not a Trackstar endpoint this proxy forwards.`;
  if (relativePath === undefined) {
    const hint =
      matchRoute(method, pathname).kind === 'matched'
        ? ` The proxy is configured with basePath "${basePath}", but the path arrived without it: when the framework strips the mount path (Express app.use("${basePath}", …)), leave basePath unset.`
        : ` The proxy is configured with basePath "${basePath}" and only answers below it.`;
    return proxyError(404, base + hint);
  }
  const prefix = mountPrefixFor(method, relativePath);
  if (prefix !== undefined) {
    const configured = basePath === '' ? 'no basePath' : `basePath "${basePath}"`;
    return proxyError(404, `${base} It looks mounted at "${basePath}${prefix}" while the proxy is configured with ${configured}: set basePath to "${basePath}${prefix}".`);
  }
  return proxyError(404, base);
}

export function createTrackstarProxy(options: TrackstarProxyOptions): FetchHandler {
  const settings = resolveSettings(options);
  const integrationsCache = new SharedResponseCache({
    store: options.integrationsCache ?? createMemoryResponseCacheStore(),
    ttlMs: requireNumber('integrationsCacheTtlMs', options.integrationsCacheTtlMs ?? DEFAULT_INTEGRATIONS_CACHE_TTL_MS, {
      allowZero: true,
    }),
    now: options.now ?? Date.now,
    leaseMs: settings.upstreamTimeoutMs + LEASE_MARGIN_MS,
  });

  async function forward(request: Request): Promise<BufferedResponse> {
    const url = new URL(request.url);
    const relativePath = stripBasePath(url.pathname, settings.basePath);
    const match = relativePath === undefined ? ({ kind: 'not-found' } as const) : matchRoute(request.method, relativePath);

    switch (match.kind) {
      case 'not-found':
        return notFound(request.method, url.pathname, relativePath, settings.basePath);
      case 'unsafe-path':
        return proxyError(400, `Refused ${url.pathname}: ${match.reason}`);
      case 'method-not-allowed': {
        const { allowedMethods } = match;
        const message = `${request.method} is not allowed on ${url.pathname}; use ${allowedMethods.join(' or ')}.`;
        return proxyError(405, message, 'proxy', { allow: allowedMethods.join(', ') });
      }
      case 'matched':
        break;
    }

    const upstreamUrl = `${settings.upstream}${match.upstreamPath}${forwardedSearch(match.route, url.searchParams)}`;

    if (match.route.sharedAndCached) {
      // The answer is shared with every other caller, so it is fetched with the API key
      // alone and keyed by path alone: nothing from this client's request may shape it.
      const headers = new Headers({ 'x-trackstar-api-key': settings.apiKey, accept: 'application/json' });
      return integrationsCache.getOrLoad(match.upstreamPath, () =>
        callUpstream(settings, { url: upstreamUrl, method: 'GET', headers, body: null }),
      );
    }

    let body: Uint8Array<ArrayBuffer> | null = null;
    if (match.route.method !== 'GET') {
      const read = await readBodyWithinLimit(request, settings.maxBodyBytes);
      if (!read.ok) return proxyError(413, `The request body is larger than the ${settings.maxBodyBytes}-byte limit.`);
      body = read.bytes;
    }

    const headers = pickHeaders(request.headers, FORWARDED_REQUEST_HEADERS);
    headers.set('x-trackstar-api-key', settings.apiKey);
    const accessToken = await options.resolveAccessToken?.(request);
    if (accessToken) headers.set('x-trackstar-access-token', accessToken);

    return callUpstream(settings, { url: upstreamUrl, method: match.route.method, headers, body });
  }

  return async function handleTrackstarRequest(request: Request): Promise<Response> {
    try {
      return toResponse(await forward(request));
    } catch (error) {
      if (isProxyRequestError(error)) return toResponse(proxyError(error.status, error.message));
      throw error;
    }
  };
}
