import { fillPathTemplate } from './actions';
import { isTrackstarApiError } from './api-error';
import type { TrackstarClient, WriteResult } from './client';
import type { ResolvedWriteOperation } from './write-operation';

/** Longest `retry-after` worth waiting for in front of an operator; longer ones are reported instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

export interface PerformWriteOptions {
  client: TrackstarClient;
  operation: Pick<ResolvedWriteOperation, 'method' | 'pathTemplate'>;
  pathParams?: Readonly<Record<string, string | number>> | undefined;
  /** The body exactly as it is to be sent (see `prepareWriteBody`). */
  body: Record<string, unknown>;
  /** The logical write's key: the same for every attempt of the same write (see `write-form-control.ts`). */
  idempotencyKey: string;
  signal?: AbortSignal | undefined;
  /** Called before waiting out a 429, so the UI can say so. */
  onRateLimited?: ((retryAfterSeconds: number) => void) | undefined;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A write Trackstar accepted, with what was sent. */
export interface WriteSuccess extends WriteResult {
  /** The body exactly as sent. */
  body: Record<string, unknown>;
  /** The filled path, e.g. `/wms/orders/ord_1`. */
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

/** The path a write goes to; throws before any request when a path param is missing. */
export function writePath(operation: Pick<ResolvedWriteOperation, 'pathTemplate'>, pathParams?: Readonly<Record<string, string | number>>): string {
  return fillPathTemplate(operation.pathTemplate, pathParams);
}

/**
 * Sends one write. Writes are never retried automatically, with one exception: a
 * 429 is waited out once and retried with the same key, because Trackstar has said
 * exactly when to come back and has not processed the request.
 */
export async function performWrite(options: PerformWriteOptions): Promise<WriteSuccess> {
  const { client, operation, body, idempotencyKey } = options;
  const path = writePath(operation, options.pathParams);
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
  return { ...result, body, path, idempotencyKey };
}
