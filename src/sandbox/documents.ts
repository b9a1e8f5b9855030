/**
 * The two schema documents the sandbox serves for an integration: the draft-07
 * `/meta` answer, with Trackstar's quirks, and the OpenAPI 3.1 write-info document.
 */

import { WRITE_ACTIONS, pathParamNames } from '../core/actions';
import { isPlainObject } from '../core/schema/json';
import { parseLocalPointer } from '../core/schema/resolve-refs';
import type { MetaSchemaDocument, OpenApiDocument, SchemaNode } from '../core/types';
import { componentName, componentRef, componentSchemas, reachableSchemaNames, rewriteDiscriminator } from './spec';
import type { SandboxIntegration } from './types';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const COMPOSITIONS = new Set(['allOf', 'anyOf', 'oneOf']);

function definitionRef(ref: string): string {
  const name = componentName(ref);
  return name === undefined ? ref : `#/definitions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Converts one schema node to the `/meta` dialect. */
class MetaConverter {
  constructor(private readonly spec: OpenApiDocument) {}

  node(input: unknown): unknown {
    if (Array.isArray(input)) return input.map((item) => this.node(item));
    if (!isPlainObject(input)) return input;
    const out: SchemaNode = {};
    for (const [keyword, value] of Object.entries(input)) {
      if (keyword === 'example' || keyword === 'examples') continue;
      if (keyword === '$ref' && typeof value === 'string') out.$ref = definitionRef(value);
      else if (keyword === 'properties' && isPlainObject(value)) {
        const properties: SchemaNode = {};
        for (const [name, child] of Object.entries(value)) properties[name] = this.property(name, child);
        out.properties = properties;
      } else if (keyword === 'items') out.items = this.typedReference(this.node(value));
      else if (COMPOSITIONS.has(keyword) || (keyword === 'additionalProperties' && isPlainObject(value))) out[keyword] = this.node(value);
      else if (keyword === 'discriminator') out.discriminator = rewriteDiscriminator(value, definitionRef);
      else out[keyword] = value;
    }
    if (Array.isArray(out.enum)) out.enumNames = [];
    if (out.type === 'number' && out.format === undefined) out.format = 'float';
    return out;
  }

  /** Trackstar titles every property with its key and always sends a description; references only get `type`. */
  private property(name: string, input: unknown): unknown {
    const converted = this.node(input);
    if (!isPlainObject(converted)) return converted;
    if (typeof converted.$ref === 'string') return this.typedReference(converted);
    const { title: _title, description, ...rest } = converted;
    return { title: name, ...rest, description: typeof description === 'string' ? description : '' };
  }

  /** `{"type": "object", "$ref": ...}`: Trackstar's way of saying a reference is an object. */
  private typedReference(node: unknown): unknown {
    if (!isPlainObject(node) || typeof node.$ref !== 'string' || node.type !== undefined) return node;
    const [container, name] = parseLocalPointer(node.$ref);
    const target = container === 'definitions' && name !== undefined ? componentSchemas(this.spec)[name] : undefined;
    const isObject = isPlainObject(target) && (target.type === 'object' || isPlainObject(target.properties));
    return isObject ? { type: 'object', ...node } : node;
  }
}

/**
 * The draft-07 document `/meta` answers for one request schema. `prepare`, as for
 * `writeInfoDocument`, rewrites each schema the document includes.
 */
export function metaDocument(spec: OpenApiDocument, schemaName: string, prepare?: (schema: SchemaNode) => SchemaNode): MetaSchemaDocument {
  const converter = new MetaConverter(spec);
  const schemas = componentSchemas(spec);
  const definitions: Record<string, SchemaNode> = {};
  for (const name of reachableSchemaNames(spec, [schemaName])) {
    const schema = schemas[name] as SchemaNode;
    definitions[name] = converter.node(prepare ? prepare(schema) : schema) as SchemaNode;
  }
  return { $schema: DRAFT_07, definitions, $ref: definitionRef(componentRef(schemaName)) };
}

/** OpenAPI 3.0 → 3.1: `nullable: true` becomes a `"null"` member of `type`. */
function toOpenApi31(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(toOpenApi31);
  if (!isPlainObject(input)) return input;
  const out: SchemaNode = {};
  for (const [keyword, value] of Object.entries(input)) {
    if (keyword === 'nullable') continue;
    if (keyword === 'properties' && isPlainObject(value)) {
      const properties: SchemaNode = {};
      for (const [name, child] of Object.entries(value)) properties[name] = toOpenApi31(child);
      out.properties = properties;
    } else if (['example', 'examples', 'default', 'enum', 'const', 'discriminator'].includes(keyword)) out[keyword] = value;
    else out[keyword] = toOpenApi31(value);
  }
  if (input.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}

/**
 * An OpenAPI 3.1 document of one integration's write operations and the schemas they use.
 * `prepare` rewrites each schema the document includes before it is converted (the
 * connection's options, for a connected caller): only the schemas this integration
 * uses, not the whole spec.
 */
export function writeInfoDocument(spec: OpenApiDocument, integration: SandboxIntegration, prepare?: (schema: SchemaNode) => SchemaNode): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const action of integration.actions) {
    const item = (paths[action.path] ??= {});
    item[action.method.toLowerCase()] = {
      operationId: action.action,
      summary: `${WRITE_ACTIONS[action.action].label} in ${integration.displayName}`,
      parameters: pathParamNames(action.path).map((name) => ({ in: 'path', name, required: true, schema: { type: 'string' } })),
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { $ref: componentRef(action.schemaName) } } },
      },
      responses: { '200': { description: 'The integration accepted the write.' } },
    };
  }
  const schemas = componentSchemas(spec);
  const used: Record<string, SchemaNode> = {};
  for (const name of reachableSchemaNames(spec, integration.actions.map((action) => action.schemaName))) {
    const schema = schemas[name] as SchemaNode;
    used[name] = toOpenApi31(prepare ? prepare(schema) : schema) as SchemaNode;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${integration.displayName} write operations`,
      version: typeof spec.info?.version === 'string' ? spec.info.version : '1.0.0',
    },
    paths,
    components: { schemas: used },
  };
}
