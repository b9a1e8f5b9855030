import type { SchemaNode } from '../types';
import { isPlainObject } from './json';
import { humanizeKey, isHumanTitle, plainDescription, singularize } from './labels';
import { isPlaceholderValue } from './placeholders';

export interface NormalizeOptions {
  /**
   * `PUT` drops every `default`: an update must only carry what the operator chose,
   * and a default would silently overwrite the record's real value.
   */
  method?: 'POST' | 'PUT';
}

/** Formats ajv-formats validates. Anything else (`float`, `int32`, `binary`…) is an OpenAPI hint, not a constraint. */
const KNOWN_FORMATS = new Set([
  'date', 'time', 'date-time', 'iso-time', 'iso-date-time', 'duration', 'uri', 'uri-reference', 'uri-template', 'url',
  'email', 'hostname', 'ipv4', 'ipv6', 'regex', 'uuid', 'json-pointer', 'json-pointer-uri-fragment',
  'relative-json-pointer', 'byte',
]);

/** Keywords with no meaning in draft-07 (or none for a form), which strict validators reject or warn about. */
const DROPPED_KEYWORDS = new Set([
  'nullable', 'example', 'examples', 'discriminator', 'xml', 'externalDocs', 'deprecated', '$schema', '$id',
  'enumNames', 'has_connection_specific_fields', 'required_fields', 'readOnly', 'writeOnly', 'contentMediaType',
  'contentEncoding', '$defs',
]);

/** Keywords that never constrain a value: a branch made only of these accepts anything. */
const ANNOTATION_KEYWORDS = new Set(['title', 'description', 'default', '$comment', 'nullable', 'example', 'examples', 'deprecated']);

interface Context {
  options: NormalizeOptions;
  /** Property name this node sits under, for labels. */
  key: string | undefined;
  isRoot: boolean;
}

/**
 * Turns an inlined Trackstar schema into plain draft-07 that rjsf renders and ajv
 * compiles without warnings: OpenAPI-isms removed, contradictions resolved to what
 * they mean, labels made human.
 */
export function normalizeSchema(schema: SchemaNode, options: NormalizeOptions = {}): SchemaNode {
  return normalizeNode(schema, { options, key: undefined, isRoot: true }) as SchemaNode;
}

export function normalizeDefinitions(definitions: Record<string, SchemaNode>, options: NormalizeOptions = {}): Record<string, SchemaNode> {
  const out: Record<string, SchemaNode> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    out[name] = normalizeNode(definition, { options, key: undefined, isRoot: false }) as SchemaNode;
  }
  return out;
}

function normalizeNode(input: unknown, context: Context): unknown {
  if (typeof input === 'boolean') return input;
  if (!isPlainObject(input)) return {};

  let node: SchemaNode = {};
  for (const [keyword, value] of Object.entries(input)) {
    if (DROPPED_KEYWORDS.has(keyword) || keyword.startsWith('x-')) continue;
    node[keyword] = value;
  }
  node = convertEnumNames(node, input.enumNames);

  node = normalizeType(node);
  node = flattenAllOf(node, context);
  node = simplifyAlternatives(node, 'anyOf', context);
  node = simplifyAlternatives(node, 'oneOf', context);
  node = resolveContradictoryObject(node);

  if (isPlainObject(node.properties)) {
    const properties: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(node.properties)) {
      properties[name] = normalizeNode(child, { ...context, key: name, isRoot: false });
    }
    node.properties = properties;
    if (node.type === undefined && node.oneOf === undefined && node.anyOf === undefined) node.type = 'object';
  }
  if (Array.isArray(node.required)) {
    const names = isPlainObject(node.properties) ? new Set(Object.keys(node.properties)) : undefined;
    // With additionalProperties false, requiring a property the schema does not define can never be satisfied.
    const keep = (name: unknown): name is string =>
      typeof name === 'string' && (names === undefined || node.additionalProperties !== false || names.has(name));
    const required = [...new Set(node.required.filter(keep))];
    if (required.length > 0) node.required = required;
    else delete node.required;
  }
  if (isPlainObject(node.additionalProperties)) {
    node.additionalProperties = normalizeNode(node.additionalProperties, { ...context, key: undefined, isRoot: false });
  }
  if (isPlainObject(node.patternProperties)) {
    const patternProperties: Record<string, unknown> = {};
    for (const [pattern, child] of Object.entries(node.patternProperties)) {
      patternProperties[pattern] = normalizeNode(child, { ...context, key: undefined, isRoot: false });
    }
    node.patternProperties = patternProperties;
  }

  if (node.type === 'array' || 'items' in node) {
    node = normalizeItems(node, context);
  }
  for (const keyword of ['not', 'if', 'then', 'else', 'contains', 'propertyNames'] as const) {
    if (keyword in node) node[keyword] = normalizeNode(node[keyword], { ...context, isRoot: false });
  }

  normalizeEnum(node);
  normalizeFormat(node);
  normalizePattern(node);
  normalizeDefault(node, context);
  normalizeAnnotations(node, input.title, context);
  return node;
}

