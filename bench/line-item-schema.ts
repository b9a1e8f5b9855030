/** Reading a form schema's line items: where they are, whether they are flat, and which field to type into. */
import type { FormSchema } from '../src/core';

export type SchemaObject = Record<string, unknown>;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema of one line item, when the form has a `line_items` array of objects. */
export function lineItemSchema(schema: FormSchema): FormSchema | undefined {
  const lineItems = isSchemaObject(schema.properties) ? schema.properties.line_items : undefined;
  const items = isSchemaObject(lineItems) ? lineItems.items : undefined;
  return isSchemaObject(items) && isSchemaObject(items.properties) ? (items as FormSchema) : undefined;
}

/** Flat: every property a scalar, which today's form shows as a table (the others as rjsf's stock array). */
export function isFlat(itemSchema: FormSchema): boolean {
  return Object.values(itemSchema.properties as SchemaObject).every(
    (property) =>
      isSchemaObject(property) &&
      property.type !== 'object' &&
      property.type !== 'array' &&
      !isSchemaObject(property.properties) &&
      property.items === undefined &&
      property.oneOf === undefined &&
      property.anyOf === undefined &&
      property.$ref === undefined,
  );
}

/** A text field whose value can be anything: no enum, const, format or pattern to satisfy. */
export function isFreeText(property: unknown): boolean {
  return isSchemaObject(property) && property.type === 'string' && !('enum' in property) && !('const' in property) && !('format' in property) && !('pattern' in property);
}

/** The line-item field the runner types into: `sku` when it is free text, else the first free-text field. */
export function targetField(itemSchema: FormSchema): string {
  const properties = itemSchema.properties as SchemaObject;
  if (isFreeText(properties.sku)) return 'sku';
  const field = Object.keys(properties).find((name) => isFreeText(properties[name]));
  if (field === undefined) throw new Error(`The line items have no free-text field to type into (fields: ${Object.keys(properties).join(', ')}).`);
  return field;
}
