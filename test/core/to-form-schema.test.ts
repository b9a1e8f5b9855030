// @vitest-environment node
import validator from '@rjsf/validator-ajv8';
import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/core/schema/errors';
import { applyWriteOperation, toFormSchema } from '../../src/core/schema/to-form-schema';
import type { OpenApiDocument, SchemaNode } from '../../src/core/types';
import { cpuTime } from '../support/cpu-time';
import { strictAjvProblems, timedStrictAjvProblems } from '../support/strict-ajv';

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

/** The error `run` throws (failing the test when it throws nothing). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('toFormSchema: malformed input', () => {
  const meta = (city: unknown) => ({
    definitions: { Address: { type: 'object', properties: { city } }, Order: { type: 'object', properties: { ship_to: { $ref: '#/definitions/Address' } } } },
    $ref: '#/definitions/Order',
  });

  it.each([
    ['$ref: 42', { $ref: 42 }, 'invalid-ref'],
    ['$ref: null', { $ref: null }, 'invalid-ref'],
    ["$ref: '#/%'", { $ref: '#/%' }, 'invalid-ref'],
    ["$ref: 'https://elsewhere/x.json'", { $ref: 'https://elsewhere/x.json' }, 'external-ref'],
  ])('turns %s into a SchemaError pointing at it', (_label, city, code) => {
    const error = thrown(() => toFormSchema(meta(city))) as SchemaError;
    expect(error).toBeInstanceOf(SchemaError);
    expect(error.code).toBe(code);
    expect(error.pointer).toBe('/definitions/Address/properties/city/$ref');
  });

  it('points into the OpenAPI document when the request body is there', () => {
    const document: OpenApiDocument = {
      openapi: '3.1.0',
      paths: { '/wms/orders': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { a: { $ref: null } } } } } } } } },
    };
    const error = thrown(() => toFormSchema({ document, operation: { method: 'POST', path: '/wms/orders' } })) as SchemaError;
    expect(error.pointer).toBe('/paths/~1wms~1orders/post/requestBody/content/application~1json/schema/properties/a/$ref');
  });

  it.each([
    ['required: null', { type: 'object', properties: { a: { type: 'string' } }, required: null }],
    ['oneOf: null', { type: 'object', properties: { a: { type: 'string', oneOf: null } } }],
  ])('drops %s (it constrains nothing) and still gives a strict-clean form', (_label, input) => {
    const schema = toFormSchema(input);
    expect(props(schema).a).toEqual({ type: 'string', title: 'A' });
    expect(strictAjvProblems(schema)).toEqual([]);
  });

  it('throws nothing but SchemaError, even for a failure nobody foresaw', () => {
    const hostile = {
      get properties(): never {
        throw new TypeError('boom');
      },
    };
    const error = thrown(() => toFormSchema(hostile)) as SchemaError;
    expect(error).toBeInstanceOf(SchemaError);
    expect(error.message).toContain('boom');
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('toFormSchema: every output compiles in strict ajv in well under a second, or is refused', () => {
  /** Each level references the next `width` times: width^depth fields once inlined. */
  function exploding(depth: number, width: number) {
    const definitions: Record<string, unknown> = { [`L${depth}`]: { type: 'string', minLength: 1 } };
    for (let level = depth - 1; level >= 0; level -= 1) {
      const properties: Record<string, unknown> = {};
      for (let index = 0; index < width; index += 1) properties[`f${index}`] = { $ref: `#/definitions/L${level + 1}` };
      definitions[`L${level}`] = { type: 'object', properties, required: ['f0'] };
    }
    return { definitions, $ref: '#/definitions/L0' };
  }

  it('refuses a schema whose strict compile would take seconds', () => {
    const { value: error, cpuMs } = cpuTime(() => thrown(() => toFormSchema(exploding(4, 10))) as SchemaError);
    expect(error).toBeInstanceOf(SchemaError);
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/too large/);
    expect(cpuMs).toBeLessThan(1_000);
  });

  it('compiles the largest schemas it accepts in well under a second', () => {
    // Just under the budget: two levels of 19 fields (381 subschemas), and a field with 5,000 options.
    for (const source of [exploding(2, 19), { type: 'object', properties: { e: { type: 'string', enum: Array.from({ length: 5000 }, (_, i) => `v${i}`) } } }]) {
      const { problems, cpuMs } = timedStrictAjvProblems(toFormSchema(source));
      expect(problems).toEqual([]);
      expect(cpuMs).toBeLessThan(1_000);
    }
  });

  it('never lets a pattern stall the compile (patternProperties are tested against every property name)', () => {
    const name = `${'a'.repeat(28)}!`;
    const schema = toFormSchema({ type: 'object', properties: { [name]: { type: 'string' } }, patternProperties: { '^(a+)+$': { type: 'string' } } });
    const { problems, cpuMs } = timedStrictAjvProblems(schema);
    expect(problems).toEqual([]);
    expect(cpuMs).toBeLessThan(1_000);
  });
});

