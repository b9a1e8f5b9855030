/** What an operator sees before there is a form: loading, unsupported, failed, malformed. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { TrackstarWriteForm, type TrackstarWriteFormProps } from '../../src/index';
import { BLUEFIN } from '../support/sample-data';
import { storyTrackstar, trackstarLoader } from '../support/story-loaders';
import { trackstarAnswer } from '../support/story-trackstar';

const isSchemaRequest = (path: string) => path.includes('/meta') || path.includes('/write-info');

const meta = {
  title: 'States/Before the form',
  component: TrackstarWriteForm,
  args: { action: 'create_order', integrationName: 'bluefin' },
  loaders: [trackstarLoader({ connection: BLUEFIN })],
} satisfies Meta<TrackstarWriteFormProps>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loading: Story = {
  loaders: [
    trackstarLoader({
      connection: BLUEFIN,
      // The schema never arrives, so the loading state stays on screen.
      interceptors: [(call) => (isSchemaRequest(call.path) ? new Promise<Response>(() => {}) : undefined)],
    }),
  ],
  play: async ({ canvas }) => {
    // The integration's name arrives with /integrations, which answers; the schema never does.
    await expect(await canvas.findByText('Loading the form for Bluefin WMS…')).toBeInTheDocument();
    await expect(canvas.getByRole('status')).toHaveAttribute('aria-busy', 'true');
  },
};

export const ActionNotSupported: Story = {
  name: 'Action not supported',
  args: { action: 'create_kit', integrationName: 'dockhand' },
  loaders: [trackstarLoader({ connection: { integrationType: 'wms', integrationName: 'dockhand' } })],
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Not supported by Dockhand');
    await expect(canvas.queryByRole('form')).toBeNull();
  },
};

/** Trackstar answers 503 for a few seconds: the form retries with backoff, then offers Retry, which works. */
export const SchemaFailedToLoad: Story = {
  name: 'Schema failed to load (Retry)',
  loaders: [
    trackstarLoader(() => {
      // The first request and the three automatic retries fail.
      let failuresLeft = 4;
      return {
        connection: BLUEFIN,
        interceptors: [
          (call) =>
            isSchemaRequest(call.path) && failuresLeft-- > 0
              ? trackstarAnswer(503, { error: 'Service temporarily unavailable.', origin: 'trackstar' }, { 'retry-after': '1' })
              : undefined,
        ],
      };
    }),
  ],
  play: async ({ canvas, loaded, userEvent }) => {
    const alert = await canvas.findByRole('alert', {}, { timeout: 15_000 });
    await expect(alert).toHaveTextContent('The form for Bluefin WMS could not be loaded.');
    await expect(alert).toHaveTextContent('Trackstar had a problem (HTTP 503).');
    await expect(storyTrackstar({ loaded }).callsTo('/wms/orders/meta')).toHaveLength(4);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('form', { name: 'Create order in Bluefin WMS' })).toBeInTheDocument();
  },
};

/** A schema whose `$ref` points at a definition that is not there. */
export const MalformedSchema: Story = {
  name: 'Malformed schema',
  loaders: [
    trackstarLoader({
      connection: BLUEFIN,
      interceptors: [
        (call) =>
          call.path.startsWith('/wms/orders/meta')
            ? trackstarAnswer(200, { $schema: 'http://json-schema.org/draft-07/schema#', $ref: '#/definitions/CreateOrder', definitions: {} })
            : undefined,
      ],
    }),
  ],
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('The schema for this form in Bluefin WMS is malformed.');
    await waitFor(() => expect(alert).toHaveTextContent(/CreateOrder/));
    await expect(canvas.queryByRole('form')).toBeNull();
  },
};
