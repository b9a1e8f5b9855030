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

const isIndex = (segment: string) => /^\d+$/.test(segment);

/**
 * The schema at each step of a data path (`["line_items", "0", "sku"]`), or
 * `undefined` where the path leaves the schema (an unknown field).
 */
export function schemasAlongPath(schema: RJSFSchema, path: readonly string[]): RJSFSchema[] | undefined {
  const steps: RJSFSchema[] = [];
  let node: RJSFSchema = schema;
  for (const segment of path) {
    const next = node.type === 'array' && isIndex(segment) ? node.items : node.properties?.[segment];
    if (!next || typeof next !== 'object' || Array.isArray(next)) return undefined;
    node = next as RJSFSchema;
    steps.push(node);
  }
  return steps;
}

function dataPath(error: RJSFValidationError): string[] {
  return (error.property ?? '').split('.').filter(Boolean);
}

/**
 * Validates the body exactly as it will be sent (already stripped of empty values),
 * so a blank optional field never blocks a submit and a blank required one always does.
 */
export function validateBody(validator: ValidatorType, schema: RJSFSchema, body: unknown): BodyValidation {
  const transformErrors = (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((error) => {
      if (error.name !== 'required') return error;
      // rjsf reports a missing property at its own path (`.line_items.1.quantity`).
      const propertySchema = schemasAlongPath(schema, dataPath(error))?.at(-1);
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
  return errorPaths(errorSchema).length > 0;
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
    const path = dataPath(error);
    const message = error.message ?? error.stack;
    const key = `${path.join('.')}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, location: locationLabel(schema, path), message });
  }
  return problems;
}

function locationLabel(schema: RJSFSchema, path: string[]): string {
  const steps = schemasAlongPath(schema, path);
  const parts: string[] = [];
  path.forEach((segment, index) => {
    const parent = index === 0 ? schema : steps?.[index - 1];
    const step = steps?.[index];
    if (parent?.type === 'array' && isIndex(segment)) {
      // "Line item 2" replaces "Line items": the row says which list it is in.
      parts.pop();
      parts.push(`${step?.title ?? 'Item'} ${Number(segment) + 1}`);
    } else {
      parts.push(step?.title ?? segment);
    }
  });
  return parts.length > 0 ? parts.join(' › ') : 'The form';
}

/** 422 messages for fields the schema has go next to them; the rest (e.g. "Unknown field") go in the alert. */
export function splitFieldErrors(fieldErrors: Readonly<Record<string, string[]>>, schema: RJSFSchema) {
  const placed: Record<string, string[]> = {};
  const unplaced: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    (path !== '' && schemasAlongPath(schema, path.split('.')) ? placed : unplaced)[path] = messages;
  }
  return { placed, unplaced };
}
