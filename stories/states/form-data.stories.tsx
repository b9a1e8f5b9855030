/** Forms with something already in them: a restored draft, account options, many and nested line items. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { draftStorageKey } from '../../src/core/internal';
import { TrackstarWriteForm, type TrackstarWriteFormProps } from '../../src/index';
import { BLUEFIN, BLUEFIN_ORDER, CRATEWISE, SHOPWAVE_SHIPMENT, manyLineItems } from '../support/sample-data';
import { trackstarLoader } from '../support/story-loaders';

const meta = {
  title: 'States/Form data',
  component: TrackstarWriteForm,
  args: { action: 'create_order', integrationName: 'bluefin' },
  loaders: [trackstarLoader({ connection: BLUEFIN })],
} satisfies Meta<TrackstarWriteFormProps>;

export default meta;
type Story = StoryObj<typeof meta>;

const DRAFT_SAVED_AT = Date.UTC(2025, 9, 14, 9, 30);

/** The operator typed half an order and the tab reloaded: the draft comes back with a notice. */
export const DraftRestored: Story = {
  name: 'Draft restored',
  loaders: [
    trackstarLoader({
      connection: BLUEFIN,
      drafts: {
        [draftStorageKey({ action: 'create_order', ...BLUEFIN })]: JSON.stringify({
          version: 1,
          savedAt: DRAFT_SAVED_AT,
          formData: { order_number: 'DRAFT-77', packing_note: 'Gift, no invoice in the box', line_items: [{ sku: 'MUG-WHT', quantity: 4 }] },
        }),
      },
    }),
  ],
  play: async ({ canvas }) => {
    const notice = await canvas.findByText(/Draft restored from/);
    await expect(notice).toHaveTextContent(new Date(DRAFT_SAVED_AT).toLocaleTimeString());
    await expect(canvas.getByRole('button', { name: 'Discard draft' })).toBeInTheDocument();
    await expect(canvas.getByLabelText(/^Order number/)).toHaveValue('DRAFT-77');
    await expect(canvas.getByLabelText('SKU, Line item 1')).toHaveValue('MUG-WHT');
  },
};

/**
 * The same Cratewise form twice: with the integration's generic schema, account-dependent fields are
 * placeholders that cannot be chosen; with the connection's schema they list the account's real options.
 */
export const PlaceholderVsConnectionOptions: Story = {
  name: 'Placeholder options vs a connection’s real options',
  args: { integrationName: 'cratewise' },
  loaders: [trackstarLoader({ connection: CRATEWISE })],
  render: (args) => (
    <div className="story-columns">
      <TrackstarWriteForm {...args} schemaScope="integration" title="Integration schema (no account)" idPrefix="integration-scope" />
      <TrackstarWriteForm {...args} schemaScope="connection" title="Connection schema (connected account)" idPrefix="connection-scope" />
    </div>
  ),
  play: async ({ canvas }) => {
    const generic = await canvas.findByRole('form', { name: 'Integration schema (no account)' });
    const connected = await canvas.findByRole('form', { name: 'Connection schema (connected account)' });
    const placeholder = within(generic).getByLabelText(/^Warehouse ID/);
    await expect(placeholder).toBeDisabled();
    await expect(placeholder).toHaveTextContent('Connect an account to see options');
    const real = within(connected).getByLabelText(/^Warehouse ID/);
    await expect(real).toBeEnabled();
    await expect(within(real).getAllByRole('option').map((option) => option.textContent)).toEqual(expect.arrayContaining(['wh_east', 'wh_west']));
  },
};

/**
 * An order imported from a spreadsheet: 500 line items. The grid renders the rows near the viewport and keeps its
 * full height; the filter box finds a row the browser's find-in-page could not see.
 */
export const FiveHundredLineItems: Story = {
  name: '500 line items',
  args: { defaultValues: { ...BLUEFIN_ORDER, line_items: manyLineItems(500) } },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByLabelText('SKU, Line item 1', {}, { timeout: 15_000 })).toHaveValue('SKU-0001');
    const grid = canvas.getByRole('grid', { name: /^Line items/ });
    await expect(grid).toHaveAttribute('aria-rowcount', '501');
    await expect(grid.querySelectorAll('[role="row"][data-item]').length).toBeLessThan(100);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Filter line items' }), 'SKU-0500');
    await expect(await canvas.findByLabelText('SKU, Line item 500')).toHaveValue('SKU-0500');
    await expect(canvas.getByText('Showing 1 of 500 line items.')).toBeInTheDocument();
  },
};

/** A Shopwave shipment: shipping groups, each with its own line items. */
export const NestedLineItems: Story = {
  name: 'Nested line items',
  args: { action: 'create_cart_order_shipment', integrationName: 'shopwave', pathParams: { order_id: 'ord_1' }, defaultValues: SHOPWAVE_SHIPMENT },
  loaders: [trackstarLoader({ connection: { integrationType: 'cart', integrationName: 'shopwave' } })],
  play: async ({ canvas, userEvent }) => {
    await canvas.findByRole('form', {}, { timeout: 15_000 });
    // Each shipping group's own line items open in its details, as a grid of their own.
    for (const toggle of await canvas.findAllByRole('button', { name: /^Details of shipping group \d+$/ })) await userEvent.click(toggle);
    await waitFor(() => expect(canvas.getAllByDisplayValue(/^gli_3/)).toHaveLength(3));
    await expect(canvas.getByDisplayValue('sg_13')).toBeInTheDocument();
  },
};
