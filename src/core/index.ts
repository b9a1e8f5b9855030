/**
 * trackstar-write-form/core: everything that turns Trackstar's schemas and answers
 * into forms and requests, without React. Safe to import on a server.
 */
export * from './actions';
export type * from './types';
export { toFormSchema } from './schema/to-form-schema';
export type { FormSchemaSource, ToFormSchemaOptions } from './schema/to-form-schema';
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
