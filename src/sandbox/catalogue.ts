/**
 * The integrations a spec describes, derived from its schema names alone: nothing
 * here knows any integration by name, so the real spec and the fixture work alike.
 */

import { WRITE_ACTIONS, type IntegrationType, type KnownWriteAction } from '../core/actions';
import { isPlainObject, stringArray } from '../core/schema/json';
import { resolveRefs } from '../core/schema/resolve-refs';
import type { IntegrationInfo, OpenApiDocument, SchemaNode, WriteOperation } from '../core/types';
import { baseSchemaOf, componentName, componentRef, componentSchemas, inputSchemaMapping } from './spec';
import type { SandboxAction, SandboxIntegration } from './types';

const BASE_SCHEMA_MARKER = 'Base_Schema';

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * For each write action, every `<schemaKind>--<X>--` schema is one integration's
 * body. Its name is the key of the `discriminator.mapping` entry that points at it
 * (the slug of X when none does); the same name may exist once per integration type.
 */
export function buildCatalogue(spec: OpenApiDocument): SandboxIntegration[] {
  const schemas = componentSchemas(spec);
  const byIdentity = new Map<string, { integrationType: IntegrationType; integrationName: string; displayName: string; actions: SandboxAction[] }>();

  for (const definition of Object.values(WRITE_ACTIONS)) {
    const pattern = new RegExp(`^${escapeRegExp(definition.schemaKind)}--(.+)--$`);
    const nameBySchema = new Map<string, string>();
    for (const [integrationName, ref] of Object.entries(inputSchemaMapping(spec, definition.schemaKind))) {
      const target = componentName(ref);
      if (target !== undefined && integrationName !== '_base' && !nameBySchema.has(target)) nameBySchema.set(target, integrationName);
    }

    for (const [schemaName, schema] of Object.entries(schemas)) {
      const match = pattern.exec(schemaName);
      if (!match || !isPlainObject(schema) || match[1]!.includes(BASE_SCHEMA_MARKER)) continue;
      const suffix = match[1]!;
      const integrationName = nameBySchema.get(schemaName) ?? slug(suffix);
      const key = `${definition.integrationType}\u0000${integrationName}`;
      let integration = byIdentity.get(key);
      if (!integration) {
        const title = typeof schema.title === 'string' && schema.title.trim() !== '' ? schema.title.trim() : suffix.replace(/_/g, ' ');
        integration = { integrationType: definition.integrationType, integrationName, displayName: title, actions: [] };
        byIdentity.set(key, integration);
      }
      if (integration.actions.some((action) => action.action === definition.action)) continue;
      integration.actions.push({
        action: definition.action as KnownWriteAction,
        method: definition.method,
        path: definition.path,
        schemaName,
      });
    }
  }

  const typeOrder: Record<IntegrationType, number> = { wms: 0, cart: 1 };
  return [...byIdentity.values()]
    .sort((a, b) => typeOrder[a.integrationType] - typeOrder[b.integrationType] || a.integrationName.localeCompare(b.integrationName))
    .map((integration) => Object.freeze({ ...integration, actions: Object.freeze(integration.actions) }));
}

/** Peels the wrappers that hide an object shape: `allOf` of one shape, an `anyOf` whose other branch accepts anything, arrays. */
function innerObject(node: unknown): SchemaNode | undefined {
  if (!isPlainObject(node)) return undefined;
  if (node.type === 'array' || isPlainObject(node.items)) return innerObject(node.items);
  if (isPlainObject(node.properties) && Object.keys(node.properties).length > 0) return node;
  for (const keyword of ['allOf', 'anyOf'] as const) {
    const branches = node[keyword];
    if (!Array.isArray(branches)) continue;
    const shapes = branches.map(innerObject).filter((shape): shape is SchemaNode => shape !== undefined);
    if (shapes.length === 1) return shapes[0];
  }
  // A oneOf of several shapes has no single set of required fields to list.
  return undefined;
}

/** `line_items.sku`, `ship_to_address.city`…: required fields inside a property, at any depth. */
function nestedRequiredPaths(node: unknown, prefix: string): string[] {
  const shape = innerObject(node);
  if (!shape || !isPlainObject(shape.properties)) return [];
  const properties = shape.properties;
  return stringArray(shape.required)
    .filter((name) => name in properties)
    .flatMap((name) => [`${prefix}.${name}`, ...nestedRequiredPaths(properties[name], `${prefix}.${name}`)]);
}

/** The `write_operations` entry of one action, derived from its schema and its kind's base schema. */
function describeWriteOperation(spec: OpenApiDocument, action: SandboxAction): WriteOperation {
  const definition = WRITE_ACTIONS[action.action];
  const { schema } = resolveRefs({ $ref: componentRef(action.schemaName) }, spec);
  const base = baseSchemaOf(spec, definition.schemaKind);
  const baseProperties = base && isPlainObject(base.properties) ? base.properties : {};
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const required = new Set(stringArray(schema.required));

  const requiredBase: string[] = [];
  const nestedRequired: string[] = [];
  const optionalBase: string[] = [];
  const specific: Record<string, SchemaNode> = {};
  const specificRequired: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (name in baseProperties) {
      (required.has(name) ? requiredBase : optionalBase).push(name);
      nestedRequired.push(...nestedRequiredPaths(property, name));
    } else {
      specific[name] = isPlainObject(property) ? { title: name, ...property } : {};
      if (required.has(name)) specificRequired.push(name);
    }
  }
  return {
    action: action.action,
    url: `${action.method} ${action.path}`,
    required_base_schema_fields: [...requiredBase, ...nestedRequired],
    optional_base_schema_fields: optionalBase,
    integration_specific_fields: { properties: specific, type: 'object', required_fields: specificRequired },
  };
}

export function describeIntegration(spec: OpenApiDocument, integration: SandboxIntegration): IntegrationInfo {
  return {
    integration_name: integration.integrationName,
    display_name: integration.displayName,
    install_method: 'input',
    description: `${integration.displayName} in the local Trackstar sandbox: writes are validated against its published schemas and kept in memory.`,
    logo_url: `https://sandbox.trackstar.test/logos/${integration.integrationType}/${encodeURIComponent(integration.integrationName)}.svg`,
    list_operations: [],
    available_actions: integration.actions.map((action) => action.action),
    write_operations: integration.actions.map((action) => describeWriteOperation(spec, action)),
  };
}
