/**
 * The values a create form starts from: the host's `defaultValues` with the schema's
 * defaults filled in (rjsf's `getDefaultFormState`), without paying for rows that
 * cannot change.
 *
 * rjsf computes the defaults of every item of every list it is given, each through
 * its schema machinery: for 5,000 line items that took longer than everything else the
 * form does before its first paint. An item of a flat list (an object whose fields are
 * plain text, numbers or options, none with a default, and nothing that
 * depends on the data) comes out of that exactly as it went in. So such lists, when
 * the host gives at least `minItems` of them, go around `getDefaultFormState` and are
 * put back as given; everything else goes through it as before.
 */
import type { FormContextType, RJSFSchema, SchemaUtilsType } from '@rjsf/utils';

// Not boolean: rjsf gives a required yes/no field `false` when it has no value.
const PRIMITIVE_TYPES = new Set(['string', 'number', 'integer']);
/** Keywords that give a value or make the shape depend on the data. */
const DYNAMIC_KEYWORDS = ['$ref', 'default', 'const', 'if', 'then', 'else', 'dependencies', 'dependentSchemas', 'dependentRequired', 'oneOf', 'anyOf', 'allOf', 'patternProperties', 'items'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasDynamicKeyword(schema: Record<string, unknown>): boolean {
  // `additionalProperties: false` (or `true`) only says which keys are allowed; a schema there could add defaults.
  if ('additionalProperties' in schema && typeof schema.additionalProperties !== 'boolean') return true;
  return DYNAMIC_KEYWORDS.some((keyword) => keyword in schema);
}

/** An object of plain fields with nothing to default: what `getDefaultFormState` returns for it is what it was given. */
export function isFlatItemSchema(schema: unknown): boolean {
  if (!isRecord(schema) || schema.type !== 'object' || !isRecord(schema.properties) || hasDynamicKeyword(schema)) return false;
  return Object.values(schema.properties).every((field) => isRecord(field) && typeof field.type === 'string' && PRIMITIVE_TYPES.has(field.type) && !hasDynamicKeyword(field));
}

export function initialFormValues(
  schemaUtils: SchemaUtilsType<unknown, RJSFSchema, FormContextType>,
  schema: RJSFSchema,
  defaultValues: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const given = { ...defaultValues };
  const keptAside: Record<string, unknown[]> = {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const [key, value] of Object.entries(given)) {
    const field = properties[key];
    if (!Array.isArray(value) || !isRecord(field) || field.type !== 'array' || !isFlatItemSchema(field.items)) continue;
    const minItems = typeof field.minItems === 'number' ? field.minItems : 0;
    if (value.length < minItems || !value.every(isRecord)) continue;
    keptAside[key] = value;
    given[key] = [];
  }
  const filled = (schemaUtils.getDefaultFormState(schema, given) ?? {}) as Record<string, unknown>;
  return Object.keys(keptAside).length === 0 ? filled : { ...filled, ...keptAside };
}
