/**
 * trackstar-write-form/core: the framework-free public API, safe on a server. What a
 * host needs to build forms and send writes without React: the action catalogue, the
 * schema pipeline, the client and query descriptions (server-side prefetch), the write
 * path, and the errors it can see.
 *
 * The rule: a name is exported here only when a host needs it for something the library
 * supports. Helpers the package's own layers share (path utilities, retry policy, draft
 * storage, idempotency fingerprints…) live in `./internal.ts`, which no package export
 * reaches, so they can change without a major version.
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
export { toFormSchema, applyWriteOperation } from './schema/to-form-schema';
export type { FormSchemaSource, ToFormSchemaOptions } from './schema/to-form-schema';
export { SchemaError, isSchemaError } from './schema/errors';
export type { SchemaErrorCode } from './schema/errors';
export { humanizeKey } from './schema/labels';
export { stripEmpty } from './strip-empty';
export type { StripEmptyOptions } from './strip-empty';

// Errors.
export { TrackstarApiError, isTrackstarApiError, describeApiError } from './api-error';
export type { ApiErrorKind, ErrorOrigin, ErrorWording, ErrorWordingContext, TrackstarApiErrorInit } from './api-error';

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
export { integrationQueryOptions, integrationsQueryOptions, loadWriteSchema, trackstarQueryKeys, writeSchemaQueryOptions } from './queries';
export type { LoadedWriteSchema, SchemaScope, WriteSchemaParams } from './queries';
export { resolveWriteOperation } from './write-operation';
export type { ResolvedWriteOperation, WriteOperationResolution } from './write-operation';

// Writing.
export { performWrite, prepareWriteBody } from './write';
export type { PerformWriteOptions, PerformedWrite } from './write';
export { createIdempotencyKeyStore } from './idempotency';
export type { IdempotencyKeyStore } from './idempotency';
export type { DraftKeyParts } from './draft-storage';
