/** Reading a Trackstar-style OpenAPI document: its schemas, references and base schemas. */

import type { OpenApiDocument, SchemaNode } from '../core/types';
import { isPlainObject } from '../core/schema/json';
import { parseLocalPointer } from '../core/schema/resolve-refs';

const COMPONENT_PREFIX = '#/components/schemas/';

export function assertOpenApiDocument(spec: unknown): OpenApiDocument {
  if (!isPlainObject(spec) || typeof spec.openapi !== 'string') {
    throw new TypeError('The sandbox spec must be an OpenAPI document (an object with an "openapi" version).');
  }
  if (!isPlainObject(spec.components) || !isPlainObject(spec.components.schemas)) {
    throw new TypeError('The sandbox spec has no components.schemas: there are no write schemas to serve.');
  }
  return spec as OpenApiDocument;
}

export function componentSchemas(spec: OpenApiDocument): Record<string, SchemaNode> {
  return (spec.components?.schemas ?? {}) as Record<string, SchemaNode>;
}

/** `#/components/schemas/Foo` → `Foo`; anything else → `undefined`. */
export function componentName(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith(COMPONENT_PREFIX)) return undefined;
  const tokens = parseLocalPointer(ref);
  return tokens.length === 3 ? tokens[2] : undefined;
}

export function componentRef(name: string): string {
  return COMPONENT_PREFIX + name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The discriminator mapping of `<kind>InputSchema`: integration name (and `_base`) → schema ref. */
export function inputSchemaMapping(spec: OpenApiDocument, schemaKind: string): Record<string, string> {
  const input = componentSchemas(spec)[`${schemaKind}InputSchema`];
  const discriminator = isPlainObject(input) ? input.discriminator : undefined;
  const mapping = isPlainObject(discriminator) && isPlainObject(discriminator.mapping) ? discriminator.mapping : {};
  const out: Record<string, string> = {};
  for (const [name, ref] of Object.entries(mapping)) if (typeof ref === 'string') out[name] = ref;
  return out;
}

/** The unified body of a kind, found through the `_base` entry of its input schema's mapping. */
export function baseSchemaOf(spec: OpenApiDocument, schemaKind: string): SchemaNode | undefined {
  const name = componentName(inputSchemaMapping(spec, schemaKind)._base);
  const schema = name === undefined ? undefined : componentSchemas(spec)[name];
  return isPlainObject(schema) ? schema : undefined;
}

/** Visits every `$ref` string under `node`, including discriminator mappings. Data keywords are skipped. */
function forEachRef(node: unknown, visit: (ref: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) forEachRef(item, visit);
    return;
  }
  if (!isPlainObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') visit(value);
    // Property names are not keywords: a property called "example" is still a schema.
    else if (key === 'properties' && isPlainObject(value)) for (const child of Object.values(value)) forEachRef(child, visit);
    else if (key === 'discriminator' && isPlainObject(value) && isPlainObject(value.mapping)) {
      for (const target of Object.values(value.mapping)) if (typeof target === 'string') visit(target);
    } else if (!DATA_KEYWORDS.has(key)) forEachRef(value, visit);
  }
}

const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/**
 * The named schemas `roots` reach through `$ref`s (roots included), in discovery
 * order. References to schemas the document lacks (withheld integrations) are skipped.
 */
export function reachableSchemaNames(spec: OpenApiDocument, roots: readonly string[]): string[] {
  const schemas = componentSchemas(spec);
  const found: string[] = [];
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (seen.has(name) || !isPlainObject(schemas[name])) continue;
    seen.add(name);
    found.push(name);
    forEachRef(schemas[name], (ref) => {
      const target = componentName(ref);
      if (target !== undefined && !seen.has(target)) pending.push(target);
    });
  }
  return found;
}

/** An OpenAPI discriminator with its `mapping` targets rewritten. */
export function rewriteDiscriminator(discriminator: unknown, rewrite: (ref: string) => string): unknown {
  if (!isPlainObject(discriminator) || !isPlainObject(discriminator.mapping)) return discriminator;
  const mapping: Record<string, unknown> = {};
  for (const [name, target] of Object.entries(discriminator.mapping)) mapping[name] = typeof target === 'string' ? rewrite(target) : target;
  return { ...discriminator, mapping };
}
