'use client';
/**
 * trackstar-write-form: schema-driven React forms for Trackstar write actions.
 *
 * What a React host uses: the provider, the form, the hooks and pieces for a UI of
 * its own, validators, the errors a form reports, the schema helpers, the action
 * catalogue and the query keys, plus the type of every prop and result (every type of
 * `trackstar-write-form/core`). The rest of the framework-free API (client, query
 * options, the write path) is in `trackstar-write-form/core`, which is also the entry
 * for server code: this one is a client module (`'use client'`).
 */

// Components and hooks.
export { TrackstarProvider } from './react/TrackstarProvider';
export type { TrackstarProviderProps } from './react/TrackstarProvider';
export { TrackstarWriteForm } from './react/components/TrackstarWriteForm';
export type { TrackstarWriteFormProps } from './react/components/TrackstarWriteForm';
export { useTrackstarClient } from './react/context';
export { useIntegration, useIntegrations } from './react/hooks/useIntegration';
export { useWriteSchema } from './react/hooks/useWriteSchema';
export type { IntegrationSummary, UseWriteSchemaOptions, WriteSchemaState } from './react/hooks/useWriteSchema';
export { useTrackstarWrite } from './react/hooks/useTrackstarWrite';
export type {
  TrackstarWriteSuccess,
  UseTrackstarWriteOptions,
  UseTrackstarWriteResult,
  WriteOutcome,
} from './react/hooks/useTrackstarWrite';
export { useFormDraft } from './react/hooks/useFormDraft';
export type { FormDraft, UseFormDraftOptions } from './react/hooks/useFormDraft';
export { SchemaFormFields } from './react/form/SchemaFormFields';
export type { FieldChangeHandler, SchemaFormFieldsProps } from './react/form/SchemaFormFields';
export { buildRegistry } from './react/form/registry';
export type { BuildRegistryOptions, FormRegistry, RegistryOverrides } from './react/form/registry';

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
  getWriteActionDefinition,
  humanizeKey,
  integrationTypeOf,
  isKnownWriteAction,
  isSchemaError,
  isTrackstarApiError,
  parseOperationUrl,
  pathParamNames,
  stripEmpty,
  toFormSchema,
  trackstarQueryKeys,
} from './core';
export type * from './core';
