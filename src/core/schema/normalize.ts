import type { SchemaNode } from '../types';
import { SchemaError } from './errors';
import { freeFormItems } from './free-form-items';
import { addHints } from './hints';
import { UNSAFE_KEY, deepEqual, hasOwn, isPlainObject, isSafeJson, stringArray } from './json';
import { humanizeKey, isHumanTitle, plainDescription, repeatsLabel, saysDeprecated, singularize } from './labels';
import { type JsonType, KEYWORD_TYPES, conformToType, keywordApplies, typesCompatible } from './json-types';
import { intersectSchemas } from './merge-schemas';
import { isPlaceholderValue } from './placeholders';
import { splitPresentation } from './presentation';
import { MAX_SCHEMA_DEPTH } from './resolve-refs';

export interface NormalizeOptions {
  /**
   * `PUT` drops every `default`: an update must only carry what the operator chose,
   * and a default would silently overwrite the record's real value.
   */
  method?: 'POST' | 'PUT';
}

/** What `toFormDefinition` also knows: the definitions that `$ref`s may point at. */
export interface NormalizeTreeOptions extends NormalizeOptions {
  definitionNames?: ReadonlySet<string>;
}

const JSON_TYPES = new Set<string>(['string', 'number', 'integer', 'boolean', 'object', 'array']);

/** Formats ajv-formats validates on strings. Anything else (`float`, `int32`, `binary`…) is an OpenAPI hint, not a constraint. */
const KNOWN_FORMATS = new Set([
  'date', 'time', 'date-time', 'iso-time', 'iso-date-time', 'duration', 'uri', 'uri-reference', 'uri-template', 'url',
  'email', 'hostname', 'ipv4', 'ipv6', 'regex', 'uuid', 'json-pointer', 'json-pointer-uri-fragment',
  'relative-json-pointer', 'byte',
]);

/** When an untyped schema uses keywords of several types, the first of these wins (a form field has one type). */
const INFERENCE_ORDER: JsonType[] = ['object', 'array', 'string', 'number'];

const COUNT_KEYWORDS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const;
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;

