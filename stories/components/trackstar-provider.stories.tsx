/** The provider's reference page (autodocs) and what it shares between the forms under it. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { TrackstarProvider, type TrackstarProviderProps, TrackstarWriteForm } from '../../src/index';
import { CRATEWISE } from '../support/sample-data';
import { storyTrackstar, trackstarLoader } from '../support/story-loaders';

const meta = {
  title: 'Components/TrackstarProvider',
  component: TrackstarProvider,
  tags: ['autodocs'],
  args: { baseUrl: '/api/trackstar', schemaScope: 'connection', children: undefined },
  argTypes: {
    schemaScope: { control: 'inline-radio', options: ['connection', 'integration'] },
    children: { control: false },
    fetch: { control: false },
    queryClient: { control: false },
    draftStorage: { control: false },
  },
  loaders: [trackstarLoader({ connection: CRATEWISE })],
  // These stories render the provider themselves, so the preview's decorator must not add another.
  parameters: {
    storyProvider: false,
    docs: {
      description: {
        component:
          'Where the forms under it send their requests (`baseUrl`, your proxy route) and how: `fetch`, `headers`, `timeoutMs`, the react-query client, the schema scope and draft storage. Here `fetch` is the in-page sandbox\'s.',
      },
    },
  },
  render: (args, context) => {
    const trackstar = storyTrackstar(context);
    return (
      <TrackstarProvider {...args} fetch={trackstar.fetch} queryClient={trackstar.queryClient} draftStorage={trackstar.draftStorage}>
        <div className="story-columns">
          <TrackstarWriteForm action="create_order" integrationName="cratewise" title="Order for the east warehouse" idPrefix="east" />
          <TrackstarWriteForm action="create_order" integrationName="cratewise" title="Order for the west warehouse" idPrefix="west" />
        </div>
      </TrackstarProvider>
    );
  },
} satisfies Meta<TrackstarProviderProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two forms, one provider: the integration and its schema are fetched once and shared. */
export const SharedByTwoForms: Story = {
  name: 'Shared by two forms',
  play: async ({ canvas, loaded }) => {
    await canvas.findByRole('form', { name: 'Order for the east warehouse' });
    await canvas.findByRole('form', { name: 'Order for the west warehouse' });
    const trackstar = storyTrackstar({ loaded });
    await waitFor(() => expect(trackstar.callsTo('/wms/orders/meta')).toHaveLength(1));
    await expect(trackstar.callsTo('/integrations/wms/cratewise')).toHaveLength(1);
  },
};

/** `schemaScope="integration"`: the generic schema, with a note where options depend on the connected account. */
export const IntegrationScope: Story = {
  name: 'Integration scope',
  args: { schemaScope: 'integration' },
  play: async ({ canvas }) => {
    await canvas.findByRole('form', { name: 'Order for the east warehouse' });
    await expect(canvas.getAllByText(/Some options depend on the connected account/)).toHaveLength(2);
  },
};
