/** Calls to Trackstar from the server helpers: one request, read to the end, with a deadline. */
import { type BufferedResponse, RETURNED_RESPONSE_HEADERS, pickHeaders, proxyError } from './http';

export const DEFAULT_UPSTREAM = 'https://production.trackstarhq.com';
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;

export type UpstreamTransport = (request: Request) => Promise<Response>;

export interface UpstreamSettings {
  readonly upstream: string;
  readonly transport: UpstreamTransport;
  readonly upstreamTimeoutMs: number;
}

export interface UpstreamCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: Uint8Array<ArrayBuffer> | null;
}

/** `https://x.test/prefix/` → `https://x.test/prefix`; throws (via `fail`) on anything that is not a plain absolute URL. */
export function normalizeUpstream(upstream: string, fail: (message: string) => Error): string {
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    throw fail(`upstream must be an absolute URL such as ${DEFAULT_UPSTREAM}, got "${upstream}".`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw fail(`upstream must not have a query string or fragment, got "${upstream}".`);
  }
  // A path prefix (e.g. a sandbox mounted under /trackstar) is kept; only the trailing slash goes.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Never rejects: an unreachable upstream becomes 502 and one that does not finish in
 * time 504, both in the proxy's error shape. Only the allowlisted response headers
 * come back.
 */
export async function callUpstream(settings: UpstreamSettings, call: UpstreamCall): Promise<BufferedResponse> {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), settings.upstreamTimeoutMs);
  });
  const exchange = (async (): Promise<BufferedResponse> => {
    const request = new Request(call.url, { method: call.method, headers: call.headers, body: call.body, signal: abort.signal });
    const response = await settings.transport(request);
    const body = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: pickHeaders(response.headers, RETURNED_RESPONSE_HEADERS), body };
  })();

  try {
    // Racing rather than relying on the abort signal alone: a custom transport may ignore it.
    const outcome = await Promise.race([exchange, timeout]);
    if (outcome !== TIMED_OUT) return outcome;
    abort.abort();
    // The exchange may still reject after the abort; nobody is listening any more.
    exchange.catch(() => undefined);
    return proxyError(504, `Trackstar did not answer within ${settings.upstreamTimeoutMs} ms.`, 'network');
  } catch {
    return proxyError(502, `Could not reach Trackstar at ${settings.upstream}.`, 'network');
  } finally {
    clearTimeout(timer);
  }
}
