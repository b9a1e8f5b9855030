// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEmptyValues, isEmptyValue, stripEmpty } from '../../src/core/strip-empty';
import { prepareWriteBody as prepare } from '../../src/core/prepare-write-body';

const prepareWriteBody = (values: unknown) => prepare(values).body;

/** Random JSON-ish data with plenty of empties at every depth. */
const emptyish = fc.constantFrom<unknown>(null, undefined, '', '   ', 'null', 'NULL', ' None ', 'nil', 'Undefined', '\t');
const keeper = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constantFrom(0, -0, false), fc.string({ minLength: 1 }).filter((text) => !isEmptyValue(text)));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, emptyish, keeper, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 5 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), tie('tree'), { maxKeys: 5 }),
}));

function containsEmpty(value: unknown): boolean {
  if (isEmptyValue(value)) return true;
  if (Array.isArray(value)) return value.length === 0 || value.some(containsEmpty);
  if (value !== null && typeof value === 'object') {
    const entries = Object.values(value);
    return entries.length === 0 || entries.some(containsEmpty);
  }
  return false;
}

/** Every non-empty leaf of the input, with its path, in order. */
function keptLeaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (isEmptyValue(value)) return [];
  if (Array.isArray(value)) return value.flatMap((item) => keptLeaves(item, `${path}[]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => keptLeaves(child, `${path}.${key}`));
  if (typeof value === 'number' && !Number.isFinite(value)) return [];
  return [[path, value]];
}

describe('stripEmpty', () => {
  it('removes null, undefined, blank and null-like strings, and what they leave empty', () => {
    const order = {
      order_number: '1001',
      reference_id: '',
      notes: '   ',
      channel: 'None',
      trading_partner: null,
      is_gift: false,
      shipping_price: 0,
      ship_to_address: { address1: '1 Main St', address2: '', company: 'null' },
      bill_to_address: { address1: '', city: undefined },
      line_items: [
        { sku: 'A-1', quantity: 0, unit_price: 0, warehouse_id: '' },
        { sku: '', quantity: undefined },
        {},
        { sku: 'B-2', quantity: 2, lot: { id: ' NIL ' } },
      ],
      tags: ['', 'rush', null],
      trackstar_tags: [],
    };
    expect(stripEmpty(order)).toEqual({
      order_number: '1001',
      is_gift: false,
      shipping_price: 0,
      ship_to_address: { address1: '1 Main St' },
      line_items: [
        { sku: 'A-1', quantity: 0, unit_price: 0 },
        { sku: 'B-2', quantity: 2 },
      ],
      tags: ['rush'],
    });
  });

  it('turns an all-blank body into {}', () => {
    expect(stripEmpty({ a: '', b: { c: null }, d: [] })).toEqual({});
    expect(prepareWriteBody({ order_number: ' ', line_items: [{}] })).toEqual({});
    expect(prepareWriteBody(undefined)).toEqual({});
  });

  it('keeps non-empty strings exactly, surrounding spaces included', () => {
    expect(stripEmpty({ note: '  keep me  ', word: 'nullify', n: 'nonexistent' })).toEqual({ note: '  keep me  ', word: 'nullify', n: 'nonexistent' });
  });

  it('property: the result holds no empty value, no empty container, at any depth', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), tree, { maxKeys: 6 }), (body) => {
        const stripped = stripEmpty(body);
        return Object.keys(stripped ?? {}).length === 0 || !containsEmpty(stripped);
      }),
      { numRuns: 500 },
    );
  });

  it('property: idempotent', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const once = stripEmpty(value);
        expect(stripEmpty(once)).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });

  it('property: every 0, false and non-empty string survives, in order and unchanged', () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(keptLeaves(stripEmpty(value))).toEqual(keptLeaves(value));
      }),
      { numRuns: 500 },
    );
  });

  it('property: a stripped body passes the same emptiness check the sandbox applies', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), tree, { maxKeys: 6 }), (body) => {
        expect(findEmptyValues(prepareWriteBody(body))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
