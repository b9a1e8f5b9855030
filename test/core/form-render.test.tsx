/**
 * The schema pipeline's output through the public form: `TrackstarWriteForm` on the
 * test harness, with the `/meta` request answered by the schema under test and a
 * `write_operations` entry that adds nothing, so the form is exactly that schema.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { toFormDefinition } from '../../src/core/schema/to-form-schema';
import type { FormUiSchema } from '../../src/core/schema/ui-schema';
import type { MetaSchemaDocument } from '../../src/core/types';
import { TrackstarWriteForm } from '../../src/react/components/trackstar-write-form';
import { createHarness, jsonResponse, renderWithProvider } from '../react/harness';
import { strictAjv } from '../support/strict-ajv';

const ID = 'f';

function renderMeta(meta: unknown, uiSchema?: FormUiSchema) {
  const harness = createHarness();
  const sent: unknown[] = [];
  harness.intercept((call) => {
    if (call.path.startsWith('/wms/orders/meta')) return jsonResponse(200, meta);
    if (call.path === '/integrations/wms/bluefin') {
      return jsonResponse(200, {
        integration_name: 'bluefin',
        display_name: 'Bluefin WMS',
        available_actions: ['create_order'],
        write_operations: [
          { action: 'create_order', url: 'POST /wms/orders', required_base_schema_fields: [], optional_base_schema_fields: [], integration_specific_fields: { properties: {} } },
        ],
      });
    }
    if (call.method === 'POST' && call.path === '/wms/orders') {
      sent.push(call.body);
      return jsonResponse(200, { id: 'ord_1', data: { id: 'ord_1' }, unused_fields: [] });
    }
    return undefined;
  });
  const view = renderWithProvider(
    <TrackstarWriteForm action="create_order" integrationName="bluefin" idPrefix={ID} autosaveDraft={false} uiSchema={uiSchema} />,
    harness,
  );
  return { harness, sent, view };
}

const formReady = () => screen.findByRole('button', { name: 'Create order' }, { timeout: 10_000 });
const input = (path: string) => document.getElementById(`${ID}_${path}`) as HTMLInputElement | null;
const fieldIds = () => [...document.querySelectorAll('form input, form select, form textarea')].map((element) => element.id).sort();

describe('reference cycles render with bounded expansion', () => {
  const orderAddressOrder: MetaSchemaDocument = {
    definitions: {
      Order: { type: 'object', properties: { number: { type: 'string' }, ship_to: { $ref: '#/definitions/Address' } }, required: ['number'] },
      Address: { type: 'object', properties: { city: { type: 'string', default: 'Oslo' }, order: { $ref: '#/definitions/Order' } } },
    },
    $ref: '#/definitions/Order',
  };

  it('Order → Address → Order: renders, fills a nested field, and sends a body that validates', async () => {
    const user = userEvent.setup();
    const { sent } = renderMeta(orderAddressOrder);
    await formReady();
    // Unfolded twice, then left out: a fixed set of fields, with the defaults computed at each level.
    expect(fieldIds()).toEqual([`${ID}_number`, `${ID}_ship_to_city`, `${ID}_ship_to_order_number`, `${ID}_ship_to_order_ship_to_city`]);
    expect(input('ship_to_order_ship_to_city')).toHaveValue('Oslo');

    await user.type(input('number')!, 'N1');
    await user.type(input('ship_to_order_number')!, 'N2');
    await user.click(screen.getByRole('button', { name: 'Create order' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const body = { number: 'N1', ship_to: { city: 'Oslo', order: { number: 'N2', ship_to: { city: 'Oslo' } } } };
    expect(sent[0]).toEqual(body);
    const { ajv } = strictAjv();
    const validate = ajv.compile(toFormDefinition(orderAddressOrder).schema);
    expect(validate(body)).toBe(true);
    expect(validate({ number: 'N1', ship_to: { order: {} } })).toBe(false);
  });

  it('a cycle through array items stays a definition: rjsf follows it for the rows there are, and its defaults (minItems) stop at the cycle', async () => {
    const user = userEvent.setup();
    const category: MetaSchemaDocument = {
      definitions: {
        Category: {
          type: 'object',
          properties: { name: { type: 'string' }, children: { type: 'array', minItems: 1, items: { $ref: '#/definitions/Category' } } },
        },
      },
      $ref: '#/definitions/Category',
    };
    const { sent } = renderMeta(category);
    await formReady();
    // minItems: 1 at every level asks for rows for ever; rjsf's defaults stop once the reference repeats.
    // Each row's nested list lives in its details: open them all, level by level.
    for (let pass = 0; pass < 5; pass += 1) {
      const closed = [...document.querySelectorAll<HTMLButtonElement>('.tswf-grid__toggle[aria-expanded="false"]')];
      if (closed.length === 0) break;
      for (const toggle of closed) fireEvent.click(toggle);
    }
    expect(fieldIds()).toEqual([`${ID}_children_0_children_0_children_0_name`, `${ID}_children_0_children_0_name`, `${ID}_children_0_name`, `${ID}_name`]);
    await user.type(input('name')!, 'Shoes');
    await user.type(input('children_0_name')!, 'Boots');
    await user.click(screen.getByRole('button', { name: 'Create order' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ name: 'Shoes', children: [{ name: 'Boots' }] });
  });
});

describe('malformed schemas never blank the page', () => {
  const meta = (city: unknown, extra: object = {}) => ({
    definitions: { Address: { type: 'object', properties: { city }, ...extra } },
    type: 'object',
    properties: { ship_to: { $ref: '#/definitions/Address' } },
  });

  it.each([
    ['$ref: 42', meta({ $ref: 42 })],
    ['$ref: null', meta({ $ref: null })],
    ["$ref: '#/%'", meta({ $ref: '#/%' })],
  ])('%s: the malformed-schema panel names the place, with no Retry that could never work', async (_label, schema) => {
    renderMeta(schema);
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('The schema for this form in Bluefin WMS is malformed.');
    expect(alert).toHaveTextContent('/definitions/Address/properties/city/$ref');
    expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull();
  });

  it.each([
    ['required: null', meta({ type: 'string' }, { required: null })],
    ['oneOf: null', meta({ type: 'string', oneOf: null })],
  ])('%s: the form renders without it', async (_label, schema) => {
    renderMeta(schema);
    await formReady();
    expect(input('ship_to_city')).not.toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('composition and presentation in the rendered form', () => {
  it('applies both conditionals of an allOf: the field the second one requires appears when its condition holds', async () => {
    const user = userEvent.setup();
    renderMeta({
      type: 'object',
      properties: { kind: { type: 'string', enum: ['parcel', 'freight'] } },
      allOf: [
        { if: { properties: { kind: { const: 'parcel' } }, required: ['kind'] }, then: { properties: { carrier: { type: 'string' } }, required: ['carrier'] } },
        { if: { properties: { kind: { const: 'freight' } }, required: ['kind'] }, then: { properties: { bol_number: { type: 'string' } }, required: ['bol_number'] } },
      ],
    });
    await formReady();
    await user.selectOptions(screen.getByLabelText(/^Kind/), 'freight');
    await waitFor(() => expect(screen.getByLabelText(/^BOL number/)).toBeRequired());
    expect(screen.queryByLabelText(/^Carrier/)).toBeNull();
    await user.selectOptions(screen.getByLabelText(/^Kind/), 'parcel');
    await waitFor(() => expect(screen.getByLabelText(/^Carrier/)).toBeRequired());
  });

  it('renders the generated uiSchema: labels, inline markdown without links or HTML, deprecated fields marked and last', async () => {
    const meta = {
      type: 'object',
      properties: {
        tags: { type: 'array', items: {}, description: 'Strings.' },
        legacy: { type: 'string', description: 'Deprecated.' },
        unit: { type: 'string', enum: ['lb', 'kg'], enumNames: ['Pounds', 'Kilograms'] },
        note: { type: 'string', description: 'Use `gift` here. See [the docs](/api-reference/x). <img src=x onerror="window.__injected=1"> # not a heading' },
        number: { type: 'string' },
      },
    };
    const { uiSchema } = toFormDefinition(meta);
    renderMeta(meta, uiSchema);
    await formReady();
    expect([...(screen.getByLabelText(/^Unit/) as HTMLSelectElement).options].map((option) => option.text).filter(Boolean)).toEqual(['Pounds', 'Kilograms']);
    const description = document.getElementById(`${ID}_note__description`)!;
    expect(description.querySelector('code')).toHaveTextContent('gift');
    expect(description).toHaveTextContent('Use gift here. See the docs. <img src=x onerror="window.__injected=1"> # not a heading');
    expect(description.querySelector('a, img, h1')).toBeNull();
    expect(document.querySelector('form img')).toBeNull();
    expect(screen.getByLabelText(/^Legacy \(deprecated\)/)).toBeInTheDocument();
    const order = [...document.querySelectorAll('form [id]')].map((element) => element.id).filter((id) => /^f_[a-z]+$/.test(id));
    expect(order).toEqual(['f_unit', 'f_note', 'f_number', 'f_tags', 'f_legacy']);
  });
});
