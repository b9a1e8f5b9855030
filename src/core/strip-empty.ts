/**
 * Trackstar rejects any `null`, `""` or null-like literal in a write body (422).
 * Operators leave optional fields blank all the time; the body must simply omit them.
 */

import { isPlainObject } from './schema/json';

const NULL_LIKE_LITERALS = new Set(['null', 'none', 'nil', 'undefined']);

/** `null`, `undefined`, `""`, whitespace, or a literal such as `" NULL "` / `"None"` / `"nil"` / `"undefined"`. */
export function isEmptyValue(value: unknown): value is null | undefined | string {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  return trimmed === '' || NULL_LIKE_LITERALS.has(trimmed.toLowerCase());
}

export interface StripEmptyOptions {
  /** Extra values to drop wherever they appear, e.g. placeholder enum options. */
  isDropped?: (value: unknown) => boolean;
}

const REMOVED = Symbol('removed');

function strip(value: unknown, isDropped: ((value: unknown) => boolean) | undefined): unknown {
  if (isEmptyValue(value) || (isDropped !== undefined && isDropped(value))) return REMOVED;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const stripped = strip(item, isDropped);
      if (stripped !== REMOVED) items.push(stripped);
    }
    return items.length === 0 ? REMOVED : items;
  }
  if (typeof value === 'object') {
    // Dates, class instances and the like are not data a form produces; they pass through untouched.
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    let kept = 0;
    for (const [key, child] of Object.entries(value)) {
      const stripped = strip(child, isDropped);
      if (stripped !== REMOVED) {
        out[key] = stripped;
        kept += 1;
      }
    }
    return kept === 0 ? REMOVED : out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return REMOVED;
  return value;
}

/**
 * Deeply removes empty values, and the objects, arrays and array elements that
 * are left empty as a result. `0`, `false` and non-empty strings are kept exactly
 * (strings are not trimmed). Idempotent. The root of an all-empty object is `{}`.
 */
export function stripEmpty<T>(value: T, options: StripEmptyOptions = {}): T | undefined {
  const stripped = strip(value, options.isDropped);
  if (stripped === REMOVED) {
    if (Array.isArray(value)) return [] as T;
    if (value !== null && typeof value === 'object') return {} as T;
    return undefined;
  }
  return stripped as T;
}

/** Where a body holds an empty value, as dot paths (`line_items.0.sku`). Used by the sandbox to reject like Trackstar does. */
export function findEmptyValues(value: unknown, path: string[] = []): string[][] {
  if (isEmptyValue(value)) return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => findEmptyValues(item, [...path, String(index)]));
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, child]) => findEmptyValues(child, [...path, key]));
  }
  return [];
}
