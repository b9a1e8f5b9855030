// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/core/schema/errors';
import { lookupPointer, parseLocalPointer, resolveRefs } from '../../src/core/schema/resolve-refs';

describe('parseLocalPointer', () => {
  it('decodes escaped and percent-encoded tokens', () => {
    expect(parseLocalPointer('#/components/schemas/CreatewmsOrder--Cin7_Core_(Dear_Systems)--')).toEqual([
      'components',
      'schemas',
      'CreatewmsOrder--Cin7_Core_(Dear_Systems)--',
    ]);
    expect(parseLocalPointer('#/definitions/a~1b~0c')).toEqual(['definitions', 'a/b~c']);
    expect(parseLocalPointer('#/definitions/With%20Space')).toEqual(['definitions', 'With Space']);
    expect(parseLocalPointer('#')).toEqual([]);
  });

  it('refuses references to other documents', () => {
    expect(() => parseLocalPointer('https://example.com/schema.json#/Foo')).toThrow(SchemaError);
    expect(() => parseLocalPointer('other.json')).toThrow(/only references inside the same document/);
  });
});

describe('lookupPointer', () => {
  it('walks objects and arrays and misses cleanly', () => {
    const document = { a: { b: [{ c: 1 }] } };
    expect(lookupPointer(document, '#/a/b/0/c')).toBe(1);
    expect(lookupPointer(document, '#/a/x')).toBeUndefined();
    expect(lookupPointer(document, '#/a/b/5')).toBeUndefined();
  });
});

