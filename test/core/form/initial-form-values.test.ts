/**
 * initialFormValues takes flat line-item lists around rjsf's getDefaultFormState; the
 * result must be exactly what getDefaultFormState gives for the whole data, for any
 * flat item schema and any rows, and lists that are not flat must still get defaults.
 */
import { type RJSFSchema, createSchemaUtils } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialFormValues, isFlatItemSchema } from '../../../src/core/form/initial-form-values';

const primitive = fc.constantFrom<Record<string, unknown>>(
  { type: 'string' },
  { type: 'string', enum: ['a', 'b'] },
  { type: 'integer', minimum: 0 },
  { type: 'number' },
  { type: 'boolean' },
  { type: 'string', format: 'date-time' },
);
const flatItem = fc.dictionary(fc.constantFrom('sku', 'quantity', 'price', 'note', 'flag', 'when'), primitive, { minKeys: 1 }).map((properties) => ({
  type: 'object',
  properties,
  required: Object.keys(properties).slice(0, 1),
  additionalProperties: false,
}));
const cellValue = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(undefined));

function formSchema(item: Record<string, unknown>, minItems?: number): RJSFSchema {
  return {
    type: 'object',
    properties: {
      order_number: { type: 'string' },
      shipping: { type: 'object', properties: { method: { type: 'string', default: 'ground' } } },
      status: { type: 'string', default: 'open' },
      line_items: { type: 'array', items: item, ...(minItems === undefined ? {} : { minItems }) },
    },
  } as RJSFSchema;
}

describe('initialFormValues', () => {
  it('equals getDefaultFormState for any flat item schema and any rows', () => {
    fc.assert(
      fc.property(
        flatItem,
        fc.array(fc.dictionary(fc.constantFrom('sku', 'quantity', 'price', 'note', 'flag', 'when'), cellValue), { maxLength: 6 }),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        (item, rows, minItems) => {
          const schema = formSchema(item, minItems);
          const utils = createSchemaUtils(validator, schema);
          const given = { order_number: 'A-1', line_items: rows };
          expect(initialFormValues(utils, schema, given)).toEqual(utils.getDefaultFormState(schema, given));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves lists whose items have defaults or depend on the data to rjsf', () => {
    expect(isFlatItemSchema({ type: 'object', properties: { sku: { type: 'string' } } })).toBe(true);
    expect(isFlatItemSchema({ type: 'object', properties: { sku: { type: 'string' } }, additionalProperties: false })).toBe(true);
    expect(isFlatItemSchema({ type: 'object', properties: { sku: { type: 'string' } }, additionalProperties: { type: 'string', default: 'x' } })).toBe(false);
    expect(isFlatItemSchema({ type: 'object', properties: { quantity: { type: 'integer', default: 1 } } })).toBe(false);
    expect(isFlatItemSchema({ type: 'object', properties: { gift: { type: 'boolean' } } })).toBe(false);
    expect(isFlatItemSchema({ type: 'object', properties: { cause: { type: 'object', properties: {} } } })).toBe(false);
    expect(isFlatItemSchema({ type: 'object', properties: { sku: { type: 'string' } }, if: {}, then: {} })).toBe(false);
    const item = { type: 'object', properties: { sku: { type: 'string' }, quantity: { type: 'integer', default: 1 } } };
    const schema = formSchema(item);
    const utils = createSchemaUtils(validator, schema);
    expect(initialFormValues(utils, schema, { line_items: [{ sku: 'A' }] })).toMatchObject({ line_items: [{ sku: 'A', quantity: 1 }], status: 'open' });
  });
});
