import type {
  FormSchema,
  IntegrationSpecificFields,
  MetaSchemaDocument,
  OpenApiDocument,
  OpenApiOperation,
  OperationSelector,
  SchemaNode,
  WriteOperation,
} from '../types';
import { assertWithinBudget } from './complexity';
import { SchemaError, isSchemaError } from './errors';
import { escapePointerToken, hasOwn, isPlainObject, stringArray } from './json';
import { normalizeTree } from './normalize';
import { DEPRECATED_SUFFIX, splitPresentation } from './presentation';
import { lookupPointer, pointerOfRef, resolveRefs } from './resolve-refs';
import type { FormUiSchema } from './ui-schema';

/** Where a form's schema comes from. */
export type FormSchemaSource =
  /** A `/meta` answer, or any draft-07 schema (with optional `definitions` and a top-level `$ref`). */
  | MetaSchemaDocument
  /** An OpenAPI 3.0/3.1 document (e.g. write-info) and the operation whose request body to use. */
  | { document: OpenApiDocument; operation: OperationSelector }
  /** A schema inside an OpenAPI document, by pointer (`#/components/schemas/CreatewmsOrder--ShipHero--`). */
  | { document: OpenApiDocument; schemaRef: string };

export interface ToFormSchemaOptions {
  /** `PUT` forms never carry schema defaults (see `normalizeSchema`). Defaults to `POST`. */
  method?: 'POST' | 'PUT';
  /**
   * When the request body is a `oneOf` over every integration (as in Trackstar's
   * full spec), pick the branch the `discriminator.mapping` names for this integration.
   */
  integrationName?: string;
  /** The integration's `write_operations` entry; its fields are merged in so the form never misses one. */
  writeOperation?: Pick<WriteOperation, 'required_base_schema_fields' | 'integration_specific_fields'>;
}

/** A form built from a schema: what to validate and send, and how to show it. */
export interface FormDefinition {
  /** Self-contained draft-07 JSON Schema (cycle definitions under `definitions`): what the body must be. */
  schema: FormSchema;
  /** rjsf uiSchema generated from the same schema: labels, order, markdown, inputs (display only). */
  uiSchema: FormUiSchema;
}

/**
 * Turns a Trackstar schema (a `/meta` answer, or an OpenAPI document plus an
 * operation) into a form definition: one self-contained draft-07 JSON Schema that
 * rjsf renders and strict ajv compiles (in well under a second, or the schema is
 * refused as too large), and the uiSchema for what is display only. Throws nothing but
 * `SchemaError`, with a readable message and a pointer to the offending place.
 */
export function toFormDefinition(source: FormSchemaSource | unknown, options: ToFormSchemaOptions = {}): FormDefinition {
  try {
    return buildDefinition(source, options);
  } catch (error) {
    if (isSchemaError(error)) throw error;
    // Every known problem has its own message; this keeps an unforeseen one from blanking the page.
    const message = error instanceof Error ? error.message : String(error);
    throw new SchemaError('invalid-schema', `The schema could not be turned into a form: ${message}`, undefined, { cause: error });
  }
}

/** `toFormDefinition(source, options).schema`. */
export function toFormSchema(source: FormSchemaSource | unknown, options: ToFormSchemaOptions = {}): FormSchema {
  return toFormDefinition(source, options).schema;
}

function buildDefinition(source: unknown, options: ToFormSchemaOptions): FormDefinition {
  const { root, document, pointer } = locateRoot(source, options);
  const { schema, definitions } = resolveRefs(root, document, { pointer });
  const method = options.method ?? 'POST';
  const treeOptions = { method, definitionNames: new Set(Object.keys(definitions)) } as const;
  const tree = normalizeTree(schema, treeOptions);
  if (tree.type !== 'object') {
    throw new SchemaError('not-an-object', `A write body must be an object schema, but this one is of type "${String(tree.type)}".`, pointer);
  }
  if (treeOptions.definitionNames.size > 0) {
    const normalized: Record<string, SchemaNode> = {};
    for (const [name, definition] of Object.entries(definitions)) normalized[name] = normalizeTree(definition, treeOptions, 'definition');
    tree.definitions = normalized;
  }
  let definition = splitPresentation(tree);
  if (options.writeOperation) definition = extendDefinition(definition, options.writeOperation, method);
  assertWithinBudget(definition.schema);
  return definition;
}

function isOpenApiDocument(value: unknown): value is OpenApiDocument {
  return isPlainObject(value) && typeof value.openapi === 'string';
}

interface LocatedRoot {
  root: SchemaNode;
  document: unknown;
  /** Where `root` is in `document`, as a JSON pointer. */
  pointer: string;
}

