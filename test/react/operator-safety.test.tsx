import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { draftStorageKey, readDraft } from '../../src/core/draft-storage';
import { toFormSchema } from '../../src/core/schema/to-form-schema';
import { FIXTURE_SPEC, sampleBody } from '../../src/sandbox';
import { TrackstarWriteForm, type TrackstarWriteFormHandle, type TrackstarWriteFormProps } from '../../src/react/components/trackstar-write-form';
import { type Ref, createRef } from 'react';
import { type Harness, createHarness, jsonResponse, renderWithProvider } from './harness';

const validOrder = {
  order_number: '1001',
  ship_to_address: { full_name: 'Ada Lovelace', address1: '1 Main St', city: 'Boston', postal_code: '02110', country: 'US' },
  line_items: [{ sku: 'TEE-1', quantity: 2 }],
};
const orderDraftKey = draftStorageKey({ action: 'create_order', integrationType: 'wms', integrationName: 'bluefin' });

function renderOrder(harness: Harness, props: Partial<TrackstarWriteFormProps> & { ref?: Ref<TrackstarWriteFormHandle> } = {}) {
  return renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" idPrefix="order" defaultValues={validOrder} {...props} />, harness);
}
const posts = (harness: Harness) => harness.callsTo('/wms/orders', 'POST');

