'use client';
import type {
  CustomValidator,
  ErrorTransformer,
  FormContextType,
  RegistryFieldsType,
  RegistryWidgetsType,
  RJSFSchema,
  UiSchema,
  ValidatorType,
} from '@rjsf/utils';
import { type ReactNode, forwardRef, useId, useImperativeHandle, useMemo, useRef } from 'react';
import { type IntegrationType, type SchemaScope, type TrackstarApiError, type WriteAction, type WriteSuccess, describeApiError, isTrackstarApiError } from '../../core';
import { recordPathTemplate } from '../../core/internal';
import { useTrackstarContext } from '../context';
import { type FormTemplates, buildRegistry } from '../form/registry';
import { useRecord } from '../hooks/use-record';
import { useWriteSchema } from '../hooks/use-write-schema';
import { buttonTemplate } from '../templates/trackstar-button';
import { noticeTemplate } from '../templates/trackstar-notice';
import { selectDefaultValidator } from './default-validator';
import { type TrackstarWriteFormHandle, WriteFormBody } from './write-form-body';

export type { TrackstarWriteFormHandle } from './write-form-body';

export interface TrackstarWriteFormProps {
  /** The write action, e.g. `"create_order"` (see `WRITE_ACTIONS`). */
  action: WriteAction;
  /** Trackstar's integration name, e.g. `"shiphero"`. */
  integrationName: string;
  /** `"wms"` or `"cart"`; derived from the action when omitted. */
  integrationType?: IntegrationType;
  /** Values for the path template, e.g. `{ order_id: "ord_1" }` for updates and shipments. */
  pathParams?: Record<string, string | number>;
  /**
   * Uncontrolled: the initial values, read when the form mounts (give the form a `key` to start over with
   * new ones). For an update they go on top of the loaded record.
   */
  defaultValues?: Record<string, unknown>;
  /**
   * Controlled: the values to show. The form calls `onChange` with every change and shows what you pass
   * back; leave `values` out to let the form keep its own (with `defaultValues` as the start).
   */
  values?: Record<string, unknown>;
  /** Called with the whole form data after every change. */
  onChange?: (values: Record<string, unknown>) => void;
  onSuccess?: (result: WriteSuccess) => void;
  onError?: (error: TrackstarApiError | Error) => void;
  /** rjsf's field events, by the field's DOM id. */
  onBlur?: (id: string, value: unknown) => void;
  onFocus?: (id: string, value: unknown) => void;
  /** rjsf pass-throughs, so a host can apply its own theme (e.g. `templates={Theme.templates}` from `@rjsf/mui`). */
  uiSchema?: UiSchema;
  widgets?: RegistryWidgetsType;
  templates?: FormTemplates;
  fields?: RegistryFieldsType;
  formContext?: FormContextType;
  /** Any rjsf validator; overrides the provider's. */
  validator?: ValidatorType;
  /** rjsf's extra validation, run on the body as it will be sent. */
  customValidate?: CustomValidator<unknown, RJSFSchema, FormContextType>;
  /** rjsf's error rewriting; a message it changes is shown as it wrote it. */
  transformErrors?: ErrorTransformer<unknown, RJSFSchema, FormContextType>;
  /** Overrides the provider's `schemaScope` for this form. */
  schemaScope?: SchemaScope;
  /**
   * For an update with `pathParams`, load the record first and start from its values (default `true`): the
   * PUT then carries only what the operator changed. `false` starts empty and sends what was entered.
   */
  prefill?: boolean;
  /** Autosave a draft to the provider's storage and restore it after a reload. Default `true`. */
  autosaveDraft?: boolean;
  /** After a success, empty the form for the next entry instead of offering a button to. Default `false`. */
  resetOnSuccess?: boolean;
  /** Every field disabled, and nothing can be sent. */
  disabled?: boolean;
  /** Every field read-only, and nothing can be sent. */
  readonly?: boolean;
  /** Heading above the form; `false` for none. Defaults to e.g. "Create order in ShipHero". */
  title?: ReactNode | false;
  submitLabel?: string;
  /** Prefix of the fields' DOM ids; unique per form by default. */
  idPrefix?: string;
  className?: string;
}

function useFormIdPrefix(explicit: string | undefined): string {
  const reactId = useId();
  return explicit ?? `tswf${reactId.replace(/[^A-Za-z0-9]/g, '')}`;
}

const CHROME_SCHEMA: RJSFSchema = { type: 'object' };

/**
 * The write form for one action and integration, built from Trackstar's schemas:
 * loading, unsupported, failed and malformed states included. Give it a `ref` for
 * `submit()`, `reset()`, `getValues()`, `validate()` and `focus(path)`.
 */
