// @vitest-environment node
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { humanizeKey, plainDescription, singularize } from '../../src/core/schema/labels';
import { normalizeSchema } from '../../src/core/schema/normalize';
import { isPlaceholderEnum, placeholderHint } from '../../src/core/schema/placeholders';
import type { SchemaNode } from '../../src/core/types';
import { strictAjvProblems } from '../support/strict-ajv';

const props = (schema: SchemaNode) => schema.properties as Record<string, SchemaNode>;

describe('normalizeSchema', () => {
  it('drops OpenAPI-only keywords and nullability', () => {
    const schema = normalizeSchema({
      type: 'object',
      properties: {
        note: { type: 'string', nullable: true, example: 'x', deprecated: true, 'x-internal': 1 },
        count: { type: ['integer', 'null'] },
        anything: { type: 'null' },
      },
      discriminator: { propertyName: 'type' },
    });
    expect(props(schema).note).toEqual({ type: 'string', title: 'Note' });
    expect(props(schema).count).toEqual({ type: 'integer', title: 'Count' });
    expect(props(schema).anything).toEqual({ title: 'Anything' });
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it('removes formats ajv does not know (float, int32, binary) but keeps real ones', () => {
    const schema = normalizeSchema({
      type: 'object',
      properties: {
        weight: { type: 'number', format: 'float' },
        qty: { type: 'integer', format: 'int32' },
        file: { type: 'string', format: 'binary' },
        arrives: { type: 'string', format: 'date-time' },
        day: { type: 'string', format: 'date' },
      },
    });
    expect(props(schema).weight!.format).toBeUndefined();
    expect(props(schema).qty!.format).toBeUndefined();
    expect(props(schema).file!.format).toBeUndefined();
    expect(props(schema).arrives!.format).toBe('date-time');
    expect(props(schema).day!.format).toBe('date');
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it('never lets enumNames: [] blank the options, and keeps labelled options an enum (labels are display only)', () => {
    const schema = normalizeSchema({
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['open', 'received'], enumNames: [] },
        unit: { type: 'string', enum: ['lb', 'kg'], enumNames: ['Pounds', 'Kilograms'] },
        half: { type: 'string', enum: ['a', 'b'], enumNames: ['A'] },
      },
    });
    expect(props(schema).status).toEqual({ type: 'string', enum: ['open', 'received'], title: 'Status' });
    expect(props(schema).unit).toEqual({ type: 'string', enum: ['lb', 'kg'], title: 'Unit' });
    expect(props(schema).half!.enum).toEqual(['a', 'b']);
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it('merges allOf [$ref] wrappers with their sibling description', () => {
    const schema = normalizeSchema({
      type: 'object',
      properties: {
        channel_object: {
          description: 'Where the order came from.',
          allOf: [{ type: 'object', title: 'ChannelName', properties: { name: { type: 'string' } }, required: ['name'] }],
        },
      },
    });
    expect(props(schema).channel_object).toEqual({
      type: 'object',
      title: 'Channel object',
      description: 'Where the order came from.',
      properties: { name: { type: 'string', title: 'Name' } },
      required: ['name'],
    });
  });

  it('reads properties: {} + additionalProperties: false + oneOf as "one of these shapes"', () => {
    const supplier = {
      type: 'object',
      properties: {},
      additionalProperties: false,
      oneOf: [
        { type: 'object', title: 'SupplierId', properties: { supplier_id: { type: 'string' } }, required: ['supplier_id'], additionalProperties: false },
        { type: 'object', title: 'SupplierName', properties: { supplier_name: { type: 'string' } }, required: ['supplier_name'], additionalProperties: false },
      ],
      discriminator: { propertyName: 'type', mapping: { id: '#/x', name: '#/y' } },
    };
    const schema = normalizeSchema({ type: 'object', properties: { supplier_object: { allOf: [supplier], description: 'The supplier.' } } });
    const field = props(schema).supplier_object!;
    expect(field.properties).toBeUndefined();
    expect(field.additionalProperties).toBeUndefined();
    expect(field.discriminator).toBeUndefined();
    expect((field.oneOf as SchemaNode[]).map((branch) => branch.title)).toEqual(['Supplier ID', 'Supplier name']);

    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    expect(validate({ supplier_object: { supplier_id: 'S1' } })).toBe(true);
    expect(validate({ supplier_object: { supplier_name: 'Acme' } })).toBe(true);
    expect(validate({ supplier_object: { other: 1 } })).toBe(false);
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it('drops the accept-anything branch of anyOf [{type: object, nullable: true}, {$ref}]', () => {
    const schema = normalizeSchema({
      type: 'object',
      properties: {
        measurements: {
          anyOf: [
            { type: 'object', nullable: true },
            { type: 'object', title: 'ProductMeasurementsX', properties: { weight: { type: 'number' } }, required: ['weight'] },
          ],
        },
      },
    });
    expect(props(schema).measurements).toEqual({
      type: 'object',
      title: 'Measurements',
      properties: { weight: { type: 'number', title: 'Weight' } },
      required: ['weight'],
    });
  });

  it('gives free-form arrays (items: {}) string items a form can edit', () => {
    const schema = normalizeSchema({
      type: 'object',
      properties: { trackstar_tags: { type: 'array', items: {}, nullable: true } },
    });
    expect(props(schema).trackstar_tags).toEqual({ type: 'array', title: 'Trackstar tags', items: { type: 'string', title: 'Trackstar tag' } });
  });

  it('makes labels human and descriptions plain', () => {
    const schema = normalizeSchema({
      type: 'object',
      title: 'ShipHero',
      properties: {
        warehouse_id: { title: 'warehouse_id', type: 'string', description: 'See the [Warehouse](/api-reference/wms) endpoint.. ' },
        ship_to_address: { type: 'object', title: 'CreateOrderShipToAddressShiphero', properties: { address1: { type: 'string' } } },
        line_items: { type: 'array', items: { type: 'object', title: 'WmsOrderCreateLineItemshiphero', properties: { sku: { type: 'string' } } } },
        gift_note: { type: 'string', title: 'Gift note for the box', description: '' },
      },
    });
    expect(schema.title).toBeUndefined();
    expect(props(schema).warehouse_id).toMatchObject({ title: 'Warehouse ID', description: 'See the Warehouse endpoint.' });
    expect(props(schema).ship_to_address!.title).toBe('Ship to address');
    expect(props(props(schema).ship_to_address!).address1!.title).toBe('Address 1');
    expect((props(schema).line_items!.items as SchemaNode).title).toBe('Line item');
    expect(props(schema).gift_note).toEqual({ type: 'string', title: 'Gift note for the box' });
  });

  it('keeps meaningful defaults on create and drops every default on update', () => {
    const source = {
      type: 'object',
      properties: {
        priority: { type: 'integer', default: 100, minimum: 1, maximum: 10000 },
        kind: { type: 'string', enum: ['customer', 'transfer'], default: 'customer' },
        reference_id: { type: 'string', default: null },
        bad_enum_default: { type: 'string', enum: ['a'], default: 'z' },
        wrong_type: { type: 'number', default: 'USD' },
        placeholder: { type: 'string', enum: ['N/A - Connect an account to see options'], default: 'N/A - Connect an account to see options' },
      },
    };
    const create = props(normalizeSchema(source, { method: 'POST' }));
    expect(create.priority!.default).toBe(100);
    expect(create.kind!.default).toBe('customer');
    expect('default' in create.reference_id!).toBe(false);
    expect('default' in create.bad_enum_default!).toBe(false);
    expect('default' in create.wrong_type!).toBe(false);
    expect('default' in create.placeholder!).toBe(false);
    const update = props(normalizeSchema(source, { method: 'PUT' }));
    expect(Object.values(update).some((field) => 'default' in field)).toBe(false);
  });

  it('drops required names that an additionalProperties: false object can never hold', () => {
    const schema = normalizeSchema({ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } }, required: ['a', 'ghost', 'a'] });
    expect(schema.required).toEqual(['a']);
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it('drops a pattern JavaScript cannot compile in unicode mode instead of failing the whole form', () => {
    const schema = normalizeSchema({ type: 'object', properties: { code: { type: 'string', pattern: '[\\w-.]+' }, phone: { type: 'string', pattern: '\\d{3}-\\d{4}$' } } });
    expect(props(schema).code!.pattern).toBeUndefined();
    expect(props(schema).phone!.pattern).toBe('\\d{3}-\\d{4}$');
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it('removes null from enums and infers a missing type', () => {
    const schema = normalizeSchema({ type: 'object', properties: { size: { enum: ['S', 'M', null] } } });
    expect(props(schema).size).toEqual({ type: 'string', enum: ['S', 'M'], title: 'Size' });
  });
});

describe('labels', () => {
  it.each([
    ['warehouse_id', 'Warehouse ID'],
    ['sku', 'SKU'],
    ['inventory_item_ids', 'Inventory item IDs'],
    ['address1', 'Address 1'],
    ['shipToAddress', 'Ship to address'],
    ['tracking_url', 'Tracking URL'],
    ['po_number', 'PO number'],
    ['is_b2b', 'Is B2B'],
  ])('humanizeKey(%s) = %s', (key, label) => {
    expect(humanizeKey(key)).toBe(label);
  });

  it.each([
    ['line_items', 'line_item'],
    ['boxes', 'box'],
    ['addresses', 'address'],
    ['categories', 'category'],
    ['packages', 'package'],
    ['status', 'status'],
  ])('singularize(%s) = %s', (plural, singular) => {
    expect(singularize(plural)).toBe(singular);
  });

  it('turns markdown links into their text and keeps HTML as text', () => {
    expect(plainDescription('Use the [Warehouse](/x) id.')).toBe('Use the Warehouse id.');
    expect(plainDescription('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(plainDescription('   ')).toBeUndefined();
  });
});

describe('placeholders', () => {
  it('recognises account-dependent placeholder enums', () => {
    expect(isPlaceholderEnum(['N/A - Connect an account to see options'])).toBe(true);
    expect(isPlaceholderEnum(['N/A'])).toBe(true);
    expect(isPlaceholderEnum(['Connect an account to get return causes.'])).toBe(true);
    expect(isPlaceholderEnum(['wh_1', 'N/A - Connect an account to see options'])).toBe(false);
    expect(isPlaceholderEnum([])).toBe(false);
    expect(isPlaceholderEnum(['NA-123'])).toBe(false);
  });

  it('words the hint for a person', () => {
    expect(placeholderHint(['N/A - Connect an account to see options'])).toBe('Connect an account to see options');
    expect(placeholderHint(['N/A'])).toBe('Connect an account to see options');
    expect(placeholderHint(['Connect an account to see available carriers'])).toBe('Connect an account to see available carriers');
  });
});
