/**
 * JSON Schema (draft-07) validation that never turns a string into code: an
 * interpreter (`@cfworker/json-schema`) walks the schema for every value instead of
 * compiling it, so it runs under `script-src 'self'` without `'unsafe-eval'`.
 * Errors come out shaped like ajv's (`keyword`, `instancePath`, `params`, `message`),
 * the shape rjsf's ajv validator turns into field errors.
 */
import { type OutputUnit, type Schema, dereference, validate } from '@cfworker/json-schema';
import { toAjvShapedErrors } from './ajv-shaped-errors';
import type { AjvShapedError, SchemaLookup } from './ajv-shaped-errors';

/** Draft 2019-09 rules for draft-07 schemas: the keywords are the same, and keywords beside a `$ref` apply, as in ajv 8. */
const DRAFT = '2019-09';

/** Where the root schema lives for `$ref` resolution; sub-schemas point their local refs here. */
const ROOT_URI = 'urn:trackstar-write-form:root';

interface CompiledRoot {
  readonly schema: Schema;
  readonly lookup: SchemaLookup;
}

const SUBSCHEMA = new Set(['additionalProperties', 'items', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems']);
const SUBSCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);
const SUBSCHEMA_MAP = new Set(['definitions', '$defs', 'properties', 'patternProperties', 'dependentSchemas']);
/** Keywords whose value is data, not a schema. */
const DATA = new Set(['enum', 'const', 'default', 'examples', 'required']);

/**
 * A copy of a schema the interpreter can walk (it annotates what it is given, and the
 * caller's schema may be frozen). Local `$ref`s point at the root; draft-07's
 * `dependencies` become 2019-09's `dependentRequired`/`dependentSchemas`; objects under
 * keywords the interpreter does not know (`discriminator`, `x-…`) are left out, since
 * it would take an `id` inside them for a schema identifier.
 */
function prepareSchema(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') copy[key] = value.startsWith('#') ? `${ROOT_URI}${value}` : value;
    else if (SUBSCHEMA_LIST.has(key) && Array.isArray(value)) copy[key] = value.map(prepareSchema);
    else if (SUBSCHEMA.has(key)) copy[key] = prepareSchema(value);
    else if (SUBSCHEMA_MAP.has(key) && isRecord(value)) copy[key] = mapValues(value, prepareSchema);
    else if (key === 'dependencies' && isRecord(value)) {
      const lists = Object.entries(value).filter(([, dependency]) => Array.isArray(dependency));
      const schemas = Object.entries(value).filter(([, dependency]) => !Array.isArray(dependency));
      if (lists.length > 0) copy.dependentRequired = Object.fromEntries(lists);
      if (schemas.length > 0) copy.dependentSchemas = mapValues(Object.fromEntries(schemas), prepareSchema);
    } else if (DATA.has(key) || value === null || typeof value !== 'object') copy[key] = value;
  }
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mapValues(record: Record<string, unknown>, map: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/**
 * Form data as the interpreter accepts it: JSON values only. ajv treats a property
 * whose value is `undefined` as absent, so it is dropped; an `undefined` array item
 * or root becomes `null`, which fails the same `type` checks `undefined` fails in ajv.
 */
function toJsonInstance(value: unknown): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return null;
  if (Array.isArray(value)) return value.map(toJsonInstance);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toJSON();
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child !== undefined && typeof child !== 'function' && typeof child !== 'symbol') copy[key] = toJsonInstance(child);
  }
  return copy;
}

export interface SchemaInterpreter {
  /** Every error of `data` against `schema`; `rootSchema` (default `schema`) resolves its `$ref`s. Throws on a schema it cannot resolve. */
  errors(schema: object, data: unknown, rootSchema?: object): AjvShapedError[];
  /** Whether `data` is valid, stopping at the first error. */
  isValid(schema: object, data: unknown, rootSchema?: object): boolean;
  /** Forgets every prepared schema. */
  reset(): void;
}

export function createSchemaInterpreter(): SchemaInterpreter {
  let roots = new WeakMap<object, CompiledRoot>();
  let subSchemas = new WeakMap<object, WeakMap<object, CompiledRoot>>();
  let subSchemaCount = 0;

  const compiledRoot = (rootSchema: object): CompiledRoot => {
    let compiled = roots.get(rootSchema);
    if (!compiled) {
      const schema = prepareSchema(rootSchema) as Schema;
      compiled = { schema, lookup: dereference(schema, Object.create(null) as SchemaLookup, new URL(ROOT_URI)) };
      roots.set(rootSchema, compiled);
    }
    return compiled;
  };

  /** `schema` inside `rootSchema` (rjsf validates oneOf branches and the like this way): its refs resolve in the root. */
  const compiled = (schema: object, rootSchema: object): CompiledRoot => {
    const root = compiledRoot(rootSchema);
    if (schema === rootSchema) return root;
    let bySchema = subSchemas.get(rootSchema);
    if (!bySchema) subSchemas.set(rootSchema, (bySchema = new WeakMap()));
    let sub = bySchema.get(schema);
    if (!sub) {
      const prepared = prepareSchema(schema) as Schema;
      // Its own URI, so its pointers do not collide with the root's; the root's entries are inherited.
      const lookup = dereference(prepared, Object.create(root.lookup) as SchemaLookup, new URL(`urn:trackstar-write-form:schema-${(subSchemaCount += 1)}`));
      sub = { schema: prepared, lookup };
      bySchema.set(schema, sub);
    }
    return sub;
  };

  const run = (schema: object, data: unknown, rootSchema: object, shortCircuit: boolean): { instance: unknown; units: OutputUnit[]; target: CompiledRoot } => {
    const target = compiled(schema, rootSchema);
    const instance = toJsonInstance(data);
    const result = validate(instance, target.schema, DRAFT, target.lookup, shortCircuit);
    return { instance, units: result.errors, target };
  };

  return {
    errors(schema, data, rootSchema = schema) {
      const { instance, units, target } = run(schema, data, rootSchema, false);
      return toAjvShapedErrors(units, {
        schema: target.schema,
        lookup: target.lookup,
        instance,
        failures: (value, subSchema, instanceLocation, keywordLocation) =>
          validate(value, subSchema, DRAFT, target.lookup, false, null, instanceLocation, keywordLocation).errors,
      });
    },
    isValid(schema, data, rootSchema = schema) {
      return run(schema, data, rootSchema, true).units.length === 0;
    },
    reset() {
      roots = new WeakMap();
      subSchemas = new WeakMap();
    },
  };
}
