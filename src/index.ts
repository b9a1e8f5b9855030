/**
 * trackstar-write-form: schema-driven React forms for Trackstar write actions.
 *
 * The framework-agnostic core is re-exported here too; import
 * `trackstar-write-form/core` where React is not wanted.
 */
export * from './core';

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
export { validateBody, describeValidationErrors, fieldErrorsToErrorSchema } from './react/form/validation';
export type { BodyValidation, ValidationProblem } from './react/form/validation';
