/**
 * A ready write form: the schema is loaded, the operation resolved, the record (for
 * a prefilled update) in hand. Creates the form's control once, wires it to drafts,
 * validation, the write mutation and the host's callbacks, and renders the fields
 * and notices. Fields read the store themselves; this component re-renders on
 * submission changes, not on keystrokes.
 */
import type { CustomValidator, ErrorTransformer, FormContextType, RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils';
import {
  type FormEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type FormPath, type FormSchema, type ResolvedWriteOperation, type SubmitOutcome, type TrackstarApiError, type ValidationProblem, type WriteSuccess, createWriteFormControl, mergeUiSchema, type FormUiSchema, prepareWriteBody } from '../../core';
import { createFieldLabeler, createFieldOrder, errorPaths, explainRejection, initialFormValues, isPathPrefix, pathKey, writePath } from '../../core/internal';
import { useTrackstarContext } from '../context';
import { createBodyValidator } from '../form/body-validator';
import type { FormRuntime } from '../form/form-runtime';
import { type FormTemplates, buildRegistry } from '../form/registry';
import { SchemaFormFields } from '../form/schema-form-fields';
import { useFormState } from '../form/use-form-state';
import { VISUALLY_HIDDEN } from '../form/visually-hidden';
import { deepEqualData, shallowEqualRecords, useStableValue } from '../form/use-stable-value';
import type { IntegrationSummary } from '../hooks/use-write-schema';
import { useFormDraft } from '../hooks/use-form-draft';
import { useWriteMutation } from '../hooks/use-write-mutation';
import { buttonTemplate } from '../templates/trackstar-button';
import { noticeTemplate } from '../templates/trackstar-notice';
import { FormRenderBoundary } from './form-render-boundary';
import {
  ConfirmNewWriteNotice,
  DraftRestoredNotice,
  PendingWriteNotice,
  SuccessNotice,
  ValidationSummary,
  WriteErrorNotice,
} from './form-notices';
import { changedFields, pickSchemaFields } from './record-values';
import { focusFormPath } from './focus-form-path';
import { selectDefaultValidator } from './default-validator';

/** What a host can do with a form from outside it (a submit button in a modal's footer, a "Reset" link). */
export interface TrackstarWriteFormHandle {
  /** Submits as the form's own button would. Resolves `not-ready` while the form is still loading. */
  submit(options?: { confirmNewWrite?: boolean }): Promise<SubmitOutcome | { status: 'not-ready' }>;
  /** Starts over with `values` (default: the form's initial values), clearing errors and the outcome. */
  reset(values?: Record<string, unknown>): void;
  /** The values as entered (before empty values are stripped), or `undefined` while loading. */
  getValues(): Record<string, unknown> | undefined;
  /** Validates what would be sent now, shows the problems, and returns them (none when valid or loading). */
  validate(): readonly ValidationProblem[];
  /** Focuses a field by path (`["line_items", 3, "sku"]`), bringing its row on screen first. */
  focus(path: FormPath): void;
}

export interface WriteFormBodyProps {
  schema: FormSchema;
  /** Presentation the schema pipeline derived (labels of enums, field order, hints). */
  schemaUiSchema: UiSchema | undefined;
  /** The host's uiSchema; it wins over the derived one. */
  uiSchema: UiSchema | undefined;
  operation: ResolvedWriteOperation;
  integration: IntegrationSummary;
  hasConnectionSpecificFields: boolean;
  pathParams: Readonly<Record<string, string | number>> | undefined;
  /** The record an update starts from; the PUT body then carries only what differs from it. */
  record: Record<string, unknown> | undefined;
  defaultValues: Record<string, unknown> | undefined;
  values: Record<string, unknown> | undefined;
  onChange: ((values: Record<string, unknown>) => void) | undefined;
  onSuccess: ((result: WriteSuccess) => void) | undefined;
  onError: ((error: TrackstarApiError | Error) => void) | undefined;
  onBlur: ((id: string, value: unknown) => void) | undefined;
  onFocus: ((id: string, value: unknown) => void) | undefined;
  widgets: FormRegistryInput['widgets'];
  templates: FormTemplates | undefined;
  fields: FormRegistryInput['fields'];
  formContext: FormContextType | undefined;
  validator: ValidatorType | undefined;
  customValidate: CustomValidator<unknown, RJSFSchema, FormContextType> | undefined;
  transformErrors: ErrorTransformer<unknown, RJSFSchema, FormContextType> | undefined;
  autosaveDraft: boolean;
  resetOnSuccess: boolean;
  title: ReactNode | false | undefined;
  submitLabel: string | undefined;
  idPrefix: string;
  disabled: boolean;
  readonly: boolean;
  handleRef: Ref<TrackstarWriteFormHandle> | undefined;
}

type FormRegistryInput = Parameters<typeof buildRegistry>[0];
type Values = Record<string, unknown>;

/**
 * The primary button changes what it does (submit → "Start a new order" → submit): the second click of
 * a double click lands on the new action and must not act, or a double click would clear the result, or
 * send a prefilled form again. A click's `detail` counts the clicks of one multi-click, so the second
 * click of a double click is `detail > 1`, however fast or slow the machine is.
 */
function isRepeatClick(detail: number | undefined): boolean {
  return detail !== undefined && detail > 1;
}

function isDevelopment(): boolean {
  const env = (globalThis as { process?: { env?: { NODE_ENV?: string } } }).process?.env?.NODE_ENV;
  return env !== 'production';
}

export function WriteFormBody(props: WriteFormBodyProps) {
  const { schema, operation, integration } = props;
  const context = useTrackstarContext();
  const { messages, formatters } = context;
  const hostUiSchema = useStableValue(props.uiSchema, deepEqualData);
  const formContext = useStableValue(props.formContext, deepEqualData);
  const widgets = useStableValue(props.widgets, shallowEqualRecords);
  const fields = useStableValue(props.fields, shallowEqualRecords);
  const templates = useStableValue(props.templates, templatesEqual);
  const [validator] = useState(() => props.validator ?? context.validator ?? selectDefaultValidator());
  const rjsfSchema = schema as RJSFSchema;
  const uiSchema = useMemo(
    () => (props.schemaUiSchema ? (mergeUiSchema(props.schemaUiSchema as FormUiSchema, hostUiSchema as FormUiSchema | undefined) as UiSchema) : hostUiSchema),
    [props.schemaUiSchema, hostUiSchema],
  );
  const registry = useMemo(
    () =>
      buildRegistry({
        schema: rjsfSchema,
        uiSchema,
        validator,
        idPrefix: props.idPrefix,
        widgets,
        templates,
        fields,
        formContext,
        translateString: context.translateString,
      }),
    [rjsfSchema, uiSchema, validator, props.idPrefix, widgets, templates, fields, formContext, context.translateString],
  );

  // ----- Initial values -----
  const draft = useFormDraft({
    action: operation.action,
    integrationType: operation.integrationType,
    integrationName: integration.integrationName,
    pathParams: props.pathParams,
    storage: context.draftStorage,
    enabled: props.autosaveDraft,
  });
  // What an update started from: the record's fields the update schema has. The PUT carries what differs from it.
  const baseline = useRef<Values | undefined>(operation.method === 'PUT' && props.record ? pickSchemaFields(props.record, schema) : undefined);
  const [initialValues] = useState<Values>(() => {
    if (props.values) return props.values;
    // An update starts from the record, with the host's values on top; never from schema defaults nobody chose.
    if (operation.method === 'PUT') return { ...baseline.current, ...props.defaultValues };
    return initialFormValues(registry.schemaUtils, rjsfSchema, props.defaultValues) as Values;
  });

  // ----- The control -----
  const latest = useRef(props);
  latest.current = props;
  const send = useWriteMutation({ operation, integrationName: integration.integrationName, pathParams: props.pathParams });
  const validate = useMemo(
    () =>
      createBodyValidator({
        validator,
        schema: rjsfSchema,
        uiSchema,
        messages,
        formatters,
        customValidate: props.customValidate,
        transformErrors: props.transformErrors,
      }),
    [validator, rjsfSchema, uiSchema, messages, formatters, props.customValidate, props.transformErrors],
  );
  const validateRef = useRef(validate);
  validateRef.current = validate;

  const [control] = useState(() =>
    createWriteFormControl<Values>({
      initialValues: (draft.restored?.formData as Values | undefined) ?? initialValues,
      pendingWrite: draft.restored?.pendingWrite,
      method: operation.method,
      path: () => writePath(latest.current.operation, latest.current.pathParams),
      // An update carries only what differs from the record it started from, so others' edits to other fields survive.
      prepare: (values) => prepareWriteBody(baseline.current ? changedFields(values, baseline.current) : values, { schema: latest.current.schema }),
      validate: (body) => validateRef.current(body),
      send,
      explainRejection: (error, values) => explainRejection(error, values, latest.current.schema),
      persistPendingWrite: (pending) => draft.autosave.persistPendingWrite(pending, control.getValues()),
    }),
  );
  const { store } = control;

  // Keys the schema does not have (an update given the whole record) are left out of the body: say which, once.
  useEffect(() => {
    if (!isDevelopment()) return;
    const { unknown } = control.prepare();
    if (unknown.length > 0 && typeof console !== 'undefined') {
      console.warn(
        `trackstar-write-form: ${operation.action} for ${integration.integrationName} leaves out values the schema does not have: ${unknown.map((path) => path.join('.')).join(', ')}.`,
      );
    }
  }, [control, operation.action, integration.integrationName]);

  // ----- Changes: draft, host's onChange, controlled values -----
  useEffect(() => {
    let previous = store.getState().values;
    return store.subscribe(() => {
      const { values } = store.getState();
      if (values === previous) return;
      previous = values;
      // Whether the draft is blank is only worked out when it is saved: not on every keystroke.
      draft.autosave.schedule(values, () => Object.keys(prepareWriteBody(values, { schema: latest.current.schema }).body).length === 0);
      // The host's own `values` coming back in is not a change of the operator's: reporting it would loop.
      if (values !== latest.current.values) latest.current.onChange?.(values);
    });
  }, [store, draft.autosave]);
  useEffect(() => {
    if (props.values !== undefined && props.values !== store.getState().values) store.dispatch({ type: 'set-values', values: props.values });
  }, [props.values, store]);

  // ----- Runtime shared with the fields -----
  const [announcement, setAnnouncement] = useState('');
  const reveals = useRef(new Map<string, { path: FormPath; reveal: (path: FormPath) => boolean }>());
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const runtime = useMemo<FormRuntime>(() => {
    const reveal = (path: FormPath) => {
      // The innermost list that holds the path brings it on screen (an outer one first, if nested).
      const candidates = [...reveals.current.values()].filter((entry) => isPathPrefix(entry.path, path)).sort((a, b) => a.path.length - b.path.length);
      for (const entry of candidates) entry.reveal(path);
    };
    return {
      control: control as FormRuntime['control'],
      messages,
      formatters,
      idPrefix: props.idPrefix,
      isolatedFormId: `${props.idPrefix}__isolated-form`,
      announce: (text) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text)),
      registerReveal: (path, handler) => {
        const key = pathKey(path);
        const entry = { path, reveal: handler };
        reveals.current.set(key, entry);
        return () => {
          if (reveals.current.get(key) === entry) reveals.current.delete(key);
        };
      },
      focusPath: (path) => focusFormPath({ form: formRef.current, idPrefix: props.idPrefix, path, reveal }),
      onFieldBlur: (id, value) => latest.current.onBlur?.(id, value),
      onFieldFocus: (id, value) => latest.current.onFocus?.(id, value),
    };
  }, [control, messages, formatters, props.idPrefix]);

  // ----- Submitting -----
  const submission = useFormState(store, (state) => state.submission);
  const changedSinceWrite = useFormState(store, (state) => state.changedSinceWrite);
  const pendingWrite = useFormState(store, (state) => state.pendingWrite);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The click that submitted the form, to tell the second click of a double click from a real submit.
  const lastClick = useRef<{ target: EventTarget | null; detail: number } | undefined>(undefined);

  const runSubmit = useCallback(
    async (options?: { confirmNewWrite?: boolean }): Promise<SubmitOutcome> => {
      const outcome = await control.submit(options);
      const current = latest.current;
      if (outcome.status === 'success') {
        draft.clear();
        if (baseline.current) baseline.current = control.getValues();
        if (current.resetOnSuccess) {
          control.reset(initialValues, { forgetPendingWrite: true });
          store.dispatch({ type: 'send-succeeded', result: outcome.result });
        }
        current.onSuccess?.(outcome.result);
      } else if (outcome.status === 'error') {
        current.onError?.(outcome.error);
      }
      return outcome;
    },
    [control, draft, initialValues, store],
  );

  // Focus follows each outcome: to the first field to fix, or to the notice that says what happened.
  // Keyed on the submission itself: a blocked repeat is a new submission state too.
  const fieldOrder = useMemo(() => createFieldOrder(schema, uiSchema as Record<string, unknown> | undefined), [schema, uiSchema]);
  useEffect(() => {
    if (submission.status === 'idle' || submission.status === 'sending') return;
    if (submission.status === 'invalid') {
      const first = submission.problems[0]?.path;
      if (first) runtime.focusPath(first);
      else summaryRef.current?.focus();
      return;
    }
    const firstError = submission.status === 'failed' ? errorPaths(store.getState().errors).sort(fieldOrder)[0] : undefined;
    if (firstError) runtime.focusPath(firstError);
    else outcomeRef.current?.focus();
  }, [submission, runtime, store, fieldOrder]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter ?? null;
    const click = lastClick.current;
    lastClick.current = undefined;
    if (props.disabled || props.readonly || (click && click.target === submitter && isRepeatClick(click.detail))) return;
    void runSubmit();
  };

  const startOver = useCallback(
    (values: Values = initialValues, { clickDetail }: { clickDetail?: number } = {}) => {
      if (isRepeatClick(clickDetail)) return;
      control.reset(values, { forgetPendingWrite: true });
      draft.clear();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [control, draft, initialValues],
  );

  useImperativeHandle(
    props.handleRef,
    () => ({
      submit: (options) => runSubmit(options),
      reset: (values) => {
        control.reset(values ?? initialValues, { forgetPendingWrite: true });
        draft.clear();
      },
      getValues: () => control.getValues(),
      validate: () => control.validate(),
      focus: (path) => runtime.focusPath(path),
    }),
    [runSubmit, control, initialValues, draft, runtime],
  );

  // ----- Rendering -----
  const labeler = useMemo(() => createFieldLabeler(schema, uiSchema as Record<string, unknown> | undefined, messages, formatters), [schema, uiSchema, messages, formatters]);
  const noun = messages.actionNoun({ action: operation.action, english: operation.noun });
  const actionLabel = messages.actionLabel({ action: operation.action, english: operation.label });
  const title = props.title === false ? null : (props.title ?? messages.formTitle({ action: actionLabel, integration: integration.displayName }));
  const Button = buttonTemplate(registry);
  const Notice = noticeTemplate(registry);
  const sending = submission.status === 'sending';
  const succeededUnchanged = submission.status === 'succeeded' && !changedSinceWrite;
  const offerStartNew = succeededUnchanged && operation.method === 'POST' && !props.resetOnSuccess;
  const [draftNoticeOpen, setDraftNoticeOpen] = useState(draft.restored !== undefined);
  const showPendingNotice = pendingWrite !== undefined && submission.status === 'idle';

  return (
    <>
      <form
        ref={formRef}
        className="tswf-form"
        noValidate
        onSubmit={onSubmit}
        onClickCapture={(event) => {
          lastClick.current = { target: event.target, detail: event.detail };
        }}
        aria-label={typeof title === 'string' ? title : undefined}
        aria-busy={sending || undefined}
      >
        {title !== null ? <h2 className="tswf-form__title">{title}</h2> : null}
        {draftNoticeOpen && draft.restored ? (
          <DraftRestoredNotice
            savedAt={draft.restored.savedAt}
            onDiscard={() => {
              setDraftNoticeOpen(false);
              startOver();
            }}
            onKeep={() => {
              setDraftNoticeOpen(false);
              draft.dismiss();
            }}
            registry={registry}
            messages={messages}
            formatters={formatters}
          />
        ) : null}
        {showPendingNotice ? (
          <PendingWriteNotice integrationName={integration.displayName} noun={noun} sentAt={pendingWrite.sentAt} registry={registry} messages={messages} formatters={formatters} />
        ) : null}
        {props.hasConnectionSpecificFields ? <p className="tswf-note">{messages.connectionSpecificNote()}</p> : null}
        <FormRenderBoundary integrationName={integration.displayName} messages={messages} registry={registry}>
          <SchemaFormFields schema={rjsfSchema} uiSchema={uiSchema} registry={registry} runtime={runtime} disabled={props.disabled} readonly={props.readonly} />
        </FormRenderBoundary>
        {submission.status === 'invalid' && submission.problems.length > 0 ? (
          <ValidationSummary problems={submission.problems} onGoTo={runtime.focusPath} registry={registry} messages={messages} formatters={formatters} noticeRef={summaryRef} />
        ) : null}
        {submission.status === 'failed' ? (
          <WriteErrorNotice
            submission={submission}
            integrationName={integration.displayName}
            noun={noun}
            labelOf={labeler.location}
            onGoTo={runtime.focusPath}
            registry={registry}
            messages={messages}
            noticeRef={outcomeRef}
          />
        ) : null}
        {submission.status === 'confirm-new-write' ? (
          <ConfirmNewWriteNotice
            integrationName={integration.displayName}
            noun={noun}
            onConfirm={() => void runSubmit({ confirmNewWrite: true })}
            onCancel={() => store.dispatch({ type: 'reset-submission', keepPendingWrite: true })}
            registry={registry}
            messages={messages}
            noticeRef={outcomeRef}
          />
        ) : null}
        {submission.status === 'sending' && submission.rateLimitedFor !== undefined ? (
          <Notice registry={registry} tone="info" role="status" className="tswf-status--waiting">
            {messages.rateLimitedWaiting({ seconds: formatters.number(submission.rateLimitedFor) })}
          </Notice>
        ) : null}
        {submission.status === 'sending' && submission.resend ? (
          <Notice registry={registry} tone="info" role="status" className="tswf-status--resend">
            {messages.uncertainResend({ integration: integration.displayName, noun })}
          </Notice>
        ) : null}
        {submission.status === 'succeeded' ? (
          <SuccessNotice
            result={submission.result}
            integrationName={integration.displayName}
            noun={noun}
            method={operation.method}
            changedSince={changedSinceWrite}
            repeatsBlocked={submission.repeatsBlocked}
            registry={registry}
            messages={messages}
            noticeRef={outcomeRef}
          />
        ) : null}
        <div className="tswf-form__actions">
          {offerStartNew ? (
            <Button registry={registry} variant="primary" onClick={(event: MouseEvent<HTMLButtonElement>) => startOver(initialValues, { clickDetail: event.detail })} disabled={props.disabled}>
              {messages.startNew({ noun })}
            </Button>
          ) : (
            <Button registry={registry} type="submit" variant="primary" disabled={sending || props.disabled || props.readonly} aria-disabled={sending || undefined}>
              {sending ? messages.sending() : (props.submitLabel ?? actionLabel)}
            </Button>
          )}
        </div>
        <div className="tswf-visually-hidden" style={VISUALLY_HIDDEN} role="status" aria-live="polite">
          {announcement}
        </div>
      </form>
      {/* Beside the form, never inside it (forms do not nest): see FormRuntime.isolatedFormId. */}
      <form id={runtime.isolatedFormId} hidden onSubmit={preventSubmit} />
    </>
  );
}

/** The isolated form never submits (Enter in a cell moves between rows; this is the safety net). */
function preventSubmit(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** `templates` nests `ButtonTemplates`, itself a map of components. */
function templatesEqual(a: FormTemplates | undefined, b: FormTemplates | undefined): boolean {
  if (!shallowEqualRecords({ ...a, ButtonTemplates: undefined }, { ...b, ButtonTemplates: undefined })) return false;
  return shallowEqualRecords(a?.ButtonTemplates, b?.ButtonTemplates);
}
