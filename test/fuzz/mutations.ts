/**
 * Inputs for fuzzing the schema pipeline: Trackstar's write schemas (the real spec
 * when `TRACKSTAR_OPENAPI_SPEC` names one, else the repository's fixture spec), each
 * as the `/meta`-shaped document the API serves (definitions + a top-level `$ref`),
 * with random damage done to it: keywords deleted, values of the wrong type, dangling
 * and malformed references, injected cycles, huge enums, `__proto__` keys, hostile
 * descriptions, and keywords added where they make no sense.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { FIXTURE_SPEC } from '../../src/sandbox';

type Json = unknown;
type JsonObject = Record<string, Json>;

export const SPEC_PATH = process.env.TRACKSTAR_OPENAPI_SPEC || undefined;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

/** The components one schema reaches, as `definitions` with every reference rewritten to point there. */
function asMetaDocument(schemas: JsonObject, name: string): JsonObject {
  const definitions: JsonObject = {};
  const pending = [name];
  const rewrite = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      const target = key === '$ref' && typeof value === 'string' ? COMPONENT_REF.exec(value)?.[1] : undefined;
      if (target !== undefined) {
        const decoded = decodeURIComponent(target);
        pending.push(decoded);
        out[key] = `#/definitions/${target}`;
      } else {
        out[key] = rewrite(value);
      }
    }
    return out;
  };
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next in definitions || !(next in schemas)) continue;
    definitions[next] = rewrite(schemas[next]);
  }
  return { $schema: 'http://json-schema.org/draft-07/schema#', definitions, $ref: `#/definitions/${encodeURIComponent(name)}` };
}

export interface BaseSchema {
  name: string;
  method: 'POST' | 'PUT';
  document: JsonObject;
}

/** Every `<Kind>--<Integration>--` write schema of the spec, as a `/meta` document. */
export function loadBaseSchemas(): BaseSchema[] {
  const spec = (SPEC_PATH ? JSON.parse(readFileSync(SPEC_PATH, 'utf8')) : FIXTURE_SPEC) as { components: { schemas: JsonObject } };
  const schemas = spec.components.schemas;
  return Object.keys(schemas)
    .filter((name) => /--.+--$/.test(name))
    .sort()
    .map((name) => ({ name, method: /^(Update|CreateReceipt|AdjustInventory)/.test(name) ? 'PUT' : 'POST', document: asMetaDocument(schemas, name) }));
}

/** Every object in `document`, in document order. */
function objectsOf(document: Json): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      out.push(node);
      Object.values(node).forEach(visit);
    }
  };
  visit(document);
  return out;
}

/** Sets an own property, even `__proto__` (which plain assignment would turn into a prototype change). */
function defineOwn(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const WRONG_VALUES: Json[] = [null, 42, -1, 1.5, 0, '', 'x', true, false, [], [1, 'a', null], {}, { $ref: '#/definitions/Nope' }, { type: 'nope' }];
const SCHEMA_VALUES: Json[] = [
  {},
  true,
  false,
  { type: 'string' },
  { type: ['string', 'null'], nullable: true },
  { type: ['integer', 'string'], minLength: 2, minimum: 3 },
  { type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'b'], additionalProperties: false },
  { properties: { a: { minLength: 1 } } },
  { if: { required: ['a'] } },
  { then: { required: ['a'] } },
  [{ type: 'string' }, { type: 'integer' }],
  { anyOf: [{ type: 'null' }, { type: 'object', nullable: true }] },
  { oneOf: [{ const: 1 }, { const: 'a' }] },
  { allOf: [{ $ref: '#/definitions/Nope' }] },
  { items: [{ type: 'string' }], additionalItems: { type: 'object', dependencies: { a: { required: ['b'] } } } },
  { patternProperties: { '^(a+)+$': { type: 'string' } } },
  { enum: [null] },
  { enum: [] },
  { format: 'float', type: 'number' },
  { pattern: '(' },
  { pattern: 'a\\Z' },
  { discriminator: { propertyName: 'kind' } },
];
const KEYWORDS = [
  'type', 'properties', 'required', 'items', 'additionalItems', 'additionalProperties', 'patternProperties', 'dependencies',
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'enum', 'const', 'default', 'format', 'pattern', 'minLength',
  'maxLength', 'maximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'propertyNames', 'minProperties',
  'title', 'description', 'nullable', 'discriminator', 'enumNames', 'deprecated', 'example', 'examples', '$ref', '$id', 'definitions',
];
const MALFORMED_REFS: Json[] = [42, null, true, {}, [], '', '#', '#/%', '#/%E0%A4%A', '#definitions/X', 'other.json#/X', 'https://example.com/schema.json', '#/definitions/Nope', '#/definitions'];
const DESCRIPTIONS = [
  'Use `key:value` pairs. *Required* for **freight**.',
  '<img src=x onerror="globalThis.__fuzzInjected=1"><script>globalThis.__fuzzInjected=1</script>',
  'See [the docs](/api-reference/x) and ![logo](https://example.com/x.png) <https://example.com>',
  '# heading\n- list\n> quote\n| a | b |\n|---|---|',
  'Deprecated in favor of `other_field`.',
];

const TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null', 'strin'];
const NAMES = ['a', 'b', 'default', 'enum', 'items', 'const', '__proto__'];

/** A small seeded generator (mulberry32): cheap random schemas, the same for the same seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A schema built from scratch out of draft-07 and OpenAPI keywords, valid or not, up
 * to `depth` levels: one to four keywords, each with a plausible or a wrong value.
 */
export function randomSchema(seed: number, depth = 3): Json {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const build = (level: number): Json => {
    if (level === 0 || next() < 0.25) return structuredClone(pick([...SCHEMA_VALUES, ...WRONG_VALUES.slice(0, 4)]));
    const child = () => build(level - 1);
    const keywords: Record<string, () => Json> = {
      type: () => (next() < 0.7 ? pick(TYPES) : [pick(TYPES), pick(TYPES)]),
      properties: () => Object.fromEntries(Array.from({ length: 1 + Math.floor(next() * 3) }, () => [pick(NAMES), child()])),
      required: () => Array.from({ length: Math.floor(next() * 3) }, () => pick([...NAMES, 'c'])),
      additionalProperties: () => (next() < 0.5 ? next() < 0.5 : child()),
      items: () => (next() < 0.7 ? child() : [child(), child()]),
      additionalItems: child,
      minItems: () => Math.floor(next() * 4) - 1,
      allOf: () => [child(), child()],
      anyOf: () => [child(), child()],
      oneOf: () => [child()],
      not: child,
      if: child,
      then: child,
      else: child,
      dependencies: () => ({ a: next() < 0.5 ? child() : ['b', 'z'] }),
      propertyNames: child,
      contains: child,
      enum: () => [pick(['x', 'y', 1, null]), pick(['x', 2.5, true])],
      const: () => pick(['x', 1, null, { a: 1 }]),
      minLength: () => Math.floor(next() * 6) - 2,
      maximum: () => Math.floor(next() * 100),
      format: () => pick(['email', 'date-time', 'uri', 'float', 'int32']),
      pattern: () => pick(['^a', '(', '\\d+', 'a\\Z']),
      default: () => pick(['x', 1, null, { a: 1 }, []]),
      description: () => pick(DESCRIPTIONS),
      nullable: () => next() < 0.5,
      $ref: () => pick(MALFORMED_REFS),
    };
    const names = Object.keys(keywords);
    const node: JsonObject = {};
    for (let count = 1 + Math.floor(next() * 4); count > 0; count -= 1) {
      const keyword = pick(names);
      // A reference is rarely what a random schema is about: keep most of them out so the rest gets exercised.
      if (keyword === '$ref' && next() < 0.8) continue;
      node[keyword] = keywords[keyword]!();
    }
    return node;
  };
  return build(depth);
}

/** One kind of damage; `at` picks the object it is done to (a fraction of all objects), `pick` its details. */
export type Mutation =
  | { kind: 'delete'; at: number; pick: number }
  | { kind: 'wrong-type'; at: number; pick: number; value: number }
  | { kind: 'add-keyword'; at: number; keyword: number; value: number }
  | { kind: 'malformed-ref'; at: number; value: number }
  | { kind: 'cycle'; at: number; target: number }
  | { kind: 'huge-enum'; at: number; size: number; labelled: boolean }
  | { kind: 'proto'; at: number; where: number }
  | { kind: 'description'; at: number; value: number }
  | { kind: 'random-schema'; at: number; keyword: number; seed: number };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const index = fc.nat({ max: 1_000 });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, pick: index }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wrong-type' as const), at: fraction, pick: index, value: index }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add-keyword' as const), at: fraction, keyword: index, value: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('malformed-ref' as const), at: fraction, value: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cycle' as const), at: fraction, target: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge-enum' as const), at: fraction, size: fc.integer({ min: 500, max: 7_000 }), labelled: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('proto' as const), at: fraction, where: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('description' as const), at: fraction, value: index }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('random-schema' as const), at: fraction, keyword: index, seed: fc.integer() }) },
);

