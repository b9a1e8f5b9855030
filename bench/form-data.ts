/**
 * The data a scenario starts with: the form's required fields (the sandbox's
 * `sampleBody`) and `count` line items with every field filled, nested ones too,
 * as an operator's order would have them. Each row's text fields carry its index
 * (`SKU-250`), so the runner knows what each row must show. Derived from the schema
 * alone: nothing here knows an integration.
 */
import type { FormSchema } from '../src/core';
import { sampleBody } from '../src/sandbox';
import { isFreeText, type SchemaObject, isSchemaObject } from './line-item-schema';

const SUBSCHEMA = new Set(['items', 'additionalItems', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains']);
const SUBSCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

/** The schema with every property of every object required, so `sampleBody` fills them all. */
function requireEverything(node: unknown): unknown {
  if (!isSchemaObject(node)) return node;
  const out: SchemaObject = {};
  for (const [keyword, value] of Object.entries(node)) {
    if ((keyword === 'properties' || keyword === 'definitions') && isSchemaObject(value)) {
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, requireEverything(child)]));
    } else if (SUBSCHEMA.has(keyword)) out[keyword] = requireEverything(value);
    else if (SUBSCHEMA_LISTS.has(keyword) && Array.isArray(value)) out[keyword] = value.map(requireEverything);
    else out[keyword] = value;
  }
  if (isSchemaObject(out.properties)) out.required = Object.keys(out.properties);
  return out;
}

/** What row `index` holds in a free-text field. */
export function rowText(field: string, index: number): string {
  return `${field.toUpperCase()}-${index}`;
}

/** `schema` is the whole form's (line items may refer to its `definitions`), `itemSchema` its line item's. */
export function formDataWithLineItems(schema: FormSchema, itemSchema: FormSchema, count: number): Record<string, unknown> {
  const full = sampleBody({ ...(requireEverything(schema) as SchemaObject), required: ['line_items'] });
  const template = (full.line_items as unknown[] | undefined)?.[0];
  if (!isSchemaObject(template)) throw new Error('Could not build a sample line item from the schema.');
  const properties = itemSchema.properties as SchemaObject;
  const freeText = Object.keys(properties).filter((name) => isFreeText(properties[name]));
  const lineItems = Array.from({ length: count }, (_, index) => {
    const row = structuredClone(template);
    for (const field of freeText) row[field] = rowText(field, index);
    return row;
  });
  return { ...sampleBody(schema), line_items: lineItems };
}
