/**
 * What validation found, worded for the operator: each problem names its field's
 * label ("Quantity is required."), says where the field is ("Line item 2 › Quantity")
 * and comes in the order the fields appear on screen, so the summary reads like the
 * form. The validator itself is pluggable (ajv, or one that runs under a strict CSP);
 * this module only needs each issue's path, keyword and parameters.
 */
import { type Formatters, type TrackstarMessages, createFormatters, englishMessages } from '../messages';
import { isPlaceholderEnum, placeholderHint } from '../schema/placeholders';
import { humanizeKey, singularize } from '../schema/labels';
import type { SchemaNode } from '../types';
import { type ErrorTree, addErrors } from './error-tree';

/** One failed keyword at one place in the body, as any JSON Schema validator can report it. */
export interface ValidationIssue {
  /** Where the offending value is (for `required`: where the missing property would be). */
  path: string[];
  keyword: string;
  params: Readonly<Record<string, unknown>>;
  /** The validator's own message, used when the catalogue does not word this keyword. */
  message: string;
}

export interface ValidationProblem {
  path: string[];
  /** Where the field is, for a person: "Line item 2 › Quantity". */
  location: string;
  /** The sentence shown next to the field: "Quantity is required." */
  message: string;
  /** The same sentence with the full location, for the summary: "Line item 2 › Quantity is required." */
  summary: string;
}

export type UiSchemaNode = { [key: string]: unknown };

const isIndex = (segment: string) => /^\d+$/.test(segment);

function asNode(value: unknown): SchemaNode | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SchemaNode) : undefined;
}

/** Follows a local `#/definitions/…` reference (the form's cycles), at most a few hops. */
function dereference(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; hops < 8 && current && typeof current.$ref === 'string'; hops += 1) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return current;
    let target: unknown = root;
    for (const token of ref.slice(2).split('/')) target = asNode(target)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')];
    const { $ref: _ref, ...siblings } = current;
    current = asNode(target) ? { ...(target as SchemaNode), ...siblings } : undefined;
  }
  return current;
}

/** The schema of `segment` inside `parent`, looking through compositions; `undefined` when the path leaves the schema. */
export function childSchema(root: SchemaNode, parent: SchemaNode | undefined, segment: string): SchemaNode | undefined {
  const node = dereference(root, parent);
  if (!node) return undefined;
  if (isIndex(segment)) {
    if (Array.isArray(node.items)) return dereference(root, asNode(node.items[Number(segment)]) ?? asNode(node.additionalItems));
    const items = asNode(node.items);
    if (items) return dereference(root, items);
  }
  const properties = asNode(node.properties);
  if (properties && Object.prototype.hasOwnProperty.call(properties, segment)) return dereference(root, asNode(properties[segment]));
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const branches = node[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const found = childSchema(root, asNode(branch), segment);
      if (found) return found;
    }
  }
  for (const keyword of ['then', 'else'] as const) {
    const found = asNode(node[keyword]) && childSchema(root, asNode(node[keyword]), segment);
    if (found) return found;
  }
  return dereference(root, asNode(node.additionalProperties));
}

/** The schema at each step of a data path, or `undefined` where the path leaves the schema (an unknown field). */
export function schemasAlongPath(root: SchemaNode, path: readonly string[]): SchemaNode[] | undefined {
  const steps: SchemaNode[] = [];
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    node = childSchema(root, node, segment);
    if (!node) return undefined;
    steps.push(node);
  }
  return steps;
}

function uiAt(uiSchema: UiSchemaNode | undefined, segment: string, parent: SchemaNode | undefined): UiSchemaNode | undefined {
  if (!uiSchema) return undefined;
  const isItem = isIndex(segment) && parent !== undefined && (parent.type === 'array' || 'items' in parent);
  return asNode(isItem ? uiSchema.items : uiSchema[segment]) as UiSchemaNode | undefined;
}

function uiTitle(ui: UiSchemaNode | undefined): string | undefined {
  const options = asNode(ui?.['ui:options']);
  const title = ui?.['ui:title'] ?? options?.title;
  return typeof title === 'string' && title.trim() !== '' ? title : undefined;
}

export interface FieldLabeler {
  /** The field's own label: "Quantity", or "Line item 2" for a row. */
  label(path: readonly string[]): string;
  /** Every label from the root: "Line item 2 › Quantity". */
  location(path: readonly string[]): string;
}

