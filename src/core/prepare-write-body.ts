/**
 * The body exactly as it will be sent, and an account of everything left out.
 *
 * Trackstar rejects `null`, `""` and null-like literals (`"None"`, `"null"`…) in a
 * write body with a 422, so they are left out, and the form tells the operator at
 * the field before submitting. Placeholder options of an enum ("N/A - Connect an
 * account to see options") are instructions, never values; but free text that merely
 * starts with "N/A" is an operator's value and is sent as typed. Keys the schema does
 * not declare (an update form given the whole record as `defaultValues`) are left
 * out too, because Trackstar refuses unknown fields and the operator could not fix
 * them anyway: the report names them for a development warning.
 */
import { childSchema } from './form/validation-problems';
import { isPlaceholderValue } from './schema/placeholders';
import { isPlainObject } from './schema/json';
import { isEmptyValue } from './strip-empty';
import type { SchemaNode } from './types';

export interface PreparedWriteBody {
  body: Record<string, unknown>;
  /** Paths of values left out because Trackstar treats them as empty (`"None"`, `"null"`…), not counting blanks. */
  nullLike: string[][];
  /** Paths of placeholder options left out. */
  placeholders: string[][];
  /** Paths of keys the schema does not declare, left out. */
  unknown: string[][];
}

export interface PrepareWriteBodyOptions {
  /** The form schema. Without one, only empty values are left out. */
  schema?: SchemaNode | undefined;
}

const REMOVED = Symbol('removed');

/** Whether an object schema declares which keys it takes (so that others are unknown). */
function declaredKeys(root: SchemaNode, node: SchemaNode | undefined): ((key: string) => SchemaNode | 'any' | undefined) | undefined {
  if (!node) return undefined;
  const hasShape = (candidate: SchemaNode | undefined): boolean =>
    !!candidate && (isPlainObject(candidate.properties) || ['allOf', 'oneOf', 'anyOf'].some((keyword) => Array.isArray(candidate[keyword]) && (candidate[keyword] as unknown[]).some((branch) => hasShape(branch as SchemaNode))));
  if (!hasShape(node)) return undefined;
  const open = node.additionalProperties === true || isPlainObject(node.patternProperties);
  return (key) => childSchema(root, node, key) ?? (open ? 'any' : undefined);
}

function enumHolds(schema: SchemaNode | undefined, value: unknown): boolean {
  if (!schema) return false;
  if (Array.isArray(schema.enum) && schema.enum.includes(value)) return true;
  // A labelled enum arrives as `oneOf: [{ const, title }]` from some schemas.
  return Array.isArray(schema.oneOf) && schema.oneOf.some((branch) => isPlainObject(branch) && branch.const === value);
}

export function prepareWriteBody(values: unknown, options: PrepareWriteBodyOptions = {}): PreparedWriteBody {
  const report: Omit<PreparedWriteBody, 'body'> = { nullLike: [], placeholders: [], unknown: [] };
  const root = options.schema;

  const visit = (value: unknown, schema: SchemaNode | undefined, path: string[]): unknown => {
    if (isEmptyValue(value)) {
      if (typeof value === 'string' && value.trim() !== '') report.nullLike.push(path);
      return REMOVED;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return REMOVED;
    if (isPlaceholderValue(value) && enumHolds(schema, value)) {
      report.placeholders.push(path);
      return REMOVED;
    }
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      value.forEach((item, index) => {
        const kept = visit(item, root && schema ? childSchema(root, schema, String(index)) : undefined, [...path, String(index)]);
        if (kept !== REMOVED) items.push(kept);
      });
      return items.length === 0 ? REMOVED : items;
    }
    if (value !== null && typeof value === 'object') {
      // Dates, class instances and the like are not data a form produces; they pass through untouched.
      if (!isPlainObject(value)) return value;
      const declared = root ? declaredKeys(root, schema) : undefined;
      const out: Record<string, unknown> = {};
      let kept = 0;
      for (const key of Object.keys(value)) {
        const childPath = [...path, key];
        let child: SchemaNode | undefined;
        if (declared) {
          const found = declared(key);
          if (found === undefined) {
            report.unknown.push(childPath);
            continue;
          }
          child = found === 'any' ? undefined : found;
        }
        const stripped = visit(value[key], child, childPath);
        if (stripped === REMOVED) continue;
        // `__proto__` is a valid field name: define it, never assign it.
        Object.defineProperty(out, key, { value: stripped, enumerable: true, writable: true, configurable: true });
        kept += 1;
      }
      return kept === 0 ? REMOVED : out;
    }
    return value;
  };

  const stripped = visit(values ?? {}, root, []);
  const body = stripped !== REMOVED && isPlainObject(stripped) ? (stripped as Record<string, unknown>) : {};
  return { body, ...report };
}