describe('resolveRefs', () => {
  it('inlines #/definitions and #/components/schemas references', () => {
    const meta = {
      definitions: { Address: { type: 'object', properties: { city: { type: 'string' } } } },
      $ref: '#/definitions/Order',
    };
    const document = {
      ...meta,
      definitions: {
        ...meta.definitions,
        Order: { type: 'object', properties: { ship_to: { $ref: '#/definitions/Address' } } },
      },
    };
    const { schema, definitions } = resolveRefs({ $ref: '#/definitions/Order' }, document);
    expect(schema).toEqual({
      type: 'object',
      properties: { ship_to: { type: 'object', properties: { city: { type: 'string' } } } },
    });
    expect(definitions).toEqual({});

    const openapi = { components: { schemas: { Line: { type: 'object', properties: { sku: { type: 'string' } } } } } };
    expect(resolveRefs({ type: 'array', items: { $ref: '#/components/schemas/Line' } }, openapi).schema).toEqual({
      type: 'array',
      items: { type: 'object', properties: { sku: { type: 'string' } } },
    });
  });

  it('keeps keywords written beside a $ref, which override the target annotations', () => {
    const document = { definitions: { Address: { type: 'object', description: 'generic', properties: {} } } };
    const { schema } = resolveRefs(
      { type: 'object', properties: { to: { type: 'object', description: 'Where it goes', $ref: '#/definitions/Address' } } },
      document,
    );
    expect(schema.properties).toEqual({ to: { type: 'object', description: 'Where it goes', properties: {} } });
  });

  it('leaves data keywords alone even when they contain a "$ref" key', () => {
    const { schema } = resolveRefs({ type: 'object', example: { $ref: '#/nowhere' }, default: { $ref: 'x' } }, {});
    expect(schema).toEqual({ type: 'object', example: { $ref: '#/nowhere' }, default: { $ref: 'x' } });
  });

  it('breaks a self-referencing cycle into a definition', () => {
    const document = {
      definitions: {
        Category: {
          type: 'object',
          properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Category' } } },
        },
      },
    };
    const { schema, definitions } = resolveRefs({ $ref: '#/definitions/Category' }, document);
    expect(schema).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Category' } } },
    });
    expect(Object.keys(definitions)).toEqual(['Category']);
    expect(definitions.Category).toEqual(schema);
  });

  it('breaks mutual recursion through array items into definitions, and resolves every definition it keeps', () => {
    const document = {
      components: {
        schemas: {
          A: { type: 'object', properties: { bs: { type: 'array', items: { $ref: '#/components/schemas/B' } } } },
          B: { type: 'object', properties: { as: { type: 'array', items: { $ref: '#/components/schemas/A' } } } },
        },
      },
    };
    const { schema, definitions } = resolveRefs({ $ref: '#/components/schemas/A' }, document);
    expect(schema).toEqual({
      type: 'object',
      properties: { bs: { type: 'array', items: { type: 'object', properties: { as: { type: 'array', items: { $ref: '#/definitions/A' } } } } } },
    });
    expect(definitions.A).toEqual(schema);
    // Every $ref left anywhere points at a definition that exists.
    const refs = JSON.stringify({ schema, definitions }).match(/#\/definitions\/[^"]+/g) ?? [];
    for (const ref of refs) expect(definitions[ref.split('/').at(-1)!]).toBeDefined();
  });

  it('unfolds mutual recursion through object properties twice and leaves the next repetition out (it would render for ever)', () => {
    const document = {
      components: {
        schemas: {
          A: { type: 'object', properties: { name: { type: 'string' }, b: { $ref: '#/components/schemas/B' } } },
          B: { type: 'object', properties: { code: { type: 'string' }, a: { $ref: '#/components/schemas/A' } } },
        },
      },
    };
    const { schema, definitions } = resolveRefs({ $ref: '#/components/schemas/A' }, document);
    const b = (inner: object) => ({ type: 'object', properties: { code: { type: 'string' }, ...inner } });
    const a = (inner: object) => ({ type: 'object', properties: { name: { type: 'string' }, ...inner } });
    expect(schema).toEqual(a({ b: b({ a: a({ b: b({}) }) }) }));
    expect(definitions).toEqual({});
  });

  it('does not mistake a shared (non-cyclic) definition for a cycle', () => {
    const document = {
      definitions: { Address: { type: 'object', properties: { city: { type: 'string' } } } },
    };
    const { schema, definitions } = resolveRefs(
      { type: 'object', properties: { from: { $ref: '#/definitions/Address' }, to: { $ref: '#/definitions/Address' } } },
      document,
    );
    expect(definitions).toEqual({});
    expect((schema.properties as Record<string, unknown>).to).toEqual((schema.properties as Record<string, unknown>).from);
  });

  it('names a missing definition and where it was referenced', () => {
    const error = (() => {
      try {
        resolveRefs({ type: 'object', properties: { line: { $ref: '#/definitions/Missing' } } }, { definitions: {} });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).code).toBe('missing-ref');
    expect((error as SchemaError).message).toContain('#/definitions/Missing');
    expect((error as SchemaError).message).toContain('/properties/line');
  });

  it('rejects a reference to something that is not a schema', () => {
    expect(() => resolveRefs({ $ref: '#/definitions/x' }, { definitions: { x: 42 } })).toThrow(/is not a schema/);
  });

  it('stops documents that explode when inlined', () => {
    // Each level references the next twice: 2^30 nodes once inlined.
    const definitions: Record<string, unknown> = { L30: { type: 'string' } };
    for (let level = 29; level >= 0; level -= 1) {
      definitions[`L${level}`] = {
        type: 'object',
        properties: { a: { $ref: `#/definitions/L${level + 1}` }, b: { $ref: `#/definitions/L${level + 1}` } },
      };
    }
    expect(() => resolveRefs({ $ref: '#/definitions/L0' }, { definitions }, { maxNodes: 10_000 })).toThrow(/more than 10000 nodes/);
  });
});

