import type { SchemaNode } from '../types';

export function isPlainObject(value: unknown): value is SchemaNode {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * `__proto__` is the one key that plain assignment (`object[key] = value`) does not
 * store: it replaces the object's prototype instead. JSON.parse produces it as an
 * ordinary own key, so a schema can carry it anywhere. The schema pipeline's single
 * rule: no output ever holds a `__proto__` key. As a keyword it is unknown and dropped;
 * as a property, definition, dependency or pattern name it is dropped (with its
 * `required` entry); data (`default`, `const`, `enum` values) containing it is dropped
 * like any other value the form could not hold.
 */
export const UNSAFE_KEY = '__proto__';

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Nesting of data values (`default`, `const`, `enum` items) beyond which they are not worth a form's trouble. */
const MAX_DATA_DEPTH = 32;

/**
 * Whether `value` is plain JSON a form can hold: finite numbers, strings, booleans,
 * null, arrays and plain objects, no `__proto__` key, nested at most 32 deep.
 */
export function isSafeJson(value: unknown, depth = 0): boolean {
  if (depth > MAX_DATA_DEPTH) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isSafeJson(item, depth + 1));
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (key === UNSAFE_KEY || !isSafeJson(value[key], depth + 1)) return false;
  }
  return true;
}

/** One JSON pointer token, escaped (`a/b~c` → `a~1b~0c`). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => hasOwn(b, key) && deepEqual(a[key], b[key]));
}