/** OpenAPI 3.1 / JSON Schema 2020 `type: ["string", "null"]`: write bodies are never null, so null is not an option. */
function normalizeType(node: SchemaNode): SchemaNode {
  if (Array.isArray(node.type)) {
    const types = node.type.filter((type) => type !== 'null');
    if (types.length === 0) delete node.type;
    else node.type = types.length === 1 ? types[0] : types;
  } else if (node.type === 'null') {
    delete node.type;
  }
  return node;
}

function isNullOnly(branch: unknown): boolean {
  return isPlainObject(branch) && (branch.type === 'null' || (Array.isArray(branch.type) && branch.type.every((type) => type === 'null')));
}

/**
 * A branch that accepts anything: `{}`, or `{"type": "object", "nullable": true}` in
 * `anyOf: [{type: object, nullable: true}, {$ref: ...}]`. Beside a real shape it only
 * hides that shape from the form and from validation.
 */
function isUnconstrained(branch: unknown): boolean {
  if (branch === true) return true;
  if (!isPlainObject(branch)) return false;
  return Object.keys(branch).every(
    (keyword) => ANNOTATION_KEYWORDS.has(keyword) || (keyword === 'type' && branch.type === 'object') || keyword.startsWith('x-'),
  );
}

function simplifyAlternatives(node: SchemaNode, keyword: 'anyOf' | 'oneOf', context: Context): SchemaNode {
  const branches = node[keyword];
  if (!Array.isArray(branches)) return node;
  let kept = branches.filter((branch) => !isNullOnly(branch));
  if (kept.some((branch) => !isUnconstrained(branch))) kept = kept.filter((branch) => !isUnconstrained(branch));
  const normalized = kept.map((branch) => normalizeNode(branch, { ...context, key: undefined, isRoot: false }));
  const { [keyword]: _dropped, ...rest } = node;
  if (normalized.length === 0) return rest;
  if (normalized.length === 1) {
    const only = normalized[0];
    if (!isPlainObject(only)) return rest;
    return mergeInto(only, rest);
  }
  return { ...rest, [keyword]: normalized };
}

/**
 * `allOf: [{$ref: X}]` with a sibling `description` is how OpenAPI 3.0 annotates a
 * reference. Merge the branches into one object schema when they agree on `type`,
 * so rjsf renders one field and not a composition.
 */
function flattenAllOf(node: SchemaNode, context: Context): SchemaNode {
  if (!Array.isArray(node.allOf)) return node;
  const branches = node.allOf.map((branch) => normalizeNode(branch, { ...context, key: undefined, isRoot: false }));
  const { allOf: _allOf, ...rest } = node;
  if (!branches.every(isPlainObject)) return { ...rest, allOf: branches };
  const types = new Set(
    [rest, ...branches].map((branch) => branch.type).filter((type): type is string => typeof type === 'string'),
  );
  if (types.size > 1) return { ...rest, allOf: branches };
  let merged: SchemaNode = {};
  for (const branch of branches) merged = mergeSchemas(merged, branch);
  return mergeInto(merged, rest);
}

/** Merges two object schemas: properties and required are unioned, other keywords from `b` win. */
function mergeSchemas(a: SchemaNode, b: SchemaNode): SchemaNode {
  const merged: SchemaNode = { ...a, ...b };
  if (isPlainObject(a.properties) && isPlainObject(b.properties)) merged.properties = { ...a.properties, ...b.properties };
  if (Array.isArray(a.required) || Array.isArray(b.required)) {
    merged.required = [...new Set([...(Array.isArray(a.required) ? a.required : []), ...(Array.isArray(b.required) ? b.required : [])])];
  }
  return merged;
}

/** The referenced shape plus the wrapper's own keywords, which are more specific (a description written for this use). */
function mergeInto(target: SchemaNode, wrapper: SchemaNode): SchemaNode {
  const merged = mergeSchemas(target, wrapper);
  // An empty `properties: {}` on the wrapper must not erase the target's properties.
  if (isPlainObject(wrapper.properties) && Object.keys(wrapper.properties).length === 0 && isPlainObject(target.properties)) {
    merged.properties = target.properties;
  }
  return merged;
}

