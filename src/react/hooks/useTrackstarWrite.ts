import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { TrackstarApiError } from '../../core/api-error';
import { createIdempotencyKeyStore } from '../../core/idempotency';
import { trackstarQueryKeys } from '../../core/queries';
import { type PerformedWrite, performWrite } from '../../core/write';
import type { ResolvedWriteOperation } from '../../core/write-operation';
import { useTrackstarClient } from '../context';

export interface TrackstarWriteSuccess {
  id: string | undefined;
  data: Record<string, unknown> | undefined;
  /** Body fields the integration accepted but did not use: they did not reach the warehouse system. */
  unusedFields: string[];
  /** Trackstar answered from its idempotency store (this write had already happened). */
  replayed: boolean;
  requestId: string | undefined;
  /** The body exactly as sent. */
  body: Record<string, unknown>;
  idempotencyKey: string;
}

export interface UseTrackstarWriteOptions {
  /** The operation to call, as resolved by `useWriteSchema` (`status: "ready"`). */
  operation: Pick<ResolvedWriteOperation, 'action' | 'method' | 'pathTemplate' | 'integrationType'>;
  integrationName: string;
  pathParams?: Readonly<Record<string, string | number>> | undefined;
  onSuccess?: ((result: TrackstarWriteSuccess) => void) | undefined;
  onError?: ((error: TrackstarApiError | Error) => void) | undefined;
}

export type WriteOutcome =
  | { status: 'success'; result: TrackstarWriteSuccess }
  | { status: 'error'; error: TrackstarApiError | Error }
  /** A write was already in flight: this submit was dropped, nothing was sent. */
  | { status: 'ignored' };

export interface UseTrackstarWriteResult {
  /**
   * Sends the form data (stripped of empty values and placeholders). Never rejects:
   * failures resolve as `{ status: "error" }` and go to `onError`.
   */
  submit: (formData: unknown) => Promise<WriteOutcome>;
  status: 'idle' | 'pending' | 'success' | 'error';
  isPending: boolean;
  result: TrackstarWriteSuccess | undefined;
  error: TrackstarApiError | Error | undefined;
  /** Seconds Trackstar asked us to wait before the automatic 429 retry, while waiting. */
  rateLimitedFor: number | undefined;
  reset: () => void;
}

function toSuccess(write: PerformedWrite): TrackstarWriteSuccess {
  return {
    id: write.id,
    data: write.data,
    unusedFields: write.unusedFields,
    replayed: write.replayed,
    requestId: write.requestId,
    body: write.body,
    idempotencyKey: write.idempotencyKey,
  };
}

/**
 * Submits writes for one action: one idempotency key per logical write (reused when
 * the same body is sent again after a failure), one request at a time, no automatic
 * retries except waiting out a single 429.
 */
export function useTrackstarWrite(options: UseTrackstarWriteOptions): UseTrackstarWriteResult {
  const client = useTrackstarClient();
  const [keys] = useState(() => createIdempotencyKeyStore());
  const inFlight = useRef(false);
  const [rateLimitedFor, setRateLimitedFor] = useState<number | undefined>();
  const latest = useRef(options);
  latest.current = options;

  const mutation = useMutation<TrackstarWriteSuccess, TrackstarApiError | Error, unknown>({
    mutationKey: [...trackstarQueryKeys.all(client.baseUrl), 'write', options.operation.integrationType, options.integrationName, options.operation.action],
    retry: false,
    mutationFn: async (formData) => {
      const { operation, pathParams } = latest.current;
      try {
        const write = await performWrite({
          client,
          operation,
          pathParams,
          formData,
          keys,
          onRateLimited: (seconds) => setRateLimitedFor(seconds),
        });
        return toSuccess(write);
      } finally {
        setRateLimitedFor(undefined);
      }
    },
  });

  const { mutateAsync, reset } = mutation;
  const submit = useCallback(
    async (formData: unknown): Promise<WriteOutcome> => {
      // A ref, not state: two clicks in the same frame both see the state from before either.
      if (inFlight.current) return { status: 'ignored' };
      inFlight.current = true;
      try {
        const result = await mutateAsync(formData);
        latest.current.onSuccess?.(result);
        return { status: 'success', result };
      } catch (error) {
        const failure = error instanceof Error ? error : new TrackstarApiError({ status: 0, origin: 'network', message: String(error) });
        latest.current.onError?.(failure);
        return { status: 'error', error: failure };
      } finally {
        inFlight.current = false;
      }
    },
    [mutateAsync],
  );

  return {
    submit,
    status: mutation.status,
    isPending: mutation.isPending,
    result: mutation.data,
    error: mutation.error ?? undefined,
    rateLimitedFor,
    reset,
  };
}
