/**
 * The interpreter's output units, reworded as the errors ajv 8 reports for the same
 * value and schema (`allErrors`, English messages), so everything downstream (rjsf's
 * field errors, the form's messages and paths) cannot tell the two validators apart.
 *
 * The interpreter reports a failing `properties`, `items` or `$ref` as an error of its
 * own followed by the errors inside; ajv reports only the inner ones. Its messages also
 * differ, and some name no property; the parameters are recomputed from the schema and
 * the value instead of parsed out of its wording.
 */
import type { OutputUnit, Schema } from '@cfworker/json-schema';
import { ajvOrderKey, compareOrderKeys } from './ajv-error-order';

export type SchemaLookup = Record<string, Schema | boolean>;

/** The fields of ajv's `ErrorObject` that rjsf reads. */
export interface AjvShapedError {
  keyword: string;
  /** JSON pointer to the value, `""` for the root: `/line_items/0/sku`. */
  instancePath: string;
  /** URI fragment of the failing keyword: `#/properties/line_items/items/required`. */
  schemaPath: string;
  params: Record<string, unknown>;
  message: string;
  /** The schema holding the keyword (ajv's `verbose` mode, which rjsf uses for titles). */
  parentSchema?: Schema;
}

export interface ErrorContext {
  /** The schema validated (as prepared for the interpreter). */
  schema: Schema;
  lookup: SchemaLookup;
  /** The value validated (as given to the interpreter). */
  instance: unknown;
  /** Every failure of `value` against `schema`, reported at these locations (the interpreter keeps no item failures for `contains`). */
  failures: (value: unknown, schema: Schema | boolean, instanceLocation: string, keywordLocation: string) => OutputUnit[];
}

/** Keywords whose failure the interpreter reports as an error of its own, followed by the failures inside it. */
const NESTING = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'allOf',
  'dependentSchemas',
  'propertyNames',
]);

const COMPARISONS: Record<string, string> = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' };
const FEWER_OR_MORE: Record<string, [string, string]> = {
  minLength: ['fewer', 'characters'],
  maxLength: ['more', 'characters'],
  minItems: ['fewer', 'items'],
  maxItems: ['more', 'items'],
  minProperties: ['fewer', 'properties'],
  maxProperties: ['more', 'properties'],
};

/** `#/a/b~1c` → `["a", "b/c"]` (the interpreter also percent-encodes each segment). */
function pointerSegments(location: string): string[] {
  const fragment = location.slice(location.indexOf('#') + 1);
  if (fragment === '') return [];
  return fragment
    .slice(1)
    .split('/')
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

const escapeSegment = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const toInstancePath = (segments: readonly string[]) => segments.map((segment) => `/${escapeSegment(segment)}`).join('');
const toSchemaPath = (segments: readonly string[]) =>
  `#${segments.map((segment) => `/${encodeURIComponent(escapeSegment(DRAFT_07_NAMES[segment] ?? segment))}`).join('')}`;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => hasOwn(b, key) && deepEqual((a as never)[key], (b as never)[key]));
}

interface SchemaStep {
  node: unknown;
  /** ajv's schema path to `node`: from the root, or from the definition a `$ref` led to. */
  path: string[];
}

/** Follows an interpreter keyword location from the root, jumping through `$ref`s as validation did. */
function walkSchema(location: readonly string[], context: ErrorContext): SchemaStep {
  let node: unknown = context.schema;
  let path: string[] = [];
  for (const segment of location) {
    if (segment === '$ref' && isObject(node) && typeof node.$ref === 'string') {
      const target = context.lookup[(node.__absolute_ref__ as string | undefined) ?? node.$ref];
      node = target;
      path = isObject(target) && typeof target.__absolute_uri__ === 'string' ? pointerSegments(target.__absolute_uri__) : [];
    } else {
      node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
      path = [...path, segment];
    }
  }
  return { node, path };
}

function valueAt(instance: unknown, segments: readonly string[]): unknown {
  let node = instance;
  for (const segment of segments) node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  return node;
}

const SCALAR_TYPES: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  null: (value) => value === null,
};