describe('one write per intent', () => {
  it('after a success, the button offers a new entry, and the same data is never sent twice', async () => {
    const harness = createHarness();
    const handle = createRef<TrackstarWriteFormHandle>();
    renderOrder(harness, { ref: handle });
    await userEvent.click(await screen.findByRole('button', { name: 'Create order' }));
    const notice = (await screen.findByText(/Order created in Bluefin WMS/)).closest('[role="status"]') as HTMLElement;
    await waitFor(() => expect(notice).toHaveFocus());
    // The second click of a double click (the answer came back between the two) lands on the button that
    // replaced "Create order": nothing happens.
    fireEvent.click(screen.getByRole('button', { name: 'Start a new order' }), { detail: 2 });
    expect(screen.getByLabelText(/^Order number/)).toHaveValue('1001');
    expect(posts(harness)).toHaveLength(1);

    // Enter in a field: with no submit button on screen there is no implicit submit. A host's own submit
    // button (through the ref) is stopped, and the form says why.
    await userEvent.type(screen.getByLabelText(/^Order number/), '{Enter}');
    expect(posts(harness)).toHaveLength(1);
    await expect(handle.current!.submit()).resolves.toMatchObject({ status: 'repeat-blocked' });
    expect(await within(notice).findByText(/This order was already sent \(ID ord_\w+\); sending the same data again would write it twice/)).toBeInTheDocument();
    expect(posts(harness)).toHaveLength(1);

    // Changed data is a new order, and the form says so before it is sent.
    await userEvent.type(screen.getByLabelText(/^Order number/), '-2');
    expect(within(notice).getByText('Sending again creates another order.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }));
    await waitFor(() => expect(posts(harness)).toHaveLength(2));
    expect(posts(harness)[1]!.headers['idempotency-key']).not.toBe(posts(harness)[0]!.headers['idempotency-key']);
  });

  it.each([
    ['adjust_inventory', 'marketmint', 'AdjustInventorywmsInventoryItem--Marketmint_Fulfillment--', { inventory_id: 'inv_1' }, 'Adjust inventory'],
    ['create_return', 'bluefin', 'CreatewmsReturn--Bluefin_WMS--', undefined, 'Create return'],
  ] as const)('does not repeat %s after a success, however often the operator presses the button', async (action, integrationName, schemaName, pathParams, label) => {
    const harness = createHarness({ integrationName });
    const schema = toFormSchema({ document: FIXTURE_SPEC, schemaRef: `#/components/schemas/${schemaName}` }, { method: action === 'adjust_inventory' ? 'PUT' : 'POST' });
    // A connection's warehouse, not the integration-level placeholder the sample would pick.
    const body = { ...sampleBody(schema), ...('warehouse_id' in (schema.properties as object) ? { warehouse_id: 'wh_east' } : {}) } as Record<string, unknown>;
    renderWithProvider(<TrackstarWriteForm action={action} integrationName={integrationName} pathParams={pathParams} idPrefix="f" defaultValues={body} />, harness);
    await userEvent.click(await screen.findByRole('button', { name: label }));
    await screen.findByText(/(created|saved) in/);
    expect(harness.sandbox.receivedWrites).toHaveLength(1);
    // Whatever the primary button now offers, a double click on it writes nothing.
    const button = within(document.querySelector('.tswf-form__actions') as HTMLElement).getByRole('button');
    await userEvent.dblClick(button);
    expect(harness.sandbox.receivedWrites.filter((write) => write.method !== 'GET')).toHaveLength(1);
  });

  it('after a reload, resends a write whose outcome was unknown under the same key, and says it is safe', async () => {
    const harness = createHarness();
    let drop = true;
    harness.intercept((call) => {
      if (call.method === 'POST' && drop) {
        drop = false;
        throw new TypeError('Failed to fetch');
      }
      return undefined;
    });
    const first = renderOrder(harness);
    await userEvent.click(await screen.findByRole('button', { name: 'Create order' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Submitting again is safe: it repeats the same attempt, so Bluefin WMS writes it at most once.');
    expect(readDraft(window.sessionStorage, orderDraftKey)?.pendingWrite?.idempotencyKey).toBe(posts(harness)[0]!.headers['idempotency-key']);
    first.unmount();

    // A new page load: the draft comes back with the pending write.
    renderOrder(harness, { defaultValues: undefined });
    expect(await screen.findByText(/This order was sent at .*, but no answer arrived, so it may have reached Bluefin WMS\. Sending it again is safe/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Order number/)).toHaveValue('1001');
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }));
    await screen.findByText(/Order created in Bluefin WMS/);
    const [lost, resent] = posts(harness);
    expect(resent!.headers['idempotency-key']).toBe(lost!.headers['idempotency-key']);
    expect(readDraft(window.sessionStorage, orderDraftKey)).toBeUndefined();
  });

  it('keeps the key of a write still in flight when the page goes away', async () => {
    const harness = createHarness();
    harness.intercept((call) => (call.method === 'POST' ? new Promise<Response>(() => undefined) : undefined));
    const first = renderOrder(harness);
    await userEvent.click(await screen.findByRole('button', { name: 'Create order' }));
    await screen.findByRole('button', { name: 'Sending…' });
    const key = posts(harness)[0]!.headers['idempotency-key'];
    expect(readDraft(window.sessionStorage, orderDraftKey)?.pendingWrite?.idempotencyKey).toBe(key);
    first.unmount();
    harness.clearInterceptors();
    renderOrder(harness, { defaultValues: undefined });
    await userEvent.click(await screen.findByRole('button', { name: 'Create order' }));
    await screen.findByText(/Order created/);
    expect(posts(harness)[1]!.headers['idempotency-key']).toBe(key);
  });
});

describe('only a real answer is a success', () => {
  it.each([
    ['a login page', () => new Response('<html><head><title>Sign in</title></head></html>', { status: 200, headers: { 'content-type': 'text/html', 'x-request-id': 'req_portal' } })],
    ['OK', () => new Response('OK', { status: 200, headers: { 'x-request-id': 'req_portal' } })],
    ['an empty body', () => new Response(null, { status: 200, headers: { 'x-request-id': 'req_portal' } })],
  ])('a 200 with %s keeps the draft and the key, and shows the request id', async (_label, answer) => {
    const harness = createHarness();
    let intercept = true;
    harness.intercept((call) => {
      if (call.method !== 'POST' || !intercept) return undefined;
      intercept = false;
      return answer();
    });
    const onSuccess = vi.fn();
    renderOrder(harness, { onSuccess });
    await userEvent.type(await screen.findByLabelText(/^Packing note/), 'fragile');
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server answered with something this form could not read, so it is not known whether the write happened.');
    expect(alert).toHaveTextContent('Request ID: req_portal');
    expect(screen.queryByText(/Order created/)).toBeNull();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(readDraft(window.sessionStorage, orderDraftKey)?.formData).toMatchObject({ packing_note: 'fragile' });
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }));
    await screen.findByText(/Order created/);
    expect(posts(harness)[1]!.headers['idempotency-key']).toBe(posts(harness)[0]!.headers['idempotency-key']);
  });

  it('a gateway’s HTML error page is attributed to the server in between, with its status', async () => {
    const harness = createHarness();
    harness.intercept((call) =>
      call.method === 'POST' ? new Response('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', { status: 502, statusText: 'Bad Gateway' }) : undefined,
    );
    renderOrder(harness);
    await userEvent.click(await screen.findByRole('button', { name: 'Create order' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('A server between this page and Trackstar answered HTTP 502 (Bad Gateway) instead of Trackstar.');
    expect(alert).not.toHaveTextContent('Trackstar said');
    expect(alert).not.toHaveTextContent('<html>');
  });
});

describe('nothing typed is dropped silently', () => {
  it('sends free text that starts with "N/A" as typed', async () => {
    const harness = createHarness();
    renderOrder(harness, { defaultValues: { ...validOrder, ship_to_address: { ...validOrder.ship_to_address, state: 'N/A' } } });
    await userEvent.type(await screen.findByLabelText(/^Packing note/), 'N/A - see invoice');
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }));
    await screen.findByText(/Order created/);
    expect(harness.sandbox.receivedWrites[0]!.body).toMatchObject({ packing_note: 'N/A - see invoice', ship_to_address: { state: 'N/A' } });
  });

  it('says at the field, before sending, that a null-like word will not be sent', async () => {
    const harness = createHarness();
    renderOrder(harness);
    const note = await screen.findByLabelText(/^Packing note/);
    await userEvent.type(note, 'None');
    expect(note).toHaveAccessibleDescription(/Trackstar treats “None” as empty; it will not be sent\./);
    await userEvent.clear(note);
    await userEvent.type(note, 'Nonetheless');
    expect(note).not.toHaveAccessibleDescription(/as empty/);
  });

  it('leaves out keys the schema lacks (an update given the whole record), names them in development, and sends', async () => {
    const harness = createHarness();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    renderWithProvider(
      <TrackstarWriteForm
        action="update_order"
        integrationName="bluefin"
        pathParams={{ order_id: 'ord_1' }}
        prefill={false}
        defaultValues={{ id: 'ord_1', created_date: '2026-01-01', status: 'open', packing_note: 'Fragile' }}
      />,
      harness,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Update order' }));
    await screen.findByText(/saved in Bluefin WMS/);
    expect(harness.sandbox.receivedWrites[0]!.body).toEqual({ packing_note: 'Fragile' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/leaves out values the schema does not have: id, created_date, status/));
    warn.mockRestore();
  });
});

