/**
 * Body validation with Trackstar's error shape: messages nested by field the way
 * marshmallow reports them, e.g. `{ line_items: { "0": { sku: ["Missing data for required field."] } } }`.
 */

import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { type AjvShapedError, canGenerateCode, createSchemaInterpreter } from '../core/internal';
import { findEmptyValues } from '../core/strip-empty';
import type { FormSchema } from '../core/types';

/** Messages per field; nested objects and array indexes nest. Messages about a node that also has children sit under `_schema`. */
export type FieldErrors = { [field: string]: string[] | FieldErrors };

const OWN_MESSAGES = '_schema';

function addFieldError(tree: FieldErrors, path: readonly string[], message: string): void {
  if (path.length === 0) {
    addFieldError(tree, [OWN_MESSAGES], message);
    return;
  }
  let node = tree;
  for (const segment of path.slice(0, -1)) {
    const child = node[segment];
    const next: FieldErrors = child === undefined ? {} : Array.isArray(child) ? { [OWN_MESSAGES]: child } : child;
    node[segment] = next;
    node = next;
  }
  const last = path[path.length - 1]!;
  const existing = node[last];
  const messages = existing === undefined ? (node[last] = []) : Array.isArray(existing) ? existing : ((existing[OWN_MESSAGES] ??= []) as string[]);
  if (!messages.includes(message)) messages.push(message);
}

/** Dot paths of every field with a message, for the human summary (`line_items.0.sku`). */
export function errorFieldPaths(tree: FieldErrors, prefix: readonly string[] = []): string[] {
  return Object.entries(tree).flatMap(([field, child]) => {
    const path = field === OWN_MESSAGES ? prefix : [...prefix, field];
    return Array.isArray(child) ? [path.join('.') || '(body)'] : errorFieldPaths(child, path);
  });
}

function emptyValueMessage(value: unknown): string {
  if (value === null) return 'Field may not be null.';
  if (typeof value === 'string' && value.trim() === '') return 'Field may not be blank.';
  return `Field may not be a null-like value (${JSON.stringify(value)}): omit the field instead.`;
}

function valueAt(body: unknown, path: readonly string[]): unknown {
  let node = body;
  for (const segment of path) node = (node as Record<string, unknown>)[segment];
  return node;
}

/** Trackstar rejects null, "" and null-like literals anywhere in a write body, whatever the schema says. */
export function emptyValueErrors(body: unknown): FieldErrors | undefined {
  const paths = findEmptyValues(body);
  if (paths.length === 0) return undefined;
  const tree: FieldErrors = {};
  for (const path of paths) addFieldError(tree, path, emptyValueMessage(valueAt(body, path)));
  return tree;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  array: 'list',
  object: 'mapping',
};

/** ajv's compiled validator, or the interpreter behind the same signature (errors shaped like ajv's). */
export interface BodyValidator {
  (body: unknown): boolean;
  errors?: Array<ErrorObject | AjvShapedError> | null;
}

function describeAjvError(error: ErrorObject | AjvShapedError): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'Missing data for required field.';
    case 'additionalProperties':
      return 'Unknown field.';
    case 'type': {
      const types = String(params.type).split(',');
      return `Not a valid ${types.map((type) => TYPE_NAMES[type] ?? type).join(' or ')}.`;
    }
    case 'enum':
      return `Must be one of: ${(params.allowedValues as unknown[]).map((value) => String(value)).join(', ')}.`;
    case 'const':
      return `Must be ${JSON.stringify(params.allowedValue)}.`;
    case 'pattern':
      return `String does not match expected pattern ${String(params.pattern)}.`;
    case 'maxLength':
      return `Longer than maximum length ${String(params.limit)}.`;
    case 'minLength':
      return `Shorter than minimum length ${String(params.limit)}.`;
    case 'minimum':
      return `Must be greater than or equal to ${String(params.limit)}.`;
    case 'exclusiveMinimum':
      return `Must be greater than ${String(params.limit)}.`;
    case 'maximum':
      return `Must be less than or equal to ${String(params.limit)}.`;
    case 'exclusiveMaximum':
      return `Must be less than ${String(params.limit)}.`;
    case 'minItems':
      return `Must have at least ${String(params.limit)} items.`;
    case 'maxItems':
      return `Must have at most ${String(params.limit)} items.`;
    case 'format':
      return params.format === 'date' ? 'Not a valid date.' : params.format === 'date-time' ? 'Not a valid datetime.' : `Not a valid ${String(params.format)}.`;
    case 'oneOf':
    case 'anyOf':
      return 'Does not match any of the allowed shapes.';
    default:
      return error.message ? error.message.charAt(0).toUpperCase() + error.message.slice(1) + '.' : 'Invalid value.';
  }
}

function instancePathSegments(error: ErrorObject | AjvShapedError): string[] {
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') segments.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') segments.push(params.additionalProperty);
  return segments;
}

/** Errors inside one branch of a `oneOf`/`anyOf` would blame shapes the sender never meant; the composition's own error says it. */
const INSIDE_BRANCH = /\/(oneOf|anyOf)\/\d+\//;

export function ajvErrors(validate: BodyValidator, body: unknown): FieldErrors | undefined {
  if (validate(body)) return undefined;
  const tree: FieldErrors = {};
  for (const error of validate.errors ?? []) {
    if (INSIDE_BRANCH.test(error.schemaPath)) continue;
    addFieldError(tree, instancePathSegments(error), describeAjvError(error));
  }
  return tree;
}

/** Compiles form schemas once per key. `strict: false` because a spec the sandbox serves is not ours to reject. */
export class ValidatorCache {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, BodyValidator>();

  constructor() {
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
  }

  get(key: string, schema: () => FormSchema): BodyValidator {
    let validate = this.validators.get(key);
    if (!validate) {
      // ajv compiles with `new Function`; a page under a strict Content-Security-Policy (the in-page sandbox) forbids it.
      validate = canGenerateCode() ? this.ajv.compile(schema()) : interpretedValidator(schema());
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function interpretedValidator(schema: FormSchema): BodyValidator {
  const interpreter = createSchemaInterpreter();
  const validate: BodyValidator = (body) => {
    const errors = interpreter.errors(schema, body);
    validate.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  };
  return validate;
}
