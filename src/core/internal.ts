/**
 * Core helpers the package's other layers (React, server, sandbox) share and hosts do
 * not get: no package export reaches this file (see the rule in `./index.ts`). A layer
 * imports public names from `./index.ts` and these from here.
 */
export { fillPathTemplate } from './actions';
export { apiErrorFromResponse, flattenFieldErrors, networkError, parseRetryAfter } from './api-error';
export { joinUrl } from './client';
export { browserSessionStorage, draftStorageKey, readDraft, removeDraft, writeDraft } from './draft-storage';
export { getIn, isPathPrefix, parsePathKey, pathKey, samePath, setIn } from './form/form-path';
export { canonicalJson, createIdempotencyKey, writeFingerprint } from './idempotency';
export { INTEGRATION_STALE_TIME_MS, TRACKSTAR_READ_POLICY, readRetryDelay, shouldRetryRead } from './queries';
export { recordPathTemplate } from './actions';
export { readWriteAnswer } from './client';
export { createFormatters, resolveMessages } from './messages';
export { writePath } from './write';
export { createFormStore, formReducer, initialFormState } from './form/form-store';
export { createDraftAutosave } from './form/draft-autosave';
export { initialFormValues } from './form/initial-form-values';
export type { DraftAutosaveOptions } from './form/draft-autosave';
export { addErrors, errorPaths, errorTreeFromFieldErrors, hasErrors, mergeErrorTrees, ownErrors } from './form/error-tree';
export {
  childSchema,
  createFieldLabeler,
  createFieldOrder,
  describeValidationIssues,
  orderedPropertyNames,
  schemasAlongPath,
} from './form/validation-problems';
export type { FieldLabeler } from './form/validation-problems';
export { explainRejection, findQuotedField } from './form/explain-rejection';
export type { RejectionOnForm } from './form/explain-rejection';
export { coercePastedCell, isMultiCellText, parsePastedCells } from './form/pasted-cells';
export type { CoercedCell } from './form/pasted-cells';
export { isPlainObject, stringArray } from './schema/json';
export { isHumanTitle, plainDescription, singularize } from './schema/labels';
export { isPlaceholderEnum, isPlaceholderValue, placeholderHint } from './schema/placeholders';
export { lookupPointer, parseLocalPointer, resolveRefs } from './schema/resolve-refs';
export type { ResolvedSchema, ResolveRefsOptions } from './schema/resolve-refs';
export { findEmptyValues, isEmptyValue } from './strip-empty';
export { sleep } from './write';
export { canGenerateCode } from './validation/code-generation';
export { createSchemaInterpreter } from './validation/schema-interpreter';
export type { SchemaInterpreter } from './validation/schema-interpreter';
export type { AjvShapedError } from './validation/ajv-shaped-errors';