/** Keywords that never constrain a value. */
const ANNOTATION_KEYWORDS = new Set(['title', 'description', 'default', '$comment', 'nullable', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly']);

/** Accepts any value: nothing but annotations. */
function isEmptySchema(schema: SchemaNode): boolean {
  return Object.keys(schema).every((keyword) => ANNOTATION_KEYWORDS.has(keyword) || keyword.startsWith('x-'));
}

/**
 * A branch that accepts anything, as OpenAPI writes it: `{}`, or the
 * `{type: object, nullable: true}` of `anyOf: [{type: object, nullable: true}, {$ref}]`.
 */
function isUnconstrained(schema: SchemaNode): boolean {
  return Object.keys(schema).every((keyword) => ANNOTATION_KEYWORDS.has(keyword) || keyword.startsWith('x-') || (keyword === 'type' && schema.type === 'object'));
}

type Role = 'root' | 'property' | 'item' | 'branch' | 'value' | 'definition';

interface Context {
  options: NormalizeTreeOptions;
  /** Property name this node sits under, for labels. */
  key: string | undefined;
  role: Role;
  /** Type of the schema this one applies in place of (an `anyOf` branch sees its parent's type). */
  contextType: JsonType | undefined;
  /** Properties the enclosing object defines, which an in-place branch may require. */
  enclosing: ReadonlySet<string> | undefined;
  depth: number;
}

/**
 * Turns an inlined Trackstar schema into plain draft-07 that rjsf renders and ajv
 * compiles in strict mode: OpenAPI-isms removed, contradictions resolved to what
 * they mean, labels made human. Presentation (option labels, order, markdown,
 * inputs) is not part of the result; `toFormDefinition` returns it as a uiSchema.
 */
export function normalizeSchema(schema: SchemaNode, options: NormalizeOptions = {}): SchemaNode {
  return splitPresentation(normalizeTree(schema, options)).schema;
}

/** `normalizeSchema` with presentation hints left on the nodes for `splitPresentation`. */
export function normalizeTree(schema: SchemaNode, options: NormalizeTreeOptions, role: 'root' | 'definition' = 'root'): SchemaNode {
  const normalized = normalizeNode(schema, { options, key: undefined, role, contextType: undefined, enclosing: undefined, depth: 0 });
  return normalized ?? { not: {} };
}

/**
 * One schema node. `null` means nothing can satisfy it where it stands (`false`, a
 * type its context rules out, a body that must be `null`): the caller leaves that
 * property or branch out.
 *
 * Malformed keywords (a value of the wrong shape: `required: null`, `oneOf: {}`,
 * `minLength: -1`, a pattern JavaScript cannot compile) are dropped: each only
 * constrains, so dropping one lets the form accept what Trackstar then checks.
 * Keywords outside draft-07 are dropped too, except what is kept as presentation.
 */
function normalizeNode(input: unknown, context: Context): SchemaNode | null {
  if (context.depth > MAX_SCHEMA_DEPTH) {
    throw new SchemaError('too-large', `The schema nests more than ${MAX_SCHEMA_DEPTH} levels deep.`);
  }
  if (input === false) return null;
  const source: SchemaNode = isPlainObject(input) ? input : {};

  const declared = declaredType(source.type);
  // Write bodies are never null: a branch that only allows null is no option (a field that does is left untyped).
  if (declared === 'null' && context.role === 'branch') return null;
  let own = declared === 'null' ? undefined : declared;
  if (own !== undefined && context.contextType !== undefined) {
    if (!typesCompatible(own, context.contextType)) return null;
    if (context.contextType === 'integer') own = 'integer';
  }
  const type = own ?? context.contextType ?? inferType(source);

  const node: SchemaNode = {};
  if (own !== undefined || (type !== undefined && context.contextType === undefined)) node.type = type;
  const applies = (keyword: string) => KEYWORD_TYPES[keyword] === undefined || keywordApplies(KEYWORD_TYPES[keyword], type);

  // After `resolveRefs` the only references left point at the cycle definitions `toFormDefinition` places at the root.
  const definition = typeof source.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(source.$ref)?.[1] : undefined;
  if (definition !== undefined && context.options.definitionNames?.has(definition)) node.$ref = source.$ref;
  readValues(node, source, type);
  for (const keyword of COUNT_KEYWORDS) {
    const value = source[keyword];
    if (applies(keyword) && Number.isInteger(value) && (value as number) >= 0) node[keyword] = value;
  }
  if (type === 'number' || type === 'integer') {
    for (const keyword of NUMBER_KEYWORDS) if (Number.isFinite(source[keyword])) node[keyword] = source[keyword];
    if (Number.isFinite(source.multipleOf) && (source.multipleOf as number) > 0) node.multipleOf = source.multipleOf;
  }
  if (type === 'array' && typeof source.uniqueItems === 'boolean') node.uniqueItems = source.uniqueItems;
  if (type === 'string') {
    if (isUsablePattern(source.pattern)) node.pattern = source.pattern;
    if (typeof source.format === 'string' && KNOWN_FORMATS.has(source.format)) node.format = source.format;
  }

  const enclosing = enclosingProperties(source, context.enclosing);
  const dropped = new Set<string>();
  if (type === 'object') readObjectKeywords(node, source, context, dropped, enclosing);
  if (type === 'array') readArrayKeywords(node, source, context);
  readInPlaceKeywords(node, source, context, type, enclosing);

  let result = flattenAllOf(node, type);
  result = simplifyAlternatives(result, 'anyOf');
  result = simplifyAlternatives(result, 'oneOf');
  result = resolveContradictoryObject(result);
  // A merged branch may have given an untyped node its type (or narrowed number to integer).
  if (typeof result.type === 'string' && result.type !== type) conformToType(result, result.type as JsonType);
  if ((type ?? result.type) === 'object') settleRequired(result, source, dropped, context.enclosing);
  normalizeDefault(result, source, context);
  normalizeAnnotations(result, source, context);
  return result;
}

function declaredType(value: unknown): JsonType | 'null' | undefined {
  const listed = (Array.isArray(value) ? value : [value]).filter((type): type is string => typeof type === 'string' && (JSON_TYPES.has(type) || type === 'null'));
  const types = [...new Set(listed)];
  if (types.length === 0) return undefined;
  const nonNull = types.filter((type) => type !== 'null') as JsonType[];
  // `type: [T, "null"]`: bodies are never null, so null is not an option. A union of
  // several types renders as its first one (a form field has one input), so it validates as that.
  return nonNull[0] ?? 'null';
}

function valueType(value: unknown): JsonType | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Number.isInteger(value)) return 'integer';
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value)) return 'array';
  if (isPlainObject(value)) return 'object';
  return undefined;
}

