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

/** Keywords that hold data, never schemas: a `$ref` inside them is just data. */
export const DATA_KEYWORDS = new Set(['default', 'enum', 'const', 'examples', 'example', 'enumNames']);

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
