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

/** Where the root schema lives for `$ref` resolution; sub-schemas point their local refs here. */
const ROOT_URI = 'urn:trackstar-write-form:root';

interface CompiledRoot {
  readonly schema: Schema;
  readonly lookup: SchemaLookup;
}

/** Copies a schema (the interpreter annotates what it is given) and points local `$ref`s at the root. */
function prepareSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prepareSchema);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = key === '$ref' && typeof child === 'string' && child.startsWith('#') ? `${ROOT_URI}${child}` : prepareSchema(child);
  }
  return copy;
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
    // Draft 2019-09 rules for a draft-07 schema: the keywords are the same, and keywords beside a `$ref` apply, as in ajv 8.
    const result = validate(instance, target.schema, '2019-09', target.lookup, shortCircuit);
    return { instance, units: result.errors, target };
  };

  return {
    errors(schema, data, rootSchema = schema) {
      const { instance, units, target } = run(schema, data, rootSchema, false);
      return toAjvShapedErrors(units, { schema: target.schema, lookup: target.lookup, instance });
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
