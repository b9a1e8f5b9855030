/** Shapes of the Trackstar API that this library reads and writes. */

import type { IntegrationType } from './actions';

/** A JSON Schema node as it may arrive from Trackstar: draft-07, OpenAPI 3.0 or 3.1 flavoured. */
export type SchemaNode = { [keyword: string]: unknown };

/** The JSON Schema the form renders and validates: draft-07, standard keywords only. */
export type FormSchema = SchemaNode;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface IntegrationSpecificFields {
  properties: Record<string, SchemaNode>;
  type?: string;
  /** Trackstar's spelling of `required` for these fields. */
  required_fields?: string[];
}

export interface WriteOperation {
  action: string;
  /** `"<METHOD> <path template>"`, e.g. `"POST /wms/orders"`. */
  url: string;
  required_base_schema_fields: string[];
  optional_base_schema_fields: string[];
  integration_specific_fields: IntegrationSpecificFields;
}

export interface IntegrationInfo {
  integration_name: string;
  display_name: string;
  install_method?: string;
  description?: string;
  logo_url?: string;
  write_operations: WriteOperation[];
  list_operations?: unknown[];
  available_actions: string[];
}

export interface IntegrationsResponse {
  data: IntegrationInfo[];
}

/** `GET /{type}/{resource}/meta` answer: draft-07 with `definitions` and a top-level `$ref`. */
export interface MetaSchemaDocument {
  $schema?: string;
  definitions?: Record<string, SchemaNode>;
  $ref?: string;
  has_connection_specific_fields?: boolean;
  [keyword: string]: unknown;
}

export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
  [keyword: string]: unknown;
}

/** An OpenAPI 3.0 / 3.1 document, such as `GET /integrations/{type}/{name}/write-info`. */
export interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, OpenApiOperation | unknown>>;
  components?: { schemas?: Record<string, SchemaNode> };
  [keyword: string]: unknown;
}

/** Picks the operation whose request body a form is built from. */
export type OperationSelector = { method: string; path: string } | { operationId: string };

export interface IntegrationRef {
  integrationType: IntegrationType;
  integrationName: string;
}

/** A successful write answer. */
export interface WriteResponseBody {
  data?: Record<string, unknown>;
  id?: string;
  unused_fields?: string[];
}
