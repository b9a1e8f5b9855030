import type { IntegrationType, WriteMethod } from './actions';
import { TrackstarApiError, apiErrorFromResponse, networkError } from './api-error';
import type { IntegrationInfo, IntegrationsResponse, MetaSchemaDocument, OpenApiDocument, WriteResponseBody } from './types';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type HeaderRecord = Record<string, string>;
/** Static headers, or a function called before every request (e.g. to attach a fresh session token). */
export type HeadersOption = HeaderRecord | (() => HeaderRecord | Promise<HeaderRecord>);

export interface TrackstarClientOptions {
  /** The host app's backend route that forwards to Trackstar, e.g. `/api/trackstar`. */
  baseUrl: string;
  /** Replaces the global `fetch` for every request. */
  fetch?: FetchLike | undefined;
  headers?: HeadersOption | undefined;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number | undefined;
}

export interface RequestOptions {
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: HeaderRecord;
  signal?: AbortSignal | undefined;
}

export interface ApiAnswer<T> {
  data: T;
  status: number;
  headers: Headers;
}

export interface WriteRequest {
  method: WriteMethod;
  /** A filled path, e.g. `/wms/orders/ord_1`. */
  path: string;
  body: unknown;
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface WriteResult {
  id: string | undefined;
  data: Record<string, unknown> | undefined;
  /** Body fields the integration accepted but did not use. */
  unusedFields: string[];
  /** `true` when Trackstar answered from its idempotency store instead of writing again. */
  replayed: boolean;
  requestId: string | undefined;
  status: number;
}

export interface TrackstarClient {
  readonly baseUrl: string;
  request<T>(method: string, path: string, options?: RequestOptions): Promise<ApiAnswer<T>>;
  listIntegrations(integrationType: IntegrationType, signal?: AbortSignal): Promise<IntegrationInfo[]>;
  getIntegration(integrationType: IntegrationType, integrationName: string, signal?: AbortSignal): Promise<IntegrationInfo>;
  getMetaSchema(
    integrationType: IntegrationType,
    resource: string,
    options: { method: WriteMethod; integrationName?: string | undefined; signal?: AbortSignal | undefined },
  ): Promise<MetaSchemaDocument>;
  getWriteInfo(integrationType: IntegrationType, integrationName: string, signal?: AbortSignal): Promise<OpenApiDocument>;
  /** A record by its path (`/wms/orders/ord_1`): the `data` of Trackstar's read answer. */
  getRecord(path: string, signal?: AbortSignal): Promise<Record<string, unknown>>;
  write(request: WriteRequest): Promise<WriteResult>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function joinUrl(baseUrl: string, path: string, query?: Record<string, string | undefined>): string {
  const base = baseUrl.replace(/\/+$/, '');
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, value);
  const queryString = search.toString();
  return `${base}${path.startsWith('/') ? path : `/${path}`}${queryString ? `?${queryString}` : ''}`;
}

/** `AbortSignal.any` is missing in older browsers; a request must still honour both the caller and the timeout. */
function combineSignals(signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length <= 1) return present[0];
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(present);
  const controller = new AbortController();
  for (const signal of present) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function encode(segment: string): string {
  return encodeURIComponent(segment);
}

export function createTrackstarClient(options: TrackstarClientOptions): TrackstarClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<T>(method: string, path: string, requestOptions: RequestOptions = {}): Promise<ApiAnswer<T>> {
    const hostHeaders = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    const headers: HeaderRecord = { accept: 'application/json', ...hostHeaders, ...requestOptions.headers };
    let body: string | undefined;
    if (requestOptions.body !== undefined) {
      body = JSON.stringify(requestOptions.body);
      headers['content-type'] = 'application/json';
    }
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException('Timed out', 'TimeoutError')), timeoutMs);
    const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    let response: Response;
    try {
      const init: RequestInit = { method, headers, signal: combineSignals([requestOptions.signal, timeout.signal]) ?? null };
      if (body !== undefined) init.body = body;
      response = await fetchImpl(joinUrl(options.baseUrl, path, requestOptions.query), init);
    } catch (error) {
      clearTimeout(timer);
      // A caller that cancelled (react-query unmounting) gets its own AbortError back, not a network error.
      if (requestOptions.signal?.aborted) throw error;
      throw networkError(error, timeout.signal.aborted);
    }
    let parsed: unknown;
    try {
      parsed = await readBody(response);
    } catch (error) {
      throw networkError(error, timeout.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw apiErrorFromResponse(response, parsed);
    return { data: parsed as T, status: response.status, headers: response.headers };
  }

  function expectObject<T>(answer: ApiAnswer<unknown>, what: string): T {
    if (answer.data === null || typeof answer.data !== 'object' || Array.isArray(answer.data)) {
      throw new TrackstarApiError({
        status: answer.status,
        origin: 'trackstar',
        kind: 'invalid-response',
        message: `Expected ${what} as a JSON object, but the server answered ${answer.data === undefined ? 'with an empty body' : typeof answer.data}.`,
        requestId: answer.headers.get('x-request-id') ?? undefined,
        body: answer.data,
      });
    }
    return answer.data as T;
  }

  return {
    baseUrl: options.baseUrl,
    request,

    async listIntegrations(integrationType, signal) {
      const answer = await request<unknown>('GET', `/integrations/${encode(integrationType)}`, { signal });
      const body = expectObject<IntegrationsResponse>(answer, 'the integrations list');
      return Array.isArray(body.data) ? body.data : [];
    },

    async getIntegration(integrationType, integrationName, signal) {
      const answer = await request<unknown>('GET', `/integrations/${encode(integrationType)}/${encode(integrationName)}`, { signal });
      const body = expectObject<IntegrationsResponse | IntegrationInfo>(answer, 'the integration');
      const info = 'data' in body ? (Array.isArray(body.data) ? body.data.find((item) => item.integration_name === integrationName) ?? body.data[0] : body.data) : body;
      if (!info || typeof info !== 'object') {
        throw new TrackstarApiError({ status: 404, origin: 'trackstar', message: `Trackstar does not know the integration "${integrationName}".` });
      }
      return info as IntegrationInfo;
    },

    async getMetaSchema(integrationType, resource, { method, integrationName, signal }) {
      const path =
        integrationName === undefined
          ? `/${encode(integrationType)}/${encode(resource)}/meta`
          : `/${encode(integrationType)}/${encode(resource)}/meta/${encode(integrationName)}`;
      const answer = await request<unknown>('GET', path, { query: { method }, signal });
      return expectObject<MetaSchemaDocument>(answer, 'a /meta schema');
    },

    async getWriteInfo(integrationType, integrationName, signal) {
      const answer = await request<unknown>(
        'GET',
        `/integrations/${encode(integrationType)}/${encode(integrationName)}/write-info`,
        { signal },
      );
      return expectObject<OpenApiDocument>(answer, 'the write-info document');
    },

    async getRecord(path, signal) {
      const answer = await request<unknown>('GET', path, { signal });
      const body = expectObject<{ data?: unknown }>(answer, 'the record');
      const data = body.data;
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new TrackstarApiError({
          status: answer.status,
          origin: 'gateway',
          kind: 'invalid-response',
          message: `Expected the record in "data", but the answer has ${data === undefined ? 'no "data"' : `a "data" of type ${Array.isArray(data) ? 'array' : typeof data}`}.`,
          requestId: answer.headers.get('x-request-id') ?? undefined,
          body,
        });
      }
      return data as Record<string, unknown>;
    },

    async write({ method, path, body, idempotencyKey, signal }) {
      const headers: HeaderRecord = {};
      if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
      const answer = await request<unknown>(method, path, { body, headers, signal });
      return readWriteAnswer(answer);
    },
  };
}

