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

const compile = (schema: SchemaNode) => new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('normalizeSchema: allOf keeps every branch', () => {
  const shipment = {
    type: 'object',
    properties: { kind: { type: 'string', enum: ['parcel', 'freight'] }, carrier: { type: 'string' } },
    allOf: [
      {
        properties: { carrier: { minLength: 2 } },
        if: { properties: { kind: { const: 'parcel' } }, required: ['kind'] },
        then: { required: ['carrier'] },
      },
      {
        properties: { carrier: { maxLength: 4 } },
        if: { properties: { kind: { const: 'freight' } }, required: ['kind'] },
        then: { properties: { bol_number: { type: 'string' } }, required: ['bol_number'] },
      },
    ],
  };

  it('keeps the conditional of each branch and intersects same-named properties instead of overwriting them', () => {
    const schema = normalizeSchema(shipment);
    expect(strictAjvProblems(schema)).toEqual([]);
    const validate = compile(schema);
    expect(validate({ kind: 'parcel' })).toBe(false); // first branch: parcel needs a carrier
    expect(validate({ kind: 'freight' })).toBe(false); // second branch: freight needs a BOL number
    expect(validate({ kind: 'parcel', carrier: 'U' })).toBe(false); // first branch: at least 2 characters
    expect(validate({ kind: 'parcel', carrier: 'UPSXX' })).toBe(false); // second branch: at most 4
    expect(validate({ kind: 'parcel', carrier: 'UPS' })).toBe(true);
    expect(validate({ kind: 'freight', bol_number: 'B1' })).toBe(true);
    expect(props(schema).carrier).toEqual({ type: 'string', title: 'Carrier', minLength: 2, maxLength: 4 });
  });

  it('intersects same-named nested objects recursively', () => {
    const schema = normalizeSchema({
      type: 'object',
      allOf: [
        { properties: { address: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
        { properties: { address: { type: 'object', properties: { zip: { type: 'string', pattern: '^\\d+$' } }, required: ['zip'] } } },
      ],
    });
    expect(strictAjvProblems(schema)).toEqual([]);
    const address = props(schema).address!;
    expect(Object.keys(address.properties as object)).toEqual(['city', 'zip']);
    expect(address.required).toEqual(['city', 'zip']);
    expect(compile(schema)({ address: { city: 'Oslo' } })).toBe(false);
  });
});

describe('normalizeSchema: every schema position is normalized', () => {
  it('normalizes additionalItems and the dependencies inside it, keeping the dependent field', () => {
    const schema = normalizeSchema({
      type: 'object',
      properties: {
        rows: {
          type: 'array',
          items: [{ type: 'string' }],
          additionalItems: {
            type: 'object',
            properties: { kind: { type: 'string', nullable: true } },
            dependencies: { kind: { properties: { detail: { type: ['string', 'null'], nullable: true, example: 'x' } }, required: ['detail'] } },
          },
        },
      },
    });
    expect(strictAjvProblems(schema)).toEqual([]);
    const text = JSON.stringify(schema);
    expect(text).not.toMatch(/nullable|example|"null"/);
    expect(text).toContain('"detail":{"type":"string","title":"Detail"}');
    const validate = compile(schema);
    expect(validate({ rows: ['A', { kind: 'x', detail: 'y' }] })).toBe(true);
    expect(validate({ rows: ['A', { kind: 'x' }] })).toBe(false);
    expect(validate({ rows: ['A', { kind: 'x', detail: 5 }] })).toBe(false);
  });

  it('normalizes not, if/then/else, contains, propertyNames and additionalProperties', () => {
    const openapi = { type: 'string', nullable: true, example: 'x', 'x-internal': true };
    const schema = normalizeSchema({
      type: 'object',
      properties: { code: { type: 'string' }, tags: { type: 'array', items: { type: 'string' }, contains: openapi } },
      additionalProperties: openapi,
      propertyNames: { ...openapi, maxLength: 20 },
      not: { required: ['forbidden'], properties: { forbidden: openapi } },
      if: { properties: { code: { ...openapi, const: 'A' } } },
      then: { properties: { code: { ...openapi, minLength: 1 } } },
    });
    expect(strictAjvProblems(schema)).toEqual([]);
    expect(JSON.stringify(schema)).not.toMatch(/nullable|example|x-internal/);
  });
});

describe('normalizeSchema: every output compiles in strict ajv', () => {
  it.each<[string, SchemaNode]>([
    ['a union type', { type: 'object', properties: { id: { type: ['string', 'integer'], minLength: 1, minimum: 1 } } }],
    ['required names the schema never defines', { type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'ghost'] }],
    ['if without then or else', { type: 'object', properties: { a: { type: 'string' } }, if: { required: ['a'] } }],
    ['then and else without if', { type: 'object', then: { required: [] }, else: {} }],
    ['an open tuple', { type: 'object', properties: { pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] } } }],
    ['keywords of the wrong type for the field', { type: 'object', properties: { n: { type: 'integer', minLength: 2, pattern: 'x', properties: {} } } }],
    ['typed keywords without a type', { type: 'object', properties: { s: { minLength: 2 }, o: { properties: { a: { maximum: 3 } } } } }],
    ['a branch of another type than its field', { type: 'object', anyOf: [{ type: 'string' }, { properties: { a: { type: 'string' } }, required: ['a'] }] }],
    ['a number branch under an integer', { type: 'object', properties: { n: { type: 'integer', anyOf: [{ type: 'number', minimum: 1 }, { maximum: -1 }] } } }],
    ['required in branches, defined by the object', { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] }],
    ['patternProperties that collide with properties', { type: 'object', properties: { sku: { type: 'string' } }, patternProperties: { '^s': { type: 'string' } }, additionalProperties: false }],
    ['a pattern ajv refuses as a regex', { type: 'object', properties: { a: { type: 'string', pattern: 'abc\\Z' }, b: { type: 'string', pattern: '(' } } }],
    ['a format on a number', { type: 'object', properties: { n: { type: 'number', format: 'email' } } }],
    ['duplicate and mismatched enum values', { type: 'object', properties: { e: { type: 'string', enum: ['a', 'a', 1, null] } } }],
    ['an unknown type', { type: 'object', properties: { e: { type: 'strin' }, f: { type: [] } } }],
    ['boolean schemas', { type: 'object', properties: { yes: true, no: false }, required: ['yes', 'no'], additionalProperties: true }],
  ])('%s', (_label, input) => {
    expect(strictAjvProblems(normalizeSchema(input))).toEqual([]);
  });

  it('keeps what branch-level required lists mean', () => {
    const schema = normalizeSchema({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] });
    const validate = compile(schema);
    expect(validate({})).toBe(false);
    expect(validate({ a: 'x' })).toBe(true);
    expect(validate({ b: 'y' })).toBe(true);
  });

  it.each<[string, SchemaNode]>([
    ['required: null', { type: 'object', properties: { a: { type: 'string' } }, required: null }],
    ['oneOf: null', { type: 'object', properties: { a: { type: 'string', oneOf: null } } }],
    ['anyOf: {}', { type: 'object', properties: { a: { anyOf: {} } } }],
    ['allOf with non-schemas', { type: 'object', properties: { a: { allOf: [1, null, 'x', { type: 'string' }] } } }],
    ['properties: 5', { type: 'object', properties: 5 }],
    ['items: "x"', { type: 'object', properties: { a: { type: 'array', items: 'x' } } }],
    ['negative and fractional counts', { type: 'object', properties: { a: { type: 'string', minLength: -1, maxLength: 2.5 } }, minProperties: 'two' }],
    ['multipleOf: 0', { type: 'object', properties: { a: { type: 'number', multipleOf: 0 } } }],
    ['title and description that are not text', { type: 'object', properties: { a: { type: 'string', title: 5, description: {} } } }],
    ['dependencies of the wrong shape', { type: 'object', properties: { a: { type: 'string' } }, dependencies: { a: 5, b: [1, 'a'] } }],
  ])('drops malformed keywords instead of failing (%s)', (_label, input) => {
    expect(strictAjvProblems(normalizeSchema(input))).toEqual([]);
  });
});