describe('resolveRefs: keys are read by keyword, wherever they stand', () => {
  const document = { definitions: { Money: { type: 'object', properties: { amount: { type: 'number' } } } } };
  const money = { type: 'object', properties: { amount: { type: 'number' } } };

  it.each(['default', 'enum', 'const', 'example', 'examples', 'enumNames'])('resolves a $ref under a property named "%s"', (name) => {
    const { schema } = resolveRefs({ type: 'object', properties: { [name]: { $ref: '#/definitions/Money' } } }, document);
    expect((schema.properties as Record<string, unknown>)[name]).toEqual(money);
  });

  it('resolves $refs in every schema position: maps, arrays, single schemas and schema-valued dependencies', () => {
    const ref = { $ref: '#/definitions/Money' };
    const { schema } = resolveRefs(
      {
        type: 'object',
        properties: { p: ref },
        patternProperties: { '^x': ref },
        additionalProperties: ref,
        dependencies: { p: ref, q: ['p'] },
        propertyNames: { ...ref },
        allOf: [ref],
        anyOf: [ref],
        oneOf: [ref],
        not: ref,
        if: ref,
        then: ref,
        else: ref,
      },
      document,
    );
    expect(JSON.stringify(schema)).not.toContain('$ref');
    expect(schema.dependencies).toEqual({ p: money, q: ['p'] });
    const array = resolveRefs({ type: 'array', items: [ref], additionalItems: ref, contains: ref }, document).schema;
    expect(array).toEqual({ type: 'array', items: [money], additionalItems: money, contains: money });
  });

  it('never walks data keywords or unknown keywords, even when they hold something that looks like a broken $ref', () => {
    const data = { $ref: '#/nowhere' };
    const { schema } = resolveRefs(
      { type: 'object', default: data, enum: [data], const: data, examples: [data], 'x-note': data, discriminator: { mapping: { a: '#/nowhere' } } },
      {},
    );
    expect(schema).toMatchObject({ default: data, enum: [data], const: data, examples: [data], 'x-note': data });
  });
});

describe('resolveRefs: malformed references are SchemaErrors that point at the $ref', () => {
  const caught = (run: () => unknown): SchemaError => {
    try {
      run();
    } catch (error) {
      return error as SchemaError;
    }
    throw new Error('expected a SchemaError');
  };

  it.each([
    ['a number', 42, 'invalid-ref', /must be a string/],
    ['null', null, 'invalid-ref', /must be a string.*null/],
    ['an object', { a: 1 }, 'invalid-ref', /must be a string/],
    ['an undecodable fragment', '#/%', 'invalid-ref', /not a valid URI fragment/],
    ['a relative fragment', '#definitions/X', 'external-ref', /JSON pointer/],
    ['another document', 'other.json#/X', 'external-ref', /same document/],
    ['something missing', '#/definitions/Nope', 'missing-ref', /does not define/],
  ])('%s', (_label, ref, code, message) => {
    const error = caught(() =>
      resolveRefs({ type: 'object', properties: { ship_to: { $ref: '#/definitions/Address' } } }, {
        definitions: { Address: { type: 'object', properties: { city: { $ref: ref } } } },
      }),
    );
    expect(error).toBeInstanceOf(SchemaError);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.pointer).toBe('/definitions/Address/properties/city/$ref');
  });

  it('names where in an OpenAPI document the root sits', () => {
    const error = caught(() => resolveRefs({ type: 'object', properties: { a: { $ref: 7 } } }, {}, { pointer: '/components/schemas/Body' }));
    expect(error.pointer).toBe('/components/schemas/Body/properties/a/$ref');
  });

  it('reads array indices in pointers strictly', () => {
    expect(lookupPointer({ a: ['x', 'y'] }, '#/a/1')).toBe('y');
    expect(lookupPointer({ a: ['x', 'y'] }, '#/a/01')).toBeUndefined();
    expect(lookupPointer({ a: ['x', 'y'] }, '#/a/1e0')).toBeUndefined();
  });
});

describe('resolveRefs: __proto__', () => {
  it('drops __proto__ keys instead of assigning them (which would replace the prototype)', () => {
    const input = JSON.parse('{"type":"object","__proto__":{"polluted":1},"properties":{"__proto__":{"type":"string"},"ok":{"$ref":"#/definitions/__proto__"}}}');
    const document = JSON.parse('{"definitions":{"__proto__":{"type":"integer"}}}');
    const { schema } = resolveRefs(input, document);
    expect(Object.getPrototypeOf(schema)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(schema.properties)).toBe(Object.prototype);
    expect(Object.keys(schema.properties as object)).toEqual(['ok']);
    expect((schema.properties as Record<string, unknown>).ok).toEqual({ type: 'integer' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('resolveRefs: a schema that refers to itself beside its own keywords', () => {
  it('keeps the keywords once the repetition is left out', () => {
    const document = { definitions: { X: { $ref: '#/definitions/X', type: 'object', properties: { a: { type: 'string' } } } } };
    const { schema } = resolveRefs({ $ref: '#/definitions/X' }, document);
    expect(schema).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
  });
});
