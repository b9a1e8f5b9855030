/**
 * One control per form, created once (react-hook-form's `createFormControl` is the
 * model): it owns the form store and turns "submit" into at most one write per
 * operator intent.
 *
 * - The same body after a success is not sent again (it would be a second order).
 * - A write whose outcome is unknown (no answer, timeout, 5xx, 409, an unreadable
 *   answer) keeps its Idempotency-Key, persisted before the request leaves, so a
 *   resend — even after a reload — is the same write, which Trackstar answers from
 *   its store instead of writing twice.
 * - A changed body after such an outcome is a new write, and only goes out once the
 *   operator confirms it.
 * - A certain rejection (4xx) wrote nothing: its key is spent.
 */
import { isTrackstarApiError, type TrackstarApiError } from '../api-error';
import { createIdempotencyKey, writeFingerprint } from '../idempotency';
import type { PreparedWriteBody } from '../prepare-write-body';
import type { WriteSuccess } from '../write';
import type { ErrorTree } from './error-tree';
import { type FormPath, getIn } from './form-path';
import { type FormState, type FormStore, type PendingWrite, createFormStore, initialFormState } from './form-store';
import type { ValidationProblem } from './validation-problems';

export type SubmitOutcome =
  | { status: 'success'; result: WriteSuccess }
  | { status: 'error'; error: TrackstarApiError | Error; uncertain: boolean }
  /** Validation stopped it; nothing was sent. */
  | { status: 'invalid'; problems: readonly ValidationProblem[] }
  /** The same data as the last success: sending it would write it again, so nothing was sent. */
  | { status: 'repeat-blocked'; result: WriteSuccess }
  /** The data changed after an attempt that may have gone through; `submit({ confirmNewWrite: true })` sends it. */
  | { status: 'needs-confirmation'; pending: PendingWrite }
  /** A write was already in flight: nothing was sent. */
  | { status: 'ignored' };

export interface SendRequest {
  body: Record<string, unknown>;
  idempotencyKey: string;
  onRateLimited: (seconds: number) => void;
}

export interface WriteFormControlOptions<V> {
  initialValues: V;
  /** A write from an earlier page load whose outcome is unknown (from the draft). */
  pendingWrite?: PendingWrite | undefined;
  method: 'POST' | 'PUT';
  /** The filled path of the write; may throw (a missing path parameter), which fails the submit before any request. */
  path: () => string;
  prepare: (values: V) => PreparedWriteBody;
  /** Problems of the body as it will be sent, worded; none for a valid body. */
  validate?: ((body: Record<string, unknown>, values: V) => { errors: ErrorTree; problems: readonly ValidationProblem[] }) | undefined;
  send: (request: SendRequest) => Promise<WriteSuccess>;
  /** Turns a rejection's field errors into errors for fields on screen and the rest, and finds fields its message quotes. */
  explainRejection?: ((error: TrackstarApiError, values: V) => { errors: ErrorTree; unplaced: Record<string, string[]>; quotedFields: FormPath[] }) | undefined;
  /** Keeps the pending write with the draft; called synchronously before the request leaves. */
  persistPendingWrite?: ((pending: PendingWrite | undefined) => void) | undefined;
  generateKey?: () => string;
  now?: () => number;
}

export interface WriteFormControl<V> {
  readonly store: FormStore<V>;
  getValues(): V;
  setValue(path: FormPath, value: unknown): void;
  getValue(path: FormPath): unknown;
  /** Validates what would be sent now and shows the problems, without sending. */
  validate(): readonly ValidationProblem[];
  submit(options?: { confirmNewWrite?: boolean }): Promise<SubmitOutcome>;
  /** New values and a clean slate: errors and outcome cleared; an unknown outcome is kept unless `forgetPendingWrite`. */
  reset(values: V, options?: { forgetPendingWrite?: boolean }): void;
  /** The body as it would be sent now. */
  prepare(): PreparedWriteBody;
  /** Whether the last submit's outcome is on screen and the values are unchanged since. */
  readonly state: FormState<V>;
}