describe('normalizeSchema: __proto__', () => {
  it('leaves no __proto__ key anywhere: not as a field, a required name, a dependency, nor inside defaults or options', () => {
    const input = JSON.parse(`{
      "type": "object",
      "properties": {
        "__proto__": { "type": "string" },
        "meta": { "type": "object", "default": { "__proto__": { "admin": true } } },
        "choice": { "enum": ["a", { "__proto__": 1 }] }
      },
      "required": ["__proto__", "meta"],
      "dependencies": { "__proto__": ["meta"], "meta": ["__proto__"] }
    }`);
    const schema = normalizeSchema(input);
    expect(JSON.stringify(schema)).not.toContain('__proto__');
    expect(Object.keys(props(schema))).toEqual(['meta', 'choice']);
    expect(schema.required).toEqual(['meta']);
    expect(props(schema).meta!.default).toBeUndefined();
    expect(props(schema).choice!.enum).toEqual(['a']);
    expect(Object.getPrototypeOf(props(schema))).toBe(Object.prototype);
    expect(strictAjvProblems(schema)).toEqual([]);
  });
});

describe('normalizeSchema: what the fuzz found', () => {
  it('fits the other branches to the type a merged branch gives an untyped field', () => {
    // The only `oneOf` branch makes the field an array; the `not`, written with object keywords, can then never hold.
    const schema = normalizeSchema({
      type: 'object',
      properties: { f: { oneOf: [{ items: { type: 'string' }, contains: { properties: { a: { type: 'string' } } } }], not: { properties: { a: { minLength: 1 } } } } },
    });
    expect(props(schema).f!.type).toBe('array');
    expect(props(schema).f!.not).toBeUndefined();
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it('narrows number branches to integer when a merge makes the field an integer', () => {
    const schema = normalizeSchema({ type: 'object', properties: { n: { type: 'number', allOf: [{ type: 'integer' }], anyOf: [{ type: 'number', minimum: 1 }, { maximum: -1 }] } } });
    expect(props(schema).n!.type).toBe('integer');
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it('gives a free-form list its items even when a branch beside it says nothing about items', () => {
    const schema = normalizeSchema({
      type: 'object',
      properties: { tags: { type: 'array', items: {}, description: 'A string or an object with one key.', anyOf: [{ minItems: 1 }, { type: 'object' }] } },
    });
    expect(((props(schema).tags!.items as SchemaNode).anyOf as SchemaNode[]).map((branch) => branch.type)).toEqual(['string', 'object']);
    expect(strictAjvProblems(schema)).toEqual([]);
  });
});
