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
export { humanizeKey } from './schema/labels';
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
export { createTrackstarClient, joinUrl } from './client';
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
  integrationQueryOptions,
  integrationsQueryOptions,
  loadWriteSchema,
  readRetryDelay,
  shouldRetryRead,
  trackstarQueryKeys,
  writeSchemaQueryOptions,
} from './queries';
export type { LoadedWriteSchema, SchemaScope, WriteSchemaParams } from './queries';
export { canonicalJson, createIdempotencyKey, createIdempotencyKeyStore, writeFingerprint } from './idempotency';
export type { IdempotencyKeyStore } from './idempotency';
export { performWrite, prepareWriteBody } from './write';
export type { PerformWriteOptions, PerformedWrite } from './write';
export { browserSessionStorage, draftStorageKey, readDraft, removeDraft, writeDraft } from './draft-storage';
export type { DraftKeyParts, StoredDraft } from './draft-storage';
export { getIn, setIn } from './form-data';
export type { FormPath } from './form-data';
