// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coercePastedCell, isMultiCellText, parsePastedCells } from '../../../src/core/form/pasted-cells';

describe('pasted cells', () => {
  it('reads rows and columns as spreadsheets put them on the clipboard', () => {
    expect(parsePastedCells('A1\t3\r\nA2\t4\r\n')).toEqual([['A1', '3'], ['A2', '4']]);
    expect(parsePastedCells('"Red, large"\t"He said ""hi"""\n"two\nlines"\t5')).toEqual([['Red, large', 'He said "hi"'], ['two\nlines', '5']]);
    expect(parsePastedCells('a\t\tc')).toEqual([['a', '', 'c']]);
    expect(isMultiCellText('just one value')).toBe(false);
    expect(isMultiCellText('one value\n')).toBe(false);
    expect(isMultiCellText('a\tb')).toBe(true);
  });

  it('property: cells without quotes or separators round-trip through tab-separated text', () => {
    const cell = fc.string({ maxLength: 8 }).filter((text) => !/[\t\n\r"]/.test(text));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((row) => row.join('\t')).join('\n');
        expect(parsePastedCells(text)).toEqual(rows);
      }),
    );
  });

  it('coerces each value to its column, keeping what does not fit as typed', () => {
    expect(coercePastedCell(' 1,234 ', { type: 'integer' })).toEqual({ ok: true, value: 1234 });
    expect(coercePastedCell('1.234,50', { type: 'number' })).toEqual({ ok: true, value: 1234.5 });
    expect(coercePastedCell('$12.5', { type: 'number' })).toEqual({ ok: true, value: 12.5 });
    expect(coercePastedCell('1.234', { type: 'number' })).toEqual({ ok: true, value: 1.234 });
    expect(coercePastedCell('1.234.567', { type: 'integer' })).toEqual({ ok: true, value: 1234567 });
    expect(coercePastedCell('2,5', { type: 'number' })).toEqual({ ok: true, value: 2.5 });
    expect(coercePastedCell('2.5', { type: 'integer' })).toEqual({ ok: false, value: '2.5', expected: 'a whole number' });
    expect(coercePastedCell('abc', { type: 'number' })).toEqual({ ok: false, value: 'abc', expected: 'a number' });
    expect(coercePastedCell('Yes', { type: 'boolean' })).toEqual({ ok: true, value: true });
    expect(coercePastedCell('maybe', { type: 'boolean' })).toMatchObject({ ok: false });
    expect(coercePastedCell('ground', { type: 'string', enum: ['Ground', 'Air'] })).toEqual({ ok: true, value: 'Ground' });
    expect(coercePastedCell('Two-day air', { type: 'string', enum: ['ground', 'air'] }, ['Ground', 'Two-day air'])).toEqual({ ok: true, value: 'air' });
    expect(coercePastedCell('sea', { type: 'string', enum: ['ground'] })).toMatchObject({ ok: false, value: 'sea' });
    expect(coercePastedCell('  two words ', { type: 'string' })).toEqual({ ok: true, value: 'two words' });
    expect(coercePastedCell('', { type: 'integer' })).toEqual({ ok: true, value: undefined });
  });
});