/**
 * The pair ajv names for `uniqueItems`. Items declared scalar are compared by a lookup
 * from the last item down, skipping items of other types (ajv's fast path, so `j > i`);
 * others by deep equality, the last duplicate `i` against the nearest earlier `j`.
 */
function duplicatePair(items: readonly unknown[], itemsSchema: unknown): { i: number; j: number } | undefined {
  const declared = isObject(itemsSchema) ? itemsSchema.type : undefined;
  const types = declared === undefined ? [] : Array.isArray(declared) ? declared.map(String) : [String(declared)];
  if (types.length > 0 && types.every((type) => type in SCALAR_TYPES)) {
    const seen = new Map<string, number>();
    for (let i = items.length - 1; i >= 0; i -= 1) {
      const item = items[i];
      if (!types.some((type) => SCALAR_TYPES[type]!(item))) continue;
      const key = `${typeof item}:${String(item)}`;
      const j = seen.get(key);
      if (j !== undefined) return { i, j };
      seen.set(key, i);
    }
    return undefined;
  }
  for (let i = items.length - 1; i > 0; i -= 1) {
    for (let j = i - 1; j >= 0; j -= 1) if (deepEqual(items[i], items[j])) return { i, j };
  }
  return undefined;
}

/** The schema was prepared with 2019-09 names for draft-07's `dependencies` (see schema-interpreter.ts); ajv's paths say `dependencies`. */
const DRAFT_07_NAMES: Record<string, string> = { dependentSchemas: 'dependencies', dependentRequired: 'dependencies', dependantRequired: 'dependencies' };

