/**
 * What an operator sees after pressing submit: who rejected what, waits, lost
 * connections and replays. Each story submits in its play function; the sandbox (or an
 * interceptor in front of it) gives the answer.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { TrackstarWriteForm, type TrackstarWriteFormProps } from '../../src/index';
import { BLUEFIN, BLUEFIN_ORDER } from '../support/sample-data';
import { storyTrackstar, trackstarLoader } from '../support/story-loaders';
import { type StoryInterceptor, connectionDropped, trackstarAnswer } from '../support/story-trackstar';

/** Answers the first create-order write with `respond`; later ones reach the sandbox. */
function onFirstOrderWrite(respond: StoryInterceptor): StoryInterceptor {
  let answered = false;
  return (call, forward) => {
    if (answered || call.method !== 'POST' || call.path !== '/wms/orders') return undefined;
    answered = true;
    return respond(call, forward);
  };
}

const meta = {
  title: 'States/After submit',
  component: TrackstarWriteForm,
  args: { action: 'create_order', integrationName: 'bluefin', defaultValues: BLUEFIN_ORDER },
  loaders: [trackstarLoader({ connection: BLUEFIN })],
} satisfies Meta<TrackstarWriteFormProps>;

export default meta;
type Story = StoryObj<typeof meta>;

type PlayContext = Parameters<NonNullable<Story['play']>>[0];

async function submit({ canvas, userEvent }: Pick<PlayContext, 'canvas' | 'userEvent'>): Promise<void> {
  await userEvent.click(await canvas.findByRole('button', { name: 'Create order' }));
}

/** The warehouse system says no: the alert names it, the operator fixes the SKU and sends again. */
export const IntegrationRejection: Story = {
  name: 'Integration rejection, fixed and resubmitted',
  args: { defaultValues: { ...BLUEFIN_ORDER, line_items: [{ sku: 'UNKNOWN-TEE', quantity: 2 }] } },
  play: async ({ canvas, userEvent, loaded, step }) => {
    const { sandbox } = storyTrackstar({ loaded });
    await step('submit an order with a SKU the warehouse does not know', async () => {
      await submit({ canvas, userEvent });
      const alert = await canvas.findByRole('alert');
      await expect(alert).toHaveTextContent('Bluefin WMS rejected this order.');
      await expect(alert).toHaveTextContent('Bluefin WMS said: SKU UNKNOWN-TEE does not exist.');
      await expect(alert).toHaveTextContent(/Request ID: req_/);
    });
    await step('fix the SKU and send again', async () => {
      const sku = canvas.getByLabelText('SKU, Line item 1');
      await expect(sku).toHaveValue('UNKNOWN-TEE');
      await userEvent.clear(sku);
      await userEvent.type(sku, 'TEE-BLK-M');
      await submit({ canvas, userEvent });
      await expect(await canvas.findByText(/Order created in Bluefin WMS/)).toBeInTheDocument();
      await expect(canvas.queryByRole('alert')).toBeNull();
    });
    await expect(sandbox.receivedWrites.map((write) => write.status)).toEqual([400, 200]);
  },
};

/** Trackstar's own validation refuses the body, naming fields: one at the top level, one inside a line item, one with no field on screen. */
export const TrackstarValidation: Story = {
  name: 'Trackstar 422 with field errors',
  loaders: [
    trackstarLoader({
      connection: BLUEFIN,
      interceptors: [
        onFirstOrderWrite(() =>
          trackstarAnswer(422, {
            error: 'Invalid request body: order_number, line_items.0.sku, gift_wrap.',
            origin: 'trackstar',
            detail: {
              json: {
                order_number: ['Order number SB-1001 is already in this batch.'],
                line_items: { 0: { sku: ['Not a valid SKU for this warehouse.'] } },
                gift_wrap: ['Unknown field.'],
              },
            },
          }),
        ),
      ],
    }),
  ],
  play: async ({ canvas, userEvent }) => {
    await submit({ canvas, userEvent });
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent("Trackstar's validation rejected this order before it reached Bluefin WMS.");
    await expect(alert).toHaveTextContent('gift_wrap: Unknown field.');
    await expect(canvas.getByLabelText(/^Order number/)).toHaveAccessibleDescription(/Order number SB-1001 is already in this batch\./);
    await expect(canvas.getByLabelText('SKU, Line item 1')).toHaveAccessibleDescription(/Not a valid SKU for this warehouse\./);
  },
};

