// @vitest-environment node
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { inlineMarkdown } from '../../src/core/schema/description-markdown';
import { applyWriteOperation, toFormDefinition, toFormSchema } from '../../src/core/schema/to-form-schema';
import { type FormUiSchema, mergeUiSchema } from '../../src/core/schema/ui-schema';
import type { SchemaNode } from '../../src/core/types';
import { strictAjvProblems } from '../support/strict-ajv';

const props = (schema: SchemaNode) => schema.properties as Record<string, SchemaNode>;
const field = (ui: FormUiSchema, name: string) => ui[name] as FormUiSchema;

/** Fields the way Trackstar writes them: a free-form tag list first, deprecated fields in between. */
const order = {
  type: 'object',
  properties: {
    trackstar_tags: {
      type: 'array',
      items: {},
      description: 'A list of custom tags associated with the resource. A tag can be either a string or a dictionary with one key-value pair.',
    },
    channel: { type: 'string', description: 'Deprecated in favor of channel_object.' },
    order_number: { type: 'string', description: 'Order number' },
    carrier_id: { type: 'string', description: 'The carrier. Deprecated in favor of `carrier_id` and `carrier_name`.' },
    unit: { type: 'string', enum: ['lb', 'kg', null, 'lb'], enumNames: ['Pounds', 'Kilograms', 'None', 'Pounds again'] },
    notes: { type: 'string', description: 'Use `gift` for *gift* notes. See the [docs](/api-reference/x). <img src=x onerror=alert(1)>' },
    contact_email: { type: 'string' },
    website: { type: 'string', description: 'Where the shop is' },
    expires_at: { type: 'string', description: 'ISO 8601 timestamp when the link expires' },
    due: { type: 'string', format: 'date-time' },
    homepage: { type: 'string', format: 'uri' },
  },
  required: ['order_number'],
};

describe('toFormDefinition: the generated uiSchema', () => {
  const { schema, uiSchema } = toFormDefinition(order);

  it('keeps the schema pure draft-07 (no presentation keywords) and strict-clean', () => {
    expect(JSON.stringify(schema)).not.toMatch(/enumNames|ui:|deprecated"/);
    expect(strictAjvProblems(schema)).toEqual([]);
    expect(toFormSchema(order)).toEqual(schema);
  });

  it('labels enum options through ui:enumNames, aligned with the options that remain', () => {
    expect(props(schema).unit!.enum).toEqual(['lb', 'kg']);
    expect(field(uiSchema, 'unit')['ui:enumNames']).toEqual(['Pounds', 'Kilograms']);
  });

  it('puts free-form lists after the integration’s own fields and deprecated fields last, marked as such', () => {
    expect(uiSchema['ui:order']).toEqual(['*', 'trackstar_tags', 'channel']);
    expect(field(uiSchema, 'channel')['ui:title']).toBe('Channel (deprecated)');
    // "Deprecated in favor of `carrier_id`" on carrier_id itself is a copied description, not a deprecation.
    expect(field(uiSchema, 'carrier_id')?.['ui:title']).toBeUndefined();
  });

  it('gives an items: {} list the items its description names: text, or one key with a text value', () => {
    const tags = props(schema).trackstar_tags!;
    expect(tags.items).toEqual({
      title: 'Trackstar tag',
      anyOf: [
        { type: 'string', title: 'Text' },
        { type: 'object', title: 'Key and value', minProperties: 1, maxProperties: 1, additionalProperties: { type: 'string', title: 'Value' } },
      ],
    });
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ order_number: '1', trackstar_tags: ['vip', { priority: 'high' }] })).toBe(true);
    expect(validate({ order_number: '1', trackstar_tags: [{ a: '1', b: '2' }] })).toBe(false);
    expect(validate({ order_number: '1', trackstar_tags: [{}] })).toBe(false);
    expect(validate({ order_number: '1', trackstar_tags: [5] })).toBe(false);
  });

  it('makes a list of text when the description names nothing else', () => {
    const plain = toFormSchema({ type: 'object', properties: { labels: { type: 'array', items: {}, description: 'Labels.' } } });
    expect(props(plain).labels!.items).toEqual({ type: 'string', title: 'Label' });
  });

  it('renders inline markdown safely: code and emphasis kept, links as their text, HTML and everything else literal', () => {
    expect(props(schema).notes!.description).toBe('Use `gift` for *gift* notes. See the docs. <img src=x onerror=alert(1)>');
    expect(field(uiSchema, 'notes')).toEqual({
      'ui:description': 'Use `gift` for *gift* notes\\. See the docs\\. \\<img src\\=x onerror\\=alert\\(1\\)\\>',
      'ui:enableMarkdownInDescription': true,
    });
    // Plain text stays plain: no markdown, no escapes.
    expect(field(uiSchema, 'website')?.['ui:description']).toBeUndefined();
  });

  it('hides descriptions that only repeat the label', () => {
    expect(props(schema).order_number!.description).toBeUndefined();
    expect(props(schema).website!.description).toBe('Where the shop is');
  });

  it('picks inputs from formats, and from names and descriptions where there is no format, without changing validation', () => {
    expect(field(uiSchema, 'due')['ui:widget']).toBe('date-time');
    expect(field(uiSchema, 'homepage')['ui:widget']).toBe('uri');
    expect(field(uiSchema, 'contact_email')['ui:widget']).toBe('email');
    expect(field(uiSchema, 'website')['ui:widget']).toBe('uri');
    expect(field(uiSchema, 'expires_at')['ui:widget']).toBe('date-time');
    for (const name of ['contact_email', 'website', 'expires_at']) expect(props(schema)[name]!.format).toBeUndefined();
    expect(field(uiSchema, 'order_number')).toBeUndefined();
  });

  it('keys ui by property path: nested objects, array items and the branches of a choice', () => {
    const nested = toFormDefinition({
      type: 'object',
      properties: {
        ship_to: { type: 'object', properties: { email: { type: 'string' } } },
        line_items: { type: 'array', items: { type: 'object', properties: { uom: { type: 'string', enum: ['ea', 'cs'], enumNames: ['Each', 'Case'] } } } },
        supplier: {
          oneOf: [
            { type: 'object', title: 'By ID', properties: { supplier_id: { type: 'string' } } },
            { type: 'object', title: 'By email', properties: { supplier_email: { type: 'string' } } },
          ],
        },
      },
    }).uiSchema;
    expect(nested).toEqual({
      ship_to: { email: { 'ui:widget': 'email' } },
      line_items: { items: { uom: { 'ui:enumNames': ['Each', 'Case'] } } },
      supplier: { oneOf: [{}, { supplier_email: { 'ui:widget': 'email' } }] },
    });
  });

  it('gives the definitions a cycle keeps their uiSchema under ui:definitions', () => {
    const { schema: tree, uiSchema: treeUi } = toFormDefinition({
      definitions: {
        Category: {
          type: 'object',
          properties: { unit: { type: 'string', enum: ['a', 'b'], enumNames: ['A', 'B'] }, children: { type: 'array', items: { $ref: '#/definitions/Category' } } },
        },
      },
      $ref: '#/definitions/Category',
    });
    expect(Object.keys(tree.definitions as object)).toEqual(['Category']);
    expect(treeUi['ui:definitions']).toEqual({ '#/definitions/Category': { unit: { 'ui:enumNames': ['A', 'B'] } } });
  });
});

