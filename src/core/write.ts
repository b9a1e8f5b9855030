import { fillPathTemplate } from './actions';
import { isTrackstarApiError } from './api-error';
import type { TrackstarClient, WriteResult } from './client';
import { type IdempotencyKeyStore, writeFingerprint } from './idempotency';
import { isPlaceholderValue } from './schema/placeholders';
import { stripEmpty } from './strip-empty';
import type { ResolvedWriteOperation } from './write-operation';

/** Longest `retry-after` worth waiting for in front of an operator; longer ones are reported instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

/** The body exactly as it will be sent: no empty values, no placeholder options. */
export function prepareWriteBody(formData: unknown): Record<string, unknown> {
  const stripped = stripEmpty(formData ?? {}, { isDropped: isPlaceholderValue });
  return stripped !== null && typeof stripped === 'object' && !Array.isArray(stripped) ? (stripped as Record<string, unknown>) : {};
}

export interface PerformWriteOptions {
  client: TrackstarClient;
  operation: Pick<ResolvedWriteOperation, 'method' | 'pathTemplate'>;
  pathParams?: Readonly<Record<string, string | number>> | undefined;
  /** Form data; it is stripped here, so callers cannot forget to. */
  formData: unknown;
  keys: IdempotencyKeyStore;
  signal?: AbortSignal | undefined;
  /** Called before waiting out a 429, so the UI can say so. */
  onRateLimited?: ((retryAfterSeconds: number) => void) | undefined;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface PerformedWrite extends WriteResult {
  body: Record<string, unknown>;
  path: string;
  idempotencyKey: string;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/**
 * Sends one write. Missing path params throw before any request. Writes are
 * never retried automatically, with one exception: a 429 is waited out once and
 * retried with the same key, because Trackstar has said exactly when to come back.
 */
export async function performWrite(options: PerformWriteOptions): Promise<PerformedWrite> {
  const { client, operation, keys } = options;
  const path = fillPathTemplate(operation.pathTemplate, options.pathParams);
  const body = prepareWriteBody(options.formData);
  const idempotencyKey = keys.keyFor(writeFingerprint(operation.method, path, body));
  const send = () => client.write({ method: operation.method, path, body, idempotencyKey, signal: options.signal });

  let result: WriteResult;
  try {
    result = await send();
  } catch (error) {
    const wait = isTrackstarApiError(error) && error.kind === 'rate-limited' ? (error.retryAfter ?? 1) : undefined;
    if (wait === undefined || wait > MAX_RATE_LIMIT_WAIT_SECONDS) throw error;
    options.onRateLimited?.(wait);
    await (options.sleep ?? sleep)(wait * 1000, options.signal);
    result = await send();
  }
  keys.complete();
  return { ...result, body, path, idempotencyKey };
}
