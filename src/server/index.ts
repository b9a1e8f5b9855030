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
import {
  type BufferedResponse,
  FORWARDED_REQUEST_HEADERS,
  RETURNED_RESPONSE_HEADERS,
  pickHeaders,
  proxyError,
  readBodyWithinLimit,
  toResponse,
} from './http';
import { matchRoute } from './routes';
import { SharedResponseCache } from './shared-response-cache';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface TrackstarProxyOptions {
  /** Your organization's Trackstar API key. Required; it is only ever sent upstream. */
  apiKey: string;
  /** Trackstar base URL. Default `https://production.trackstarhq.com`. */
  upstream?: string;
  /**
   * The connection's access token, looked up server-side (session, database…) for the
   * user making `request`. Return nothing to send the request without one. Not called
   * for `GET /integrations/...`, whose answers are shared between users. An error
   * thrown here propagates to the caller of the handler.
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
  /** How long to wait for Trackstar's complete answer before giving 504. Default 30 000 ms. */
  upstreamTimeoutMs?: number;
  /** Clock for the cache, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

const DEFAULT_UPSTREAM = 'https://production.trackstarhq.com';
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_INTEGRATIONS_CACHE_TTL_MS = 60_000;
const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;

interface ProxySettings {
  readonly apiKey: string;
  readonly upstream: string;
  readonly basePath: string;
  readonly transport: (request: Request) => Promise<Response>;
  readonly maxBodyBytes: number;
  readonly upstreamTimeoutMs: number;
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

function normalizeUpstream(upstream: string): string {
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    throw configurationError(`upstream must be an absolute URL such as ${DEFAULT_UPSTREAM}, got "${upstream}".`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw configurationError(`upstream must not have a query string or fragment, got "${upstream}".`);
  }
  // A path prefix (e.g. a sandbox mounted under /trackstar) is kept; only the trailing slash goes.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
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
    upstream: normalizeUpstream(options.upstream ?? DEFAULT_UPSTREAM),
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

interface UpstreamCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: Uint8Array<ArrayBuffer> | null;
}

const TIMED_OUT = Symbol('timed out');

/**
 * One request to Trackstar, read to the end. Never rejects: an unreachable upstream
 * becomes 502 and one that does not finish in time 504, both in the proxy's error shape.
 */
async function callUpstream(settings: ProxySettings, call: UpstreamCall): Promise<BufferedResponse> {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), settings.upstreamTimeoutMs);
  });
  const exchange = (async (): Promise<BufferedResponse> => {
    const request = new Request(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal: abort.signal,
    });
    const response = await settings.transport(request);
    const body = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: pickHeaders(response.headers, RETURNED_RESPONSE_HEADERS), body };
  })();

  try {
    // Racing rather than relying on the abort signal alone: a custom transport may ignore it.
    const outcome = await Promise.race([exchange, timeout]);
    if (outcome !== TIMED_OUT) return outcome;
    abort.abort();
    return proxyError(504, `Trackstar did not answer within ${settings.upstreamTimeoutMs} ms.`, 'network');
  } catch {
    return proxyError(502, `Could not reach Trackstar at ${settings.upstream}.`, 'network');
  } finally {
    clearTimeout(timer);
  }
}

export function createTrackstarProxy(options: TrackstarProxyOptions): FetchHandler {
  const settings = resolveSettings(options);
  const integrationsCache = new SharedResponseCache(
    requireNumber('integrationsCacheTtlMs', options.integrationsCacheTtlMs ?? DEFAULT_INTEGRATIONS_CACHE_TTL_MS, {
      allowZero: true,
    }),
    options.now ?? Date.now,
  );

  return async function handleTrackstarRequest(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const relativePath = stripBasePath(url.pathname, settings.basePath);
    const match = relativePath === undefined ? ({ kind: 'not-found' } as const) : matchRoute(request.method, relativePath);

    switch (match.kind) {
      case 'not-found':
        return toResponse(
          proxyError(404, `${request.method} ${url.pathname} is not a Trackstar endpoint this proxy forwards.`),
        );
      case 'unsafe-path':
        return toResponse(proxyError(400, `Refused ${url.pathname}: ${match.reason}`));
      case 'method-not-allowed': {
        const { allowedMethods } = match;
        const message = `${request.method} is not allowed on ${url.pathname}; use ${allowedMethods.join(' or ')}.`;
        return toResponse(proxyError(405, message, 'proxy', { allow: allowedMethods.join(', ') }));
      }
      case 'matched':
        break;
    }

    const upstreamUrl = `${settings.upstream}${match.upstreamPath}${url.search}`;

    if (match.route.sharedAndCached) {
      // The answer is shared with every other caller, so it is fetched with the API key
      // alone: nothing from this client's request or session may shape it.
      const headers = new Headers({ 'x-trackstar-api-key': settings.apiKey, accept: 'application/json' });
      const buffered = await integrationsCache.getOrLoad(`${match.upstreamPath}${url.search}`, () =>
        callUpstream(settings, { url: upstreamUrl, method: 'GET', headers, body: null }),
      );
      return toResponse(buffered);
    }

    let body: Uint8Array<ArrayBuffer> | null = null;
    if (match.route.method !== 'GET') {
      const read = await readBodyWithinLimit(request, settings.maxBodyBytes);
      if (!read.ok) {
        return toResponse(proxyError(413, `The request body is larger than the ${settings.maxBodyBytes}-byte limit.`));
      }
      body = read.bytes;
    }

    const headers = pickHeaders(request.headers, FORWARDED_REQUEST_HEADERS);
    headers.set('x-trackstar-api-key', settings.apiKey);
    const accessToken = await options.resolveAccessToken?.(request);
    if (accessToken) headers.set('x-trackstar-access-token', accessToken);

    return toResponse(await callUpstream(settings, { url: upstreamUrl, method: match.route.method, headers, body }));
  };
}
