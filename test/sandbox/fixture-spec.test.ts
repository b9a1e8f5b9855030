// @vitest-environment node
import { WRITE_ACTIONS } from '../../src/core/actions';
import { isPlaceholderEnum } from '../../src/core/schema/placeholders';
import { toFormSchema } from '../../src/core/schema/to-form-schema';
import type { SchemaNode } from '../../src/core/types';
import { FIXTURE_SPEC } from '../../src/sandbox';
import { strictAjv } from './helpers';

const schemas = FIXTURE_SPEC.components!.schemas!;

interface PropertyVisit {
  owner: string;
  name: string;
  schema: SchemaNode;
}

/** Every property of every component schema, nested inline objects included. */
function allProperties(): PropertyVisit[] {
  const visits: PropertyVisit[] = [];
  const visit = (owner: string, node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const schema = node as SchemaNode;
    if (schema.properties && typeof schema.properties === 'object') {
      for (const [name, child] of Object.entries(schema.properties as Record<string, SchemaNode>)) {
        visits.push({ owner, name, schema: child });
        visit(owner, child);
      }
    }
    if (schema.items) visit(owner, schema.items);
  };
  for (const [name, schema] of Object.entries(schemas)) visit(name, schema);
  return visits;
}

const properties = allProperties();
const findProperty = (predicate: (visit: PropertyVisit) => boolean) => properties.find(predicate);
const isRefTo = (node: unknown) => typeof (node as SchemaNode | undefined)?.$ref === 'string';