/**
 * Only Trackstar's documented success shape is a success: a JSON object with the new
 * record's `id` or its `data`. Anything else a 2xx can carry (a captive portal's login
 * page, a proxy's `OK`, an empty body) means nobody knows whether the write happened:
 * that is an `invalid-response` error, which keeps the draft and the idempotency key.
 */
export function readWriteAnswer(answer: ApiAnswer<unknown>): WriteResult {
  const result = answer.data;
  const requestId = answer.headers.get('x-request-id') ?? undefined;
  const isObject = result !== null && typeof result === 'object' && !Array.isArray(result);
  const record = isObject ? (result as WriteResponseBody & Record<string, unknown>) : undefined;
  const hasId = typeof record?.id === 'string' && record.id !== '';
  const hasData = record?.data !== null && typeof record?.data === 'object' && !Array.isArray(record?.data);
  const unusedOk = record?.unused_fields === undefined || Array.isArray(record.unused_fields);
  if (!record || !(hasId || hasData) || !unusedOk) {
    const what =
      result === undefined ? 'an empty body' : typeof result === 'string' ? 'text that is not JSON' : isObject ? 'a JSON object without the written record' : `JSON ${Array.isArray(result) ? 'array' : typeof result}`;
    throw new TrackstarApiError({
      status: answer.status,
      origin: 'gateway',
      kind: 'invalid-response',
      message: `HTTP ${answer.status} with ${what}, where Trackstar answers a write with the record it wrote.`,
      requestId,
      body: result,
    });
  }
  return {
    id: hasId ? (record.id as string) : undefined,
    data: hasData ? (record.data as Record<string, unknown>) : undefined,
    unusedFields: Array.isArray(record.unused_fields) ? record.unused_fields.filter((field): field is string => typeof field === 'string' && field !== '') : [],
    replayed: answer.headers.get('idempotent-replayed')?.toLowerCase() === 'true',
    requestId,
    status: answer.status,
  };
}
