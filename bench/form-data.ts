/**
 * The data a scenario starts with: the form's required fields (the sandbox's
 * `sampleBody`) and `count` line items with every field filled, nested ones too,
 * as an operator's order would have them. Each row's text fields carry its index
 * (`SKU-250`), so the runner knows what each row must show. Derived from the schema
 * alone: nothing here knows an integration.
 */
import type { FormSchema } from '../src/core';
import { sampleBody } from '../src/sandbox';

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SUBSCHEMA = new Set(['items', 'additionalItems', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains']);
const SUBSCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

/** The schema with every property of every object required, so `sampleBody` fills them all. */
function requireEverything(node: unknown): unknown {
  if (!isNode(node)) return node;
  const out: Node = {};
  for (const [keyword, value] of Object.entries(node)) {
    if ((keyword === 'properties' || keyword === 'definitions') && isNode(value)) {
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, requireEverything(child)]));
    } else if (SUBSCHEMA.has(keyword)) out[keyword] = requireEverything(value);
    else if (SUBSCHEMA_LISTS.has(keyword) && Array.isArray(value)) out[keyword] = value.map(requireEverything);
    else out[keyword] = value;
  }
  if (isNode(out.properties)) out.required = Object.keys(out.properties);
  return out;
}

/** A text field whose value can be anything: no enum, const, format or pattern to satisfy. */
export function isFreeText(property: unknown): boolean {
  return isNode(property) && property.type === 'string' && !('enum' in property) && !('const' in property) && !('format' in property) && !('pattern' in property);
}

/** The line-item field the runner types into: `sku` when it is free text, else the first free-text field. */
export function targetField(itemSchema: FormSchema): string {
  const properties = itemSchema.properties as Node;
  if (isFreeText(properties.sku)) return 'sku';
  const field = Object.keys(properties).find((name) => isFreeText(properties[name]));
  if (field === undefined) throw new Error(`The line items have no free-text field to type into (fields: ${Object.keys(properties).join(', ')}).`);
  return field;
}

/** What row `index` holds in a free-text field. */
export function rowText(field: string, index: number): string {
  return `${field.toUpperCase()}-${index}`;
}

export function formDataWithLineItems(schema: FormSchema, count: number): Record<string, unknown> {
  const itemSchema = ((schema.properties as Node).line_items as Node).items as Node;
  const full = sampleBody({ ...(requireEverything(schema) as Node), required: ['line_items'] });
  const template = (full.line_items as Node[] | undefined)?.[0];
  if (!isNode(template)) throw new Error('Could not build a sample line item from the schema.');
  const freeText = Object.keys(itemSchema.properties as Node).filter((name) => isFreeText((itemSchema.properties as Node)[name]));
  const lineItems = Array.from({ length: count }, (_, index) => {
    const row = structuredClone(template);
    for (const field of freeText) row[field] = rowText(field, index);
    return row;
  });
  return { ...sampleBody(schema), line_items: lineItems };
}