function locateRoot(source: unknown, options: ToFormSchemaOptions): LocatedRoot {
  if (!isPlainObject(source)) {
    throw new SchemaError('not-an-object', 'Expected a schema object, got ' + (source === null ? 'null' : Array.isArray(source) ? 'an array' : typeof source) + '.');
  }

  if ('document' in source && (isPlainObject(source.operation) || typeof source.schemaRef === 'string')) {
    const document = source.document;
    if (!isOpenApiDocument(document)) {
      throw new SchemaError('invalid-schema', 'Expected an OpenAPI document (an object with an "openapi" version).');
    }
    const { schema: body, pointer } =
      typeof source.schemaRef === 'string'
        ? { schema: lookupPointer(document, source.schemaRef), pointer: pointerOfRef(source.schemaRef) }
        : requestBodySchema(document, source.operation as OperationSelector);
    if (!isPlainObject(body)) {
      throw new SchemaError('missing-ref', `The document does not define ${String(source.schemaRef ?? 'a request body schema')}.`, pointer);
    }
    return { root: pickIntegrationBranch(body, document, options.integrationName), document, pointer };
  }

  if (isOpenApiDocument(source)) {
    throw new SchemaError('operation-not-found', 'An OpenAPI document needs an operation: pass { document, operation: { method, path } }.');
  }

  const meta = source as MetaSchemaDocument;
  const { definitions: _definitions, $schema: _schema, has_connection_specific_fields: _connection, ...schema } = meta;
  if (!hasOwn(schema, '$ref') && !isPlainObject(schema.properties) && schema.type !== 'object') {
    throw new SchemaError('no-root', 'The schema has neither a top-level "$ref" nor "properties": there is nothing to render.', '');
  }
  return { root: schema, document: meta, pointer: '' };
}

/** Path templates match whatever their parameters are called: `/wms/orders/{id}` is `/wms/orders/{order_id}`. */
function samePathTemplate(a: string, b: string): boolean {
  const shape = (path: string) => path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
  return shape(a) === shape(b);
}

function requestBodySchema(document: OpenApiDocument, selector: OperationSelector): { schema: unknown; pointer: string } {
  const { operation, pointer: operationPointer } = findOperation(document, selector);
  let requestBody: unknown = operation.requestBody;
  let pointer = `${operationPointer}/requestBody`;
  if (isPlainObject(requestBody) && typeof requestBody.$ref === 'string') {
    pointer = pointerOfRef(requestBody.$ref);
    requestBody = lookupPointer(document, requestBody.$ref);
  }
  const content = isPlainObject(requestBody) && isPlainObject(requestBody.content) ? requestBody.content : undefined;
  const mediaType = content ? (hasOwn(content, 'application/json') ? 'application/json' : Object.keys(content)[0]) : undefined;
  const media = content && mediaType !== undefined ? content[mediaType] : undefined;
  const schema = isPlainObject(media) ? media.schema : undefined;
  if (!isPlainObject(schema)) {
    throw new SchemaError('no-request-body', `${describeSelector(selector)} has no JSON request body schema.`, pointer);
  }
  return { schema, pointer: `${pointer}/content/${escapePointerToken(mediaType!)}/schema` };
}

function describeSelector(selector: OperationSelector): string {
  return 'operationId' in selector ? `Operation "${selector.operationId}"` : `${selector.method.toUpperCase()} ${selector.path}`;
}

function findOperation(document: OpenApiDocument, selector: OperationSelector): { operation: OpenApiOperation; pointer: string } {
  const paths = isPlainObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isPlainObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isPlainObject(operation)) continue;
      const matches =
        'operationId' in selector
          ? operation.operationId === selector.operationId
          : method.toLowerCase() === selector.method.toLowerCase() && samePathTemplate(path, selector.path);
      if (matches) return { operation: operation as OpenApiOperation, pointer: `/paths/${escapePointerToken(path)}/${escapePointerToken(method)}` };
    }
  }
  throw new SchemaError('operation-not-found', `${describeSelector(selector)} is not in this document.`);
}

/** Trackstar's full spec describes a body as `oneOf` every integration, with a `discriminator.mapping` by integration name. */
function pickIntegrationBranch(schema: SchemaNode, document: unknown, integrationName: string | undefined): SchemaNode {
  const discriminator = schema.discriminator;
  if (integrationName === undefined || !isPlainObject(discriminator) || !isPlainObject(discriminator.mapping)) return schema;
  const ref = discriminator.mapping[integrationName];
  if (typeof ref !== 'string') {
    throw new SchemaError('operation-not-found', `The document has no request body for integration "${integrationName}".`);
  }
  return { $ref: ref } satisfies SchemaNode;
}

type WriteOperationFields = Pick<WriteOperation, 'required_base_schema_fields' | 'integration_specific_fields'>;

