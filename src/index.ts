/**
 * trackstar-write-form: schema-driven React forms for Trackstar write actions.
 *
 * The framework-agnostic core is re-exported here too; import
 * `trackstar-write-form/core` where React is not wanted.
 */
export * from './core';

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
export { TrackstarButton } from './react/templates/trackstar-button';
export type { TrackstarButtonProps } from './react/templates/trackstar-button';
export { TrackstarNotice } from './react/templates/trackstar-notice';
export type { TrackstarNoticeProps } from './react/templates/trackstar-notice';
