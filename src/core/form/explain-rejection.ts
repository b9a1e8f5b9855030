/**
 * Where a rejected write went wrong, on the form: a 422's field errors placed on the
 * fields they name (the others listed in the alert), and, when an integration's
 * message quotes a value the operator entered in exactly one field ("SKU ABC-1 does
 * not exist"), that field marked and linked from the alert.
 */
import type { TrackstarApiError } from '../api-error';
import type { SchemaNode } from '../types';
import { type ErrorTree, addErrors } from './error-tree';
import { schemasAlongPath } from './validation-problems';

export interface RejectionOnForm {
  errors: ErrorTree;
  /** Field errors whose path is not a field of the form, by dot path. */
  unplaced: Record<string, string[]>;
  quotedFields: string[][];
}

/** Short values are everywhere ("1", "US"); quoting one proves nothing. */
const MIN_QUOTED_LENGTH = 3;

function collectStrings(value: unknown, path: string[], out: Map<string, string[][]>): void {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length >= MIN_QUOTED_LENGTH) out.set(text, [...(out.get(text) ?? []), path]);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectStrings(item, [...path, String(index)], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) collectStrings(child, [...path, key], out);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The one field whose value the message quotes as a whole word, if exactly one field holds it. */
export function findQuotedField(message: string, values: unknown): string[] | undefined {
  const strings = new Map<string, string[][]>();
  collectStrings(values, [], strings);
  let best: { text: string; path: string[] } | undefined;
  for (const [text, paths] of strings) {
    if (paths.length !== 1) continue;
    if (!new RegExp(`(^|[^\\p{L}\\p{N}_-])${escapeRegExp(text)}($|[^\\p{L}\\p{N}_-])`, 'u').test(message)) continue;
    if (!best || text.length > best.text.length) best = { text, path: paths[0]! };
  }
  return best?.path;
}

export function explainRejection(error: TrackstarApiError, values: unknown, schema: SchemaNode): RejectionOnForm {
  let errors: ErrorTree = {};
  const unplaced: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(error.fieldErrors)) {
    const segments = path.split('.').filter(Boolean);
    if (segments.length > 0 && schemasAlongPath(schema, segments)) errors = addErrors(errors, segments, messages);
    else unplaced[path] = [...messages];
  }
  const quotedFields: string[][] = [];
  if (error.origin === 'integration' && Object.keys(error.fieldErrors).length === 0) {
    const quoted = findQuotedField(error.message, values);
    if (quoted) {
      quotedFields.push(quoted);
      errors = addErrors(errors, quoted, [error.message]);
    }
  }
  return { errors, unplaced, quotedFields };
}