describe('inlineMarkdown', () => {
  it.each([
    ['# of units', undefined],
    ['Use `key:value`.', 'Use `key:value`\\.'],
    ['**Required** for _freight_ only', '**Required** for *freight* only'],
    ['snake_case_names stay text, and so does 5 * 3', undefined],
    ['- a list? `no`', '\\- a list\\? `no`'],
    ['https://example.com `x`', 'https\\:\\/\\/example\\.com `x`'],
  ])('%j → %j', (text, markdown) => {
    expect(inlineMarkdown(text)).toBe(markdown);
  });
});

describe('applyWriteOperation on a form definition', () => {
  const base = toFormDefinition(order);
  const operation = {
    required_base_schema_fields: ['order_number'],
    integration_specific_fields: {
      properties: {
        dock_email: { type: 'string' },
        legacy_code: { type: 'string', description: 'Deprecated.' },
        extra_tags: { type: 'array', items: {}, description: 'Strings.' },
        unit: { type: 'string' },
      },
      required_fields: ['dock_email'],
    },
  };

  it('adds the fields with their uiSchema; free-form lists and deprecated fields stay at the end', () => {
    const merged = applyWriteOperation(base, operation);
    expect(Object.keys(props(merged.schema))).toEqual([...Object.keys(order.properties), 'dock_email', 'legacy_code', 'extra_tags']);
    expect(merged.schema.required).toEqual(['order_number', 'dock_email']);
    expect(field(merged.uiSchema, 'dock_email')['ui:widget']).toBe('email');
    expect(field(merged.uiSchema, 'legacy_code')['ui:title']).toBe('Legacy code (deprecated)');
    expect(merged.uiSchema['ui:order']).toEqual(['*', 'trackstar_tags', 'extra_tags', 'channel', 'legacy_code']);
    // A field the schema already has keeps its schema and its uiSchema.
    expect(field(merged.uiSchema, 'unit')['ui:enumNames']).toEqual(['Pounds', 'Kilograms']);
    expect(strictAjvProblems(merged.schema)).toEqual([]);
  });

  it('leaves the cached input alone and still extends a bare schema', () => {
    const before = JSON.stringify(base);
    const schemaOnly = applyWriteOperation(base.schema, operation);
    applyWriteOperation(base, operation);
    expect(JSON.stringify(base)).toBe(before);
    expect(props(schemaOnly).dock_email).toEqual({ type: 'string', title: 'Dock email' });
  });

  it('never follows __proto__ in a required path', () => {
    const merged = applyWriteOperation(base, { required_base_schema_fields: ['__proto__.polluted', '__proto__'], integration_specific_fields: { properties: {} } });
    expect(merged.schema.required).toEqual(['order_number']);
    expect(({} as Record<string, unknown>).required).toBeUndefined();
  });
});

describe('mergeUiSchema', () => {
  it('lets the host win key by key at any depth, replacing arrays and values whole, without touching either input', () => {
    const generated: FormUiSchema = { 'ui:order': ['*', 'tags'], unit: { 'ui:enumNames': ['Pounds'], 'ui:widget': 'select' }, tags: { items: { 'ui:widget': 'text' } } };
    const widget = () => null;
    const host = { 'ui:order': ['unit', '*'], unit: { 'ui:widget': 'radio' }, tags: { items: { 'ui:widget': widget } }, extra: { 'ui:help': 'Hi' } };
    const before = JSON.stringify(generated);
    expect(mergeUiSchema(generated, host)).toEqual({
      'ui:order': ['unit', '*'],
      unit: { 'ui:enumNames': ['Pounds'], 'ui:widget': 'radio' },
      tags: { items: { 'ui:widget': widget } },
      extra: { 'ui:help': 'Hi' },
    });
    expect(JSON.stringify(generated)).toBe(before);
    expect(mergeUiSchema(generated, undefined)).toEqual(generated);
  });
});
