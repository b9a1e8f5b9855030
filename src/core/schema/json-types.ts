import type { SchemaNode } from '../types';
import { hasOwn, isPlainObject } from './json';

/** The JSON types a form field can have (bodies are never `null`). */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

/** The type each type-specific keyword applies to (ajv's strictTypes wants that type declared where the keyword is). */
export const KEYWORD_TYPES: Record<string, JsonType> = {
  properties: 'object', required: 'object', additionalProperties: 'object', patternProperties: 'object',
  propertyNames: 'object', dependencies: 'object', minProperties: 'object', maxProperties: 'object',
  items: 'array', additionalItems: 'array', contains: 'array', minItems: 'array', maxItems: 'array', uniqueItems: 'array',
  minLength: 'string', maxLength: 'string', pattern: 'string', format: 'string',
  minimum: 'number', maximum: 'number', exclusiveMinimum: 'number', exclusiveMaximum: 'number', multipleOf: 'number',
};
export function keywordApplies(keywordType: JsonType, type: JsonType | undefined): boolean {
  return keywordType === type || (keywordType === 'number' && type === 'integer');
}

/** Whether two declared types can describe the same value (`integer` is a `number`). */
export function typesCompatible(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined || a === b) return true;
  return (a === 'integer' && b === 'number') || (a === 'number' && b === 'integer');
}

/**
 * Makes the in-place subschemas of `node` fit the type it now has: a branch of another
 * type can never hold here (an `anyOf` loses it, a `not` of it is always satisfied, an
 * `if` of it never is, so its `else` applies), a `number` branch under an `integer`
 * becomes `integer`, and keywords for other types go.
 */
export function conformToType(node: SchemaNode, type: JsonType): void {
  const conform = (schema: unknown): SchemaNode | null => {
    if (!isPlainObject(schema)) return null;
    if (schema.type !== undefined) {
      if (!typesCompatible(schema.type, type)) return null;
      if (schema.type === type) return schema;
    }
    const copy: SchemaNode = { ...schema };
    if (copy.type !== undefined) copy.type = type;
    conformToType(copy, type);
    return copy;
  };
  for (const keyword of Object.keys(node)) {
    const keywordType = KEYWORD_TYPES[keyword];
    if (keywordType !== undefined && !keywordApplies(keywordType, type)) delete node[keyword];
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (!Array.isArray(node[keyword])) continue;
    const kept = (node[keyword] as unknown[]).map(conform).filter((schema): schema is SchemaNode => schema !== null);
    if (kept.length > 0) node[keyword] = kept;
    else delete node[keyword];
  }
  if (hasOwn(node, 'not')) {
    const not = conform(node.not);
    if (not === null) delete node.not;
    else node.not = not;
  }
  if (hasOwn(node, 'if')) {
    const condition = conform(node.if);
    const then = hasOwn(node, 'then') ? conform(node.then) : null;
    const otherwise = hasOwn(node, 'else') ? conform(node.else) : null;
    delete node.if;
    delete node.then;
    delete node.else;
    if (condition === null) {
      if (otherwise) node.allOf = [...(Array.isArray(node.allOf) ? node.allOf : []), otherwise];
    } else if (then || otherwise) {
      node.if = condition;
      if (then) node.then = then;
      if (otherwise) node.else = otherwise;
    }
  }
}

