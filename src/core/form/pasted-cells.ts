/**
 * Cells copied from a spreadsheet (Excel, Google Sheets, Numbers put tab-separated
 * text on the clipboard), read into rows and columns, and each value coerced to the
 * type of the column it lands in.
 */
import type { SchemaNode } from '../types';

/** Whether pasted text is more than one cell (so the grid, not the input, should take it). */
export function isMultiCellText(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''));
}

/**
 * Parses tab-separated text: rows by line, cells by tab. Quoted cells (`"a""b"`, or a
 * cell holding a line break, which spreadsheets quote) are unquoted; a trailing line
 * break, which every spreadsheet adds, is not an extra row.
 */
export function parsePastedCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let index = 0;
  const source = text.replace(/\r\n?/g, '\n');
  while (index < source.length) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      if (char === '"') {
        quoted = false;
        index += 1;
        continue;
      }
      cell += char;
      index += 1;
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
      index += 1;
      continue;
    }
    if (char === '\t') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
    index += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export type CoercedCell =
  | { ok: true; value: unknown }
  /** The text does not fit; `expected` says what would ("a whole number"). It is kept as typed so nothing is lost. */
  | { ok: false; value: string; expected: string };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', '✓', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', '']);

/** "1,234.50", "1 234,50", "$12" → a number, or `undefined`. Thousands separators and a currency sign are tolerated. */
function readNumber(text: string): number | undefined {
  let cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[$€£¥]|[$€£¥]$/g, '');
  // "1,234" and "1,234.5" group thousands with commas; "1.234,5" and "1.234.567" with dots; "2,5" is a decimal
  // comma. A lone "1.234" stays a decimal: misreading a price as a thousand times more is the worse mistake.
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  else if (/^-?\d{1,3}(\.\d{3})+,\d+$|^-?\d{1,3}(\.\d{3}){2,}$/.test(cleaned)) cleaned = cleaned.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(cleaned)) cleaned = cleaned.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Turns one pasted cell into a value for a column of schema `schema` (a scalar:
 * string, number, integer, boolean, or an enum, whose options may have labels).
 * Empty text clears the cell.
 */
export function coercePastedCell(text: string, schema: SchemaNode, labels?: readonly string[]): CoercedCell {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const options = Array.isArray(schema.enum) ? schema.enum : undefined;
  if (options) {
    const exact = options.find((option) => String(option) === trimmed);
    if (exact !== undefined) return { ok: true, value: exact };
    const lower = trimmed.toLowerCase();
    const byValue = options.find((option) => String(option).toLowerCase() === lower);
    if (byValue !== undefined) return { ok: true, value: byValue };
    const labelIndex = labels?.findIndex((label) => label.toLowerCase() === lower) ?? -1;
    if (labelIndex >= 0 && labelIndex < options.length) return { ok: true, value: options[labelIndex] };
    return { ok: false, value: trimmed, expected: 'one of the listed options' };
  }
  switch (schema.type) {
    case 'integer': {
      const value = readNumber(trimmed);
      return value !== undefined && Number.isInteger(value) ? { ok: true, value } : { ok: false, value: trimmed, expected: 'a whole number' };
    }
    case 'number': {
      const value = readNumber(trimmed);
      return value !== undefined ? { ok: true, value } : { ok: false, value: trimmed, expected: 'a number' };
    }
    case 'boolean': {
      const lower = trimmed.toLowerCase();
      if (TRUE_WORDS.has(lower)) return { ok: true, value: true };
      if (FALSE_WORDS.has(lower)) return { ok: true, value: false };
      return { ok: false, value: trimmed, expected: 'yes or no' };
    }
    default:
      // Text keeps what was copied, inner spaces included; only the cell's edges are trimmed.
      return { ok: true, value: trimmed };
  }
}