export const WriteDisabled: Story = {
  name: '403 write disabled',
  loaders: [trackstarLoader({ connection: { ...BLUEFIN, writesDisabled: true } })],
  play: async ({ canvas, userEvent, loaded }) => {
    await submit({ canvas, userEvent });
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This write is disabled for this connection.');
    await expect(storyTrackstar({ loaded }).sandbox.receivedWrites.map((write) => write.status)).toEqual([403]);
  },
};

export const NotImplemented: Story = {
  name: '501 not implemented',
  loaders: [
    trackstarLoader({
      connection: BLUEFIN,
      interceptors: [onFirstOrderWrite(() => trackstarAnswer(501, { error: 'Endpoint create_order is not implemented for Bluefin WMS', origin: 'trackstar' }))],
    }),
  ],
  play: async ({ canvas, userEvent }) => {
    await submit({ canvas, userEvent });
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('This action is not supported by Bluefin WMS.');
    await expect(alert).toHaveTextContent('Trackstar said: Endpoint create_order is not implemented for Bluefin WMS');
  },
};

/** A 429 with `retry-after: 1` is waited out once, with the same Idempotency-Key, and the order goes through. */
export const RateLimitWaitedOut: Story = {
  name: '429 waited out',
  loaders: [
    trackstarLoader({
      connection: BLUEFIN,
      interceptors: [onFirstOrderWrite(() => trackstarAnswer(429, { error: 'Rate limit exceeded: retry in 1 seconds.', origin: 'trackstar' }, { 'retry-after': '1' }))],
    }),
  ],
  play: async ({ canvas, userEvent, loaded }) => {
    const trackstar = storyTrackstar({ loaded });
    await submit({ canvas, userEvent });
    await expect(await canvas.findByText('Trackstar asked us to wait 1 s; sending again automatically…')).toBeInTheDocument();
    await expect(await canvas.findByText(/Order created in Bluefin WMS/, {}, { timeout: 5_000 })).toBeInTheDocument();
    const [limited, retried] = trackstar.callsTo('/wms/orders', 'POST');
    await expect(limited?.outcome).toBe(429);
    await expect(retried?.headers['idempotency-key']).toBe(limited?.headers['idempotency-key']);
  },
};

/** The first request never arrives; submitting again is safe and reuses the key. */
export const NetworkFailureThenRetry: Story = {
  name: 'Network failure, then a retry with the same key',
  loaders: [trackstarLoader({ connection: BLUEFIN, interceptors: [onFirstOrderWrite(() => connectionDropped())] })],
  play: async ({ canvas, userEvent, loaded }) => {
    const trackstar = storyTrackstar({ loaded });
    await submit({ canvas, userEvent });
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached. Nothing you entered is lost');
    await expect(canvas.getByLabelText(/^Order number/)).toHaveValue('SB-1001');
    await submit({ canvas, userEvent });
    await expect(await canvas.findByText(/Order created in Bluefin WMS/)).toBeInTheDocument();
    const [dropped, retried] = trackstar.callsTo('/wms/orders', 'POST');
    await expect(dropped?.outcome).toBe('network error');
    await expect(retried?.headers['idempotency-key']).toBe(dropped?.headers['idempotency-key']);
    await expect(trackstar.sandbox.receivedWrites).toHaveLength(1);
  },
};

/**
 * The order is written but the answer is lost on the way back; the operator submits again and
 * Trackstar replays the first result instead of writing twice. `shipping_method` is deprecated
 * for Bluefin, so the answer lists it in `unused_fields`.
 */
export const SuccessWithUnusedFieldsReplayed: Story = {
  name: 'Success with unused fields, replayed',
  args: { defaultValues: { ...BLUEFIN_ORDER, shipping_method: 'ground' } },
  loaders: [
    trackstarLoader({
      connection: BLUEFIN,
      interceptors: [
        onFirstOrderWrite(async (_call, forward) => {
          await forward();
          return connectionDropped();
        }),
      ],
    }),
  ],
  play: async ({ canvas, userEvent, loaded }) => {
    const { sandbox } = storyTrackstar({ loaded });
    await submit({ canvas, userEvent });
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached.');
    await submit({ canvas, userEvent });
    await canvas.findByText(/Order created in Bluefin WMS/);
    const notice = canvas.getAllByRole('status').find((status) => status.textContent?.includes('Order created in Bluefin WMS'));
    if (!notice) throw new Error('The success notice is not a status region.');
    await expect(notice).toHaveTextContent('This order had already been submitted; Trackstar returned the original result instead of writing it twice.');
    await expect(notice).toHaveTextContent('Bluefin WMS accepted these fields but did not use them');
    await expect(within(notice).getByText('shipping_method')).toBeInTheDocument();
    await waitFor(() => expect(sandbox.receivedWrites.map((write) => write.replayed)).toEqual([false, true]));
  },
};
