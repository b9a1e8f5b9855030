/**
 * What each JSON Schema keyword holds, so every walk over a schema (the reference
 * resolver, the normalizer, the presentation pass) reads a key by what it means
 * where it stands: `default` as a keyword is data, `default` as a key of
 * `properties` is a field that holds a schema.
 */

/** Keywords whose value is an object of schemas keyed by name. */
export const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions', '$defs'] as const;

/** Keywords whose value is a non-empty array of schemas. */
export const SCHEMA_ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;

/** Keywords whose value is one schema (`items` may also be an array of schemas: a tuple). */
export const SCHEMA_KEYWORDS = [
  'items',
  'additionalItems',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
] as const;

/** `dependencies` maps a name to a schema or to a list of names (data). */
export const DEPENDENCIES_KEYWORD = 'dependencies';

/**
 * Calls `visit` with every direct subschema of `node` and the keyword it sits under:
 * values of schema maps, schema-valued `dependencies`, schema arrays, tuple `items`,
 * single schemas. Data keywords (`default`, `enum`, `const`, `examples`…) and unknown
 * keywords are never entered.
 */
export function forEachSubschema(node: Record<string, unknown>, visit: (schema: unknown, keyword: string) => void): void {
  const isMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = node[keyword];
    if (isMap(map)) for (const name of Object.keys(map)) visit(map[name], keyword);
  }
  const dependencies = node[DEPENDENCIES_KEYWORD];
  if (isMap(dependencies)) {
    for (const name of Object.keys(dependencies)) if (!Array.isArray(dependencies[name])) visit(dependencies[name], DEPENDENCIES_KEYWORD);
  }
  for (const keyword of [...SCHEMA_ARRAY_KEYWORDS, ...SCHEMA_KEYWORDS]) {
    const value = node[keyword];
    if (Array.isArray(value)) for (const item of value) visit(item, keyword);
    else if (value !== undefined) visit(value, keyword);
  }
}

/**
 * Where a subschema sits relative to what the form renders. `eager` positions are
 * rendered as soon as their parent is (an object's properties, the chosen branch of
 * `anyOf`/`oneOf`, merged `allOf` branches, the `then`/`else` that applies); `lazy`
 * ones only when the operator adds data there (array items, extra keys) or never
 * (`not`, `if`, `contains`, `propertyNames`). A reference cycle through a lazy
 * position unfolds one step per operator action; one through eager positions only
 * would unfold for ever.
 */
export function isLazyPosition(keyword: string): boolean {
  return !EAGER_KEYWORDS.has(keyword);
}

const EAGER_KEYWORDS = new Set(['properties', 'allOf', 'anyOf', 'oneOf', 'then', 'else']);
