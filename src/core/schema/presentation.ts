import type { SchemaNode } from '../types';
import { inlineMarkdown } from './description-markdown';
import { hintsOf, removeHints } from './hints';
import { UNSAFE_KEY, isPlainObject } from './json';
import { humanizeKey, singularize } from './labels';
import type { FormUiSchema } from './ui-schema';

export interface SplitDefinition {
  schema: SchemaNode;
  uiSchema: FormUiSchema;
}

/**
 * Moves what the normalizer learned for display only out of the schema and into a
 * uiSchema keyed by property path, leaving `schema` plain draft-07. Works in place on
 * a freshly normalized tree.
 */
export function splitPresentation(schema: SchemaNode): SplitDefinition {
  const uiSchema = uiFor(schema, undefined);
  if (isPlainObject(schema.definitions)) {
    const definitions: Record<string, FormUiSchema> = {};
    for (const [name, definition] of Object.entries(schema.definitions)) {
      if (!isPlainObject(definition)) continue;
      const ui = uiFor(definition, undefined);
      if (Object.keys(ui).length > 0) definitions[`#/definitions/${name}`] = ui;
    }
    if (Object.keys(definitions).length > 0) uiSchema['ui:definitions'] = definitions;
  }
  return { schema, uiSchema };
}

const EMAIL_NAME = /(^|_)e-?mail(_address)?$/i;
const URL_NAME = /(^|_)(url|uri|website)$/i;
const TIMESTAMP_NAME = /(_at|_datetime|_timestamp)$/i;
const TIMESTAMP_DESCRIPTION = /\bISO[ -]?8601\b.*\b(timestamp|date[- ]?time|time)\b|\b(timestamp|date[- ]?time)\b.*\bISO[ -]?8601\b/i;

/**
 * An input that fits a text field: from its `format`, else from what its name or
 * description says (`contact_email`, `tracking_url`, "ISO 8601 timestamp"). Only the
 * input changes; validation stays what the schema says.
 */
function inputWidget(node: SchemaNode, key: string | undefined): string | undefined {
  if (node.type !== 'string' || Array.isArray(node.enum) || 'const' in node) return undefined;
  if (node.format === 'email') return 'email';
  if (node.format === 'uri' || node.format === 'url') return 'uri';
  if (node.format === 'date-time') return 'date-time';
  if (node.format !== undefined || node.pattern !== undefined || key === undefined) return undefined;
  if (EMAIL_NAME.test(key)) return 'email';
  if (URL_NAME.test(key)) return 'uri';
  const description = typeof node.description === 'string' ? node.description : '';
  if (TIMESTAMP_NAME.test(key) || TIMESTAMP_DESCRIPTION.test(description)) return 'date-time';
  return undefined;
}

/** Appended to a deprecated field's label (`ui:title`). */
export const DEPRECATED_SUFFIX = ' (deprecated)';

function fieldOrder(properties: SchemaNode): string[] | undefined {
  const freeForm: string[] = [];
  const deprecated: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (!isPlainObject(property)) continue;
    const hints = hintsOf(property);
    if (hints?.deprecated) deprecated.push(name);
    else if (hints?.freeForm) freeForm.push(name);
  }
  const last = [...freeForm, ...deprecated];
  return last.length > 0 ? ['*', ...last] : undefined;
}

/** A property named like an rjsf option (`ui:order`) cannot carry a field's own uiSchema. */
function canCarryUi(name: string): boolean {
  return name !== UNSAFE_KEY && !name.startsWith('ui:');
}

function isEmpty(ui: FormUiSchema): boolean {
  return Object.keys(ui).length === 0;
}

/** Field uiSchemas of `from` (not its own `ui:` options) merged into `into`. */
function mergeFieldUi(into: FormUiSchema, from: FormUiSchema): void {
  for (const [name, value] of Object.entries(from)) {
    if (name.startsWith('ui:') || !isPlainObject(value)) continue;
    const current = into[name];
    into[name] = isPlainObject(current) ? { ...(current as FormUiSchema), ...(value as FormUiSchema) } : (value as FormUiSchema);
  }
}

function uiFor(node: SchemaNode, key: string | undefined): FormUiSchema {
  const ui: FormUiSchema = {};
  const hints = hintsOf(node);
  removeHints(node);

  if (hints?.enumNames && Array.isArray(node.enum)) ui['ui:enumNames'] = hints.enumNames;
  if (hints?.deprecated) {
    const title = typeof node.title === 'string' ? node.title : key === undefined ? undefined : humanizeKey(key);
    if (title !== undefined) ui['ui:title'] = `${title}${DEPRECATED_SUFFIX}`;
  }
  if (typeof node.description === 'string') {
    const markdown = inlineMarkdown(node.description);
    if (markdown !== undefined) {
      ui['ui:description'] = markdown;
      ui['ui:enableMarkdownInDescription'] = true;
    }
  }
  const widget = inputWidget(node, key);
  if (widget !== undefined) ui['ui:widget'] = widget;

  if (isPlainObject(node.properties)) {
    const order = fieldOrder(node.properties);
    if (order) ui['ui:order'] = order;
    for (const [name, property] of Object.entries(node.properties)) {
      if (!isPlainObject(property)) continue;
      const fieldUi = uiFor(property, name);
      if (canCarryUi(name) && !isEmpty(fieldUi)) ui[name] = fieldUi;
    }
  }
  // rjsf merges `allOf` branches, the `then`/`else` that applies and triggered
  // `dependencies` into the object it renders: their fields' uiSchemas sit beside the object's own.
  const inPlace: unknown[] = [...(Array.isArray(node.allOf) ? node.allOf : []), node.then, node.else, ...(isPlainObject(node.dependencies) ? Object.values(node.dependencies) : [])];
  for (const branch of inPlace) if (isPlainObject(branch)) mergeFieldUi(ui, uiFor(branch, key));

  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = node[keyword];
    if (!Array.isArray(branches)) continue;
    const options = branches.map((branch) => (isPlainObject(branch) ? uiFor(branch, key) : {}));
    if (options.some((option) => !isEmpty(option))) ui[keyword] = options;
  }

  const itemKey = key === undefined ? undefined : singularize(key);
  if (Array.isArray(node.items)) {
    // A fixed tuple's positions would need a uiSchema each, which rjsf's types do not describe: hints only go.
    for (const item of node.items) if (isPlainObject(item)) uiFor(item, itemKey);
  } else if (isPlainObject(node.items)) {
    const items = uiFor(node.items, itemKey);
    if (!isEmpty(items)) ui.items = items;
  }
  if (isPlainObject(node.additionalProperties)) {
    const values = uiFor(node.additionalProperties, undefined);
    if (!isEmpty(values)) ui.additionalProperties = values;
  }
  // Positions never rendered still lose their hints.
  for (const keyword of ['not', 'if', 'contains', 'propertyNames', 'additionalItems'] as const) {
    if (isPlainObject(node[keyword])) uiFor(node[keyword] as SchemaNode, undefined);
  }
  return ui;
}
