import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TrackstarApiError } from '../../src/core/api-error';
import { draftStorageKey } from '../../src/core/draft-storage';
import { findEmptyValues } from '../../src/core/strip-empty';
import { TrackstarWriteForm, type TrackstarWriteFormProps } from '../../src/react/components/trackstar-write-form';
import type { TrackstarWriteSuccess } from '../../src/react/hooks/use-trackstar-write';
import { sandboxAccessToken } from '../../src/sandbox';
import { type Harness, createHarness, jsonResponse, renderWithProvider } from './harness';

const validOrder = {
  order_number: '1001',
  ship_to_address: { full_name: 'Ada Lovelace', address1: '1 Main St', city: 'Boston', postal_code: '02110', country: 'US' },
  line_items: [{ sku: 'TEE-1', quantity: 2 }],
};

function renderOrderForm(harness: Harness, props: Partial<TrackstarWriteFormProps> = {}) {
  return renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" defaultValues={validOrder} {...props} />, harness);
}

const writes = (harness: Harness, path = '/wms/orders') => harness.callsTo(path, 'POST').concat(harness.callsTo(path, 'PUT'));
const submitButton = () => screen.findByRole('button', { name: /^(Create order|Update order|Sending…)$/ });

describe('submitting: the body', () => {
  it('sends a stripped body: blanks, null-likes and emptied line items dropped, false and 0 kept, defaults shown and sent', async () => {
    const harness = createHarness();
    renderOrderForm(harness, {
      defaultValues: {
        ...validOrder,
        reference_id: '',
        packing_note: '   ',
        service_level: 'None',
        is_residential: false,
        total_price: 0,
        ship_to_address: { ...validOrder.ship_to_address, company: '', address2: 'null' },
        line_items: [{ sku: 'TEE-1', quantity: 2, unit_price: 0, warehouse_id: '' }, {}, { sku: ' ' }],
      },
    });
    await userEvent.click(await submitButton());
    await screen.findByText(/Order created in Bluefin WMS/);

    const [received] = harness.sandbox.receivedWrites;
    expect(received!.status).toBe(200);
    expect(received!.body).toEqual({
      order_number: '1001',
      ship_to_address: validOrder.ship_to_address,
      line_items: [{ sku: 'TEE-1', quantity: 2, unit_price: 0 }],
      is_residential: false,
      total_price: 0,
      priority: 100,
      order_type: 'customer',
    });
    expect(findEmptyValues(received!.body)).toEqual([]);
    const [call] = writes(harness);
    expect(call!.headers['content-type']).toBe('application/json');
    expect(call!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('includes what was typed a moment before pressing Enter', async () => {
    const harness = createHarness();
    renderOrderForm(harness);
    const orderNumber = await screen.findByLabelText(/^Order number/);
    await userEvent.clear(orderNumber);
    await userEvent.type(orderNumber, 'A-42{Enter}');
    await screen.findByText(/Order created in Bluefin WMS/);
    expect((harness.sandbox.receivedWrites[0]!.body as { order_number: string }).order_number).toBe('A-42');
  });

  it('sends only what the operator set or was given on an update: no schema defaults, and {} when all is blank', async () => {
    const harness = createHarness();
    const view = renderWithProvider(
      <TrackstarWriteForm action="update_order" integrationName="bluefin" pathParams={{ order_id: 'ord_1' }} defaultValues={{ service_level: 'Express' }} />,
      harness,
    );
    await userEvent.type(await screen.findByLabelText(/^Packing note/), 'Fragile');
    expect(screen.getByLabelText(/^Priority/)).toHaveValue(null);
    await userEvent.click(await submitButton());
    await screen.findByText(/Order update saved in Bluefin WMS/);
    expect(harness.sandbox.receivedWrites[0]!.path).toBe('/wms/orders/ord_1');
    expect(harness.sandbox.receivedWrites[0]!.body).toEqual({ service_level: 'Express', packing_note: 'Fragile' });
    view.unmount();

    renderWithProvider(<TrackstarWriteForm action="update_order" integrationName="bluefin" pathParams={{ order_id: 'ord_1' }} />, harness);
    await userEvent.click(await submitButton());
    await waitFor(() => expect(harness.sandbox.receivedWrites).toHaveLength(2));
    expect(harness.sandbox.receivedWrites[1]!.body).toEqual({});
  });

  it('never sends a placeholder option, even when one arrives in defaultValues', async () => {
    const harness = createHarness({ integrationName: 'cratewise' });
    renderWithProvider(
      <TrackstarWriteForm
        action="update_inbound_shipment"
        integrationName="cratewise"
        pathParams={{ inbound_shipment_id: 'ibs_1' }}
        schemaScope="integration"
        defaultValues={{ warehouse_id: 'N/A - Connect an account to see options', tracking_number: '1Z999' }}
      />,
      harness,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Update inbound shipment' }));
    await screen.findByText(/saved in Cratewise/);
    expect(harness.sandbox.receivedWrites[0]!.body).toEqual({ tracking_number: '1Z999' });
  });
});

describe('submitting: validation before any request', () => {
  it('blocks a blank required field (message next to it, focus on it), never a blank optional one', async () => {
    const harness = createHarness();
    renderOrderForm(harness, { defaultValues: { ...validOrder, ship_to_address: { ...validOrder.ship_to_address, city: '' } } });
    await userEvent.click(await submitButton());
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Fix this field before sending:');
    const city = screen.getByLabelText(/^City/);
    expect(city.closest('.form-group')).toHaveTextContent(/must have required property|required/i);
    await waitFor(() => expect(city).toHaveFocus());
    expect(writes(harness)).toHaveLength(0);

    await userEvent.type(city, 'Boston');
    await userEvent.click(await submitButton());
    await screen.findByText(/Order created in Bluefin WMS/);
    expect(writes(harness)).toHaveLength(1);
  });

  it('lists each problem with where it is (the line item row included), and focuses a field from the list', async () => {
    const harness = createHarness();
    renderOrderForm(harness, { defaultValues: { ...validOrder, line_items: [{ sku: 'A', quantity: 1 }, { sku: 'B' }, { sku: 'C', quantity: 0 }] } });
    await userEvent.click(await submitButton());
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Fix these 2 fields before sending:');
    expect(within(summary).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Line item 2 › Quantity is required.',
      'Line item 3 › Quantity must be at least 1.',
    ]);
    expect(screen.getByLabelText('Quantity, Line item 2')).toHaveFocus();
    await userEvent.click(within(summary).getByRole('button', { name: 'Line item 3 › Quantity must be at least 1.' }));
    expect(screen.getByLabelText('Quantity, Line item 3')).toHaveFocus();
    expect(writes(harness)).toHaveLength(0);
  });

  it('explains why a required field whose options come from the account cannot be filled', async () => {
    const harness = createHarness({ integrationName: 'cratewise' });
    renderWithProvider(<TrackstarWriteForm action="create_product" integrationName="cratewise" schemaScope="integration" defaultValues={{ name: 'Tee', sku: 'TEE' }} />, harness);
    await userEvent.click(await screen.findByRole('button', { name: 'Create product' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/is required, and its options come from the connected account: connect an account to see options/);
    expect(harness.callsTo('/wms/products', 'POST')).toHaveLength(0);
  });

  it('reports a missing path parameter clearly, without sending anything', async () => {
    const harness = createHarness();
    renderWithProvider(<TrackstarWriteForm action="update_order" integrationName="bluefin" defaultValues={{ packing_note: 'x' }} />, harness);
    await userEvent.click(await submitButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This order update was not sent.');
    expect(alert).toHaveTextContent('Missing path parameter "order_id"');
    expect(harness.calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
  });
});

describe('submitting: idempotency and double submits', () => {
  it('reuses the Idempotency-Key after a network failure, and uses a new one after an edit or a success', async () => {
    const harness = createHarness();
    let dropNext = true;
    harness.intercept((call) => {
      if (call.method === 'POST' && call.path === '/wms/orders' && dropNext) {
        dropNext = false;
        throw new TypeError('Failed to fetch');
      }
      return undefined;
    });
    renderOrderForm(harness);
    await userEvent.click(await submitButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached. Nothing you entered is lost');
    expect(screen.getByLabelText(/^Order number/)).toHaveValue('1001');

    await userEvent.click(await submitButton());
    await screen.findByText(/Order created in Bluefin WMS/);
    const [failed, retried] = writes(harness);
    expect(retried!.headers['idempotency-key']).toBe(failed!.headers['idempotency-key']);

    // After a success, the next write is a new logical write, even with the same body.
    const orderNumber = screen.getByLabelText(/^Order number/);
    await userEvent.clear(orderNumber);
    await userEvent.type(orderNumber, '1002');
    await userEvent.click(await submitButton());
    await waitFor(() => expect(writes(harness)).toHaveLength(3));
    expect(writes(harness)[2]!.headers['idempotency-key']).not.toBe(retried!.headers['idempotency-key']);
  });

  it('asks before sending a changed body after a failure that may have gone through, then uses a new key', async () => {
    const harness = createHarness();
    let dropNext = true;
    harness.intercept((call) => {
      if (call.method === 'POST' && dropNext) {
        dropNext = false;
        throw new TypeError('Failed to fetch');
      }
      return undefined;
    });
    renderOrderForm(harness);
    await userEvent.click(await submitButton());
    await screen.findByRole('alert');
    await userEvent.type(screen.getByLabelText(/^Order number/), '-B');
    await userEvent.click(await submitButton());
    const confirm = await screen.findByRole('alert');
    expect(confirm).toHaveTextContent('You changed this order after an attempt that may have reached Bluefin WMS. Sending it now is a new write');
    expect(confirm).toHaveFocus();
    expect(writes(harness)).toHaveLength(1);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Send as a new order' }));
    await screen.findByText(/Order created in Bluefin WMS/);
    const [first, second] = writes(harness);
    expect(second!.headers['idempotency-key']).not.toBe(first!.headers['idempotency-key']);
  });

  it('sends one request for a double submit, with the button disabled while it is in flight', async () => {
    const harness = createHarness({ sandbox: { writeLatencyMs: 150 } });
    renderOrderForm(harness);
    const button = await submitButton();
    await userEvent.dblClick(button);
    await act(async () => {
      screen.getByRole('button', { name: 'Sending…' }).closest('form')!.requestSubmit();
    });
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    await screen.findByText(/Order created in Bluefin WMS/);
    expect(writes(harness)).toHaveLength(1);
  });
});

describe('submitting: errors say who rejected what, and keep every value', () => {
  async function submitAndGetAlert(harness: Harness, props: Partial<TrackstarWriteFormProps> = {}) {
    const onError = vi.fn<(error: TrackstarApiError | Error) => void>();
    renderOrderForm(harness, { onError, ...props });
    await userEvent.type(await screen.findByLabelText(/^Packing note/), 'Leave at the dock');
    await userEvent.click(await submitButton());
    const alert = await screen.findByRole('alert');
    expect(screen.getByLabelText(/^Packing note/)).toHaveValue('Leave at the dock');
    expect(screen.getByLabelText('SKU, Line item 1')).toHaveValue(props.defaultValues ? (props.defaultValues.line_items as Array<{ sku: string }>)[0]!.sku : 'TEE-1');
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    return { alert, error: onError.mock.calls[0]![0] as TrackstarApiError };
  }

  it('names the integration when the warehouse system rejects the write', async () => {
    const harness = createHarness();
    const { alert, error } = await submitAndGetAlert(harness, { defaultValues: { ...validOrder, line_items: [{ sku: 'UNKNOWN-1', quantity: 1 }] } });
    expect(alert).toHaveTextContent('Bluefin WMS rejected this order.');
    expect(alert).toHaveTextContent('Bluefin WMS said: SKU UNKNOWN-1 does not exist.');
    expect(alert).toHaveTextContent(/Request ID: req_/);
    expect(error).toMatchObject({ status: 400, origin: 'integration', message: 'SKU UNKNOWN-1 does not exist.' });
    expect(error.requestId).toMatch(/^req_/);
  });

  it('puts a 422’s field errors next to their fields and says Trackstar’s validation rejected it', async () => {
    const harness = createHarness();
    harness.intercept((call) =>
      call.method === 'POST'
        ? jsonResponse(422, {
            error: 'Invalid request body',
            origin: 'trackstar',
            detail: { json: { order_number: ['Order number is already in this batch.'], line_items: { 0: { sku: ['Not a valid SKU.'] } }, gift_wrap: ['Unknown field.'] } },
          })
        : undefined,
    );
    const { alert, error } = await submitAndGetAlert(harness);
    expect(alert).toHaveTextContent("Trackstar's validation rejected this order before it reached Bluefin WMS.");
    expect(alert).toHaveTextContent('Trackstar said: Invalid request body');
    expect(alert).toHaveTextContent('gift_wrap: Unknown field.');
    expect(screen.getByLabelText(/^Order number/).closest('.form-group')).toHaveTextContent('Order number is already in this batch.');
    const sku = screen.getByLabelText('SKU, Line item 1');
    expect(sku.closest('[role="gridcell"]')).toHaveTextContent('Not a valid SKU.');
    expect(sku).toHaveAttribute('aria-describedby', expect.stringContaining(`${sku.id}__error`));
    expect(error.fieldErrors).toEqual({
      order_number: ['Order number is already in this batch.'],
      'line_items.0.sku': ['Not a valid SKU.'],
      gift_wrap: ['Unknown field.'],
    });
  });

  it('says a write is disabled for the connection (403)', async () => {
    const harness = createHarness();
    harness.useConnection(`${sandboxAccessToken('wms', 'bluefin')}-readonly`);
    const { alert, error } = await submitAndGetAlert(harness);
    expect(alert).toHaveTextContent('This write is disabled for this connection.');
    expect(error.status).toBe(403);
  });

  it('says the integration does not support it (501)', async () => {
    const harness = createHarness();
    harness.intercept((call) =>
      call.method === 'POST' ? jsonResponse(501, { error: 'Endpoint create_order is not implemented for Bluefin WMS', origin: 'trackstar' }) : undefined,
    );
    const { alert } = await submitAndGetAlert(harness);
    expect(alert).toHaveTextContent('This action is not supported by Bluefin WMS.');
    expect(alert).toHaveTextContent('Endpoint create_order is not implemented for Bluefin WMS');
  });

  it('reports a server error as Trackstar’s and says submitting again is safe', async () => {
    const harness = createHarness();
    harness.intercept((call) => (call.method === 'POST' ? jsonResponse(500, { error: 'Internal error', origin: 'trackstar' }) : undefined));
    const { alert } = await submitAndGetAlert(harness);
    expect(alert).toHaveTextContent('Trackstar had a problem (HTTP 500).');
    expect(writes(harness)).toHaveLength(1);
  });

  it('waits out a 429 once with the same key, then reports a second one', async () => {
    const harness = createHarness();
    let limited = 1;
    harness.intercept((call) =>
      call.method === 'POST' && limited-- > 0 ? jsonResponse(429, { error: 'Rate limited', origin: 'trackstar' }, { 'retry-after': '1' }) : undefined,
    );
    renderOrderForm(harness);
    await userEvent.click(await submitButton());
    expect(await screen.findByText(/Trackstar asked us to wait 1 s/)).toBeInTheDocument();
    await screen.findByText(/Order created in Bluefin WMS/, undefined, { timeout: 3000 });
    const [first, second] = writes(harness);
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);

    harness.intercept((call) => (call.method === 'POST' ? jsonResponse(429, { error: 'Rate limited', origin: 'trackstar' }, { 'retry-after': '0' }) : undefined));
    await userEvent.type(screen.getByLabelText(/^Order number/), '-2');
    await userEvent.click(await submitButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('Trackstar is rate limiting requests; try again in 0 s.');
    expect(writes(harness)).toHaveLength(4);
  });
});

describe('submitting: success', () => {
  it('calls onSuccess with id, data, unused fields and replay flag, and lists unused fields in the notice', async () => {
    const harness = createHarness();
    const onSuccess = vi.fn<(result: TrackstarWriteSuccess) => void>();
    renderOrderForm(harness, { onSuccess, defaultValues: { ...validOrder, shipping_method: 'ground' } });
    await userEvent.click(await submitButton());
    const notice = await screen.findByText(/Order created in Bluefin WMS/);
    const result = onSuccess.mock.calls[0]![0];
    expect(result).toMatchObject({ replayed: false, unusedFields: ['shipping_method'] });
    expect(result.id).toMatch(/^ord_/);
    expect(result.data).toMatchObject({ id: result.id, order_number: '1001' });
    const status = notice.closest('[role="status"]') as HTMLElement;
    expect(status).toHaveTextContent(result.id!);
    expect(status).toHaveTextContent('Bluefin WMS accepted these fields but did not use them');
    expect(within(status).getByText('shipping_method')).toBeInTheDocument();
  });

  it('tells the operator when Trackstar replayed an earlier result', async () => {
    const harness = createHarness();
    harness.intercept((call) =>
      call.method === 'POST' ? jsonResponse(200, { id: 'ord_7', data: { id: 'ord_7' }, unused_fields: [] }, { 'idempotent-replayed': 'true' }) : undefined,
    );
    const onSuccess = vi.fn<(result: TrackstarWriteSuccess) => void>();
    renderOrderForm(harness, { onSuccess });
    await userEvent.click(await submitButton());
    expect(await screen.findByText(/had already been submitted; Trackstar returned the original result/)).toBeInTheDocument();
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ id: 'ord_7', replayed: true });
  });

  it('offers a fresh form for the next order, or resets by itself with resetOnSuccess', async () => {
    const harness = createHarness();
    const view = renderOrderForm(harness, { defaultValues: undefined });
    await userEvent.type(await screen.findByLabelText(/^Order number/), '555');
    await userEvent.type(screen.getByLabelText(/^Full name/), 'Ada');
    await userEvent.type(screen.getByLabelText(/^Address 1/), '1 Main St');
    await userEvent.type(screen.getByLabelText(/^City/), 'Boston');
    await userEvent.type(screen.getByLabelText(/^Postal code/), '02110');
    await userEvent.type(screen.getByLabelText(/^Country/), 'US');
    await userEvent.click(screen.getByRole('button', { name: 'Add line item' }));
    await userEvent.type(screen.getByLabelText('SKU, Line item 1'), 'TEE-9');
    await userEvent.type(screen.getByLabelText('Quantity, Line item 1'), '3');
    await userEvent.click(await submitButton());
    await screen.findByText(/Order created in Bluefin WMS/);
    expect(harness.sandbox.receivedWrites[0]!.body).toMatchObject({ order_number: '555', line_items: [{ sku: 'TEE-9', quantity: 3 }] });
    await userEvent.click(screen.getByRole('button', { name: 'Start a new order' }));
    expect(screen.getByLabelText(/^Order number/)).toHaveValue('');
    expect(screen.queryByText(/Order created/)).toBeNull();
    view.unmount();

    renderOrderForm(harness, { resetOnSuccess: true, defaultValues: { ...validOrder, order_number: '556' } });
    await userEvent.type(await screen.findByLabelText(/^Packing note/), 'one-off note');
    await userEvent.click(await submitButton());
    await screen.findByText(/Order created in Bluefin WMS/);
    expect(screen.getByLabelText(/^Packing note/)).toHaveValue('');
    expect(screen.getByLabelText(/^Order number/)).toHaveValue('556');
    expect(screen.queryByRole('button', { name: 'Start a new order' })).toBeNull();
  });
});

describe('drafts: nothing typed is lost to a reload', () => {
  const key = draftStorageKey({ action: 'create_order', integrationType: 'wms', integrationName: 'bluefin' });

  it('autosaves, restores after a remount with a notice, and discards on request', async () => {
    const harness = createHarness();
    const first = renderOrderForm(harness, { defaultValues: undefined });
    await userEvent.type(await screen.findByLabelText(/^Order number/), 'DRAFT-1');
    await waitFor(() => expect(window.sessionStorage.getItem(key)).toContain('DRAFT-1'), { timeout: 2000 });
    first.unmount();

    renderOrderForm(harness, { defaultValues: undefined });
    const notice = await screen.findByText(/Draft restored from/);
    expect(screen.getByLabelText(/^Order number/)).toHaveValue('DRAFT-1');
    await userEvent.click(within(notice.closest('[role="status"]') as HTMLElement).getByRole('button', { name: 'Discard draft' }));
    expect(screen.getByLabelText(/^Order number/)).toHaveValue('');
    expect(window.sessionStorage.getItem(key)).toBeNull();
  });

  it('keeps the draft through a failed write and clears it after a success', async () => {
    const harness = createHarness();
    let fail = true;
    harness.intercept((call) => (call.method === 'POST' && fail ? jsonResponse(500, { error: 'boom', origin: 'trackstar' }) : undefined));
    renderOrderForm(harness);
    await userEvent.type(await screen.findByLabelText(/^Packing note/), 'keep me');
    await waitFor(() => expect(window.sessionStorage.getItem(key)).toContain('keep me'), { timeout: 2000 });
    await userEvent.click(await submitButton());
    await screen.findByRole('alert');
    expect(window.sessionStorage.getItem(key)).toContain('keep me');
    fail = false;
    await userEvent.click(await submitButton());
    await screen.findByText(/Order created in Bluefin WMS/);
    expect(window.sessionStorage.getItem(key)).toBeNull();
  });

  it('stores nothing when drafts are turned off', async () => {
    const harness = createHarness();
    renderOrderForm(harness, { autosaveDraft: false });
    await userEvent.type(await screen.findByLabelText(/^Packing note/), 'secret');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(window.sessionStorage.length).toBe(0);
  });
});
