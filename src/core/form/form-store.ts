/**
 * The form's single source of truth: values, errors, touched fields and the
 * submission, framework-free. Every change goes through `dispatch` and one
 * reducer, so the rules ("editing a field answers its error", "a change after a
 * success is a new intent") live in one place a maintainer can read. Fields
 * subscribe by path (see `path-listeners.ts`) and read their own slice, so a
 * keystroke wakes one field, not the form.
 */
import type { TrackstarApiError } from '../api-error';
import { type FormPath, getIn, pathKey, setIn } from './form-path';
import { createPathListeners } from './path-listeners';
import type { ErrorTree } from './error-tree';
import type { ValidationProblem } from './validation-problems';
import type { WriteSuccess } from '../write';

/** A write that was sent and whose outcome is unknown: the same body must be resent under the same key. */
export interface PendingWrite {
  readonly idempotencyKey: string;
  /** `writeFingerprint` of the request: method, path and canonical body. */
  readonly fingerprint: string;
  /** When it was first sent (epoch ms). */
  readonly sentAt: number;
}

export type SubmissionState =
  | { readonly status: 'idle' }
  /** The last submit was stopped by validation; nothing was sent. */
  | { readonly status: 'invalid'; readonly problems: readonly ValidationProblem[] }
  | {
      readonly status: 'sending';
      readonly idempotencyKey: string;
      /** This request repeats an earlier one whose outcome was unknown (same key). */
      readonly resend: boolean;
      /** Seconds Trackstar asked us to wait before the one automatic retry of a 429. */
      readonly rateLimitedFor: number | undefined;
    }
  | {
      readonly status: 'succeeded';
      readonly result: WriteSuccess;
      /** How many times a submit of the same, unchanged data was stopped since (it would write again). */
      readonly repeatsBlocked: number;
    }
  | {
      readonly status: 'failed';
      readonly error: TrackstarApiError | Error;
      /** The write may have reached the integration (no answer, timeout, 5xx, unreadable answer). */
      readonly uncertain: boolean;
      /** Field errors from the answer that no field on screen matches, by dot path. */
      readonly unplacedFieldErrors: Readonly<Record<string, string[]>>;
      /** Fields the answer's message quotes a value of (e.g. a SKU an integration does not know). */
      readonly quotedFields: readonly FormPath[];
    }
  /** The body changed after an attempt that may have reached the integration: sending it is a new write. */
  | { readonly status: 'confirm-new-write'; readonly pending: PendingWrite };

export interface FormState<V = unknown> {
  readonly values: V;
  readonly errors: ErrorTree;
  /** Path keys (`pathKey`) of the fields the operator has left at least once. */
  readonly touched: ReadonlySet<string>;
  /** Set by the first submit: from then on errors are shown and invalid controls are marked. */
  readonly submitCount: number;
  readonly submission: SubmissionState;
  /** A write sent whose outcome is unknown; kept with the draft, so a reload resends under the same key. */
  readonly pendingWrite: PendingWrite | undefined;
  /** The values changed since the last write attempt or success (a cheap flag; submits compare fingerprints). */
  readonly changedSinceWrite: boolean;
}

export type FormAction =
  | { readonly type: 'change'; readonly path: FormPath; readonly value: unknown }
  /** New values wholesale, starting over: a reset, a restored draft, a loaded record. */
  | { readonly type: 'replace'; readonly values: unknown; readonly pendingWrite?: PendingWrite | undefined }
  /** New values from outside (a controlled `values` prop), keeping errors and the outcome on screen. */
  | { readonly type: 'set-values'; readonly values: unknown }
  | { readonly type: 'touch'; readonly path: FormPath }
  | { readonly type: 'set-errors'; readonly errors: ErrorTree }
  | { readonly type: 'submit-invalid'; readonly errors: ErrorTree; readonly problems: readonly ValidationProblem[] }
  | { readonly type: 'submit-needs-confirmation'; readonly pending: PendingWrite }
  | { readonly type: 'submit-repeat-blocked' }
  | { readonly type: 'send'; readonly pending: PendingWrite; readonly resend: boolean }
  | { readonly type: 'rate-limited'; readonly seconds: number | undefined }
  | { readonly type: 'send-succeeded'; readonly result: WriteSuccess }
  | {
      readonly type: 'send-failed';
      readonly error: TrackstarApiError | Error;
      readonly uncertain: boolean;
      readonly errors?: ErrorTree | undefined;
      readonly unplacedFieldErrors?: Readonly<Record<string, string[]>> | undefined;
      readonly quotedFields?: readonly FormPath[] | undefined;
    }
  /** Back to idle: the operator dismissed an outcome, or started a new entry. */
  | { readonly type: 'reset-submission'; readonly keepPendingWrite?: boolean };

const EMPTY_ERRORS: ErrorTree = Object.freeze({}) as ErrorTree;
const NO_TOUCHED: ReadonlySet<string> = new Set();
const IDLE: SubmissionState = Object.freeze({ status: 'idle' });