export function toAjvShapedErrors(reported: readonly OutputUnit[], context: ErrorContext): AjvShapedError[] {
  const units = [...reported];
  const ordered: Array<{ error: AjvShapedError; key: number[] }> = [];
  // `required` and `dependencies` failures are recomputed per object; the interpreter's one-per-property units are then skipped.
  const recomputed = new Set<string>();

  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index]!;
    const location = pointerSegments(unit.keywordLocation);
    const instanceSegments = pointerSegments(unit.instanceLocation);
    const parentStep = walkSchema(location.slice(0, -1), context);
    const parentSchema = isObject(parentStep.node) ? (parentStep.node as Schema) : undefined;
    const keyword = unit.keyword;
    const push = (error: Omit<AjvShapedError, 'instancePath' | 'schemaPath' | 'parentSchema'>) =>
      ordered.push({
        error: {
          instancePath: toInstancePath(instanceSegments),
          schemaPath: toSchemaPath([...parentStep.path, location.at(-1) ?? keyword]),
          ...(parentSchema ? { parentSchema } : {}),
          ...error,
        },
        key: ajvOrderKey(location, instanceSegments, context.schema, context.lookup, context.instance),
      });
    const next = units[index + 1];

    const key = `${keyword}\u0000${unit.keywordLocation}\u0000${unit.instanceLocation}`;
    // A wrapper: its inner failures follow it (a `false` schema's own unit says only "False boolean schema").
    if (NESTING.has(keyword)) {
      if ((keyword === 'additionalProperties' || keyword === 'unevaluatedProperties') && next?.keyword === 'false') {
        const property = pointerSegments(next.instanceLocation).at(-1);
        push(
          keyword === 'additionalProperties'
            ? { keyword, params: { additionalProperty: property }, message: 'must NOT have additional properties' }
            : { keyword, params: { unevaluatedProperty: property }, message: 'must NOT have unevaluated properties' },
        );
        index += 1;
      } else if (keyword === 'additionalItems' && next?.keyword === 'false') {
        // ajv: one error for the array, however many items are extra.
        const limit = Array.isArray(parentSchema?.items) ? parentSchema.items.length : 0;
        if (!recomputed.has(key)) push({ keyword, params: { limit }, message: `must NOT have more than ${limit} items` });
        recomputed.add(key);
        index += 1;
      }
      continue;
    }

    const instance = valueAt(context.instance, instanceSegments);
    switch (keyword) {
      case 'required': {
        if (recomputed.has(key) || !isObject(instance)) break;
        recomputed.add(key);
        for (const property of Array.isArray(parentSchema?.required) ? parentSchema.required : []) {
          if (!hasOwn(instance, property)) push({ keyword, params: { missingProperty: property }, message: `must have required property '${property}'` });
        }
        break;
      }
      case 'dependentRequired': {
        if (recomputed.has(key) || !isObject(instance)) break;
        recomputed.add(key);
        for (const [property, dependency] of Object.entries(isObject(parentSchema?.dependentRequired) ? parentSchema.dependentRequired : {})) {
          if (!Array.isArray(dependency) || !hasOwn(instance, property)) continue;
          const deps = dependency.join(', ');
          const noun = dependency.length === 1 ? 'property' : 'properties';
          for (const missingProperty of dependency) {
            if (hasOwn(instance, missingProperty)) continue;
            push({
              keyword: 'dependencies',
              params: { property, missingProperty, depsCount: dependency.length, deps },
              message: `must have ${noun} ${deps} when property ${property} is present`,
            });
          }
        }
        break;
      }
      case 'type': {
        const type = Array.isArray(parentSchema?.type) ? parentSchema.type.join(',') : String(parentSchema?.type);
        push({ keyword, params: { type }, message: `must be ${type}` });
        break;
      }
      case 'enum':
        push({ keyword, params: { allowedValues: parentSchema?.enum }, message: 'must be equal to one of the allowed values' });
        break;
      case 'const':
        push({ keyword, params: { allowedValue: parentSchema?.const }, message: 'must be equal to constant' });
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const comparison = COMPARISONS[keyword]!;
        push({ keyword, params: { comparison, limit: parentSchema?.[keyword] }, message: `must be ${comparison} ${String(parentSchema?.[keyword])}` });
        break;
      }
      case 'multipleOf':
        push({ keyword, params: { multipleOf: parentSchema?.multipleOf }, message: `must be multiple of ${String(parentSchema?.multipleOf)}` });
        break;
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
      case 'maxProperties': {
        const [comparison, noun] = FEWER_OR_MORE[keyword]!;
        const limit = parentSchema?.[keyword];
        push({ keyword, params: { limit }, message: `must NOT have ${comparison} than ${String(limit)} ${noun}` });
        break;
      }
      case 'pattern':
        push({ keyword, params: { pattern: parentSchema?.pattern }, message: `must match pattern "${String(parentSchema?.pattern)}"` });
        break;
      case 'format':
        push({ keyword, params: { format: parentSchema?.format }, message: `must match format "${String(parentSchema?.format)}"` });
        break;
      case 'uniqueItems': {
        const pair = Array.isArray(instance) ? duplicatePair(instance, parentSchema?.items) : undefined;
        if (pair) push({ keyword, params: pair, message: `must NOT have duplicate items (items ## ${pair.j} and ${pair.i} are identical)` });
        break;
      }
      case 'contains': {
        push({ keyword, params: { minContains: 1 }, message: 'must contain at least 1 valid item(s)' });
        // ajv also reports why each item failed; the interpreter drops those, so they are asked for again.
        const itemSchema = parentSchema?.contains;
        if (Array.isArray(instance) && itemSchema !== undefined) {
          const items = instance.flatMap((item, position) => context.failures(item, itemSchema, `${unit.instanceLocation}/${position}`, unit.keywordLocation));
          units.splice(index + 1, 0, ...items);
        }
        break;
      }
      case 'anyOf':
        push({ keyword, params: {}, message: 'must match a schema in anyOf' });
        break;
      case 'oneOf':
        push({ keyword, params: { passingSchemas: null }, message: 'must match exactly one schema in oneOf' });
        break;
      case 'not':
        push({ keyword, params: {}, message: 'must NOT be valid' });
        break;
      case 'if': {
        const branch = next && pointerSegments(next.keywordLocation)[location.length - 1] === 'else' ? 'else' : 'then';
        push({ keyword, params: { failingKeyword: branch }, message: `must match "${branch}" schema` });
        break;
      }
      case 'false':
        push({ keyword: 'false schema', params: {}, message: 'boolean schema is false' });
        break;
      default:
        push({ keyword, params: {}, message: unit.error });
    }
  }
  return ordered.sort((a, b) => compareOrderKeys(a.key, b.key)).map(({ error }) => error);
}
