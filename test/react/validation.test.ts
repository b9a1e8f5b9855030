import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { describe, expect, it } from 'vitest';
import { describeValidationErrors, schemasAlongPath, splitFieldErrors, validateBody } from '../../src/react/form/validation';

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    order_number: { type: 'string', title: 'Order number' },
    line_items: {
      type: 'array',
      title: 'Line items',
      items: {
        type: 'object',
        title: 'Line item',
        properties: {
          sku: { type: 'string', title: 'SKU' },
          warehouse_id: { type: 'string', title: 'Warehouse ID', enum: ['N/A - Connect an account to see options'] },
        },
        required: ['sku', 'warehouse_id'],
      },
    },
  },
  required: ['order_number'],
};

describe('form validation helpers', () => {
  it('walks data paths through objects and array items, and stops where the schema ends', () => {
    expect(schemasAlongPath(schema, ['line_items', '3', 'sku'])?.map((step) => step.title)).toEqual(['Line items', 'Line item', 'SKU']);
    expect(schemasAlongPath(schema, ['line_items', 'sku'])).toBeUndefined();
    expect(schemasAlongPath(schema, ['gift_wrap'])).toBeUndefined();
  });

  it('explains a required account-dependent field inside a line item, and names the row', () => {
    const { errors } = validateBody(validator, schema, { order_number: '1', line_items: [{ sku: 'A' }] });
    expect(describeValidationErrors(schema, errors)).toEqual([
      {
        path: ['line_items', '0', 'warehouse_id'],
        location: 'Line item 1 › Warehouse ID',
        message: 'Connect an account to see options: this field is required and its options come from the connected account.',
      },
    ]);
  });

  it('places 422 field errors the schema knows and keeps the rest for the alert', () => {
    expect(splitFieldErrors({ order_number: ['taken'], 'line_items.0.sku': ['bad'], gift_wrap: ['Unknown field.'], '': ['whole body'] }, schema)).toEqual({
      placed: { order_number: ['taken'], 'line_items.0.sku': ['bad'] },
      unplaced: { gift_wrap: ['Unknown field.'], '': ['whole body'] },
    });
  });
});