export function createWriteFormControl<V>(options: WriteFormControlOptions<V>): WriteFormControl<V> {
  const store = createFormStore(initialFormState(options.initialValues, options.pendingWrite));
  const generateKey = options.generateKey ?? createIdempotencyKey;
  const now = options.now ?? Date.now;
  // A ref, not state: two clicks in the same frame both see the state from before either.
  let inFlight = false;

  const validate = (body: Record<string, unknown>, values: V) => options.validate?.(body, values) ?? { errors: {}, problems: [] };

  const control: WriteFormControl<V> = {
    store,
    getValues: () => store.getState().values,
    getValue: (path) => getIn(store.getState().values, path),
    setValue: (path, value) => store.dispatch({ type: 'change', path, value }),
    prepare: () => options.prepare(store.getState().values),
    get state() {
      return store.getState();
    },

    validate() {
      const values = store.getState().values;
      const { errors, problems } = validate(options.prepare(values).body, values);
      if (problems.length > 0) store.dispatch({ type: 'submit-invalid', errors, problems });
      else store.dispatch({ type: 'set-errors', errors: {} });
      return problems;
    },

    async submit({ confirmNewWrite = false } = {}) {
      if (inFlight) return { status: 'ignored' };
      const state = store.getState();
      const values = state.values;
      const { body } = options.prepare(values);

      let path: string;
      try {
        path = options.path();
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        store.dispatch({ type: 'send-failed', error: failure, uncertain: false });
        return { status: 'error', error: failure, uncertain: false };
      }
      const fingerprint = writeFingerprint(options.method, path, body);

      if (state.submission.status === 'succeeded') {
        const { result } = state.submission;
        if (writeFingerprint(options.method, result.path, result.body) === fingerprint) {
          store.dispatch({ type: 'submit-repeat-blocked' });
          return { status: 'repeat-blocked', result };
        }
      }

      const { errors, problems } = validate(body, values);
      if (problems.length > 0) {
        store.dispatch({ type: 'submit-invalid', errors, problems });
        return { status: 'invalid', problems };
      }

      const earlier = state.pendingWrite;
      const resend = earlier !== undefined && earlier.fingerprint === fingerprint;
      if (earlier && !resend && !confirmNewWrite) {
        store.dispatch({ type: 'submit-needs-confirmation', pending: earlier });
        return { status: 'needs-confirmation', pending: earlier };
      }
      const pending: PendingWrite = resend ? earlier : { idempotencyKey: generateKey(), fingerprint, sentAt: now() };

      inFlight = true;
      // Persisted before the request leaves: a reload while it is in flight is an unknown outcome too.
      options.persistPendingWrite?.(pending);
      store.dispatch({ type: 'send', pending, resend });
      try {
        const result = await options.send({
          body,
          idempotencyKey: pending.idempotencyKey,
          onRateLimited: (seconds) => store.dispatch({ type: 'rate-limited', seconds }),
        });
        options.persistPendingWrite?.(undefined);
        store.dispatch({ type: 'send-succeeded', result });
        return { status: 'success', result };
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        const uncertain = isTrackstarApiError(failure) && failure.outcomeUncertain;
        if (!uncertain) options.persistPendingWrite?.(undefined);
        const explained = isTrackstarApiError(failure) ? options.explainRejection?.(failure, store.getState().values) : undefined;
        store.dispatch({
          type: 'send-failed',
          error: failure,
          uncertain,
          errors: explained?.errors,
          unplacedFieldErrors: explained?.unplaced,
          quotedFields: explained?.quotedFields,
        });
        return { status: 'error', error: failure, uncertain };
      } finally {
        inFlight = false;
      }
    },

    reset(values, { forgetPendingWrite = false } = {}) {
      const pendingWrite = forgetPendingWrite ? undefined : store.getState().pendingWrite;
      if (forgetPendingWrite) options.persistPendingWrite?.(undefined);
      store.dispatch({ type: 'replace', values, pendingWrite });
      store.dispatch({ type: 'reset-submission', keepPendingWrite: !forgetPendingWrite });
    },
  };
  return control;
}
