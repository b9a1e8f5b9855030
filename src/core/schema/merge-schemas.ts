import type { SchemaNode } from '../types';
import { hintsOf, setHints } from './hints';
import { deepEqual, hasOwn, isPlainObject, stringArray } from './json';
import { type JsonType, conformToType, typesCompatible } from './json-types';

const ANNOTATIONS = new Set(['title', 'description', 'default', '$comment']);
const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);
const UPPER_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);
const CONDITIONAL = ['if', 'then', 'else'] as const;

function narrowerType(a: unknown, b: unknown): unknown {
  return a === 'integer' || b === 'integer' ? 'integer' : (a ?? b);
}

function conditionalOf(node: SchemaNode): SchemaNode | undefined {
  if (!CONDITIONAL.some((keyword) => hasOwn(node, keyword))) return undefined;
  const group: SchemaNode = {};
  for (const keyword of CONDITIONAL) if (hasOwn(node, keyword)) group[keyword] = node[keyword];
  return group;
}

function isSubset(small: unknown[], large: unknown[]): boolean {
  return small.every((value) => large.some((other) => deepEqual(value, other)));
}

function mergeProperties(a: SchemaNode, b: SchemaNode): SchemaNode {
  const out: SchemaNode = { ...a };
  for (const name of Object.keys(b)) {
    const left = out[name];
    const right = b[name];
    if (!hasOwn(out, name)) out[name] = right;
    else if (isPlainObject(left) && isPlainObject(right) && typesCompatible(left.type, right.type)) out[name] = intersectSchemas(left, right);
    else if (!deepEqual(left, right)) out[name] = { allOf: [left, right] };
  }
  return out;
}

/**
 * The schema a value must satisfy to satisfy both `a` and `b` (an `allOf` of two),
 * as one schema where that can be said keyword by keyword: same-named properties
 * are intersected recursively, `required` lists are unioned, bounds take the tighter
 * value. What cannot be combined that way (two `if`/`then`/`else` conditionals, two
 * patterns, two `anyOf`s…) is kept in an `allOf` beside the merged keywords, so no
 * constraint is ever lost by overwriting. Annotations (title, description, default)
 * come from `b`: callers pass the more specific schema second. Both must be of
 * compatible types (see `typesCompatible`).
 */
export function intersectSchemas(a: SchemaNode, b: SchemaNode): SchemaNode {
  const out: SchemaNode = { ...a };
  const residual: SchemaNode[] = [];
  const conditional = conditionalOf(b);
  if (conditional) {
    if (conditionalOf(out)) residual.push(conditional);
    else Object.assign(out, conditional);
  }
  let enumFrom: SchemaNode = a;
  for (const key of Object.keys(b)) {
    if ((CONDITIONAL as readonly string[]).includes(key)) continue;
    const right = b[key];
    if (!hasOwn(out, key)) {
      out[key] = right;
      if (key === 'enum') enumFrom = b;
      continue;
    }
    const left = out[key];
    if (deepEqual(left, right)) continue;
    if (key === 'type') out.type = narrowerType(left, right);
    else if (key === 'properties' && isPlainObject(left) && isPlainObject(right)) out.properties = mergeProperties(left, right);
    else if (key === 'required') out.required = [...new Set([...stringArray(left), ...stringArray(right)])];
    else if (key === 'allOf' && Array.isArray(left) && Array.isArray(right)) out.allOf = [...left, ...right];
    else if (ANNOTATIONS.has(key)) out[key] = right;
    else if (LOWER_BOUNDS.has(key) && typeof left === 'number' && typeof right === 'number') out[key] = Math.max(left, right);
    else if (UPPER_BOUNDS.has(key) && typeof left === 'number' && typeof right === 'number') out[key] = Math.min(left, right);
    else if (key === 'uniqueItems') out.uniqueItems = left === true || right === true;
    else if (key === 'additionalProperties' && (left === false || right === false)) out.additionalProperties = false;
    else if ((key === 'additionalProperties' || key === 'items' || key === 'propertyNames') && isPlainObject(left) && isPlainObject(right) && typesCompatible(left.type, right.type)) {
      out[key] = intersectSchemas(left, right);
    } else if (key === 'enum' && Array.isArray(left) && Array.isArray(right) && (isSubset(right, left) || isSubset(left, right))) {
      if (isSubset(right, left)) {
        out.enum = right;
        enumFrom = b;
      }
    } else {
      residual.push({ [key]: right });
    }
  }
  if (residual.length > 0) out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), ...residual];

  // One side's in-place branches were written for its own type; the merged type may be narrower.
  if (typeof out.type === 'string' && (out.type !== a.type || out.type !== b.type)) conformToType(out, out.type as JsonType);

  const hints = { ...hintsOf(a), ...hintsOf(b) };
  const enumNames = hintsOf(enumFrom)?.enumNames;
  if (enumNames) hints.enumNames = enumNames;
  else delete hints.enumNames;
  setHints(out, hints);
  return out;
}
