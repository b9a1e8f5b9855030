/**
 * The order ajv 8 reports errors in, as a sort key. The interpreter walks a schema's
 * keywords in its own order (`properties` before `additionalProperties`, `type` before
 * `enum`); ajv groups them: keywords for any type, then those for numbers, strings,
 * arrays and objects, each in its vocabulary's order, with a lone `type` failing inside
 * its group. Errors keep the order of the field they are in, so the form's summary and
 * the field that gets focus are the ones ajv would give.
 */
import type { Schema } from '@cfworker/json-schema';
import type { SchemaLookup } from './ajv-shaped-errors';

const GROUPS: ReadonlyArray<{ types: readonly string[]; keywords: readonly string[] }> = [
  { types: [], keywords: ['$ref', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if'] },
  { types: ['number', 'integer'], keywords: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf'] },
  { types: ['string'], keywords: ['maxLength', 'minLength', 'pattern', 'format'] },
  // ajv registers the item keywords `before: "uniqueItems"`.
  { types: ['array'], keywords: ['maxItems', 'minItems', 'additionalItems', 'items', 'prefixItems', 'contains', 'uniqueItems'] },
  {
    types: ['object'],
    keywords: ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties'],
  },
  { types: [], keywords: ['unevaluatedItems', 'unevaluatedProperties'] },
];
const GROUP_SIZE = 100;
const UNKNOWN_RANK = GROUPS.length * GROUP_SIZE;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const ALIASES: Record<string, string> = {
  then: 'if',
  else: 'if',
  dependentRequired: 'dependencies',
  dependantRequired: 'dependencies',
  dependentSchemas: 'dependencies',
};

function keywordRank(keyword: string, node: Record<string, unknown>): number {
  if (keyword === 'type') {
    // A single type whose group has keywords here fails inside that group; otherwise before everything.
    const types = Array.isArray(node.type) ? node.type : [node.type];
    const groupIndex = GROUPS.findIndex((group) => group.types.includes(String(types[0])));
    const group = GROUPS[groupIndex];
    return types.length === 1 && group && group.keywords.some((name) => name in node) ? groupIndex * GROUP_SIZE : -1;
  }
  // `then`/`else` errors belong to their `if`; `dependentRequired` (as the interpreter spells it, too) is draft-07's `dependencies`.
  keyword = ALIASES[keyword] ?? keyword;
  const groupIndex = GROUPS.findIndex((group) => group.keywords.includes(keyword));
  return groupIndex === -1 ? UNKNOWN_RANK : groupIndex * GROUP_SIZE + 1 + GROUPS[groupIndex]!.keywords.indexOf(keyword);
}

const KEYED_BY_NAME = new Set(['properties', 'patternProperties', 'dependencies', 'dependentSchemas', 'definitions', '$defs']);
const BY_INDEX = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const PER_INSTANCE_KEY = new Set(['patternProperties', 'additionalProperties', 'unevaluatedProperties', 'propertyNames']);
const PER_INSTANCE_ITEM = new Set(['additionalItems', 'contains', 'unevaluatedItems']);
const COMPOSITIONS = new Set(['anyOf', 'oneOf', 'if', 'contains']);

/**
 * Sort key of an error at keyword location `location` (segments from the root) about the value at
 * `instance` (segments): per schema level, the keyword's rank, then which property, branch or item.
 */
export function ajvOrderKey(location: readonly string[], instance: readonly string[], root: Schema, lookup: SchemaLookup, data: unknown): number[] {
  const key: number[] = [];
  let node: unknown = root;
  let value: unknown = data;
  let depth = 0;
  const enterInstance = () => {
    const segment = instance[depth];
    const position = isObject(value) ? Object.keys(value).indexOf(segment ?? '') : Number(segment);
    key.push(Number.isNaN(position) ? 0 : position);
    value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment ?? ''] : undefined;
    depth += 1;
  };
  for (let index = 0; index < location.length; index += 1) {
    const keyword = location[index]!;
    if (!isObject(node)) break;
    key.push(keywordRank(keyword, node));
    if (keyword === '$ref') {
      node = lookup[(node.__absolute_ref__ as string | undefined) ?? String(node.$ref)];
      continue;
    }
    let child: unknown = node[keyword];
    if (KEYED_BY_NAME.has(keyword) || BY_INDEX.has(keyword) || (keyword === 'items' && Array.isArray(child))) {
      const name = location[index + 1];
      if (name === undefined) break;
      index += 1;
      key.push(isObject(child) ? Object.keys(child).indexOf(name) : Number(name));
      child = isObject(child) || Array.isArray(child) ? (child as Record<string, unknown>)[name] : undefined;
      if (keyword === 'properties' || keyword === 'items') {
        value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
        depth += 1;
      }
    }
    if (PER_INSTANCE_KEY.has(keyword) || PER_INSTANCE_ITEM.has(keyword) || (keyword === 'items' && !Array.isArray(node.items))) {
      // The last keyword of an error about an object (`additionalProperties: false`) names no instance below it.
      if (index < location.length - 1 && depth < instance.length) enterInstance();
    }
    node = child;
  }
  // ajv reports a composition's own error after the errors of its branches (or, for `contains`, of the items).
  if (COMPOSITIONS.has(location.at(-1) ?? '')) key.push(Number.MAX_SAFE_INTEGER);
  return key;
}

export function compareOrderKeys(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    if (a[index] !== b[index]) return a[index]! - b[index]!;
  }
  return a.length - b.length;
}