describe('the form never crashes', () => {
  it('runs where CSS.escape does not exist, as in plain jsdom', () => {
    expect((globalThis as { CSS?: { escape?: unknown } }).CSS?.escape).toBeUndefined();
  });

  it.each([
    ['a success', () => undefined],
    ['an integration rejection', () => jsonResponse(400, { error: 'SKU TEE-1 does not exist.', origin: 'integration' })],
    ['a 422 with field errors', () => jsonResponse(422, { error: 'Invalid', origin: 'trackstar', detail: { json: { line_items: { 0: { sku: ['Bad SKU.'] } }, order_number: ['Taken.'] } } })],
    ['a 500', () => jsonResponse(500, { error: 'boom', origin: 'trackstar' })],
    ['no answer', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['an unreadable 200', () => new Response('OK', { status: 200 })],
  ])('after %s, the form stays, with every value', async (_label, answer) => {
    const harness = createHarness();
    harness.intercept((call) => (call.method === 'POST' ? answer() : undefined));
    renderOrder(harness);
    await userEvent.type(await screen.findByLabelText(/^Packing note/), 'keep');
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Sending…' })).toBeNull());
    expect(screen.getByLabelText(/^Packing note/)).toHaveValue('keep');
    expect(screen.getByLabelText('SKU, Line item 1')).toHaveValue('TEE-1');
    expect(screen.getByLabelText(/^Order number/)).toHaveValue('1001');
  });

  it('marks the one field whose value an integration’s message quotes, and links to it', async () => {
    const harness = createHarness();
    renderOrder(harness, { defaultValues: { ...validOrder, line_items: [{ sku: 'TEE-1', quantity: 1 }, { sku: 'UNKNOWN-77', quantity: 1 }] } });
    await userEvent.click(await screen.findByRole('button', { name: 'Create order' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Bluefin WMS said: SKU UNKNOWN-77 does not exist.');
    const sku = screen.getByLabelText('SKU, Line item 2');
    await waitFor(() => expect(sku).toHaveFocus());
    expect(sku).toHaveAttribute('aria-invalid', 'true');
    expect(sku).toHaveAccessibleDescription(/SKU UNKNOWN-77 does not exist\./);
    (document.activeElement as HTMLElement).blur();
    await userEvent.click(within(alert).getByRole('button', { name: 'Go to Line item 2 › SKU' }));
    expect(sku).toHaveFocus();
  });
});
