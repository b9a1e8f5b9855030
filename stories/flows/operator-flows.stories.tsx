/**
 * Whole tasks as an operator does them, checked end to end: what was typed is what the
 * sandbox received, with nothing empty or null in the body.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { findEmptyValues } from '../../src/core/internal';
import { TrackstarWriteForm, type TrackstarWriteFormProps } from '../../src/index';
import { BLUEFIN, SHIP_TO_ADDRESS } from '../support/sample-data';
import { storyTrackstar, trackstarLoader } from '../support/story-loaders';

const meta = {
  title: 'Operator flows/Create order',
  component: TrackstarWriteForm,
  args: { action: 'create_order', integrationName: 'bluefin' },
  loaders: [trackstarLoader({ connection: BLUEFIN })],
} satisfies Meta<TrackstarWriteFormProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Only the required fields and one line item: the body carries those and the defaults shown, nothing blank. */
export const FillAndSubmitCreateOrder: Story = {
  name: 'Fill and submit a create order',
  play: async ({ canvas, userEvent, loaded }) => {
    const { sandbox } = storyTrackstar({ loaded });
    await userEvent.type(await canvas.findByLabelText(/^Order number/), 'SB-2001');
    await userEvent.type(canvas.getByLabelText(/^Full name/), SHIP_TO_ADDRESS.full_name);
    await userEvent.type(canvas.getByLabelText(/^Address 1/), SHIP_TO_ADDRESS.address1);
    await userEvent.type(canvas.getByLabelText(/^City/), SHIP_TO_ADDRESS.city);
    await userEvent.type(canvas.getByLabelText(/^Postal code/), SHIP_TO_ADDRESS.postal_code);
    await userEvent.type(canvas.getByLabelText(/^Country/), SHIP_TO_ADDRESS.country);
    await userEvent.click(canvas.getByRole('button', { name: 'Add line item' }));
    await userEvent.type(canvas.getByLabelText('SKU, Line item 1'), 'TEE-BLK-M');
    await userEvent.type(canvas.getByLabelText('Quantity, Line item 1'), '3');
    await userEvent.click(canvas.getByRole('button', { name: 'Create order' }));
    await expect(await canvas.findByText(/Order created in Bluefin WMS/)).toBeInTheDocument();

    const [received] = sandbox.receivedWrites;
    await expect(received?.status).toBe(200);
    await expect(received?.body).toMatchObject({
      order_number: 'SB-2001',
      ship_to_address: { full_name: 'Dana Whitfield', address1: '18 Harbor Lane', city: 'Portland', postal_code: '04101', country: 'US' },
      line_items: [{ sku: 'TEE-BLK-M', quantity: 3 }],
    });
    await expect(findEmptyValues(received?.body)).toEqual([]);
    await expect(JSON.stringify(received?.body)).not.toMatch(/null|""/);
  },
};

/**
 * Tab to "Add line item", Enter: focus lands in the new row's first cell. Fill it, then Tab to the submit button and
 * Enter to send: no pointer at all. (Enter inside the grid moves down a row, as in a spreadsheet; it never sends.)
 */
export const KeyboardOnlyLineItem: Story = {
  name: 'Enter a line item by keyboard only',
  args: { defaultValues: { order_number: 'SB-3001', ship_to_address: SHIP_TO_ADDRESS } },
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    const { sandbox } = storyTrackstar({ loaded });
    const orderNumber = await canvas.findByLabelText(/^Order number/);
    orderNumber.focus();
    const addLineItem = canvas.getByRole('button', { name: 'Add line item' });
    await tabUntil(userEvent, canvasElement, () => document.activeElement === addLineItem);
    await userEvent.keyboard('{Enter}');
    const sku = await canvas.findByLabelText('SKU, Line item 1');
    await waitFor(() => expect(sku).toHaveFocus());
    await userEvent.keyboard('MUG-WHT');
    await userEvent.tab();
    await expect(canvas.getByLabelText('Quantity, Line item 1')).toHaveFocus();
    await userEvent.keyboard('4');
    const submit = canvas.getByRole('button', { name: 'Create order' });
    await tabUntil(userEvent, canvasElement, () => document.activeElement === submit);
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByText(/Order created in Bluefin WMS/)).toBeInTheDocument();
    await waitFor(() => expect(sandbox.receivedWrites[0]?.body).toMatchObject({ line_items: [{ sku: 'MUG-WHT', quantity: 4 }] }));
  },
};

async function tabUntil(
  userEvent: { tab: (options?: { shift?: boolean }) => Promise<void> },
  container: HTMLElement,
  reached: () => boolean,
  { backwards = false } = {},
): Promise<void> {
  // Bounded by the number of focusable controls, so a control that can never be reached fails instead of looping.
  const limit = container.querySelectorAll('input, select, textarea, button, a[href], [tabindex]').length + 1;
  for (let presses = 0; presses < limit && !reached(); presses++) await userEvent.tab({ shift: backwards });
  if (!reached()) throw new Error(`Focus never reached the control in ${limit} ${backwards ? 'Shift+Tab' : 'Tab'} presses.`);
}
