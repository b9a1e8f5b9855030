// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeValidationIssues } from '../../../src/core/form/validation-problems';
import { englishMessages } from '../../../src/core/messages';

const schema = {
  type: 'object',
  properties: {
    order_number: { type: 'string', title: 'Order number' },
    ship_to_address: { type: 'object', title: 'Ship to address', properties: { city: { type: 'string', title: 'City' } } },
    line_items: {
      type: 'array',
      title: 'Line items',
      items: { type: 'object', title: 'Line item', properties: { sku: { type: 'string', title: 'SKU' }, quantity: { type: 'integer', title: 'Quantity' } } },
    },
    warehouse_id: { type: 'string', title: 'Warehouse ID', enum: ['N/A - Connect an account to see options'] },
    email: { type: 'string', title: 'Email', format: 'email' },
  },
};

describe('describeValidationIssues', () => {
  it('names each field, says where it is, and lists the problems in on-screen order', () => {
    const { problems, errors } = describeValidationIssues(
      [
        { path: ['line_items', '2', 'quantity'], keyword: 'minimum', params: { limit: 1, comparison: '>=' }, message: 'must be >= 1' },
        { path: ['email'], keyword: 'format', params: { format: 'email' }, message: 'must match format "email"' },
        { path: ['line_items', '1', 'quantity'], keyword: 'required', params: { missingProperty: 'quantity' }, message: "must have required property 'quantity'" },
        { path: ['order_number'], keyword: 'required', params: {}, message: 'required' },
        { path: ['ship_to_address', 'city'], keyword: 'required', params: {}, message: 'required' },
      ],
      { schema },
    );
    expect(problems.map((problem) => problem.summary)).toEqual([
      'Order number is required.',
      'Ship to address › City is required.',
      'Line item 2 › Quantity is required.',
      'Line item 3 › Quantity must be at least 1.',
      'Email must be an email address.',
    ]);
    expect(problems[2]).toMatchObject({ location: 'Line item 2 › Quantity', message: 'Quantity is required.' });
    expect(errors).toMatchObject({ line_items: { 1: { quantity: { __errors: ['Quantity is required.'] } } } });
  });

  it('follows ui:order when placing problems, and uiSchema titles when naming them', () => {
    const { problems } = describeValidationIssues(
      [
        { path: ['order_number'], keyword: 'required', params: {}, message: '' },
        { path: ['email'], keyword: 'required', params: {}, message: '' },
      ],
      { schema, uiSchema: { 'ui:order': ['email', '*'], email: { 'ui:title': 'Contact email' } } },
    );
    expect(problems.map((problem) => problem.summary)).toEqual(['Contact email is required.', 'Order number is required.']);
  });

  it('says why a required field whose options come from the account cannot be filled', () => {
    const { problems } = describeValidationIssues([{ path: ['warehouse_id'], keyword: 'required', params: {}, message: '' }], { schema });
    expect(problems[0]!.message).toBe('Warehouse ID is required, and its options come from the connected account: connect an account to see options.');
  });

  it('words problems through the catalogue, so a translation reaches every message', () => {
    const messages = { ...englishMessages, validation: ({ label, keyword }: { label: string; keyword: string }) => `${label}: ${keyword === 'required' ? 'obligatoire' : 'invalide'}` };
    const { problems } = describeValidationIssues([{ path: ['order_number'], keyword: 'required', params: {}, message: '' }], { schema, messages });
    expect(problems[0]!.message).toBe('Order number: obligatoire');
  });
});
