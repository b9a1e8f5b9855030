/**
 * Every failed request becomes a `TrackstarApiError` that says who refused it:
 * Trackstar itself, the warehouse/cart system behind it, or the network.
 */

import { isPlainObject } from './schema/json';

export type ErrorOrigin = 'trackstar' | 'integration' | 'network';

export type ApiErrorKind =
  | 'validation'
  | 'integration'
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'not-supported'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid-response';

export interface TrackstarApiErrorInit {
  status: number;
  origin: ErrorOrigin;
  message: string;
  fieldErrors?: Record<string, string[]>;
  requestId?: string | undefined;
  retryAfter?: number | undefined;
  body?: unknown;
  kind?: ApiErrorKind;
  cause?: unknown;
}

export class TrackstarApiError extends Error {
  /** HTTP status; `0` when no answer arrived. */
  readonly status: number;
  readonly origin: ErrorOrigin;
  readonly kind: ApiErrorKind;
  /** Field errors from a 422 `detail`, keyed by dot path (`line_items.0.sku`). */
  readonly fieldErrors: Readonly<Record<string, string[]>>;
  /** `X-Request-Id` of the failed answer, for support tickets. */
  readonly requestId: string | undefined;
  /** Seconds to wait before retrying, from `retry-after`. */
  readonly retryAfter: number | undefined;
  /** The parsed error body, as sent. */
  readonly body: unknown;

  constructor(init: TrackstarApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'TrackstarApiError';
    this.status = init.status;
    this.origin = init.origin;
    this.kind = init.kind ?? kindFor(init.status, init.origin);
    this.fieldErrors = init.fieldErrors ?? {};
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
    this.body = init.body;
  }

  /**
   * Whether sending the same request again may succeed: no answer, a timeout, a
   * server error, rate limiting, or an earlier identical write still running.
   */
  get retryable(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'rate-limited' ||
      this.kind === 'conflict' ||
      this.kind === 'server'
    );
  }
}

export function isTrackstarApiError(error: unknown): error is TrackstarApiError {
  return error instanceof TrackstarApiError;
}

function kindFor(status: number, origin: ErrorOrigin): ApiErrorKind {
  if (origin === 'network') return status === 504 ? 'timeout' : 'network';
  if (origin === 'integration') return 'integration';
  if (status === 400) return 'bad-request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'validation';
  if (status === 429) return 'rate-limited';
  if (status === 501) return 'not-supported';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/** Parses `retry-after`: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const DETAIL_LOCATIONS = new Set(['json', 'body', 'query', 'querystring', 'form', 'headers', 'path', 'files', 'view_args']);

/**
 * Flattens a 422 `detail` into dot paths. Trackstar nests it by location and
 * then by field (`{ json: { line_items: { 0: { sku: ["…"] } } } }`); the location
 * says where in the request, which a form does not need.
 */
export function flattenFieldErrors(detail: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isPlainObject(detail)) return out;
  const entries = Object.entries(detail);
  const byLocation = entries.length > 0 && entries.every(([key, value]) => DETAIL_LOCATIONS.has(key) && isPlainObject(value));
  const roots = byLocation ? entries.map(([, value]) => value) : [detail];

  const visit = (node: unknown, path: string[]): void => {
    if (typeof node === 'string') {
      add(path, [node]);
    } else if (Array.isArray(node)) {
      const messages = node.filter((item): item is string => typeof item === 'string');
      if (messages.length > 0) add(path, messages);
      node.forEach((item, index) => {
        if (typeof item !== 'string') visit(item, [...path, String(index)]);
      });
    } else if (isPlainObject(node)) {
      for (const [key, child] of Object.entries(node)) visit(child, [...path, ...key.split('.').filter(Boolean)]);
    }
  };
  const add = (path: string[], messages: string[]): void => {
    const key = path.join('.');
    out[key] = [...(out[key] ?? []), ...messages];
  };
  for (const root of roots) visit(root, []);
  return out;
}

/** Builds the error for a non-2xx answer. `body` is the parsed JSON, or the text when it was not JSON. */
export function apiErrorFromResponse(response: Response, body: unknown): TrackstarApiError {
  const record = isPlainObject(body) ? body : {};
  const origin: ErrorOrigin = record.origin === 'integration' ? 'integration' : record.origin === 'network' ? 'network' : 'trackstar';
  const apiMessage = typeof record.error === 'string' && record.error.trim() !== '' ? record.error : undefined;
  const textMessage = typeof body === 'string' && body.trim() !== '' && body.length < 500 ? body.trim() : undefined;
  return new TrackstarApiError({
    status: response.status,
    origin,
    message: apiMessage ?? textMessage ?? `Request failed with status ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    fieldErrors: flattenFieldErrors(record.detail),
    requestId: response.headers.get('x-request-id') ?? undefined,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
    body,
  });
}

export function networkError(cause: unknown, timedOut = false): TrackstarApiError {
  const reason = cause instanceof Error && cause.message ? cause.message : String(cause);
  return new TrackstarApiError({
    status: 0,
    origin: 'network',
    kind: timedOut ? 'timeout' : 'network',
    message: timedOut ? 'The request timed out before the server answered.' : `The server could not be reached (${reason}).`,
    cause,
  });
}

export interface ErrorWordingContext {
  /** The integration's display name, e.g. "ShipHero". */
  integrationName?: string | undefined;
  /** What was being written, e.g. "order", "inbound shipment". */
  noun?: string | undefined;
}

export interface ErrorWording {
  /** One sentence saying who refused what, for an operator. */
  title: string;
  /** The API's own message, verbatim. */
  message: string;
}

/** Words an error for the operator in front of the form: who said no, and what they said. */
export function describeApiError(error: TrackstarApiError, context: ErrorWordingContext = {}): ErrorWording {
  const system = context.integrationName ?? 'The connected system';
  const noun = context.noun ?? 'request';
  const title = ((): string => {
    switch (error.kind) {
      case 'integration':
        return `${system} rejected this ${noun}.`;
      case 'validation':
        return `Trackstar's validation rejected this ${noun} before it reached ${context.integrationName ?? 'the connected system'}.`;
      case 'forbidden':
        return `This write is disabled for this connection.`;
      case 'not-supported':
        return `This action is not supported by ${context.integrationName ?? 'this integration'}.`;
      case 'rate-limited':
        return error.retryAfter !== undefined
          ? `Trackstar is rate limiting requests; try again in ${Math.ceil(error.retryAfter)} s.`
          : 'Trackstar is rate limiting requests; try again shortly.';
      case 'conflict':
        return `An earlier submit of this ${noun} is still being processed. Wait a moment, then submit again.`;
      case 'unauthorized':
        return 'Trackstar did not accept the credentials. Check the API key and access token on the server.';
      case 'not-found':
        return `Trackstar could not find what this ${noun} refers to.`;
      case 'network':
        return 'The server could not be reached. Nothing you entered is lost; submit again when you are back online.';
      case 'timeout':
        return 'The server did not answer in time. Nothing you entered is lost; submitting again is safe.';
      case 'server':
        return `Trackstar had a problem (HTTP ${error.status}). Nothing you entered is lost; submitting again is safe.`;
      case 'invalid-response':
        return 'The server sent an answer this form could not read.';
      case 'bad-request':
      default:
        return `Trackstar refused this ${noun}.`;
    }
  })();
  return { title, message: error.message };
}