export function initialFormState<V>(values: V, pendingWrite?: PendingWrite): FormState<V> {
  return {
    values,
    errors: EMPTY_ERRORS,
    touched: NO_TOUCHED,
    submitCount: 0,
    submission: IDLE,
    pendingWrite,
    changedSinceWrite: false,
  };
}

/** Every state change of a form, in one place. Pure: the store notifies, the write control does the I/O. */
export function formReducer<V>(state: FormState<V>, action: FormAction): FormState<V> {
  switch (action.type) {
    case 'change': {
      const values = setIn(state.values, action.path, action.value);
      if (values === state.values) return state;
      // Editing a field answers its error (and its descendants'); the others wait for the next submit.
      const errors = getIn(state.errors, action.path) === undefined ? state.errors : (setIn(state.errors, action.path, undefined) ?? EMPTY_ERRORS);
      // A change after an outcome makes the next submit a new intent; the outcome itself stays on screen.
      const submission = state.submission.status === 'invalid' || state.submission.status === 'confirm-new-write' ? IDLE : state.submission;
      return { ...state, values, errors, submission, changedSinceWrite: true };
    }
    case 'replace':
      return {
        ...state,
        values: action.values as V,
        errors: EMPTY_ERRORS,
        submission: IDLE,
        pendingWrite: 'pendingWrite' in action ? action.pendingWrite : state.pendingWrite,
        changedSinceWrite: false,
      };
    case 'set-values':
      if (Object.is(action.values, state.values)) return state;
      return { ...state, values: action.values as V, changedSinceWrite: true };
    case 'touch': {
      const key = pathKey(action.path);
      if (state.touched.has(key)) return state;
      const touched = new Set(state.touched);
      touched.add(key);
      return { ...state, touched };
    }
    case 'set-errors':
      return { ...state, errors: action.errors };
    case 'submit-invalid':
      return {
        ...state,
        errors: action.errors,
        submitCount: state.submitCount + 1,
        submission: { status: 'invalid', problems: action.problems },
      };
    case 'submit-needs-confirmation':
      return { ...state, submitCount: state.submitCount + 1, submission: { status: 'confirm-new-write', pending: action.pending } };
    case 'submit-repeat-blocked':
      if (state.submission.status !== 'succeeded') return state;
      return { ...state, submission: { ...state.submission, repeatsBlocked: state.submission.repeatsBlocked + 1 } };
    case 'send':
      return {
        ...state,
        errors: EMPTY_ERRORS,
        submitCount: state.submitCount + 1,
        submission: { status: 'sending', idempotencyKey: action.pending.idempotencyKey, resend: action.resend, rateLimitedFor: undefined },
        pendingWrite: action.pending,
        changedSinceWrite: false,
      };
    case 'rate-limited':
      if (state.submission.status !== 'sending') return state;
      return { ...state, submission: { ...state.submission, rateLimitedFor: action.seconds } };
    case 'send-succeeded':
      return {
        ...state,
        submission: { status: 'succeeded', result: action.result, repeatsBlocked: 0 },
        pendingWrite: undefined,
        changedSinceWrite: false,
      };
    case 'send-failed':
      return {
        ...state,
        errors: action.errors ?? EMPTY_ERRORS,
        submission: {
          status: 'failed',
          error: action.error,
          uncertain: action.uncertain,
          unplacedFieldErrors: action.unplacedFieldErrors ?? {},
          quotedFields: action.quotedFields ?? [],
        },
        // A certain rejection wrote nothing: the key is spent. An uncertain one must be resent under it.
        pendingWrite: action.uncertain ? state.pendingWrite : undefined,
      };
    case 'reset-submission':
      return {
        ...state,
        errors: EMPTY_ERRORS,
        submission: IDLE,
        submitCount: 0,
        pendingWrite: action.keepPendingWrite ? state.pendingWrite : undefined,
      };
  }
}

export interface FormStore<V = unknown> {
  getState(): FormState<V>;
  dispatch(action: FormAction): void;
  /** Wakes `listener` after any change. */
  subscribe(listener: () => void): () => void;
  /**
   * Wakes `listener` when the value at `path`, an ancestor's or a descendant's changes,
   * and after any other kind of change (errors, submission, a reset), which are rare.
   */
  subscribePath(path: FormPath, listener: () => void): () => void;
}

export function createFormStore<V>(initial: FormState<V>): FormStore<V> {
  let state = initial;
  const global = new Set<() => void>();
  const byPath = createPathListeners();

  return {
    getState: () => state,
    dispatch(action) {
      const next = formReducer(state, action);
      if (next === state) return;
      const previous = state;
      state = next;
      // The hot path (a keystroke) wakes only the fields on its path; anything else wakes every field.
      const valuesOnly =
        action.type === 'change' &&
        next.errors === previous.errors &&
        next.submission === previous.submission &&
        next.touched === previous.touched;
      if (valuesOnly) byPath.notifyPath(action.path);
      else if (action.type !== 'touch') byPath.notifyAll();
      else byPath.notifyPath(action.path);
      for (const listener of [...global]) listener();
    },
    subscribe(listener) {
      global.add(listener);
      return () => {
        global.delete(listener);
      };
    },
    subscribePath: (path, listener) => byPath.add(path, listener),
  };
}
