'use client';
/**
 * trackstar-write-form: schema-driven React forms for Trackstar write actions.
 *
 * What a React host uses: the provider, the form, the hooks and pieces for a UI of
 * its own, the template slots for its theme, validators, the errors a form reports, the
 * schema helpers, the action catalogue and the query keys, plus the type of every prop
 * and result (every type of `trackstar-write-form/core`). The rest of the framework-free
 * API (client, query options, the write path and form control) is in
 * `trackstar-write-form/core`, which is also the entry for server code: this one is a
 * client module (`'use client'`).
 */

// Components and hooks.
export { TrackstarProvider } from './react/trackstar-provider';
export type { TrackstarProviderProps } from './react/trackstar-provider';
export { TrackstarWriteForm } from './react/components/trackstar-write-form';
export type { TrackstarWriteFormHandle, TrackstarWriteFormProps } from './react/components/trackstar-write-form';
export { useTrackstarClient } from './react/context';
export { useIntegration, useIntegrations } from './react/hooks/use-integration';
export { useWriteSchema } from './react/hooks/use-write-schema';
export type { IntegrationSummary, UseWriteSchemaOptions, WriteSchemaState } from './react/hooks/use-write-schema';
export { useTrackstarWrite } from './react/hooks/use-trackstar-write';
export type { TrackstarWriteSuccess, UseTrackstarWriteOptions, UseTrackstarWriteResult, WriteOutcome } from './react/hooks/use-trackstar-write';
export { useFormDraft } from './react/hooks/use-form-draft';
export type { FormDraft, UseFormDraftOptions } from './react/hooks/use-form-draft';
export { useRecord } from './react/hooks/use-record';
export type { RecordState } from './react/hooks/use-record';
export { SchemaFormFields } from './react/form/schema-form-fields';
export type { SchemaFormFieldsProps } from './react/form/schema-form-fields';
export type { FormRuntime } from './react/form/form-runtime';
export { buildRegistry } from './react/form/registry';
export type { BuildRegistryOptions, FormRegistry, FormTemplates, RegistryOverrides } from './react/form/registry';

// Template slots of this library, beside rjsf's (`templates={{ TrackstarButton, TrackstarNotice }}`).
export { TrackstarButton } from './react/templates/trackstar-button';
export type { TrackstarButtonProps } from './react/templates/trackstar-button';
export { TrackstarNotice } from './react/templates/trackstar-notice';
export type { TrackstarNoticeProps } from './react/templates/trackstar-notice';

// Validators for the form's `validator` prop (or `buildRegistry`).
export { createInterpretedValidator, defaultFormValidator } from './core/validation';
export type { InterpretedValidator } from './core/validation';

// From the core: what a React host touches.
export {
  WRITE_ACTIONS,
  MissingPathParamError,
  SchemaError,
  TrackstarApiError,
  describeApiError,
  englishMessages,
  getWriteActionDefinition,
  humanizeKey,
  integrationTypeOf,
  isKnownWriteAction,
  isSchemaError,
  isTrackstarApiError,
  mergeUiSchema,
  parseOperationUrl,
  pathParamNames,
  stripEmpty,
  toFormDefinition,
  toFormSchema,
  trackstarQueryKeys,
} from './core';
export type * from './core';
