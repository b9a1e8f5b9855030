// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TrackstarApiError } from '../../../src/core/api-error';
import { explainRejection, findQuotedField } from '../../../src/core/form/explain-rejection';

const schema = {
  type: 'object',
  properties: { order_number: { type: 'string' }, line_items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } } },
};

describe('explainRejection', () => {
  it('places field errors on the fields they name and lists the rest', () => {
    const error = new TrackstarApiError({ status: 422, origin: 'trackstar', message: 'Invalid', fieldErrors: { 'line_items.1.sku': ['Not a SKU.'], foo: ['Unknown field.'] } });
    const explained = explainRejection(error, {}, schema);
    expect(explained.errors).toEqual({ line_items: { 1: { sku: { __errors: ['Not a SKU.'] } } } });
    expect(explained.unplaced).toEqual({ foo: ['Unknown field.'] });
  });

  it('marks the one field whose value an integration quotes', () => {
    const values = { order_number: '1001', line_items: [{ sku: 'TEE-BLK-M' }, { sku: 'unknown-sku-9' }] };
    const error = new TrackstarApiError({ status: 400, origin: 'integration', message: 'SKU unknown-sku-9 does not exist.' });
    expect(explainRejection(error, values, schema)).toMatchObject({
      quotedFields: [['line_items', '1', 'sku']],
      errors: { line_items: { 1: { sku: { __errors: ['SKU unknown-sku-9 does not exist.'] } } } },
    });
  });

  it('marks nothing when the quoted value is in several fields, is too short, or is part of a longer word', () => {
    expect(findQuotedField('SKU A-1 does not exist', { a: 'A-1', b: 'A-1' })).toBeUndefined();
    expect(findQuotedField('Quantity 1 is too low', { quantity: '1' })).toBeUndefined();
    expect(findQuotedField('SKU TEE-BLK-ML does not exist', { sku: 'TEE-BLK-M' })).toBeUndefined();
  });
});
