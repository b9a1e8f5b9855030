/**
 * Values of an update form that starts from the current record: the record's fields
 * the update schema has, and, when sending, only what the operator changed.
 */
import { type FormSchema, prepareWriteBody } from '../../core';
import { canonicalJson } from '../../core/internal';

/** The fields of `record` that `schema` has, without empty values (a record's `null`s cannot be sent back). */
export function pickSchemaFields(record: Record<string, unknown>, schema: FormSchema): Record<string, unknown> {
  return prepareWriteBody(record, { schema }).body;
}

/**
 * The top-level fields of `values` that differ from `baseline`. A changed group (an
 * address, the line items) is sent whole: integrations replace such groups rather
 * than merge them. A field the operator emptied is left out (Trackstar accepts no
 * empty values), so it keeps its value in the record.
 */
export function changedFields(values: Record<string, unknown>, baseline: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(values)) {
    if (canonicalJson(values[key]) === canonicalJson(baseline[key])) continue;
    Object.defineProperty(changed, key, { value: values[key], enumerable: true, writable: true, configurable: true });
  }
  return changed;
}
