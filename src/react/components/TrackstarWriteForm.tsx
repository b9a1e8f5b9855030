import type { FormProps } from '@rjsf/core';
import type {
  ErrorSchema,
  FieldPathList,
  FormContextType,
  RegistryFieldsType,
  RegistryWidgetsType,
  RJSFSchema,
  UiSchema,
  ValidatorType,
} from '@rjsf/utils';
import {
  Component,
  type ErrorInfo,
  type FormEvent,
  type ReactNode,
  startTransition,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { IntegrationType, WriteAction } from '../../core/actions';
import { type TrackstarApiError, describeApiError, isTrackstarApiError } from '../../core/api-error';
import { getIn, setIn } from '../../core/form-data';
import type { SchemaScope } from '../../core/queries';
import type { FormSchema } from '../../core/types';
import { prepareWriteBody } from '../../core/write';
import type { ResolvedWriteOperation } from '../../core/write-operation';
import { defaultFormValidator } from '../../core/validation';
import { useTrackstarContext } from '../context';
import { SchemaFormFields } from '../form/SchemaFormFields';
import { deepEqualData, shallowEqualRecords, useStableValue } from '../form/use-stable-value';
import { buildRegistry } from '../form/registry';
import {
  type ValidationProblem,
  describeValidationErrors,
  errorPaths,
  fieldErrorsToErrorSchema,
  hasErrors,
  splitFieldErrors,
  validateBody,
} from '../form/validation';
import { useFormDraft } from '../hooks/useFormDraft';
import { type TrackstarWriteSuccess, useTrackstarWrite } from '../hooks/useTrackstarWrite';
import { type IntegrationSummary, useWriteSchema } from '../hooks/useWriteSchema';
import { AlertPanel, StatusPanel, SuccessNotice, WriteErrorAlert } from './panels';

export interface TrackstarWriteFormProps {
  /** The write action, e.g. `"create_order"` (see `WRITE_ACTIONS`). */
  action: WriteAction;
  /** Trackstar's integration name, e.g. `"shiphero"`. */
  integrationName: string;
  /** `"wms"` or `"cart"`; derived from the action when omitted. */
  integrationType?: IntegrationType;
  /** Values for the path template, e.g. `{ order_id: "ord_1" }` for updates and shipments. */
  pathParams?: Record<string, string | number>;
  /** Initial form data, read when the form mounts (give the form a `key` to start over with new values). */
  defaultValues?: Record<string, unknown>;
  onSuccess?: (result: TrackstarWriteSuccess) => void;
  onError?: (error: TrackstarApiError | Error) => void;
  /** Called with the whole form data after every change the operator makes. */
  onChange?: (formData: unknown) => void;
  /** rjsf pass-throughs, so a host can apply its own theme. */
  uiSchema?: UiSchema;
  widgets?: RegistryWidgetsType;
  templates?: FormProps<unknown, RJSFSchema, FormContextType>['templates'];
  fields?: RegistryFieldsType;
  formContext?: FormContextType;
  /** Validates before sending; any rjsf validator. Default: ajv, or a CSP-safe interpreter where the page forbids `eval`. */
  validator?: ValidatorType;
  /** Overrides the provider's `schemaScope` for this form. */
  schemaScope?: SchemaScope;
  /** Autosave a draft to the provider's storage and restore it after a reload. Default `true`. */
  autosaveDraft?: boolean;
  /** After a success, empty the form for the next entry instead of offering a button to. Default `false`. */
  resetOnSuccess?: boolean;
  /** Heading above the form; `false` for none. Defaults to e.g. "Create order in ShipHero". */
  title?: ReactNode | false;
  submitLabel?: string;
  /** Prefix of the fields' DOM ids; unique per form by default. */
  idPrefix?: string;
  className?: string;
}

/**
 * The write form for one action and integration, built from Trackstar's schemas:
 * loading, unsupported, failed and malformed states included.
 */
export function TrackstarWriteForm(props: TrackstarWriteFormProps) {
  const state = useWriteSchema({
    action: props.action,
    integrationName: props.integrationName,
    integrationType: props.integrationType,
    schemaScope: props.schemaScope,
  });
  const className = `tswf${props.className ? ` ${props.className}` : ''}`;
  const displayName = state.integration.displayName;

  switch (state.status) {
    case 'loading':
      return (
        <section className={className} aria-busy="true">
          <StatusPanel busy className="tswf-status--loading">
            Loading the form for {displayName}…
          </StatusPanel>
        </section>
      );
    case 'unsupported':
      return (
        <section className={className}>
          <AlertPanel title={`Not supported by ${displayName}`} className="tswf-alert--unsupported">
            <p className="tswf-alert__message">{state.message}</p>
          </AlertPanel>
        </section>
      );
    case 'error': {
      const wording = isTrackstarApiError(state.error)
        ? describeApiError(state.error, { integrationName: displayName, noun: 'form' })
        : { title: 'The form could not be loaded.', message: state.error.message };
      return (
        <section className={className}>
          <AlertPanel title={`The form for ${displayName} could not be loaded.`} className="tswf-alert--load">
            <p className="tswf-alert__message">
              {wording.title} {wording.message !== wording.title ? wording.message : null}
            </p>
            <button type="button" className="tswf-button" onClick={state.retry} disabled={state.isRetrying}>
              {state.isRetrying ? 'Retrying…' : 'Retry'}
            </button>
          </AlertPanel>
        </section>
      );
    }
    case 'invalid-schema':
      return (
        <section className={className}>
          <AlertPanel title={`The schema for this form in ${displayName} is malformed.`} className="tswf-alert--schema">
            <p className="tswf-alert__message">{state.error.message}</p>
          </AlertPanel>
        </section>
      );
    case 'ready':
      return (
        <section className={className}>
          <WriteFormBody
            {...props}
            schema={state.schema}
            operation={state.operation}
            integration={state.integration}
            hasConnectionSpecificFields={state.hasConnectionSpecificFields}
          />
        </section>
      );
  }
}

interface WriteFormBodyProps extends TrackstarWriteFormProps {
  schema: FormSchema;
  operation: ResolvedWriteOperation;
  integration: IntegrationSummary;
  hasConnectionSpecificFields: boolean;
}

const EMPTY_ERRORS: ErrorSchema = {};

function useFormIdPrefix(explicit: string | undefined): string {
  const reactId = useId();
  return explicit ?? `tswf${reactId.replace(/[^A-Za-z0-9]/g, '')}`;
}

function initialFormData(props: WriteFormBodyProps, schemaDefaults: (defaults: unknown) => unknown): unknown {
  // An update carries only what the operator set or was given: never defaults nobody chose.
  if (props.operation.method === 'PUT') return props.defaultValues ?? {};
  return schemaDefaults(props.defaultValues);
}

function WriteFormBody(props: WriteFormBodyProps) {
  const { schema, operation, integration } = props;
  const uiSchema = useStableValue(props.uiSchema, deepEqualData);
  const formContext = useStableValue(props.formContext, deepEqualData);
  const widgets = useStableValue(props.widgets, shallowEqualRecords);
  const fields = useStableValue(props.fields, shallowEqualRecords);
  const templates = useStableValue(props.templates, templatesEqual);
  const { draftStorage } = useTrackstarContext();
  const validator = props.validator ?? defaultFormValidator;
  const idPrefix = useFormIdPrefix(props.idPrefix);
  const rjsfSchema = schema as RJSFSchema;
  const registry = useMemo(
    () => buildRegistry({ schema: rjsfSchema, uiSchema, validator, idPrefix, widgets, templates, fields, formContext }),
    [rjsfSchema, uiSchema, validator, idPrefix, widgets, templates, fields, formContext],
  );
  const draft = useFormDraft({
    action: operation.action,
    integrationType: operation.integrationType,
    integrationName: integration.integrationName,
    pathParams: props.pathParams,
    storage: draftStorage,
    enabled: props.autosaveDraft !== false,
  });
  const [initial] = useState(() => initialFormData(props, (defaults) => registry.schemaUtils.getDefaultFormState(rjsfSchema, defaults)));
  // What the operator has entered, always current: submit and drafts read this. `formData` (state) is the
  // rendered snapshot. Leaf fields show their own value while the operator types (see `withLocalValue`),
  // so the snapshot is refreshed when typing pauses or focus moves, not on every keystroke.
  const latestFormData = useRef<unknown>(undefined);
  const [formData, setFormDataState] = useState<unknown>(() => {
    latestFormData.current = draft.restored?.formData ?? initial;
    return latestFormData.current;
  });
  const replaceFormData = useCallback((next: unknown) => {
    latestFormData.current = next;
    setFormDataState(next);
  }, []);
  const [errorSchema, setErrorSchema] = useState<ErrorSchema>(EMPTY_ERRORS);
  const [validationProblems, setValidationProblems] = useState<ValidationProblem[]>([]);
  const [unplacedFieldErrors, setUnplacedFieldErrors] = useState<Record<string, string[]>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstErrorRef = useRef(false);

  const write = useTrackstarWrite({
    operation,
    integrationName: integration.integrationName,
    pathParams: props.pathParams,
    onSuccess: props.onSuccess,
    onError: props.onError,
  });

  const onChangeProp = useRef(props.onChange);
  onChangeProp.current = props.onChange;

  const scheduleDraftSave = useRef(draft.scheduleSave);
  scheduleDraftSave.current = draft.scheduleSave;
  const snapshot = useFormSnapshot(latestFormData, setFormDataState, setErrorSchema);
  const onFieldChange = useCallback(
    (path: FieldPathList, value: unknown) => {
      latestFormData.current = setIn(latestFormData.current ?? {}, path, value);
      scheduleDraftSave.current(latestFormData.current);
      snapshot.changed(path);
      // A row added or removed, a oneOf branch switched: the operator is waiting to see the new structure.
      if (value !== null && typeof value === 'object') snapshot.flush();
      onChangeProp.current?.(latestFormData.current);
    },
    [snapshot],
  );

  const focusField = useCallback(
    (path: string[]) => {
      const id = [idPrefix, ...path].join('_');
      const form = formRef.current;
      const target =
        (form?.querySelector(`[id="${CSS.escape(id)}"]`) as HTMLElement | null) ??
        (form?.querySelector(`[id^="${CSS.escape(id)}"]`) as HTMLElement | null);
      target?.focus();
    },
    [idPrefix],
  );

  useEffect(() => {
    if (!focusFirstErrorRef.current) return;
    focusFirstErrorRef.current = false;
    const [first] = errorPaths(errorSchema);
    if (first) focusField(first);
  }, [errorSchema, focusField]);

  const startOver = useCallback(() => {
    replaceFormData(initial);
    setErrorSchema(EMPTY_ERRORS);
    setValidationProblems([]);
    setUnplacedFieldErrors({});
    draft.clear();
    write.reset();
  }, [initial, draft, write, replaceFormData]);

  const resetOnSuccess = props.resetOnSuccess === true;
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (write.isPending) return;
    snapshot.flush();
    const entered = latestFormData.current;
    const body = prepareWriteBody(entered);
    const validation = validateBody(validator, rjsfSchema, body);
    setUnplacedFieldErrors({});
    if (validation.errors.length > 0) {
      write.reset();
      setErrorSchema(validation.errorSchema);
      setValidationProblems(describeValidationErrors(rjsfSchema, validation.errors));
      focusFirstErrorRef.current = true;
      return;
    }
    setErrorSchema(EMPTY_ERRORS);
    setValidationProblems([]);
    const outcome = await write.submit(entered);
    if (outcome.status === 'success') {
      draft.clear();
      if (resetOnSuccess) replaceFormData(initial);
    } else if (outcome.status === 'error' && isTrackstarApiError(outcome.error) && Object.keys(outcome.error.fieldErrors).length > 0) {
      const { placed, unplaced } = splitFieldErrors(outcome.error.fieldErrors, rjsfSchema);
      setErrorSchema(fieldErrorsToErrorSchema(placed));
      setUnplacedFieldErrors(unplaced);
      focusFirstErrorRef.current = true;
    }
  };

  const title =
    props.title === false ? null : (props.title ?? `${operation.label} in ${integration.displayName}`);
  const submitLabel = props.submitLabel ?? operation.label;

  return (
    <form
      ref={formRef}
      className="tswf-form"
      noValidate
      onSubmit={onSubmit}
      // Before focus or a pointer moves to another control (an "Add line item" button, another field), the
      // rendered data must be current, since that control acts on it.
      onFocusCapture={snapshot.flush}
      onPointerDownCapture={snapshot.flush}
      aria-label={typeof title === 'string' ? title : undefined}
    >
      {title !== null && <h2 className="tswf-form__title">{title}</h2>}
      {draft.restored && (
        <StatusPanel className="tswf-status--draft">
          <p>Draft restored from {new Date(draft.restored.savedAt).toLocaleTimeString()}.</p>
          <button type="button" className="tswf-button tswf-button--secondary" onClick={startOver}>
            Discard draft
          </button>
          <button type="button" className="tswf-button tswf-button--link" onClick={draft.dismiss}>
            Keep it
          </button>
        </StatusPanel>
      )}
      {props.hasConnectionSpecificFields && (
        <p className="tswf-note">Some options depend on the connected account and appear once an account is connected.</p>
      )}
      <FormRenderBoundary integrationName={integration.displayName}>
        <SchemaFormFields
          schema={rjsfSchema}
          uiSchema={uiSchema}
          formData={formData}
          errorSchema={errorSchema}
          registry={registry}
          onFieldChange={onFieldChange}
        />
      </FormRenderBoundary>
      {validationProblems.length > 0 && hasErrors(errorSchema) && (
        <AlertPanel
          title={`Fix ${validationProblems.length === 1 ? 'this field' : `these ${validationProblems.length} fields`} before sending:`}
          className="tswf-alert--validation"
        >
          <ul className="tswf-alert__fields">
            {validationProblems.map((problem) => (
              <li key={`${problem.path.join('.')}:${problem.message}`}>
                <button type="button" className="tswf-button tswf-button--link" onClick={() => focusField(problem.path)}>
                  {problem.location}
                </button>
                : {problem.message}
              </li>
            ))}
          </ul>
        </AlertPanel>
      )}
      {write.status === 'error' && write.error && (
        <WriteErrorAlert
          error={write.error}
          integrationName={integration.displayName}
          noun={operation.noun}
          unplacedFieldErrors={unplacedFieldErrors}
        />
      )}
      {write.rateLimitedFor !== undefined && (
        <StatusPanel className="tswf-status--waiting">
          Trackstar asked us to wait {write.rateLimitedFor} s; sending again automatically…
        </StatusPanel>
      )}
      {write.status === 'success' && write.result && (
        <SuccessNotice
          result={write.result}
          integrationName={integration.displayName}
          noun={operation.noun}
          method={operation.method}
          onStartNew={operation.method === 'POST' && !resetOnSuccess ? startOver : undefined}
        />
      )}
      <div className="tswf-form__actions">
        <button type="submit" className="tswf-button tswf-button--primary" disabled={write.isPending} aria-disabled={write.isPending}>
          {write.isPending ? 'Sending…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

/** `templates` nests `ButtonTemplates`, itself a map of components. */
function templatesEqual(a: TrackstarWriteFormProps['templates'], b: TrackstarWriteFormProps['templates']): boolean {
  if (!shallowEqualRecords({ ...a, ButtonTemplates: undefined }, { ...b, ButtonTemplates: undefined })) return false;
  return shallowEqualRecords(a?.ButtonTemplates, b?.ButtonTemplates);
}

const SNAPSHOT_DELAY_MS = 150;

interface FormSnapshot {
  /** A field changed at `path`: refresh the snapshot once typing pauses. */
  changed: (path: FieldPathList) => void;
  /** Refresh now. */
  flush: () => void;
}

/**
 * Keeps the rendered form data in step with what was entered, without re-rendering
 * the form on every keystroke. Edited fields lose their error when the snapshot
 * catches up: editing a field answers its error; the rest wait for the next submit.
 */
function useFormSnapshot(
  latest: { current: unknown },
  setRendered: (next: unknown) => void,
  setErrorSchema: (update: (previous: ErrorSchema) => ErrorSchema) => void,
): FormSnapshot {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const changedPaths = useRef<FieldPathList[]>([]);
  const snapshot = useMemo<FormSnapshot>(() => {
    const apply = () => {
      clearTimeout(timer.current);
      timer.current = undefined;
      const paths = changedPaths.current;
      if (paths.length === 0) return;
      changedPaths.current = [];
      setRendered(latest.current);
      setErrorSchema((previous) =>
        paths.reduce<ErrorSchema>((errors, path) => (getIn(errors, path) === undefined ? errors : setIn(errors, path, undefined)), previous),
      );
    };
    return {
      changed(path) {
        changedPaths.current.push(path);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => startTransition(apply), SNAPSHOT_DELAY_MS);
      },
      flush: apply,
    };
  }, [latest, setRendered, setErrorSchema]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return snapshot;
}

interface BoundaryProps {
  integrationName: string;
  children: ReactNode;
}

/**
 * A schema rjsf cannot render must not blank the page. The form data lives above
 * this boundary (and in the draft), so nothing typed is lost when it trips.
 */
class FormRenderBoundary extends Component<BoundaryProps, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    if (typeof console !== 'undefined') console.error('trackstar-write-form: the form failed to render', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <AlertPanel title={`This form for ${this.props.integrationName} could not be displayed.`} className="tswf-alert--render">
          <p className="tswf-alert__message">{this.state.error.message}</p>
          <p>Your entries are kept.</p>
          <button type="button" className="tswf-button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
        </AlertPanel>
      );
    }
    return this.props.children;
  }
}
