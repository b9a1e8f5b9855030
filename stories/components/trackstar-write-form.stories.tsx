/** The component's reference page (autodocs: props table from its TypeScript types) and its common uses. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { TrackstarWriteForm, type TrackstarWriteFormProps, WRITE_ACTIONS } from '../../src/index';
import { BLUEFIN, BLUEFIN_ORDER } from '../support/sample-data';
import { trackstarLoader } from '../support/story-loaders';

const meta = {
  title: 'Components/TrackstarWriteForm',
  component: TrackstarWriteForm,
  tags: ['autodocs'],
  args: { action: 'create_order', integrationName: 'bluefin' },
  argTypes: {
    action: { control: 'select', options: Object.keys(WRITE_ACTIONS) },
    integrationName: { control: 'text' },
    schemaScope: { control: 'inline-radio', options: ['connection', 'integration'] },
    onSuccess: { action: 'success' },
    onError: { action: 'error' },
    onChange: { action: 'change' },
  },
  loaders: [trackstarLoader({ connection: BLUEFIN })],
  parameters: {
    docs: {
      description: {
        component:
          'The write form for one action and integration, built from Trackstar\'s schemas. Put it inside a `TrackstarProvider`. These stories talk to an in-page sandbox connected as Bluefin WMS (fixture spec).',
      },
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('form', {}, { timeout: 15_000 })).toBeInTheDocument();
  },
} satisfies Meta<TrackstarWriteFormProps>;

export default meta;
type Story = StoryObj<typeof meta>;

export const CreateOrder: Story = { name: 'Create order' };

/** Updates name their record in `pathParams`; only what the operator sets is sent. */
export const UpdateOrder: Story = {
  name: 'Update order (path params)',
  args: { action: 'update_order', pathParams: { order_id: 'ord_1' } },
};

/** `defaultValues` are read when the form mounts. */
export const WithDefaultValues: Story = {
  name: 'With default values',
  args: { defaultValues: BLUEFIN_ORDER, title: 'New wholesale order', submitLabel: 'Send to the warehouse' },
};
