/**
 * How an array renders as a line-item grid: which properties of an item are columns
 * (scalars an operator types or picks in one cell) and which open in a row's details
 * (nested objects and lists). Every array of objects is a grid, flat or not; so is an
 * array of plain values (one column). Only what a grid cannot show goes to rjsf's own
 * array: tuples, multi-selects of enum values, files, and arrays a host opts out of
 * with `ui:options: { grid: false }`.
 */
import { type FormContextType, type Registry, type RJSFSchema, type UiSchema, getUiOptions } from '@rjsf/utils';
import { orderedPropertyNames, singularize } from '../../../core/internal';

type AnyRegistry = Registry<unknown, RJSFSchema, FormContextType>;

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

export interface GridColumn {
  /** The item's property, or `null` when the item itself is the value (a list of tags). */
  key: string | null;
  schema: RJSFSchema;
  uiSchema: UiSchema;
  title: string;
  required: boolean;
}

export interface GridDetail {
  key: string;
  schema: RJSFSchema;
  uiSchema: UiSchema;
  title: string;
  required: boolean;
}

export interface GridLayout {
  itemSchema: RJSFSchema;
  itemUiSchema: UiSchema;
  /** What one row is called ("Line item"), from the item's title or the list's. */
  itemTitle: string;
  columns: GridColumn[];
  details: GridDetail[];
}

const layouts = new WeakMap<object, WeakMap<object, GridLayout | null>>();
const NO_UI = {};

function isCellSchema(schema: RJSFSchema, registry: AnyRegistry): boolean {
  if (registry.schemaUtils.isSelect(schema)) return true;
  const type = schema.type;
  if (typeof type !== 'string' || !SCALAR_TYPES.has(type)) return false;
  return !schema.oneOf && !schema.anyOf && !schema.allOf;
}

function titleOf(uiSchema: UiSchema | undefined, schema: RJSFSchema, fallback: string): string {
  const uiTitle = getUiOptions(uiSchema).title;
  return (typeof uiTitle === 'string' && uiTitle) || schema.title || fallback;
}

function computeLayout(schema: RJSFSchema, uiSchema: UiSchema | undefined, registry: AnyRegistry): GridLayout | null {
  const options = getUiOptions(uiSchema);
  if (options.grid === false || options.table === false) return null;
  const rawItems = schema.items;
  if (!rawItems || typeof rawItems !== 'object' || Array.isArray(rawItems)) return null;
  if (registry.schemaUtils.isMultiSelect(schema) || registry.schemaUtils.isFilesArray(schema, uiSchema)) return null;
  const itemSchema = registry.schemaUtils.retrieveSchema(rawItems as RJSFSchema);
  const itemUiSchema = (uiSchema?.items ?? NO_UI) as UiSchema;
  const listTitle = titleOf(uiSchema, schema, 'Items');
  const itemTitle = (typeof getUiOptions(itemUiSchema).title === 'string' && (getUiOptions(itemUiSchema).title as string)) || itemSchema.title || singularize(listTitle);

  const isObject = (itemSchema.type === 'object' || (itemSchema.type === undefined && itemSchema.properties)) && !itemSchema.oneOf && !itemSchema.anyOf;
  if (!isObject || !itemSchema.properties) {
    return {
      itemSchema,
      itemUiSchema,
      itemTitle,
      columns: [{ key: null, schema: itemSchema, uiSchema: itemUiSchema, title: itemTitle, required: false }],
      details: [],
    };
  }
  const required = new Set(itemSchema.required ?? []);
  const columns: GridColumn[] = [];
  const details: GridDetail[] = [];
  for (const key of orderedPropertyNames(itemSchema as Record<string, unknown>, itemUiSchema as Record<string, unknown>)) {
    const raw = itemSchema.properties[key];
    if (!raw || typeof raw !== 'object') continue;
    const property = registry.schemaUtils.retrieveSchema(raw as RJSFSchema);
    const propertyUi = (itemUiSchema[key] ?? NO_UI) as UiSchema;
    if (getUiOptions(propertyUi).widget === 'hidden') continue;
    const entry = { key, schema: raw as RJSFSchema, uiSchema: propertyUi, title: titleOf(propertyUi, property, key), required: required.has(key) };
    if (isCellSchema(property, registry)) columns.push(entry);
    else details.push(entry);
  }
  return { itemSchema, itemUiSchema, itemTitle, columns, details };
}

/** The grid layout of an array field, or `undefined` when rjsf's own array renders it. Computed once per schema and uiSchema. */
export function gridLayout(schema: RJSFSchema, uiSchema: UiSchema | undefined, registry: AnyRegistry): GridLayout | undefined {
  let byUi = layouts.get(schema);
  if (!byUi) layouts.set(schema, (byUi = new WeakMap()));
  const uiKey = uiSchema ?? NO_UI;
  let layout = byUi.get(uiKey);
  if (layout === undefined) byUi.set(uiKey, (layout = computeLayout(schema, uiSchema, registry)));
  return layout ?? undefined;
}

export function isGridArray(schema: RJSFSchema, uiSchema: UiSchema | undefined, registry: AnyRegistry): boolean {
  return gridLayout(schema, uiSchema, registry) !== undefined;
}