function isFormDefinition(value: unknown): value is FormDefinition {
  return isPlainObject(value) && isPlainObject(value.schema) && isPlainObject(value.uiSchema) && Object.keys(value).length === 2;
}

/**
 * Folds `write_operations` into a form (returns a new one; the input may be a cached
 * schema shared by other forms): integration-specific fields the schema lacks are
 * added (their `required_fields` becoming `required`), and required base fields given
 * as dot paths (`line_items.quantity`) are marked required where the schema has them.
 * Given a `FormDefinition`, the uiSchema is extended for the fields it adds (labels,
 * markdown, inputs; free-form lists and deprecated fields keep their place at the end).
 */
export function applyWriteOperation(definition: FormDefinition, operation: WriteOperationFields, method?: 'POST' | 'PUT'): FormDefinition;
export function applyWriteOperation(schema: FormSchema, operation: WriteOperationFields, method?: 'POST' | 'PUT'): FormSchema;
export function applyWriteOperation(
  input: FormDefinition | FormSchema,
  operation: WriteOperationFields,
  method: 'POST' | 'PUT' = 'POST',
): FormDefinition | FormSchema {
  const definition = isFormDefinition(input) ? input : { schema: input, uiSchema: {} };
  const extended = extendDefinition(definition, operation, method);
  assertWithinBudget(extended.schema);
  return isFormDefinition(input) ? extended : extended.schema;
}

function extendDefinition(definition: FormDefinition, operation: WriteOperationFields, method: 'POST' | 'PUT'): FormDefinition {
  const schema: FormSchema = structuredClone(definition.schema);
  const uiSchema: FormUiSchema = structuredClone(definition.uiSchema);
  const required = new Set(stringArray(schema.required));
  if (!isPlainObject(schema.properties)) schema.properties = {};
  const properties = schema.properties as Record<string, unknown>;

  const specific: IntegrationSpecificFields | undefined = operation.integration_specific_fields;
  if (specific && isPlainObject(specific.properties)) {
    const fields = splitPresentation(
      normalizeTree({ type: 'object', properties: specific.properties, required: stringArray(specific.required_fields) }, { method }),
    );
    const added: string[] = [];
    for (const [name, fieldSchema] of Object.entries(fields.schema.properties as Record<string, unknown>)) {
      if (hasOwn(properties, name)) continue;
      properties[name] = fieldSchema;
      added.push(name);
      if (isPlainObject(fields.uiSchema[name])) uiSchema[name] = fields.uiSchema[name];
    }
    for (const name of stringArray(fields.schema.required)) if (added.includes(name)) required.add(name);
    const order = mergeOrder(uiSchema, uiSchema['ui:order'], (fields.uiSchema['ui:order'] ?? []).filter((name) => added.includes(name)));
    if (order) uiSchema['ui:order'] = order;
  }

  for (const path of stringArray(operation.required_base_schema_fields)) {
    markRequired(schema, path.split('.'), required);
  }
  const rootRequired = [...required].filter((name) => hasOwn(properties, name));
  if (rootRequired.length > 0) schema.required = rootRequired;
  return { schema, uiSchema };
}

/** The root's field order with added fields: free-form lists before the deprecated fields, which stay last. */
function mergeOrder(uiSchema: FormUiSchema, existing: string[] | undefined, added: string[]): string[] | undefined {
  const tail = [...(existing ?? []), ...added].filter((name) => name !== '*');
  if (tail.length === 0) return existing;
  const isDeprecated = (name: string) => {
    const title = (uiSchema[name] as FormUiSchema | undefined)?.['ui:title'];
    return typeof title === 'string' && title.endsWith(DEPRECATED_SUFFIX);
  };
  return ['*', ...tail.filter((name) => !isDeprecated(name)), ...tail.filter(isDeprecated)];
}

/**
 * `line_items.quantity` makes `quantity` required in each line item. It does not make
 * `line_items` itself required: Trackstar lists the parent separately when it is.
 */
function markRequired(root: FormSchema, segments: string[], rootRequired: Set<string>): void {
  const [first, ...rest] = segments;
  if (first === undefined) return;
  const properties = root.properties as Record<string, unknown>;
  if (!hasOwn(properties, first)) return;
  if (rest.length === 0) {
    rootRequired.add(first);
    return;
  }
  let node = properties[first];
  for (let index = 0; index < rest.length; index += 1) {
    while (isPlainObject(node) && node.type === 'array' && isPlainObject(node.items)) node = node.items;
    if (!isPlainObject(node) || !isPlainObject(node.properties)) return;
    const name = rest[index]!;
    if (!hasOwn(node.properties, name)) return;
    if (index === rest.length - 1) {
      node.required = [...new Set([...stringArray(node.required), name])];
      return;
    }
    node = node.properties[name];
  }
}
