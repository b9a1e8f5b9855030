/**
 * Header allowlists and the buffered response the proxy passes around. Everything
 * here is Fetch API only, so it runs on Node, Deno, Bun and edge runtimes.
 */

/**
 * Client headers Trackstar needs. Everything else (cookies, authorization, host and
 * in particular any client-sent `x-trackstar-*` credential) is dropped by omission.
 */
export const FORWARDED_REQUEST_HEADERS: readonly string[] = ['content-type', 'accept', 'idempotency-key', 'x-request-id'];

/** Upstream headers the browser library reads; anything else (e.g. `set-cookie`) stays behind. */
export const RETURNED_RESPONSE_HEADERS: readonly string[] = [
  'content-type',
  'x-request-id',
  'idempotency-key',
  'idempotent-replayed',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];

export function pickHeaders(source: Headers, names: readonly string[]): Headers {
  const picked = new Headers();
  for (const name of names) {
    const value = source.get(name);
    if (value !== null) picked.set(name, value);
  }
  return picked;
}

/**
 * A complete answer held in memory. Upstream answers are read fully so the timeout
 * covers the whole exchange and a cached answer can be handed to any number of callers.
 */
export interface BufferedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array<ArrayBuffer> | null;
}

const STATUSES_WITHOUT_BODY = new Set([204, 205, 304]);

/** A fresh `Response` on every call: a `Response` body can be read only once. */
export function toResponse(buffered: BufferedResponse): Response {
  const body = STATUSES_WITHOUT_BODY.has(buffered.status) || buffered.body === null ? null : buffered.body.slice();
  return new Response(body, { status: buffered.status, headers: new Headers(buffered.headers) });
}

/** Who produced an error: the proxy itself, or the network between it and Trackstar. */
export type ProxyErrorOrigin = 'proxy' | 'network';

/** Same shape as Trackstar's own errors (`error`, `origin`), so the browser library handles both alike. */
export function proxyError(
  status: number,
  message: string,
  origin: ProxyErrorOrigin = 'proxy',
  extraHeaders: Readonly<Record<string, string>> = {},
): BufferedResponse {
  const headers = new Headers({ ...extraHeaders, 'content-type': 'application/json; charset=utf-8' });
  const body = new TextEncoder().encode(JSON.stringify({ error: message, origin }));
  return { status, headers, body };
}

export type BodyReadResult =
  | { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> | null }
  | { readonly ok: false };

/**
 * Reads a request body, giving up as soon as it exceeds `maxBytes`. The declared
 * `content-length` is checked first, and the bytes are counted too because a client
 * can omit the header (chunked encoding) or understate it.
 */
export async function readBodyWithinLimit(request: Request, maxBytes: number): Promise<BodyReadResult> {
  const declaredLength = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) return { ok: false };
  if (request.body === null) return { ok: true, bytes: null };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let totalBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    totalBytes += value.byteLength;
    if (totalBytes > maxBytes) {
      // Stop pulling the rest of an oversized upload; a failure to cancel changes nothing.
      reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  if (totalBytes === 0) return { ok: true, bytes: null };

  const bytes = new Uint8Array(totalBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