export const TrackstarWriteForm = forwardRef<TrackstarWriteFormHandle, TrackstarWriteFormProps>(function TrackstarWriteForm(props, ref) {
  const context = useTrackstarContext();
  const { messages } = context;
  const state = useWriteSchema({
    action: props.action,
    integrationName: props.integrationName,
    integrationType: props.integrationType,
    schemaScope: props.schemaScope,
  });
  const idPrefix = useFormIdPrefix(props.idPrefix);
  // The handle exists from the first render: while the form loads, it answers "not ready" instead of being null.
  const body = useRef<TrackstarWriteFormHandle>(null);
  useImperativeHandle(
    ref,
    () => ({
      submit: (options) => body.current?.submit(options) ?? Promise.resolve({ status: 'not-ready' as const }),
      reset: (values) => body.current?.reset(values),
      getValues: () => body.current?.getValues(),
      validate: () => body.current?.validate() ?? [],
      focus: (path) => body.current?.focus(path),
    }),
    [],
  );
  const wantsRecord = props.prefill !== false && recordPathTemplate(props.action) !== undefined && props.pathParams !== undefined;
  const record = useRecord(props.action, props.pathParams, wantsRecord && state.status === 'ready');
  // The states around the form use the host's theme too (its buttons and notices).
  const chrome = useMemo(
    () =>
      buildRegistry({
        schema: CHROME_SCHEMA,
        validator: context.validator ?? selectDefaultValidator(),
        idPrefix,
        templates: props.templates,
        translateString: context.translateString,
      }),
    [context.validator, context.translateString, idPrefix, props.templates],
  );
  const Notice = noticeTemplate(chrome);
  const Button = buttonTemplate(chrome);
  const className = `tswf${props.className ? ` ${props.className}` : ''}`;
  const displayName = state.integration.displayName;
  // What an update form loads is the record itself: "the current order", not "the current order update".
  const recordNoun = messages.actionNoun({ action: props.action, english: state.status === 'ready' ? state.operation.noun.replace(/ update$/, '') : 'record' });

  const retryPanel = (title: string, error: TrackstarApiError | Error, retry: () => void, isRetrying: boolean, hint?: string) => {
    const wording = isTrackstarApiError(error)
      ? describeApiError(error, { integrationName: displayName, noun: 'form', messages })
      : { title: '', message: error.message, speaker: undefined };
    return (
      <Notice registry={chrome} tone="error" role="alert" className="tswf-alert--load" title={title}>
        <p className="tswf-alert__message">
          {wording.title} {wording.message !== wording.title ? wording.message : null}
        </p>
        {hint ? <p>{hint}</p> : null}
        <Button registry={chrome} onClick={retry} disabled={isRetrying}>
          {isRetrying ? messages.retrying() : messages.retry()}
        </Button>
      </Notice>
    );
  };

  let content: ReactNode;
  switch (state.status) {
    case 'loading':
      content = (
        <Notice registry={chrome} tone="info" role="status" busy className="tswf-status--loading">
          {messages.loadingForm({ integration: displayName })}
        </Notice>
      );
      break;
    case 'unsupported':
      content = (
        <Notice registry={chrome} tone="warning" role="alert" className="tswf-alert--unsupported" title={messages.notSupportedTitle({ integration: displayName })}>
          <p className="tswf-alert__message">{state.message}</p>
        </Notice>
      );
      break;
    case 'error':
      content = retryPanel(messages.loadFailedTitle({ integration: displayName }), state.error, state.retry, state.isRetrying);
      break;
    case 'invalid-schema':
      content = (
        <Notice registry={chrome} tone="error" role="alert" className="tswf-alert--schema" title={messages.malformedSchemaTitle({ integration: displayName })}>
          <p className="tswf-alert__message">{state.error.message}</p>
        </Notice>
      );
      break;
    case 'ready':
      if (record.status === 'loading') {
        content = (
          <Notice registry={chrome} tone="info" role="status" busy className="tswf-status--loading">
            {messages.loadingRecord({ noun: recordNoun })}
          </Notice>
        );
      } else if (record.status === 'error') {
        // Never an empty update form: sent, it would overwrite the record with blanks.
        content = retryPanel(messages.recordLoadFailedTitle({ noun: recordNoun, integration: displayName }), record.error, record.retry, record.isRetrying, messages.recordLoadFailedHint());
      } else {
        content = (
          <WriteFormBody
            schema={state.schema}
            schemaUiSchema={state.uiSchema}
            uiSchema={props.uiSchema}
            operation={state.operation}
            integration={state.integration}
            hasConnectionSpecificFields={state.hasConnectionSpecificFields}
            pathParams={props.pathParams}
            record={record.status === 'ready' ? record.record : undefined}
            defaultValues={props.defaultValues}
            values={props.values}
            onChange={props.onChange}
            onSuccess={props.onSuccess}
            onError={props.onError}
            onBlur={props.onBlur}
            onFocus={props.onFocus}
            widgets={props.widgets}
            templates={props.templates}
            fields={props.fields}
            formContext={props.formContext}
            validator={props.validator}
            customValidate={props.customValidate}
            transformErrors={props.transformErrors}
            autosaveDraft={props.autosaveDraft !== false}
            resetOnSuccess={props.resetOnSuccess === true}
            title={props.title}
            submitLabel={props.submitLabel}
            idPrefix={idPrefix}
            disabled={props.disabled === true}
            readonly={props.readonly === true}
            handleRef={body}
          />
        );
      }
      break;
  }
  return <section className={className}>{content}</section>;
});