describe('toFormSchema: labelled options', () => {
  it('validates 5,000 labelled options against enum (labels are display only), fast', () => {
    const values = Array.from({ length: 5000 }, (_, index) => `wh_${index}`);
    const schema = toFormSchema({
      type: 'object',
      properties: { warehouse_id: { type: 'string', enum: values, enumNames: values.map((value) => `Warehouse ${value}`) } },
      required: ['warehouse_id'],
    });
    expect(props(schema).warehouse_id).toEqual({ type: 'string', enum: values, title: 'Warehouse ID' });
    // The first validation compiles the schema (within the budget above); later ones are what a submit costs.
    expect(validator.validateFormData({ warehouse_id: 'wh_4999' }, schema).errors).toEqual([]);
    const { value: { errors }, cpuMs } = cpuTime(() => validator.validateFormData({ warehouse_id: 'nope' }, schema));
    expect(cpuMs).toBeLessThan(50);
    expect(errors.map((error) => error.name)).toEqual(['enum']);
  });
});

describe('toFormSchema: reference cycles', () => {
  it('renders a mutual cycle through object fields with bounded nesting and no definitions', () => {
    const schema = toFormSchema({
      definitions: {
        Order: { type: 'object', properties: { number: { type: 'string' }, ship_to: { $ref: '#/definitions/Address' } }, required: ['number'] },
        Address: { type: 'object', properties: { city: { type: 'string' }, order: { $ref: '#/definitions/Order' } } },
      },
      $ref: '#/definitions/Order',
    });
    expect(schema.definitions).toBeUndefined();
    const text = JSON.stringify(schema);
    expect(text).not.toContain('$ref');
    expect(text.match(/"city"/g)).toHaveLength(2);
    const nested = props(props(props(schema).ship_to!).order!);
    expect(Object.keys(nested)).toEqual(['number', 'ship_to']);
    expect(props(nested.ship_to!)).toEqual({ city: { type: 'string', title: 'City' } });
    expect(strictAjvProblems(schema)).toEqual([]);
  });
});

describe('toFormSchema: the budget counts what makes ajv slow', () => {
  it('counts long dependency lists (each missing-property error names the whole list)', () => {
    const names = Array.from({ length: 2000 }, (_, index) => `field_${index}`);
    const error = thrown(() => toFormSchema({ type: 'object', properties: { a: { type: 'string' } }, dependencies: { a: names } })) as SchemaError;
    expect(error.code).toBe('too-large');
    const { problems, cpuMs } = timedStrictAjvProblems(toFormSchema({ type: 'object', properties: { a: { type: 'string' } }, dependencies: { a: names.slice(0, 300) } }));
    expect(problems).toEqual([]);
    expect(cpuMs).toBeLessThan(1_000);
  });
});
