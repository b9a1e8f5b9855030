// @vitest-environment node
import { toFormSchema } from '../../src/core/schema/to-form-schema';
import { FIXTURE_SPEC, sampleBody } from '../../src/sandbox';
import { stringMatching } from '../../src/sandbox/sample-body';
import { strictAjv } from './helpers';

describe('sampleBody', () => {
  it('fills required fields only, recursing into required objects and arrays (one item)', () => {
    const body = sampleBody({
      type: 'object',
      required: ['order_number', 'ship_to_address', 'line_items'],
      properties: {
        order_number: { type: 'string' },
        note: { type: 'string' },
        ship_to_address: { type: 'object', required: ['city'], properties: { city: { type: 'string' }, state: { type: 'string' } } },
        line_items: { type: 'array', items: { type: 'object', required: ['sku', 'quantity'], properties: { sku: { type: 'string' }, quantity: { type: 'integer' } } } },
      },
    });
    expect(body).toEqual({ order_number: 'SAMPLE-1', ship_to_address: { city: 'SAMPLE-1' }, line_items: [{ sku: 'SAMPLE-1', quantity: 1 }] });
  });

  it('picks the first option that is not an account placeholder', () => {
    const body = sampleBody({
      type: 'object',
      required: ['warehouse_id', 'carrier', 'unit'],
      properties: {
        warehouse_id: { type: 'string', enum: ['N/A - Connect an account to see options', 'wh_east'] },
        carrier: { type: 'string', enum: ['Connect an account to see available carriers'] },
        unit: { oneOf: [{ const: 'in', title: 'Inches' }, { const: 'cm', title: 'Centimetres' }] },
      },
    });
    expect(body).toEqual({ warehouse_id: 'wh_east', carrier: 'Connect an account to see available carriers', unit: 'in' });
  });

  it('honours numeric bounds', () => {
    const body = sampleBody({
      type: 'object',
      required: ['plain', 'floor', 'above', 'capped', 'stepped'],
      properties: {
        plain: { type: 'number' },
        floor: { type: 'integer', minimum: 5 },
        above: { type: 'integer', exclusiveMinimum: 0 },
        capped: { type: 'integer', maximum: 0 },
        stepped: { type: 'integer', minimum: 3, multipleOf: 5 },
      },
    });
    expect(body).toEqual({ plain: 1, floor: 5, above: 1, capped: 0, stepped: 5 });
  });

  it('writes dates, patterns and lengths the schema accepts', () => {
    const schema = {
      type: 'object',
      required: ['day', 'moment', 'phone', 'country', 'email', 'code', 'manufacturer_id', 'count'],
      properties: {
        day: { type: 'string', format: 'date' },
        moment: { type: 'string', format: 'date-time' },
        phone: { type: 'string', pattern: '^\\d{3}-\\d{3}-\\d{4}$' },
        country: { type: 'string', pattern: '^[A-Z]{2}$' },
        email: { type: 'string', pattern: '^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+$' },
        code: { type: 'string', maxLength: 3 },
        manufacturer_id: { type: 'string', minLength: 15 },
        count: { type: 'array', minItems: 2, items: { type: 'boolean' } },
      },
    };
    const body = sampleBody(schema);
    expect(body).toMatchObject({ day: '2025-01-15', moment: '2025-01-15T12:00:00Z', phone: '111-111-1111', country: 'AA', code: 'SAM', count: [true, true] });
    const { ajv } = strictAjv();
    const validate = ajv.compile(schema);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });

  it('takes the first shape of a one-of object, and follows $ref into definitions', () => {
    const body = sampleBody({
      type: 'object',
      required: ['supplier', 'box'],
      properties: {
        supplier: { type: 'object', oneOf: [{ type: 'object', required: ['supplier_id'], properties: { supplier_id: { type: 'string' } } }, { type: 'object' }] },
        box: { $ref: '#/definitions/Box' },
      },
      definitions: { Box: { type: 'object', required: ['size'], properties: { size: { type: 'string', enum: ['small', 'large'] } } } },
    });
    expect(body).toEqual({ supplier: { supplier_id: 'SAMPLE-1' }, box: { size: 'small' } });
  });

  it('returns a body that validates against a real form schema', () => {
    const schema = toFormSchema({ document: FIXTURE_SPEC, schemaRef: '#/components/schemas/CreatewmsInboundShipment--Bluefin_WMS--' });
    const { ajv } = strictAjv();
    const validate = ajv.compile(schema);
    expect(validate(sampleBody(schema)), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('stringMatching', () => {
  it.each([
    ['^(?:ab|cd)+x?$', 'ab'],
    ['^[^0-9]{2}$', 'aa'],
    ['^(?<area>\\d{3})-\\w+$', '111-a'],
    ['^PO-\\d{4,6}$', 'PO-1111'],
    ['^[A-Z]{2}\\s\\d$', 'AA 1'],
  ])('%s → %s', (pattern, expected) => {
    const text = stringMatching(pattern);
    expect(text).toBe(expected);
    expect(new RegExp(pattern, 'u').test(text)).toBe(true);
  });
});