/** The type an untyped schema means: from its type-specific keywords, else from its `enum`/`const` values. */
function inferType(source: SchemaNode): JsonType | undefined {
  const used = new Set(Object.keys(source).map((keyword) => KEYWORD_TYPES[keyword]).filter((type) => type !== undefined));
  const fromKeywords = INFERENCE_ORDER.find((type) => used.has(type));
  if (fromKeywords) return fromKeywords;
  const values = Array.isArray(source.enum) ? source.enum.filter((value) => value !== null) : hasOwn(source, 'const') ? [source.const] : [];
  const types = new Set(values.map(valueType));
  if (types.size === 1) {
    const [only] = types;
    return only === 'array' || only === 'object' ? undefined : only;
  }
  if (types.size === 2 && types.has('integer') && types.has('number')) return 'number';
  return undefined;
}

function matchesType(value: unknown, type: JsonType | undefined): boolean {
  if (type === undefined) return true;
  const actual = valueType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** `enum` (with its `enumNames` labels, kept aligned), `const`. */
function readValues(node: SchemaNode, source: SchemaNode, type: JsonType | undefined): void {
  if (hasOwn(source, 'const') && isSafeJson(source.const) && source.const !== null && matchesType(source.const, type)) {
    node.const = source.const;
  }
  if (!Array.isArray(source.enum)) return;
  // `enumNames: []` would label every option blank; only a full list of names is usable.
  const labels =
    Array.isArray(source.enumNames) &&
    source.enumNames.length === source.enum.length &&
    source.enumNames.every((name) => typeof name === 'string' && name.trim() !== '')
      ? (source.enumNames as string[])
      : undefined;
  const values: unknown[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  source.enum.forEach((value, index) => {
    if (value === null || !isSafeJson(value) || !matchesType(value, type)) return;
    const identity = JSON.stringify(value);
    if (seen.has(identity)) return;
    seen.add(identity);
    values.push(value);
    if (labels) names.push(labels[index]!.trim());
  });
  if (values.length === 0) return;
  node.enum = values;
  if (labels && names.some((name, index) => name !== String(values[index]))) addHints(node, { enumNames: names });
}

/** ajv compiles patterns in unicode mode and rejects `\Z` as a regex; either would break the whole form, so only that constraint goes. */
function isUsablePattern(pattern: unknown): pattern is string {
  if (typeof pattern !== 'string' || /[^\\]\\Z/.test(pattern)) return false;
  try {
    new RegExp(pattern);
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Property names an in-place branch of `source` may require: its own, its branches', and its enclosing object's. */
function enclosingProperties(source: SchemaNode, outer: ReadonlySet<string> | undefined): Set<string> {
  const names = new Set(outer);
  const collect = (schema: unknown) => {
    if (isPlainObject(schema) && isPlainObject(schema.properties)) for (const name of Object.keys(schema.properties)) names.add(name);
  };
  collect(source);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(source[keyword])) (source[keyword] as unknown[]).forEach(collect);
  }
  for (const keyword of ['then', 'else'] as const) collect(source[keyword]);
  if (isPlainObject(source.dependencies)) Object.values(source.dependencies).forEach(collect);
  names.delete(UNSAFE_KEY);
  return names;
}

function child(context: Context, role: Role, key: string | undefined, contextType: JsonType | undefined, enclosing?: ReadonlySet<string>): Context {
  return { options: context.options, key, role, contextType, enclosing, depth: context.depth + 1 };
}

function readObjectKeywords(node: SchemaNode, source: SchemaNode, context: Context, dropped: Set<string>, enclosing: ReadonlySet<string>): void {
  if (isPlainObject(source.properties)) {
    const properties: SchemaNode = {};
    for (const name of Object.keys(source.properties)) {
      if (name === UNSAFE_KEY) continue;
      const normalized = normalizeNode(source.properties[name], child(context, 'property', name, undefined));
      if (normalized === null) dropped.add(name);
      else properties[name] = normalized;
    }
    node.properties = properties;
  }
  const hasPatterns = isPlainObject(source.patternProperties) && Object.keys(source.patternProperties).length > 0;
  // `patternProperties` is dropped: a form cannot offer fields for a pattern, and strict ajv tests every pattern
  // against every property name when compiling (a pathological pattern hangs it). `additionalProperties` beside
  // it is dropped as well, so keys the patterns allowed are not rejected.
  if (!hasPatterns) {
    if (source.additionalProperties === false) node.additionalProperties = false;
    else if (isPlainObject(source.additionalProperties)) {
      const values = normalizeNode(source.additionalProperties, child(context, 'value', undefined, undefined));
      node.additionalProperties = values ?? false;
    }
  }
  if (isPlainObject(source.dependencies)) {
    const dependencies: SchemaNode = {};
    for (const name of Object.keys(source.dependencies)) {
      if (name === UNSAFE_KEY) continue;
      const value = source.dependencies[name];
      if (Array.isArray(value)) {
        const names = [...new Set(stringArray(value).filter((entry) => entry !== UNSAFE_KEY))];
        if (names.length > 0) dependencies[name] = names;
      } else if (value === true || isPlainObject(value)) {
        const normalized = normalizeNode(value, child(context, 'branch', undefined, 'object', enclosing));
        if (normalized !== null && !isEmptySchema(normalized)) dependencies[name] = normalized;
      }
    }
    if (Object.keys(dependencies).length > 0) node.dependencies = dependencies;
  }
  if (source.propertyNames === true || isPlainObject(source.propertyNames)) {
    const names = normalizeNode(source.propertyNames, child(context, 'value', undefined, 'string'));
    if (names !== null && !isEmptySchema(names)) node.propertyNames = names;
  }
}

function readArrayKeywords(node: SchemaNode, source: SchemaNode, context: Context): void {
  const itemKey = context.key === undefined ? undefined : singularize(context.key);
  const item = (schema: unknown) => normalizeNode(schema, child(context, 'item', itemKey, undefined));
  const tuple = Array.isArray(source.items) && source.items.length > 0 ? source.items : undefined;
  if (tuple) {
    const length = tuple.length;
    const closed = node.minItems === length && (node.maxItems === length || source.additionalItems === false);
    if (closed) {
      node.items = tuple.map((schema) => item(schema) ?? {});
      if (node.maxItems !== length) node.additionalItems = false;
      return;
    }
    // strict ajv (strictTuples) accepts only closed tuples; an open one becomes a list of any of its shapes.
    const extra = source.additionalItems === true || isPlainObject(source.additionalItems) ? [source.additionalItems] : [];
    const items = item({ anyOf: [...tuple, ...extra] });
    if (items) node.items = items;
    return;
  }
  if (source.items === false) {
    node.maxItems = 0;
    return;
  }
  const items = isPlainObject(source.items) ? source.items : {};
  if (!isEmptySchema(items)) {
    node.items = item(items) ?? {};
  } else if (context.role !== 'branch') {
    // `items: {}` (e.g. `trackstar_tags`) accepts anything, which no widget can edit: read from the list's
    // description what it holds. (In a branch, saying nothing about items constrains nothing: the field does.)
    node.items = item(freeFormItems(source.description, items));
    addHints(node, { freeForm: true });
  }
  if (isPlainObject(source.contains) || source.contains === true) {
    const contains = normalizeNode(source.contains, child(context, 'value', undefined, undefined));
    if (contains !== null) node.contains = contains;
  }
}

/** `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`: schemas that apply to this same value. */
function readInPlaceKeywords(node: SchemaNode, source: SchemaNode, context: Context, type: JsonType | undefined, enclosing: ReadonlySet<string>): void {
  const branch = (schema: unknown) => normalizeNode(schema, child(context, 'branch', undefined, type, enclosing));
  const extraAllOf: SchemaNode[] = [];
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = source[keyword];
    if (!Array.isArray(branches)) continue;
    const normalized = branches
      .filter((schema) => schema === true || schema === false || isPlainObject(schema))
      .map(branch)
      .filter((schema): schema is SchemaNode => schema !== null);
    // Branches that can never hold are left out; when none is left, so is the keyword (the form accepts what Trackstar then checks).
    if (normalized.length > 0) node[keyword] = normalized;
  }
  if (isPlainObject(source.not) || source.not === true) {
    const not = branch(source.not);
    // `not` of something that can never hold here is always satisfied; `not: {}` forbids everything, which no form can fill.
    if (not !== null && !isEmptySchema(not)) node.not = not;
  }
  const hasIf = isPlainObject(source.if) || typeof source.if === 'boolean';
  const hasThenOrElse = ['then', 'else'].some((keyword) => isPlainObject(source[keyword]) || typeof source[keyword] === 'boolean');
  if (hasIf && hasThenOrElse) {
    const condition = branch(source.if);
    const then = isPlainObject(source.then) || typeof source.then === 'boolean' ? branch(source.then) : undefined;
    const otherwise = isPlainObject(source.else) || typeof source.else === 'boolean' ? branch(source.else) : undefined;
    if (condition === null) {
      if (otherwise) extraAllOf.push(otherwise);
    } else if (isEmptySchema(condition)) {
      if (then) extraAllOf.push(then);
    } else if ((then && !isEmptySchema(then)) || (otherwise && !isEmptySchema(otherwise))) {
      node.if = condition;
      if (then && !isEmptySchema(then)) node.then = then;
      if (otherwise && !isEmptySchema(otherwise)) node.else = otherwise;
    }
  }
  const extra = extraAllOf.filter((schema) => !isEmptySchema(schema));
  if (extra.length > 0) node.allOf = [...(Array.isArray(node.allOf) ? node.allOf : []), ...extra];
}

function isMergeable(branches: unknown[], type: JsonType | undefined): branches is SchemaNode[] {
  if (!branches.every(isPlainObject)) return false;
  const declared = new Set((branches as SchemaNode[]).map((branch) => branch.type).filter((value) => value !== undefined));
  if (type !== undefined) return true;
  return declared.size <= 1 || (declared.size === 2 && declared.has('integer') && declared.has('number'));
}

/**
 * `allOf: [{$ref: X}]` with a sibling `description` is how OpenAPI 3.0 annotates a
 * reference, and `allOf` of shapes is how it composes them: the branches are
 * intersected into one schema (see `intersectSchemas`), so rjsf renders one field and
 * nothing a branch said is lost. Branches of incompatible types stay an `allOf`.
 */
function flattenAllOf(node: SchemaNode, type: JsonType | undefined): SchemaNode {
  const branches = node.allOf;
  if (!Array.isArray(branches)) return node;
  // Object rest copies the node's presentation hints (a symbol key) along.
  const { allOf: _allOf, ...rest } = node;
  if (!isMergeable(branches, type)) return node;
  let merged: SchemaNode = {};
  for (const branch of branches) merged = intersectSchemas(merged, branch);
  // The wrapper's own keywords are more specific (a description written for this use).
  return intersectSchemas(merged, rest);
}

function simplifyAlternatives(node: SchemaNode, keyword: 'anyOf' | 'oneOf'): SchemaNode {
  const branches = node[keyword];
  if (!Array.isArray(branches)) return node;
  let kept = branches as SchemaNode[];
  // A branch that accepts anything (`{}`, or `{type: object, nullable: true}` beside a `$ref`) hides the real
  // shapes from the form and from validation.
  if (kept.some((branch) => !isUnconstrained(branch))) kept = kept.filter((branch) => !isUnconstrained(branch));
  const { [keyword]: _dropped, ...rest } = node;
  if (kept.length === 0 || kept.some(isUnconstrained)) return rest;
  if (kept.length === 1) return intersectSchemas(kept[0]!, rest);
  return { ...rest, [keyword]: kept };
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

/**
 * `required` names only what can be there: its own properties, or (in a branch such
 * as `anyOf: [{required: [a]}, {required: [b]}]`) properties of the enclosing object,
 * which the branch then lists as `{}` (strict ajv wants every required name defined
 * beside it; `{}` adds no constraint and renders nothing). A required name the schema
 * never defines cannot be offered as a field and is dropped, as are names whose
 * schema can never hold and names an `additionalProperties: false` object forbids.
 */
function settleRequired(node: SchemaNode, source: SchemaNode, dropped: ReadonlySet<string>, enclosing: ReadonlySet<string> | undefined): void {
  const names = [...new Set([...stringArray(source.required), ...stringArray(node.required)])].filter((name) => name !== UNSAFE_KEY && !dropped.has(name));
  const properties = isPlainObject(node.properties) ? node.properties : undefined;
  const required: string[] = [];
  for (const name of names) {
    if (properties && hasOwn(properties, name)) {
      required.push(name);
    } else if (node.additionalProperties !== false && enclosing?.has(name)) {
      node.properties = { ...node.properties as SchemaNode, [name]: {} };
      required.push(name);
    }
  }
  if (required.length > 0) node.required = required;
  else delete node.required;
}

/** A default is kept only where it is one of the field's own valid values, and never on an update. */
function normalizeDefault(node: SchemaNode, source: SchemaNode, context: Context): void {
  // A default may also have come in with a merged branch; it is checked against the merged field.
  const value = hasOwn(source, 'default') ? source.default : node.default;
  delete node.default;
  if (value === undefined || context.options.method === 'PUT') return;
  const type = typeof node.type === 'string' ? (node.type as JsonType) : context.contextType;
  const keep =
    value !== null &&
    isSafeJson(value) &&
    !isPlaceholderValue(value) &&
    matchesType(value, type) &&
    (!Array.isArray(node.enum) || node.enum.some((option) => deepEqual(option, value))) &&
    (!hasOwn(node, 'const') || deepEqual(node.const, value));
  if (keep) node.default = value;
}

/**
 * `source.title` is the title the node arrived with. A title that came in through a
 * merged branch was already made readable, but it names the shape ("Product
 * measurements"), not the field, so the property name wins over it.
 */
function normalizeAnnotations(node: SchemaNode, source: SchemaNode, context: Context): void {
  const ownTitle = source.title;
  if (context.role === 'root') {
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
  const description = plainDescription(typeof source.description === 'string' ? source.description : node.description);
  const title = typeof node.title === 'string' ? node.title : undefined;
  if (description === undefined || repeatsLabel(description, title, context.key)) delete node.description;
  else node.description = description;
  if (context.role === 'property' && (source.deprecated === true || saysDeprecated(description, context.key))) addHints(node, { deprecated: true });
}
