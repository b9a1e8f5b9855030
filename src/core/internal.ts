/**
 * Core helpers the package's other layers (React, server, sandbox) share and hosts do
 * not get: no package export reaches this file (see the rule in `./index.ts`). A layer
 * imports public names from `./index.ts` and these from here.
 */
export { fillPathTemplate } from './actions';
export { apiErrorFromResponse, flattenFieldErrors, networkError, parseRetryAfter } from './api-error';
export { joinUrl } from './client';
export { browserSessionStorage, draftStorageKey, readDraft, removeDraft, writeDraft } from './draft-storage';
export type { StoredDraft } from './draft-storage';
export { getIn, setIn } from './form-data';
export type { FormPath } from './form-data';
export { canonicalJson, createIdempotencyKey, writeFingerprint } from './idempotency';
export { INTEGRATION_STALE_TIME_MS, readRetryDelay, shouldRetryRead } from './queries';
export { asSchemaMap, isPlainObject, stringArray } from './schema/json';
export { isHumanTitle, plainDescription, singularize } from './schema/labels';
export { normalizeDefinitions, normalizeSchema } from './schema/normalize';
export type { NormalizeOptions } from './schema/normalize';
export { isPlaceholderEnum, isPlaceholderValue, placeholderHint } from './schema/placeholders';
export { lookupPointer, parseLocalPointer, resolveRefs } from './schema/resolve-refs';
export type { ResolvedSchema, ResolveRefsOptions } from './schema/resolve-refs';
export { findEmptyValues, isEmptyValue } from './strip-empty';
export { sleep } from './write';
export { canGenerateCode } from './validation/code-generation';
export { createSchemaInterpreter } from './validation/schema-interpreter';
export type { SchemaInterpreter } from './validation/schema-interpreter';
export type { AjvShapedError } from './validation/ajv-shaped-errors';
