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
import { SchemaError } from './errors';
import { isPlainObject, stringArray } from './json';
import { normalizeDefinitions, normalizeSchema } from './normalize';
import { lookupPointer, resolveRefs } from './resolve-refs';

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

/**
 * Turns a Trackstar schema (a `/meta` answer, or an OpenAPI document plus an
 * operation) into one self-contained draft-07 JSON Schema that rjsf renders and
 * ajv compiles without warnings. Throws `SchemaError` with a readable message when
 * the input cannot become a form.
 */
export function toFormSchema(source: FormSchemaSource | unknown, options: ToFormSchemaOptions = {}): FormSchema {
  const { root, document } = locateRoot(source, options);
  const { schema, definitions } = resolveRefs(root, document);
  const normalizeOptions = { method: options.method ?? 'POST' } as const;
  let formSchema = normalizeSchema(schema, normalizeOptions);
  if (formSchema.type === undefined && isPlainObject(formSchema.properties)) formSchema.type = 'object';
  if (formSchema.type !== 'object') {
    throw new SchemaError('not-an-object', `A write body must be an object schema, but this one is of type "${String(formSchema.type)}".`);
  }
  if (options.writeOperation) formSchema = applyWriteOperation(formSchema, options.writeOperation, normalizeOptions.method);
  if (Object.keys(definitions).length > 0) {
    formSchema.definitions = normalizeDefinitions(definitions, normalizeOptions);
  }
  return formSchema;
}

function isOpenApiDocument(value: unknown): value is OpenApiDocument {
  return isPlainObject(value) && typeof value.openapi === 'string';
}

function locateRoot(source: unknown, options: ToFormSchemaOptions): { root: SchemaNode; document: unknown } {
  if (!isPlainObject(source)) {
    throw new SchemaError('not-an-object', 'Expected a schema object, got ' + (source === null ? 'null' : Array.isArray(source) ? 'an array' : typeof source) + '.');
  }

  if ('document' in source && (isPlainObject(source.operation) || typeof source.schemaRef === 'string')) {
    const document = source.document;
    if (!isOpenApiDocument(document)) {
      throw new SchemaError('invalid-schema', 'Expected an OpenAPI document (an object with an "openapi" version).');
    }
    const body =
      typeof source.schemaRef === 'string'
        ? lookupPointer(document, source.schemaRef)
        : requestBodySchema(document, source.operation as OperationSelector);
    if (!isPlainObject(body)) {
      throw new SchemaError('missing-ref', `The document does not define ${String(source.schemaRef ?? 'a request body schema')}.`);
    }
    return { root: pickIntegrationBranch(body, document, options.integrationName), document };
  }

  if (isOpenApiDocument(source)) {
    throw new SchemaError('operation-not-found', 'An OpenAPI document needs an operation: pass { document, operation: { method, path } }.');
  }

  const meta = source as MetaSchemaDocument;
  if (typeof meta.$ref === 'string') {
    const { $ref, definitions: _definitions, $schema: _schema, has_connection_specific_fields: _connection, ...siblings } = meta;
    return { root: { ...siblings, $ref }, document: meta };
  }
  const { definitions: _definitions, $schema: _schema, has_connection_specific_fields: _connection, ...schema } = meta;
  if (!isPlainObject(schema.properties) && schema.type !== 'object') {
    throw new SchemaError('no-root', 'The schema has neither a top-level "$ref" nor "properties": there is nothing to render.');
  }
  return { root: schema, document: meta };
}

/** Path templates match whatever their parameters are called: `/wms/orders/{id}` is `/wms/orders/{order_id}`. */
function samePathTemplate(a: string, b: string): boolean {
  const shape = (path: string) => path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
  return shape(a) === shape(b);
}

function requestBodySchema(document: OpenApiDocument, selector: OperationSelector): unknown {
  const operation = findOperation(document, selector);
  let requestBody: unknown = operation.requestBody;
  if (isPlainObject(requestBody) && typeof requestBody.$ref === 'string') requestBody = lookupPointer(document, requestBody.$ref);
  const content = isPlainObject(requestBody) && isPlainObject(requestBody.content) ? requestBody.content : undefined;
  const media = content ? (content['application/json'] ?? Object.values(content)[0]) : undefined;
  const schema = isPlainObject(media) ? media.schema : undefined;
  if (!isPlainObject(schema)) {
    throw new SchemaError('no-request-body', `${describeSelector(selector)} has no JSON request body schema.`);
  }
  return schema;
}

function describeSelector(selector: OperationSelector): string {
  return 'operationId' in selector ? `Operation "${selector.operationId}"` : `${selector.method.toUpperCase()} ${selector.path}`;
}

function findOperation(document: OpenApiDocument, selector: OperationSelector): OpenApiOperation {
  const paths = isPlainObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isPlainObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isPlainObject(operation)) continue;
      const matches =
        'operationId' in selector
          ? operation.operationId === selector.operationId
          : method.toLowerCase() === selector.method.toLowerCase() && samePathTemplate(path, selector.path);
      if (matches) return operation as OpenApiOperation;
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

/**
 * Folds `write_operations` into the schema (returns a new schema): integration-specific fields the schema
 * lacks are added (their `required_fields` becoming `required`), and required base
 * fields given as dot paths (`line_items.quantity`) are marked required where the
 * schema has them.
 */
export function applyWriteOperation(
  schema: FormSchema,
  operation: Pick<WriteOperation, 'required_base_schema_fields' | 'integration_specific_fields'>,
  method: 'POST' | 'PUT' = 'POST',
): FormSchema {
  const normalizeOptions = { method } as const;
  const required = new Set(stringArray(schema.required));
  // The input may be a cached schema shared by other forms: work on a copy.
  const result: FormSchema = structuredClone(schema);
  if (!isPlainObject(result.properties)) result.properties = {};
  const properties = result.properties as Record<string, unknown>;

  const specific: IntegrationSpecificFields | undefined = operation.integration_specific_fields;
  if (specific && isPlainObject(specific.properties)) {
    const normalized = normalizeSchema(
      { type: 'object', properties: specific.properties, required: stringArray(specific.required_fields) },
      normalizeOptions,
    );
    for (const [name, fieldSchema] of Object.entries(normalized.properties as Record<string, unknown>)) {
      if (!(name in properties)) properties[name] = fieldSchema;
    }
    for (const name of stringArray(normalized.required)) required.add(name);
  }

  for (const path of stringArray(operation.required_base_schema_fields)) {
    markRequired(result, path.split('.'), required);
  }
  const names = Object.keys(properties);
  const rootRequired = [...required].filter((name) => names.includes(name));
  if (rootRequired.length > 0) result.required = rootRequired;
  return result;
}

/**
 * `line_items.quantity` makes `quantity` required in each line item. It does not make
 * `line_items` itself required: Trackstar lists the parent separately when it is.
 */
function markRequired(root: FormSchema, segments: string[], rootRequired: Set<string>): void {
  const [first, ...rest] = segments;
  if (first === undefined) return;
  const properties = root.properties as Record<string, unknown>;
  if (!(first in properties)) return;
  if (rest.length === 0) {
    rootRequired.add(first);
    return;
  }
  let node = properties[first];
  for (let index = 0; index < rest.length; index += 1) {
    while (isPlainObject(node) && node.type === 'array' && isPlainObject(node.items)) node = node.items;
    if (!isPlainObject(node) || !isPlainObject(node.properties)) return;
    const name = rest[index]!;
    if (!(name in node.properties)) return;
    if (index === rest.length - 1) {
      node.required = [...new Set([...stringArray(node.required), name])];
      return;
    }
    node = node.properties[name];
  }
}