function mutate(document: JsonObject, mutation: Mutation): void {
  const objects = objectsOf(document);
  const node = objects[Math.floor(mutation.at * objects.length)]!;
  const keys = Object.keys(node);
  switch (mutation.kind) {
    case 'delete':
      if (keys.length > 0) delete node[keys[mutation.pick % keys.length]!];
      return;
    case 'wrong-type':
      if (keys.length > 0) node[keys[mutation.pick % keys.length]!] = structuredClone(WRONG_VALUES[mutation.value % WRONG_VALUES.length]);
      return;
    case 'add-keyword': {
      const pool = [...SCHEMA_VALUES, ...WRONG_VALUES];
      node[KEYWORDS[mutation.keyword % KEYWORDS.length]!] = structuredClone(pool[mutation.value % pool.length]);
      return;
    }
    case 'malformed-ref':
      node.$ref = structuredClone(MALFORMED_REFS[mutation.value % MALFORMED_REFS.length]);
      return;
    case 'cycle': {
      const names = isObject(document.definitions) ? Object.keys(document.definitions) : [];
      node.$ref = `#/definitions/${encodeURIComponent(names[mutation.target % names.length] ?? 'Gone')}`;
      return;
    }
    case 'huge-enum': {
      const values = Array.from({ length: mutation.size }, (_, i) => `option_${i}`);
      node.enum = values;
      if (mutation.labelled) node.enumNames = values.map((value) => `Option ${value}`);
      return;
    }
    case 'proto': {
      const where = mutation.where % 4;
      if (where === 0) defineOwn(node, '__proto__', { type: 'string', polluted: true });
      else if (where === 1) defineOwn(isObject(node.properties) ? node.properties : (node.properties = {}) as JsonObject, '__proto__', { type: 'string' });
      else if (where === 2) node.required = [...(Array.isArray(node.required) ? node.required : []), '__proto__'];
      else node.default = JSON.parse('{"__proto__": {"polluted": true}}');
      return;
    }
    case 'description':
      node.description = DESCRIPTIONS[mutation.value % DESCRIPTIONS.length];
      return;
    case 'random-schema': {
      // Into a schema position of this node: a property, a branch, or the items.
      const where = mutation.keyword % 4;
      const schema = randomSchema(mutation.seed);
      if (where === 0) (isObject(node.properties) ? node.properties : (node.properties = {}) as JsonObject)[`fuzz_${mutation.keyword}`] = schema;
      else if (where === 1) node.allOf = [...(Array.isArray(node.allOf) ? node.allOf : []), schema];
      else if (where === 2) node.anyOf = [schema, { type: 'object' }];
      else node.items = schema;
      return;
    }
  }
}

export interface FuzzInput {
  base: BaseSchema;
  mutations: Mutation[];
  /** The damaged `/meta` document. */
  document: JsonObject;
}

export function fuzzInputArbitrary(bases: readonly BaseSchema[], maxMutations = 6): fc.Arbitrary<FuzzInput> {
  return fc.record({ base: fc.constantFrom(...bases), mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: maxMutations }) }).map(({ base, mutations }) => {
    const document = structuredClone(base.document);
    for (const mutation of mutations) mutate(document, mutation);
    return { base, mutations, document };
  });
}

/** Seed for `npm test` (reproducible); `npm run fuzz` draws a new one unless `FUZZ_SEED` is set. */
export function fuzzSeed(fixed: number): number | undefined {
  if (process.env.FUZZ_SEED) return Number(process.env.FUZZ_SEED);
  return process.env.FUZZ_RUNS ? undefined : fixed;
}

export function fuzzRuns(variable: 'FUZZ_RUNS' | 'FUZZ_RENDER_RUNS', fallback: number): number {
  const value = Number(process.env[variable]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
