/**
 * What a connected account would offer where the integration-level schema only has
 * a placeholder ("N/A - Connect an account to see options"). The options are made
 * up from the field's name alone, so any integration, known or not, gets sensible ones.
 */

import { isPlaceholderEnum, isPlaceholderValue } from '../core/schema/placeholders';
import { isPlainObject } from '../core/schema/json';
import type { OpenApiDocument, SchemaNode } from '../core/types';
import { componentSchemas } from './spec';

interface OptionRule {
  readonly matches: (field: string) => boolean;
  readonly options: (field: string) => string[];
}

/** First matching rule wins; the order puts specific words before generic ones. */
const OPTION_RULES: readonly OptionRule[] = [
  {
    matches: (field) => field.includes('warehouse'),
    options: (field) => (/(^|_)name$/.test(field) ? ['East Coast DC', 'West Coast DC'] : ['wh_east', 'wh_west']),
  },
  {
    matches: (field) => field.includes('carrier'),
    options: (field) => (/(^|_)id$/.test(field) ? ['ups', 'fedex', 'usps'] : ['UPS', 'FedEx', 'USPS']),
  },
  { matches: (field) => field.includes('channel'), options: () => ['web_store', 'wholesale', 'marketplace'] },
  { matches: (field) => field.includes('client') || field.includes('customer'), options: () => ['client_northwind', 'client_globex'] },
  { matches: (field) => field.includes('shipping_method') || field.includes('service'), options: () => ['ground', 'two_day', 'overnight'] },
  { matches: (field) => field.includes('box') || field.includes('package'), options: () => ['small_box', 'medium_box', 'large_box'] },
  { matches: (field) => field.includes('location'), options: () => ['A-01-01', 'B-02-04'] },
  {
    // Return causes: a code (`code`, `reason_code`) or the sentence that goes with it (`return_reason`).
    matches: (field) => /reason|cause|(^|_)code$/.test(field),
    options: (field) =>
      /(^|_)(code|id)$/.test(field) ? ['DAMAGED', 'WRONG_ITEM', 'NOT_NEEDED'] : ['Damaged in transit', 'Wrong item shipped', 'No longer needed'],
  },
];

/** Realistic options for an account-dependent field, e.g. `warehouse_id` → `["wh_east", "wh_west"]`. */
function connectionOptionsFor(fieldName: string | undefined): string[] {
  const field = (fieldName ?? 'option').toLowerCase();
  const rule = OPTION_RULES.find((candidate) => candidate.matches(field));
  return rule ? rule.options(field) : [`${field}_1`, `${field}_2`];
}

const DATA_KEYWORDS = new Set(['enum', 'example', 'examples', 'default', 'const']);

/** Replaces placeholder enums under `node`; `field` is the property the node describes. */
function replacePlaceholders(node: unknown, field: string | undefined): unknown {
  if (Array.isArray(node)) return node.map((item) => replacePlaceholders(item, field));
  if (!isPlainObject(node)) return node;
  const out: SchemaNode = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === 'properties' && isPlainObject(value)) {
      const properties: SchemaNode = {};
      for (const [name, child] of Object.entries(value)) properties[name] = replacePlaceholders(child, name);
      out[keyword] = properties;
    } else if (keyword === 'enum' && isPlaceholderEnum(value)) {
      out[keyword] = connectionOptionsFor(field);
    } else if ((keyword === 'default' || keyword === 'example') && isPlaceholderValue(value)) {
      continue;
    } else if (DATA_KEYWORDS.has(keyword)) {
      out[keyword] = value;
    } else {
      // `items`, `allOf`/`anyOf`/`oneOf` branches and the like describe the same field.
      out[keyword] = replacePlaceholders(value, field);
    }
  }
  return out;
}

function hasPlaceholder(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasPlaceholder);
  if (!isPlainObject(node)) return false;
  return Object.entries(node).some(([keyword, value]) => {
    if (keyword === 'properties' && isPlainObject(value)) return Object.values(value).some(hasPlaceholder);
    return keyword === 'enum' ? isPlaceholderEnum(value) : !DATA_KEYWORDS.has(keyword) && hasPlaceholder(value);
  });
}

/** Whether any of the named schemas holds options that only a connected account can tell. */
export function schemasHavePlaceholders(spec: OpenApiDocument, names: readonly string[]): boolean {
  const schemas = componentSchemas(spec);
  return names.some((name) => hasPlaceholder(schemas[name]));
}

/** One schema as a connected account sees it: every placeholder enum replaced by that account's options. */
export function withConnectionOptionsIn(schema: SchemaNode): SchemaNode {
  return replacePlaceholders(schema, undefined) as SchemaNode;
}

/** The spec as a connected account sees it: every placeholder enum replaced by that account's options. */
export function withConnectionOptions(spec: OpenApiDocument): OpenApiDocument {
  const schemas: Record<string, SchemaNode> = {};
  for (const [name, schema] of Object.entries(componentSchemas(spec))) schemas[name] = withConnectionOptionsIn(schema);
  return { ...spec, components: { ...spec.components, schemas } };
}