describe('fixture spec', () => {
  it('is an OpenAPI 3.0.3 document, frozen so no test can change it for another', () => {
    expect(FIXTURE_SPEC.openapi).toBe('3.0.3');
    expect(Object.isFrozen(FIXTURE_SPEC)).toBe(true);
    expect(Object.isFrozen(schemas['CreatewmsOrder--Bluefin_WMS--'])).toBe(true);
  });

  describe.each(Object.values(WRITE_ACTIONS))('$action', (definition) => {
    const input = schemas[`${definition.schemaKind}InputSchema`] as SchemaNode;
    const mapping = (input.discriminator as { mapping: Record<string, string> }).mapping;

    it('has integration schemas, a base schema and an input schema listing them like the real spec', () => {
      const members = Object.keys(schemas).filter((name) => name.startsWith(`${definition.schemaKind}--`));
      expect(members.length).toBeGreaterThan(0);
      expect(input).toMatchObject({ type: 'object', properties: {}, additionalProperties: false, discriminator: { propertyName: 'type' } });
      expect(mapping._base).toMatch(/--Base_Schema--$/);
      expect(schemas[mapping._base!.split('/').pop()!]).toBeDefined();
      const oneOfRefs = (input.oneOf as Array<{ $ref: string }>).map((branch) => branch.$ref);
      expect(oneOfRefs).toEqual(expect.arrayContaining([mapping._base, ...members.map((name) => `#/components/schemas/${name}`)]));
      for (const member of members) expect(Object.values(mapping)).toContain(`#/components/schemas/${member}`);
    });

    it('has a path whose request body refers to the input schema', () => {
      const operation = (FIXTURE_SPEC.paths![definition.path] as Record<string, SchemaNode>)[definition.method.toLowerCase()];
      expect(operation?.requestBody).toEqual({
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${definition.schemaKind}InputSchema` } } },
      });
    });

    it('normalizes every integration schema into a form schema ajv compiles without a warning', () => {
      for (const name of Object.keys(schemas).filter((key) => key.startsWith(`${definition.schemaKind}--`))) {
        const { ajv, warnings } = strictAjv();
        ajv.compile(toFormSchema({ document: FIXTURE_SPEC, schemaRef: `#/components/schemas/${name}` }, { method: definition.method }));
        expect(warnings, name).toEqual([]);
      }
    });
  });

  it('maps at least one integration to a schema it withholds', () => {
    const withheld = Object.keys(schemas)
      .filter((name) => name.endsWith('InputSchema'))
      .flatMap((name) => Object.values((schemas[name]!.discriminator as { mapping: Record<string, string> }).mapping))
      .filter((ref) => schemas[ref.split('/').pop()!] === undefined);
    expect(withheld.length).toBeGreaterThan(0);
  });

  describe('has every quirk of the real spec', () => {
    it('nullable, and an example on most properties', () => {
      expect(findProperty((visit) => visit.schema.nullable === true)).toBeDefined();
      const withExample = properties.filter((visit) => 'example' in visit.schema).length;
      expect(withExample / properties.length).toBeGreaterThan(0.75);
    });

    it('allOf [$ref] wrappers with a sibling description', () => {
      const wrapper = findProperty((visit) => Array.isArray(visit.schema.allOf) && typeof visit.schema.description === 'string');
      expect((wrapper?.schema.allOf as unknown[])).toHaveLength(1);
      expect(isRefTo((wrapper?.schema.allOf as unknown[])[0])).toBe(true);
    });

    it('contradictory one-of objects (empty properties, no additional properties, discriminator on a property no branch has)', () => {
      for (const name of ['SupplierSchema', 'ChannelSchema']) {
        const schema = schemas[name]!;
        expect(schema).toMatchObject({ properties: {}, additionalProperties: false });
        const branches = (schema.oneOf as Array<{ $ref: string }>).map((branch) => schemas[branch.$ref.split('/').pop()!]!);
        expect(branches).toHaveLength(2);
        const propertyName = (schema.discriminator as { propertyName: string }).propertyName;
        for (const branch of branches) expect(Object.keys(branch.properties as object)).not.toContain(propertyName);
      }
    });

    it('anyOf [{type: object, nullable: true}, {$ref}]', () => {
      const field = findProperty((visit) => Array.isArray(visit.schema.anyOf));
      expect(field?.schema.anyOf).toEqual([{ type: 'object', nullable: true }, { $ref: expect.stringMatching(/^#\/components\/schemas\//) }]);
    });

    it('account-dependent placeholder enums on warehouse, channel, client, carrier and return cause', () => {
      const placeholderOn = (name: string, text: string) =>
        findProperty((visit) => visit.name === name && isPlaceholderEnum(visit.schema.enum) && (visit.schema.enum as string[]).includes(text));
      expect(placeholderOn('warehouse_id', 'N/A - Connect an account to see options')).toBeDefined();
      expect(placeholderOn('channel', 'N/A - Connect an account to see options')).toBeDefined();
      expect(placeholderOn('client_id', 'N/A - Connect an account to see options')).toBeDefined();
      expect(placeholderOn('carrier', 'Connect an account to see available carriers')).toBeDefined();
      expect(placeholderOn('carrier_id', 'Connect an account to see available carriers')).toBeDefined();
      expect(findProperty((visit) => visit.name === 'code' && JSON.stringify(visit.schema.enum) === '["N/A"]')).toBeDefined();
    });

    it('defaults: null, an enum option, an integer within bounds', () => {
      expect(findProperty((visit) => 'default' in visit.schema && visit.schema.default === null)).toBeDefined();
      expect(findProperty((visit) => Array.isArray(visit.schema.enum) && (visit.schema.enum as unknown[]).includes(visit.schema.default))).toBeDefined();
      expect(
        findProperty(
          (visit) => visit.schema.type === 'integer' && typeof visit.schema.default === 'number' && 'minimum' in visit.schema && 'maximum' in visit.schema,
        ),
      ).toBeDefined();
    });

    it('formats, pattern, maxLength and minimum', () => {
      expect(findProperty((visit) => visit.schema.format === 'date')).toBeDefined();
      expect(findProperty((visit) => visit.schema.format === 'date-time')).toBeDefined();
      expect(findProperty((visit) => typeof visit.schema.pattern === 'string')).toBeDefined();
      expect(findProperty((visit) => typeof visit.schema.maxLength === 'number')).toBeDefined();
      expect(findProperty((visit) => typeof visit.schema.minimum === 'number')).toBeDefined();
    });

    it('trackstar_tags with items: {}', () => {
      expect(findProperty((visit) => visit.name === 'trackstar_tags')?.schema).toMatchObject({ type: 'array', items: {}, nullable: true });
    });

    it('a required nested ship_to_address and line items with required fields', () => {
      const order = schemas['CreatewmsOrder--Bluefin_WMS--']!;
      expect(order.required).toEqual(expect.arrayContaining(['ship_to_address', 'line_items']));
      const properties = order.properties as Record<string, SchemaNode>;
      expect(isRefTo(properties.ship_to_address)).toBe(true);
      const lineItem = schemas[(properties.line_items!.items as { $ref: string }).$ref.split('/').pop()!]!;
      expect(lineItem.required).toEqual(expect.arrayContaining(['sku', 'quantity']));
    });

    it('descriptions that mark fields deprecated', () => {
      const deprecated = properties.filter((visit) => /Deprecated in favor of/.test(String(visit.schema.description)));
      expect(new Set(deprecated.map((visit) => visit.name))).toEqual(new Set(['channel', 'supplier', 'shipping_method', 'carrier']));
    });
  });
});
