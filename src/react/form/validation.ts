import type { ErrorSchema, RJSFSchema, RJSFValidationError, ValidatorType } from '@rjsf/utils';
import { getIn, setIn } from '../../core/form-data';
import { isPlaceholderEnum, placeholderHint } from '../../core/schema/placeholders';

export interface BodyValidation {
  errorSchema: ErrorSchema;
  errors: RJSFValidationError[];
}

export interface ValidationProblem {
  /** Path of the field, e.g. `["line_items", "1", "quantity"]`. */
  path: string[];
  /** Where the field is, for a person: "Line item 2 › Quantity". */
  location: string;
  message: string;
}

/** The schema of the property a `required` error is about, found by walking the error's data path. */
function requiredPropertySchema(schema: RJSFSchema, error: RJSFValidationError): unknown {
  const missing = error.params && typeof error.params === 'object' ? (error.params as { missingProperty?: unknown }).missingProperty : undefined;
  if (typeof missing !== 'string') return undefined;
  let node: unknown = schema;
  const segments = (error.property ?? '').split('.').filter(Boolean);
  for (const segment of segments.slice(0, -1)) {
    while (node && typeof node === 'object' && (node as RJSFSchema).type === 'array') node = (node as RJSFSchema).items;
    node = getIn(node, ['properties', segment]);
  }
  while (node && typeof node === 'object' && (node as RJSFSchema).type === 'array') node = (node as RJSFSchema).items;
  return getIn(node, ['properties', missing]);
}

/**
 * Validates the body exactly as it will be sent (already stripped of empty values),
 * so a blank optional field never blocks a submit and a blank required one always does.
 */
export function validateBody(validator: ValidatorType, schema: RJSFSchema, body: unknown): BodyValidation {
  const transformErrors = (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((error) => {
      if (error.name !== 'required') return error;
      const propertySchema = requiredPropertySchema(schema, error) as RJSFSchema | undefined;
      // A required field whose only option is "Connect an account…" cannot be filled here; say why.
      const message =
        propertySchema && isPlaceholderEnum(propertySchema.enum)
          ? `${placeholderHint(propertySchema.enum)}: this field is required and its options come from the connected account.`
          : 'This field is required.';
      return { ...error, message, stack: message };
    });
  const { errors, errorSchema } = validator.validateFormData(body, schema, undefined, transformErrors);
  return { errors, errorSchema };
}

/** `{ "line_items.0.sku": ["…"] }` (a 422's `detail`) → rjsf's nested `ErrorSchema`. */
export function fieldErrorsToErrorSchema(fieldErrors: Readonly<Record<string, string[]>>): ErrorSchema {
  let errorSchema: ErrorSchema = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const segments = path.split('.').filter(Boolean);
    const existing = getIn(errorSchema, [...segments, '__errors']);
    const merged = [...(Array.isArray(existing) ? (existing as string[]) : []), ...messages];
    errorSchema = setIn(errorSchema, [...segments, '__errors'], merged);
  }
  return errorSchema;
}

/** Whether an error schema holds any message (rjsf error schemas keep empty branches around). */
export function hasErrors(errorSchema: unknown): boolean {
  if (!errorSchema || typeof errorSchema !== 'object') return false;
  for (const [key, value] of Object.entries(errorSchema)) {
    if (key === '__errors' ? Array.isArray(value) && value.length > 0 : hasErrors(value)) return true;
  }
  return false;
}

/** Dot paths of every field with an error, in document order. */
export function errorPaths(errorSchema: unknown, prefix: string[] = []): string[][] {
  if (!errorSchema || typeof errorSchema !== 'object') return [];
  const paths: string[][] = [];
  for (const [key, value] of Object.entries(errorSchema)) {
    if (key === '__errors') {
      if (Array.isArray(value) && value.length > 0) paths.push(prefix);
    } else {
      paths.push(...errorPaths(value, [...prefix, key]));
    }
  }
  return paths;
}

/** The validation errors as a list an operator can act on: where each field is, and what is wrong with it. */
export function describeValidationErrors(schema: RJSFSchema, errors: RJSFValidationError[]): ValidationProblem[] {
  const seen = new Set<string>();
  const problems: ValidationProblem[] = [];
  for (const error of errors) {
    const path = (error.property ?? '').split('.').filter(Boolean);
    const message = error.message ?? error.stack;
    const key = `${path.join('.')}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, location: locationLabel(schema, path), message });
  }
  return problems;
}

function locationLabel(schema: RJSFSchema, path: string[]): string {
  const parts: string[] = [];
  let node: RJSFSchema | undefined = schema;
  for (const segment of path) {
    if (node?.type === 'array' && /^\d+$/.test(segment)) {
      node = node.items as RJSFSchema | undefined;
      // "Line item 2" replaces "Line items": the row says which list it is in.
      parts.pop();
      parts.push(`${node?.title ?? 'Item'} ${Number(segment) + 1}`);
      continue;
    }
    node = node?.properties?.[segment] as RJSFSchema | undefined;
    parts.push(node?.title ?? segment);
  }
  return parts.length > 0 ? parts.join(' › ') : 'The form';
}
