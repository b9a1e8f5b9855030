// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { prepareWriteBody } from '../../src/core/prepare-write-body';

const placeholder = 'N/A - Connect an account to see options';
const schema = {
  type: 'object',
  properties: {
    warehouse_id: { type: 'string', enum: [placeholder] },
    state: { type: 'string' },
    notes: { type: 'string' },
    ship_to_address: { type: 'object', properties: { city: { type: 'string' }, state: { type: 'string' } } },
    line_items: {
      type: 'array',
      items: { type: 'object', properties: { sku: { type: 'string' }, location: { type: 'string', enum: [placeholder, 'A-01'] } } },
    },
    attributes: { type: 'object' },
    extra: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true },
  },
};

describe('prepareWriteBody', () => {
  it('sends free text that starts with "N/A" as typed; only a placeholder option of an enum is left out', () => {
    const prepared = prepareWriteBody(
      {
        warehouse_id: placeholder,
        state: 'N/A',
        notes: 'n/a - see attached',
        ship_to_address: { state: 'N/A' },
        line_items: [{ sku: 'A', location: placeholder }, { sku: 'B', location: 'A-01' }],
      },
      { schema },
    );
    expect(prepared.body).toEqual({
      state: 'N/A',
      notes: 'n/a - see attached',
      ship_to_address: { state: 'N/A' },
      line_items: [{ sku: 'A' }, { sku: 'B', location: 'A-01' }],
    });
    expect(prepared.placeholders).toEqual([['warehouse_id'], ['line_items', '0', 'location']]);
  });

  it('leaves out what Trackstar treats as empty, and names the null-like words so the form can say so', () => {
    const prepared = prepareWriteBody({ state: 'None', notes: '  ', ship_to_address: { city: 'NULL', state: 'nil' } }, { schema });
    expect(prepared.body).toEqual({});
    expect(prepared.nullLike).toEqual([['state'], ['ship_to_address', 'city'], ['ship_to_address', 'state']]);
  });

  it('leaves out keys the schema does not declare, and reports them; open objects keep theirs', () => {
    const prepared = prepareWriteBody(
      { id: 'ord_1', created_at: '2026-01-01', state: 'MA', ship_to_address: { city: 'Boston', geo: 'x' }, attributes: { color: 'red' }, extra: { a: '1', b: '2' } },
      { schema },
    );
    expect(prepared.body).toEqual({ state: 'MA', ship_to_address: { city: 'Boston' }, attributes: { color: 'red' }, extra: { a: '1', b: '2' } });
    expect(prepared.unknown).toEqual([['id'], ['created_at'], ['ship_to_address', 'geo']]);
  });

  it('keeps a property named __proto__ as data, never as the prototype', () => {
    const values = JSON.parse('{"__proto__": {"polluted": "yes"}, "state": "MA"}') as unknown;
    const prepared = prepareWriteBody(values, { schema: { type: 'object', properties: { __proto__: { type: 'object', properties: { polluted: { type: 'string' } } }, state: { type: 'string' } } } });
    expect(Object.getPrototypeOf(prepared.body)).toBe(Object.prototype);
    expect(Object.keys(prepared.body)).toEqual(['__proto__', 'state']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('without a schema, leaves out only empty values', () => {
    expect(prepareWriteBody({ warehouse_id: placeholder, id: 'x', n: '' }).body).toEqual({ warehouse_id: placeholder, id: 'x' });
  });
});
