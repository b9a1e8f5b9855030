/**
 * Every failed request becomes a `TrackstarApiError` that says who refused it:
 * Trackstar itself, the warehouse/cart system behind it, the host's own proxy
 * route, a server in between that is none of those (a gateway's HTML error page),
 * or the network.
 */

import { type TrackstarMessages, englishMessages } from './messages';
import { isPlainObject } from './schema/json';

/**
 * `trackstar`: Trackstar answered. `integration`: the warehouse or cart system behind it did.
 * `proxy`: the host's route in front of Trackstar (`trackstar-write-form/server`) refused.
 * `gateway`: something between the page and Trackstar answered with a page that is not an API
 * answer (a load balancer's 502, a login page). `network`: no answer at all.
 */
export type ErrorOrigin = 'trackstar' | 'integration' | 'proxy' | 'gateway' | 'network';

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
  /** The HTTP reason phrase, when the answer had one (`Bad Gateway`). */
  statusText?: string | undefined;
  body?: unknown;
  kind?: ApiErrorKind | undefined;
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
  readonly statusText: string | undefined;
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
    this.statusText = init.statusText || undefined;
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
      this.kind === 'server' ||
      this.kind === 'invalid-response'
    );
  }

  /**
   * Whether a write that failed like this may nevertheless have happened: no answer,
   * a timeout, a 5xx, a 409 (the first attempt is still running) or an answer nobody
   * can read. Such a write must only ever be resent under the same Idempotency-Key.
   */
  get outcomeUncertain(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'conflict' ||
      this.kind === 'server' ||
      this.kind === 'invalid-response'
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

const ORIGINS: ReadonlySet<string> = new Set(['trackstar', 'integration', 'proxy', 'network']);

/**
 * What a page that is not an API answer says, as plain text: its `<title>`, or its
 * text when it is short. HTML is never shown as HTML, nor as a wall of markup.
 */
function textOfPage(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
  const text = (title ?? (/<[a-z!/]/i.test(body) ? '' : body))
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' || text.length > 200 ? undefined : text;
}

/**
 * Builds the error for a non-2xx answer. `body` is the parsed JSON, or the text when it
 * was not JSON. Only an answer in Trackstar's error shape (a JSON object with `error`) is
 * attributed to Trackstar, the integration or the proxy; anything else came from a server
 * in between, and says so with its status.
 */
export function apiErrorFromResponse(response: Response, body: unknown): TrackstarApiError {
  const record = isPlainObject(body) ? body : undefined;
  const apiMessage = record && typeof record.error === 'string' && record.error.trim() !== '' ? record.error : undefined;
  const origin: ErrorOrigin =
    apiMessage === undefined ? 'gateway' : typeof record!.origin === 'string' && ORIGINS.has(record!.origin) ? (record!.origin as ErrorOrigin) : 'trackstar';
  const statusLine = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new TrackstarApiError({
    status: response.status,
    origin,
    kind: origin === 'network' ? undefined : kindFor(response.status, origin === 'integration' ? 'integration' : 'trackstar'),
    message: apiMessage ?? (textOfPage(body) ? `${statusLine}: ${textOfPage(body)}` : `${statusLine}.`),
    fieldErrors: flattenFieldErrors(record?.detail),
    requestId: response.headers.get('x-request-id') ?? undefined,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
    statusText: response.statusText,
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
  /** The catalogue to word it with; English by default. */
  messages?: TrackstarMessages | undefined;
}

export interface ErrorWording {
  /** One sentence saying who refused what, for an operator. */
  title: string;
  /** The API's own message, verbatim. */
  message: string;
  /** Who said `message`, for the "… said:" prefix; `undefined` when nobody did (no answer, a gateway). */
  speaker: string | undefined;
}

/** Words an error for the operator in front of the form: who said no, and what they said. */
export function describeApiError(error: TrackstarApiError, context: ErrorWordingContext = {}): ErrorWording {
  const messages = context.messages ?? englishMessages;
  const integration = context.integrationName ?? 'the connected system';
  const noun = context.noun ?? 'request';
  const speaker =
    error.origin === 'integration' ? (context.integrationName ?? 'The connected system') : error.origin === 'trackstar' ? 'Trackstar' : error.origin === 'proxy' ? 'Your server' : undefined;
  const title = ((): string => {
    if (error.origin === 'gateway' && error.kind !== 'rate-limited' && error.kind !== 'invalid-response') {
      return messages.errorGateway({ status: error.status, statusText: error.statusText ?? '' });
    }
    if (error.origin === 'proxy' && error.kind !== 'rate-limited' && error.kind !== 'server' && error.kind !== 'timeout') {
      return messages.errorProxy({ noun });
    }
    switch (error.kind) {
      case 'integration':
        return messages.errorIntegration({ integration: context.integrationName ?? 'The connected system', noun });
      case 'validation':
        return messages.errorValidation({ integration, noun });
      case 'forbidden':
        return messages.errorForbidden();
      case 'not-supported':
        return messages.errorNotSupported({ integration: context.integrationName ?? 'this integration' });
      case 'rate-limited':
        return messages.errorRateLimited({ seconds: error.retryAfter === undefined ? undefined : String(Math.ceil(error.retryAfter)) });
      case 'conflict':
        return messages.errorConflict({ noun });
      case 'unauthorized':
        return messages.errorUnauthorized();
      case 'not-found':
        return messages.errorNotFound({ noun });
      case 'network':
        return messages.errorNetwork();
      case 'timeout':
        return messages.errorTimeout();
      case 'server':
        return messages.errorServer({ status: error.status });
      case 'invalid-response':
        return messages.errorInvalidResponse();
      case 'bad-request':
      default:
        return messages.errorBadRequest({ noun });
    }
  })();
  return { title, message: error.message, speaker };
}