/**
 * `SupplierSchema`/`ChannelSchema` declare `properties: {}` and
 * `additionalProperties: false` beside a `oneOf` of their real shapes. Read literally,
 * nothing but `{}` is valid. What they mean is "one of these shapes".
 */
function resolveContradictoryObject(node: SchemaNode): SchemaNode {
  const alternatives = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined;
  if (!alternatives || alternatives.length === 0) return node;
  const ownProperties = isPlainObject(node.properties) ? Object.keys(node.properties) : [];
  if (ownProperties.length > 0 || node.additionalProperties !== false) return node;
  const { properties: _properties, additionalProperties: _additional, ...rest } = node;
  return rest;
}

function normalizeItems(node: SchemaNode, context: Context): SchemaNode {
  if (node.type === undefined) node.type = 'array';
  const itemKey = context.key === undefined ? undefined : singularize(context.key);
  if (Array.isArray(node.items)) {
    node.items = node.items.map((item) => normalizeNode(item, { ...context, key: itemKey, isRoot: false }));
    return node;
  }
  const items = isPlainObject(node.items) ? node.items : {};
  // `items: {}` (e.g. `trackstar_tags`) accepts anything, which no widget can edit; a form collects text.
  const editable = isUnconstrained(items) ? { ...items, type: 'string' } : items;
  node.items = normalizeNode(editable, { ...context, key: itemKey, isRoot: false });
  return node;
}

function convertEnumNames(node: SchemaNode, enumNames: unknown): SchemaNode {
  // `enumNames: []` would label every option blank; only a full list of names is usable.
  if (!Array.isArray(node.enum) || !Array.isArray(enumNames) || enumNames.length !== node.enum.length) return node;
  if (!enumNames.every((name) => typeof name === 'string' && name.trim() !== '')) return node;
  const { enum: values, ...rest } = node;
  return {
    ...rest,
    oneOf: (values as unknown[]).map((value, index) => ({ const: value, title: enumNames[index] as string })),
  };
}

function normalizeEnum(node: SchemaNode): void {
  if (!Array.isArray(node.enum)) return;
  const values = [...new Map(node.enum.filter((value) => value !== null).map((value) => [JSON.stringify(value), value])).values()];
  if (values.length === 0) delete node.enum;
  else node.enum = values;
  if (node.type === undefined && node.enum !== undefined) {
    const types = new Set((node.enum as unknown[]).map((value) => (Number.isInteger(value) ? 'integer' : typeof value)));
    if (types.size === 1) {
      const [type] = types;
      if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') node.type = type;
    }
  }
}

function normalizeFormat(node: SchemaNode): void {
  if (node.format === undefined) return;
  if (typeof node.format !== 'string' || !KNOWN_FORMATS.has(node.format) || node.type !== 'string') delete node.format;
}

/** A pattern JavaScript cannot compile in unicode mode (as ajv does) would break the whole form; drop that one constraint. */
function normalizePattern(node: SchemaNode): void {
  if (node.pattern === undefined) return;
  if (typeof node.pattern !== 'string') {
    delete node.pattern;
    return;
  }
  try {
    new RegExp(node.pattern, 'u');
  } catch {
    delete node.pattern;
  }
}

function matchesType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    default:
      return type === undefined;
  }
}

function normalizeDefault(node: SchemaNode, context: Context): void {
  if (!('default' in node)) return;
  const keep =
    context.options.method !== 'PUT' &&
    node.default !== null &&
    !isPlaceholderValue(node.default) &&
    matchesType(node.default, node.type) &&
    (!Array.isArray(node.enum) || node.enum.some((value) => value === node.default));
  if (!keep) delete node.default;
}

/**
 * `ownTitle` is the title the node arrived with. A title that came in through a merged
 * branch was already made readable, but it names the shape ("Product measurements"),
 * not the field, so the property name wins over it.
 */
function normalizeAnnotations(node: SchemaNode, ownTitle: unknown, context: Context): void {
  if (context.isRoot) {
    delete node.title;
  } else if (isHumanTitle(ownTitle, context.key)) {
    node.title = ownTitle.trim();
  } else if (context.key !== undefined) {
    node.title = humanizeKey(context.key);
  } else if (typeof ownTitle === 'string' && ownTitle.trim() !== '') {
    node.title = humanizeKey(ownTitle);
  } else if (typeof node.title !== 'string' || node.title.trim() === '') {
    delete node.title;
  }
  const description = plainDescription(node.description);
  if (description === undefined) delete node.description;
  else node.description = description;
}
