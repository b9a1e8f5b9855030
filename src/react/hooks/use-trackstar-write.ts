import { useCallback, useRef, useState } from 'react';
import { type FormSchema, type ResolvedWriteOperation, type SubmitOutcome, type TrackstarApiError, type WriteSuccess, createWriteFormControl, prepareWriteBody } from '../../core';
import { writePath } from '../../core/internal';
import { useFormState } from '../form/use-form-state';
import { useWriteMutation } from './use-write-mutation';

/** A write Trackstar accepted (see `WriteSuccess`); the name this hook has always used. */
export type TrackstarWriteSuccess = WriteSuccess;

export interface UseTrackstarWriteOptions {
  /** The operation to call, as resolved by `useWriteSchema` (`status: "ready"`). */
  operation: Pick<ResolvedWriteOperation, 'action' | 'method' | 'pathTemplate' | 'integrationType'>;
  integrationName: string;
  pathParams?: Readonly<Record<string, string | number>> | undefined;
  /**
   * The form schema (`useWriteSchema`'s `schema`). With it, placeholder options and keys the schema does
   * not declare are left out of the body; without it, only empty values are.
   */
  schema?: FormSchema | undefined;
  onSuccess?: ((result: TrackstarWriteSuccess) => void) | undefined;
  onError?: ((error: TrackstarApiError | Error) => void) | undefined;
}

/** What a submit did. See `SubmitOutcome`. */
export type WriteOutcome = SubmitOutcome;

export interface UseTrackstarWriteResult {
  /**
   * Sends the form data (stripped of empty values and placeholders), at most once per intent: the same
   * data after a success is not sent again (`repeat-blocked`), a resend after an unknown outcome reuses
   * the Idempotency-Key, and different data after an unknown outcome needs `{ confirmNewWrite: true }`.
   * Never rejects: failures resolve as `{ status: "error" }` and go to `onError`.
   */
  submit: (formData: unknown, options?: { confirmNewWrite?: boolean }) => Promise<WriteOutcome>;
  status: 'idle' | 'pending' | 'success' | 'error';
  isPending: boolean;
  result: TrackstarWriteSuccess | undefined;
  error: TrackstarApiError | Error | undefined;
  /** The last failure may have reached the integration: resending the same data is safe. */
  outcomeUncertain: boolean;
  /** Seconds Trackstar asked us to wait before the automatic 429 retry, while waiting. */
  rateLimitedFor: number | undefined;
  reset: () => void;
}

/**
 * Submits writes for one action, for hosts that render their own UI: one
 * idempotency key per logical write, one request at a time, no automatic retries
 * except waiting out a single 429. (`TrackstarWriteForm` does the same, and keeps the
 * pending key with its draft across reloads.)
 */
export function useTrackstarWrite(options: UseTrackstarWriteOptions): UseTrackstarWriteResult {
  const latest = useRef(options);
  latest.current = options;
  const send = useWriteMutation(options);

  const [control] = useState(() =>
    createWriteFormControl<unknown>({
      initialValues: {},
      method: options.operation.method,
      path: () => writePath(latest.current.operation, latest.current.pathParams),
      prepare: (values) => prepareWriteBody(values, { schema: latest.current.schema }),
      send,
    }),
  );
  const submission = useFormState(control.store, (state) => state.submission);

  const submit = useCallback(
    async (formData: unknown, submitOptions?: { confirmNewWrite?: boolean }): Promise<WriteOutcome> => {
      control.store.dispatch({ type: 'set-values', values: formData });
      const outcome = await control.submit(submitOptions);
      if (outcome.status === 'success') latest.current.onSuccess?.(outcome.result);
      else if (outcome.status === 'error') latest.current.onError?.(outcome.error);
      return outcome;
    },
    [control],
  );
  const reset = useCallback(() => control.reset({}, { forgetPendingWrite: true }), [control]);

  return {
    submit,
    status:
      submission.status === 'sending' ? 'pending' : submission.status === 'succeeded' ? 'success' : submission.status === 'failed' ? 'error' : 'idle',
    isPending: submission.status === 'sending',
    result: submission.status === 'succeeded' ? submission.result : undefined,
    error: submission.status === 'failed' ? submission.error : undefined,
    outcomeUncertain: submission.status === 'failed' && submission.uncertain,
    rateLimitedFor: submission.status === 'sending' ? submission.rateLimitedFor : undefined,
    reset,
  };
}
