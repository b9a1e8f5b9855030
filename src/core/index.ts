/**
 * trackstar-write-form/core: the framework-free public API, safe on a server. What a
 * host needs to build forms and send writes without React: the action catalogue, the
 * schema pipeline, the client and query descriptions (server-side prefetch), the form
 * control and its store (for a UI of one's own), the write path, the message catalogue,
 * and the errors it can see.
 *
 * The rule: a name is exported here only when a host needs it for something the library
 * supports. Helpers the package's own layers share (path utilities, retry policy, draft
 * storage, idempotency fingerprints, validation wording, paste parsing…) live in
 * `./internal.ts`, which no package export reaches, so they can change without a major
 * version. Types are more generous: every type a public function takes or returns is here.
 */

// The action catalogue.
export {
  WRITE_ACTIONS,
  MissingPathParamError,
  getWriteActionDefinition,
  integrationTypeOf,
  isKnownWriteAction,
  parseOperationUrl,
  pathParamNames,
} from './actions';
export type { IntegrationType, KnownWriteAction, WriteAction, WriteActionDefinition, WriteMethod } from './actions';

// Trackstar's documents and answers.
export type * from './types';

// Schemas → forms.
export { toFormDefinition, toFormSchema, applyWriteOperation } from './schema/to-form-schema';
export type { FormDefinition, FormSchemaSource, ToFormSchemaOptions } from './schema/to-form-schema';
export { mergeUiSchema } from './schema/ui-schema';
export type { FormUiSchema } from './schema/ui-schema';
export { SchemaError, isSchemaError } from './schema/errors';
export type { SchemaErrorCode } from './schema/errors';
export { humanizeKey } from './schema/labels';
export { stripEmpty } from './strip-empty';
export type { StripEmptyOptions } from './strip-empty';

// Errors.
export { TrackstarApiError, isTrackstarApiError, describeApiError } from './api-error';
export type { ApiErrorKind, ErrorOrigin, ErrorWording, ErrorWordingContext, TrackstarApiErrorInit } from './api-error';

// Words: every sentence the library shows, translatable.
export { englishMessages } from './messages';
export type { Formatters, TrackstarMessages, ValidationMessageParams } from './messages';

// Reading: the client and the query descriptions the React hooks use (prefetch them on a server).
export { createTrackstarClient } from './client';
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
export {
  integrationQueryOptions,
  integrationsQueryOptions,
  loadWriteSchema,
  recordQueryOptions,
  trackstarQueryDefaults,
  trackstarQueryKeys,
  writeSchemaQueryOptions,
} from './queries';
export type { LoadedWriteSchema, SchemaScope, TrackstarQueryDefault, WriteSchemaParams } from './queries';
export { resolveWriteOperation } from './write-operation';
export type { ResolvedWriteOperation, WriteOperationResolution } from './write-operation';

// Writing: the body, the write, and the control that makes it one write per intent.
export { prepareWriteBody } from './prepare-write-body';
export type { PreparedWriteBody, PrepareWriteBodyOptions } from './prepare-write-body';
export { performWrite } from './write';
export type { PerformWriteOptions, WriteSuccess } from './write';
export { createWriteFormControl } from './form/write-form-control';
export type { SendRequest, SubmitOutcome, WriteFormControl, WriteFormControlOptions } from './form/write-form-control';
export type { FormAction, FormState, FormStore, PendingWrite, SubmissionState } from './form/form-store';
export type { FormPath } from './form/form-path';
export type { ErrorTree } from './form/error-tree';
export type { ValidationIssue, ValidationProblem } from './form/validation-problems';
export type { DraftAutosave } from './form/draft-autosave';
export type { DraftKeyParts, StoredDraft } from './draft-storage';