export function createFieldLabeler(
  schema: SchemaNode,
  uiSchema: UiSchemaNode | undefined,
  messages: TrackstarMessages = englishMessages,
  formatters: Formatters = createFormatters(),
): FieldLabeler {
  const parts = (path: readonly string[]): string[] => {
    const out: string[] = [];
    let node: SchemaNode | undefined = schema;
    let ui = uiSchema;
    let parentKey: string | undefined;
    for (const segment of path) {
      const parent = dereference(schema, node);
      const child = childSchema(schema, node, segment);
      const childUi = uiAt(ui, segment, parent);
      const title = uiTitle(childUi) ?? (typeof child?.title === 'string' ? child.title : undefined);
      if (isIndex(segment) && parent && (parent.type === 'array' || 'items' in parent)) {
        // "Line item 2" replaces "Line items": the row says which list it is in.
        const listTitle = out.pop() ?? (parentKey ? humanizeKey(parentKey) : 'Item');
        const item = title ?? singularize(listTitle);
        out.push(messages.rowLabel({ item, number: formatters.rowNumber(Number(segment) + 1) }));
      } else {
        out.push(title ?? humanizeKey(segment));
      }
      node = child;
      ui = childUi;
      parentKey = segment;
    }
    return out;
  };
  return {
    label: (path) => parts(path).at(-1) ?? '',
    location: (path) => {
      const labels = parts(path);
      return labels.length > 0 ? labels.join(' › ') : '';
    },
  };
}

/** Property names in the order rjsf renders them: `ui:order` (with `*` for the rest), else the schema's order. */
export function orderedPropertyNames(node: SchemaNode | undefined, ui: UiSchemaNode | undefined): string[] {
  const names = Object.keys(asNode(node?.properties) ?? {});
  const order = ui?.['ui:order'] ?? asNode(ui?.['ui:options'])?.order;
  if (!Array.isArray(order)) return names;
  const listed = order.filter((name): name is string => typeof name === 'string' && name !== '*' && names.includes(name));
  const rest = names.filter((name) => !listed.includes(name));
  const star = order.indexOf('*');
  return star < 0 ? [...listed, ...rest] : [...listed.slice(0, star), ...rest, ...listed.slice(star)];
}

/** Compares two data paths by where their fields appear on screen. */
export function createFieldOrder(schema: SchemaNode, uiSchema: UiSchemaNode | undefined): (a: readonly string[], b: readonly string[]) => number {
  return (a, b) => {
    let node: SchemaNode | undefined = schema;
    let ui = uiSchema;
    for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
      const left = a[index]!;
      const right = b[index]!;
      const parent = dereference(schema, node);
      if (left !== right) {
        if (isIndex(left) && isIndex(right)) return Number(left) - Number(right);
        const names = orderedPropertyNames(parent, ui);
        const rank = (name: string) => (names.includes(name) ? names.indexOf(name) : Number.MAX_SAFE_INTEGER);
        return rank(left) - rank(right) || (left < right ? -1 : 1);
      }
      node = childSchema(schema, node, left);
      ui = uiAt(ui, left, parent);
    }
    // A group's own message comes before the messages of the fields inside it.
    return a.length - b.length;
  };
}

export interface DescribeIssuesOptions {
  schema: SchemaNode;
  uiSchema?: UiSchemaNode | undefined;
  messages?: TrackstarMessages | undefined;
  formatters?: Formatters | undefined;
}

function limitOf(params: Readonly<Record<string, unknown>>): unknown {
  return params.limit ?? params.multipleOf;
}

/** The problems, worded and in on-screen order, and the same messages as a tree for the fields. */
export function describeValidationIssues(
  issues: readonly ValidationIssue[],
  options: DescribeIssuesOptions,
): { errors: ErrorTree; problems: ValidationProblem[] } {
  const messages = options.messages ?? englishMessages;
  const formatters = options.formatters ?? createFormatters();
  const labeler = createFieldLabeler(options.schema, options.uiSchema, messages, formatters);
  const order = createFieldOrder(options.schema, options.uiSchema);

  const word = (issue: ValidationIssue, label: string): string => {
    if (issue.keyword === 'required') {
      const property = schemasAlongPath(options.schema, issue.path)?.at(-1);
      // A required field whose only option is "Connect an account…" cannot be filled here; say why.
      if (property && isPlaceholderEnum(property.enum)) return messages.placeholderRequired({ hint: placeholderHint(property.enum), label });
    }
    const limit = limitOf(issue.params);
    return messages.validation({
      label,
      keyword: issue.keyword,
      params: issue.params,
      fallback: issue.message,
      limitText: typeof limit === 'number' ? formatters.number(limit) : String(limit ?? ''),
    });
  };

  const seen = new Set<string>();
  const problems: ValidationProblem[] = [];
  for (const issue of issues) {
    // `oneOf`/`anyOf`/`if` failures repeat what a branch's own keyword already said at the same place.
    if ((issue.keyword === 'if' || issue.keyword === 'oneOf' || issue.keyword === 'anyOf') && issues.some((other) => other !== issue && other.path.join('.').startsWith(issue.path.join('.')) && other.keyword !== issue.keyword)) {
      continue;
    }
    const location = labeler.location(issue.path) || messages.formTitle({ action: '', integration: '' }).trim() || 'The form';
    const message = word(issue, labeler.label(issue.path) || location);
    const key = `${issue.path.join('\u001f')}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path: issue.path, location, message, summary: word(issue, location) });
  }
  problems.sort((a, b) => order(a.path, b.path));
  let errors: ErrorTree = {};
  for (const problem of problems) errors = addErrors(errors, problem.path, [problem.message]);
  return { errors, problems };
}
