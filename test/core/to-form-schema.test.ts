// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/core/schema/errors';
import { applyWriteOperation, toFormSchema } from '../../src/core/schema/to-form-schema';
import type { OpenApiDocument, SchemaNode } from '../../src/core/types';
import { strictAjvProblems } from '../support/strict-ajv';

const props = (schema: SchemaNode) => schema.properties as Record<string, SchemaNode>;

/** The draft-07 shape `/meta` answers with: definitions, a top-level $ref, `type` beside `$ref`, `enumNames: []`, `format: float`. */
const metaDocument = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: {
    LineItem: {
      type: 'object',
      properties: {
        sku: { title: 'sku', type: 'string', description: '' },
        weight: { title: 'weight', type: 'number', format: 'float', description: 'Pounds.' },
      },
      required: ['sku'],
      additionalProperties: false,
    },
    Shipment: {
      type: 'object',
      properties: {
        status: { title: 'status', type: 'string', enum: ['open', 'received'], enumNames: [] },
        warehouse_id: { title: 'warehouse_id', type: 'string', enum: ['N/A - Connect an account to see options'], enumNames: [] },
        line_items: { title: 'line_items', type: 'array', items: { type: 'object', $ref: '#/definitions/LineItem' } },
      },
      required: ['status', 'line_items'],
      additionalProperties: false,
    },
  },
  $ref: '#/definitions/Shipment',
  has_connection_specific_fields: true,
};

const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/wms/orders/{order_id}/shipments': {
      post: {
        operationId: 'create_order_shipment',
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Ship' } } } },
      },
    },
  },
  components: {
    schemas: {
      Ship: {
        type: 'object',
        properties: { tracking_number: { type: ['string', 'null'], example: '1Z' }, carrier: { $ref: '#/components/schemas/Carrier', description: 'Who carries it.' } },
        required: ['tracking_number'],
      },
      Carrier: { type: 'string', enum: ['ups', 'fedex'] },
    },
  },
};

describe('toFormSchema', () => {
  it('turns a /meta answer into one self-contained, ajv-clean schema', () => {
    const schema = toFormSchema(metaDocument);
    expect(schema.$ref).toBeUndefined();
    expect(schema.definitions).toBeUndefined();
    expect(schema.required).toEqual(['status', 'line_items']);
    expect(props(schema).status!.enum).toEqual(['open', 'received']);
    const line = (props(schema).line_items!.items as SchemaNode);
    expect(props(line).weight).toEqual({ type: 'number', title: 'Weight', description: 'Pounds.' });
    expect(JSON.stringify(schema)).not.toMatch(/enumNames|"float"|\$ref/);
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it('finds an OpenAPI operation by method and path, whatever its parameters are named', () => {
    const byPath = toFormSchema({ document: openApiDocument, operation: { method: 'POST', path: '/wms/orders/{id}/shipments' } });
    const byId = toFormSchema({ document: openApiDocument, operation: { operationId: 'create_order_shipment' } });
    expect(byPath).toEqual(byId);
    expect(props(byPath).tracking_number).toEqual({ type: 'string', title: 'Tracking number' });
    expect(props(byPath).carrier).toEqual({ type: 'string', enum: ['ups', 'fedex'], title: 'Carrier', description: 'Who carries it.' });
    expect(strictAjvProblems(byPath)).toEqual([]);
  });

  it('picks an integration branch through the discriminator mapping of a full spec', () => {
    const document: OpenApiDocument = {
      openapi: '3.0.3',
      paths: {},
      components: {
        schemas: {
          Input: { oneOf: [{ $ref: '#/components/schemas/A' }], discriminator: { propertyName: 'type', mapping: { alpha: '#/components/schemas/A' } } },
          A: { type: 'object', properties: { a: { type: 'string' } } },
        },
      },
    };
    expect(props(toFormSchema({ document, schemaRef: '#/components/schemas/Input' }, { integrationName: 'alpha' })).a).toBeDefined();
    expect(() => toFormSchema({ document, schemaRef: '#/components/schemas/Input' }, { integrationName: 'beta' })).toThrow(/no request body for integration "beta"/);
  });

  it('keeps cyclic definitions so rjsf and ajv can follow them', () => {
    const schema = toFormSchema({
      definitions: {
        Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Node' } } } },
      },
      $ref: '#/definitions/Node',
    });
    expect((props(schema).children!.items as SchemaNode).$ref).toBe('#/definitions/Node');
    expect(Object.keys(schema.definitions as object)).toEqual(['Node']);
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it.each([
    ['null', null, /Expected a schema object, got null/],
    ['an array', [], /got an array/],
    ['a string', 'oops', /got string/],
    ['a document without a root', { definitions: {} }, /neither a top-level "\$ref" nor "properties"/],
    ['a dangling $ref', { $ref: '#/definitions/Nope', definitions: {} }, /#\/definitions\/Nope/],
    ['a non-object root', { $ref: '#/definitions/S', definitions: { S: { type: 'string' } } }, /must be an object schema/],
    ['an OpenAPI document without an operation', { openapi: '3.1.0' }, /needs an operation/],
    ['an operation that is not there', { document: openApiDocument, operation: { method: 'PUT', path: '/nope' } }, /PUT \/nope is not in this document/],
  ])('rejects %s with a SchemaError that says what is wrong', (_label, input, message) => {
    expect(() => toFormSchema(input)).toThrow(SchemaError);
    expect(() => toFormSchema(input)).toThrow(message);
  });
});

describe('applyWriteOperation', () => {
  const base = toFormSchema(metaDocument);

  it('adds integration-specific fields the schema lacks and turns required_fields into required', () => {
    const merged = applyWriteOperation(base, {
      required_base_schema_fields: [],
      integration_specific_fields: {
        type: 'object',
        properties: { dock_door: { title: 'dock_door', type: 'string', nullable: true, example: '' } },
        required_fields: ['dock_door'],
      },
    });
    expect(props(merged).dock_door).toEqual({ type: 'string', title: 'Dock door' });
    expect(merged.required).toEqual(['status', 'line_items', 'dock_door']);
    expect(strictAjvProblems(merged)).toEqual([]);
  });

  it('marks nested required base fields given as dot paths, without touching the cached input', () => {
    const before = JSON.stringify(base);
    const merged = applyWriteOperation(base, {
      required_base_schema_fields: ['line_items.weight', 'warehouse_id', 'nowhere.at_all'],
      integration_specific_fields: { properties: {} },
    });
    expect(((props(merged).line_items!.items as SchemaNode).required as string[]).sort()).toEqual(['sku', 'weight']);
    expect(merged.required).toContain('warehouse_id');
    expect(JSON.stringify(base)).toBe(before);
  });
});
