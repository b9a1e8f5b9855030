/**
 * trackstar-write-form/core: everything that turns Trackstar's schemas and answers
 * into forms and requests, without React. Safe to import on a server.
 */
export * from './actions';
export type * from './types';
export { toFormDefinition, toFormSchema, applyWriteOperation } from './schema/to-form-schema';
export type { FormDefinition, FormSchemaSource, ToFormSchemaOptions } from './schema/to-form-schema';
export { mergeUiSchema } from './schema/ui-schema';
export type { FormUiSchema } from './schema/ui-schema';
export { resolveRefs, lookupPointer } from './schema/resolve-refs';
export type { ResolvedSchema, ResolveRefsOptions } from './schema/resolve-refs';
export { normalizeSchema } from './schema/normalize';
export type { NormalizeOptions } from './schema/normalize';
export { SchemaError, isSchemaError } from './schema/errors';
export type { SchemaErrorCode } from './schema/errors';
export { humanizeKey, singularize } from './schema/labels';
export { isPlaceholderEnum, isPlaceholderValue, placeholderHint } from './schema/placeholders';
export { stripEmpty, isEmptyValue, findEmptyValues } from './strip-empty';
export type { StripEmptyOptions } from './strip-empty';
export {
  TrackstarApiError,
  isTrackstarApiError,
  apiErrorFromResponse,
  describeApiError,
  flattenFieldErrors,
  parseRetryAfter,
} from './api-error';
export type { ApiErrorKind, ErrorOrigin, ErrorWording, ErrorWordingContext, TrackstarApiErrorInit } from './api-error';
export { createTrackstarClient, joinUrl, readWriteAnswer } from './client';
export type {
  ApiAnswer,
  FetchLike,
  HeaderRecord,
  HeadersOption,
  RequestOptions,
  TrackstarClient,
  TrackstarClientOptions,
  WriteRequest,
  WriteResult,
} from './client';
export { resolveWriteOperation } from './write-operation';
export type { ResolvedWriteOperation, WriteOperationResolution } from './write-operation';
export {
  INTEGRATION_STALE_TIME_MS,
  TRACKSTAR_READ_POLICY,
  integrationQueryOptions,
  integrationsQueryOptions,
  loadWriteSchema,
  readRetryDelay,
  recordQueryOptions,
  shouldRetryRead,
  trackstarQueryDefaults,
  trackstarQueryKeys,
  writeSchemaQueryOptions,
} from './queries';
export type { LoadedWriteSchema, SchemaScope, TrackstarQueryDefault, WriteSchemaParams } from './queries';
export { canonicalJson, createIdempotencyKey, writeFingerprint } from './idempotency';
export { performWrite, writePath } from './write';
export type { PerformWriteOptions, WriteSuccess } from './write';
export { prepareWriteBody } from './prepare-write-body';
export type { PreparedWriteBody, PrepareWriteBodyOptions } from './prepare-write-body';
export { englishMessages, resolveMessages, createFormatters } from './messages';
export type { Formatters, TrackstarMessages, ValidationMessageParams } from './messages';
export { createFormStore, formReducer, initialFormState } from './form/form-store';
export type { FormAction, FormState, FormStore, PendingWrite, SubmissionState } from './form/form-store';
export { createWriteFormControl } from './form/write-form-control';
export type { SendRequest, SubmitOutcome, WriteFormControl, WriteFormControlOptions } from './form/write-form-control';
export { createDraftAutosave } from './form/draft-autosave';
export type { DraftAutosave, DraftAutosaveOptions } from './form/draft-autosave';
export { addErrors, errorPaths, errorTreeFromFieldErrors, hasErrors, mergeErrorTrees, ownErrors } from './form/error-tree';
export type { ErrorTree } from './form/error-tree';
export {
  childSchema,
  createFieldLabeler,
  createFieldOrder,
  describeValidationIssues,
  orderedPropertyNames,
  schemasAlongPath,
} from './form/validation-problems';
export type { FieldLabeler, ValidationIssue, ValidationProblem } from './form/validation-problems';
export { explainRejection, findQuotedField } from './form/explain-rejection';
export type { RejectionOnForm } from './form/explain-rejection';
export { coercePastedCell, isMultiCellText, parsePastedCells } from './form/pasted-cells';
export type { CoercedCell } from './form/pasted-cells';
export { browserSessionStorage, draftStorageKey, readDraft, removeDraft, writeDraft } from './draft-storage';
export type { DraftKeyParts, StoredDraft } from './draft-storage';
export { getIn, isPathPrefix, parsePathKey, pathKey, samePath, setIn } from './form/form-path';
export type { FormPath } from './form/form-path';
