/**
 * The form at 320 CSS px, the width WCAG 2.1 asks content to reflow to (1.4.10): the
 * line-item table scrolls sideways inside its group instead of the page.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { TrackstarWriteForm, type TrackstarWriteFormProps } from '../../src/index';
import { BLUEFIN, BLUEFIN_ORDER, SHIP_TO_ADDRESS } from '../support/sample-data';
import { trackstarLoader } from '../support/story-loaders';

const meta = {
  title: 'States/Narrow screen',
  component: TrackstarWriteForm,
  args: { action: 'create_order', integrationName: 'bluefin' },
  loaders: [trackstarLoader({ connection: BLUEFIN })],
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByRole('form', {}, { timeout: 15_000 });
    // Reflow: nothing but the line-item table itself may need sideways scrolling.
    await expect(canvasElement.ownerDocument.documentElement.scrollWidth).toBeLessThanOrEqual(canvasElement.ownerDocument.documentElement.clientWidth);
  },
} satisfies Meta<TrackstarWriteFormProps>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithLineItems: Story = {
  name: 'Create order with line items, 320 px',
  args: { defaultValues: BLUEFIN_ORDER },
};

export const NoLineItemsYet: Story = {
  name: 'Create order before any line item, 320 px',
  args: { defaultValues: { order_number: 'SB-4001', ship_to_address: SHIP_TO_ADDRESS } },
};
