import type { SubmitButtonProps } from '@rjsf/utils';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { trackstarQueryKeys } from '../../src/core/queries';
import { TrackstarWriteForm, type TrackstarWriteFormHandle } from '../../src/react/components/trackstar-write-form';
import { TrackstarProvider } from '../../src/react/trackstar-provider';
import { BASE_URL, createHarness, jsonResponse, renderWithProvider } from './harness';

const validOrder = {
  order_number: '1001',
  ship_to_address: { full_name: 'Ada Lovelace', address1: '1 Main St', city: 'Boston', postal_code: '02110', country: 'US' },
  line_items: [{ sku: 'TEE-1', quantity: 2 }],
};

describe('the host’s QueryClient', () => {
  it('uses an enclosing QueryClientProvider without shadowing it, so the host’s own queries stay in the host’s client', async () => {
    const harness = createHarness();
    const hostClient = new QueryClient();
    function HostQuery() {
      const { data } = useQuery({ queryKey: ['host', 'greeting'], queryFn: async () => 'hello from the host' });
      return <p>{data}</p>;
    }
    render(
      <QueryClientProvider client={hostClient}>
        <TrackstarProvider baseUrl={BASE_URL} fetch={harness.fetch}>
          <HostQuery />
          <TrackstarWriteForm action="create_order" integrationName="bluefin" />
        </TrackstarProvider>
      </QueryClientProvider>,
    );
    await screen.findByRole('button', { name: 'Create order' });
    expect(await screen.findByText('hello from the host')).toBeInTheDocument();
    expect(hostClient.getQueryData(['host', 'greeting'])).toBe('hello from the host');
    expect(hostClient.getQueryData(trackstarQueryKeys.integration(BASE_URL, 'wms', 'bluefin'))).toMatchObject({ integration_name: 'bluefin' });
  });

  it('registers its policy as defaults the host can override with setQueryDefaults', async () => {
    const harness = createHarness();
    const hostClient = new QueryClient();
    hostClient.setQueryDefaults(trackstarQueryKeys.all(BASE_URL), { staleTime: 12_345, retry: false });
    harness.intercept((call) => (call.path.startsWith('/wms/orders/meta') ? jsonResponse(503, { error: 'busy', origin: 'trackstar' }) : undefined));
    render(
      <TrackstarProvider baseUrl={BASE_URL} fetch={harness.fetch} queryClient={hostClient}>
        <TrackstarWriteForm action="create_order" integrationName="bluefin" />
      </TrackstarProvider>,
    );
    // With the library's policy a 503 is retried three times before the panel shows; the host said no retries.
    await screen.findByText(/The form for Bluefin WMS could not be loaded/);
    expect(harness.callsTo('/wms/orders/meta')).toHaveLength(1);
    expect(hostClient.getQueryDefaults(trackstarQueryKeys.integration(BASE_URL, 'wms', 'bluefin'))).toMatchObject({ staleTime: 12_345, retry: false });
  });

  it('names its writes with a mutation key the host can watch', async () => {
    const harness = createHarness({ sandbox: { writeLatencyMs: 100 } });
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" defaultValues={validOrder} />, harness);
    await userEvent.click(await screen.findByRole('button', { name: 'Create order' }));
    const key = trackstarQueryKeys.write(BASE_URL, 'wms', 'bluefin', 'create_order');
    await waitFor(() => expect(harness.queryClient.isMutating({ mutationKey: key })).toBe(1));
    await screen.findByText(/Order created/);
    expect(harness.queryClient.getMutationCache().findAll({ mutationKey: key })[0]?.state.status).toBe('success');
  });
});

describe('themes and translations', () => {
  it('draws the form’s own buttons with the theme’s SubmitButton template', async () => {
    function ThemedSubmit({ uiSchema }: SubmitButtonProps) {
      const options = (uiSchema?.['ui:submitButtonOptions'] ?? {}) as { submitText?: string; props?: Record<string, unknown> };
      return (
        <button data-theme="mine" {...(options.props as object)}>
          {options.submitText}
        </button>
      );
    }
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" templates={{ ButtonTemplates: { SubmitButton: ThemedSubmit } }} />, createHarness());
    expect(await screen.findByRole('button', { name: 'Create order' })).toHaveAttribute('data-theme', 'mine');
    expect(screen.getByRole('button', { name: 'Create order' })).toHaveAttribute('type', 'submit');
    expect(screen.getByRole('button', { name: 'Add line item' })).toHaveAttribute('data-theme', 'mine');
    expect(screen.getByRole('button', { name: 'Add line item' })).toHaveAttribute('type', 'button');
  });

  it('takes every sentence from the provider’s messages, and rjsf’s own strings from its translateString', async () => {
    const harness = createHarness();
    renderWithProvider(
      <TrackstarWriteForm action="create_order" integrationName="bluefin" defaultValues={{ line_items: [{ sku: 'A' }] }} />,
      harness,
      {
        locale: 'de-DE',
        messages: {
          formTitle: ({ action, integration }) => `${action} bei ${integration}`,
          actionLabel: ({ action, english }) => (action === 'create_order' ? 'Auftrag anlegen' : english),
          addRow: ({ item }) => `${item} hinzufügen`,
          validation: ({ label, keyword }) => (keyword === 'required' ? `${label} fehlt.` : `${label} ist ungültig.`),
          validationSummaryTitle: ({ countText }) => `Bitte ${countText} Felder korrigieren:`,
        },
        translateString: (key, params) => (key === 'Remove' ? 'Entfernen' : String(params?.[0] ?? key)),
      },
    );
    expect(await screen.findByRole('heading', { name: 'Auftrag anlegen bei Bluefin WMS' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Line item hinzufügen' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Auftrag anlegen' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent(/^Bitte \d+ Felder korrigieren:/);
    expect(summary).toHaveTextContent('Order number fehlt.');
  });
});

describe('a controllable form', () => {
  it('offers submit, reset, getValues, validate and focus through a ref (a submit button in a modal’s footer)', async () => {
    const harness = createHarness();
    const ref = createRef<TrackstarWriteFormHandle>();
    renderWithProvider(<TrackstarWriteForm ref={ref} action="create_order" integrationName="bluefin" idPrefix="o" />, harness);
    await expect(ref.current!.submit()).resolves.toEqual({ status: 'not-ready' });
    await screen.findByRole('button', { name: 'Create order' });
    expect(ref.current!.validate().map((problem) => problem.summary)).toEqual(expect.arrayContaining(['Order number is required.']));
    ref.current!.reset(validOrder);
    await waitFor(() => expect(screen.getByLabelText(/^Order number/)).toHaveValue('1001'));
    expect(ref.current!.getValues()).toMatchObject({ order_number: '1001' });
    ref.current!.focus(['line_items', 0, 'quantity']);
    await waitFor(() => expect(screen.getByLabelText('Quantity, Line item 1')).toHaveFocus());
    await expect(ref.current!.submit()).resolves.toMatchObject({ status: 'success' });
  });

  it('controlled: shows the values it is given, and reports every change', async () => {
    const onChange = vi.fn();
    function Host() {
      const [values, setValues] = useState<Record<string, unknown>>({ order_number: 'A-1' });
      return (
        <>
          <TrackstarWriteForm
            action="create_order"
            integrationName="bluefin"
            values={values}
            onChange={(next) => {
              onChange(next);
              // The host normalizes what is typed: the form shows the host's value.
              setValues({ ...next, order_number: String(next.order_number ?? '').toUpperCase() });
            }}
          />
          <button type="button" onClick={() => setValues((previous) => ({ ...previous, packing_note: 'from the host' }))}>
            host edit
          </button>
        </>
      );
    }
    renderWithProvider(<Host />, createHarness());
    const orderNumber = await screen.findByLabelText(/^Order number/);
    expect(orderNumber).toHaveValue('A-1');
    await userEvent.type(orderNumber, 'b');
    await waitFor(() => expect(orderNumber).toHaveValue('A-1B'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ order_number: 'A-1b' }));
    await userEvent.click(screen.getByRole('button', { name: 'host edit' }));
    expect(screen.getByLabelText(/^Packing note/)).toHaveValue('from the host');
  });

  it('disabled and readonly forms send nothing', async () => {
    const harness = createHarness();
    const view = renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" defaultValues={validOrder} disabled />, harness);
    expect(await screen.findByLabelText(/^Order number/)).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Create order' })).toBeDisabled();
    view.unmount();
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" defaultValues={validOrder} readonly />, harness);
    expect(await screen.findByLabelText(/^Order number/)).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Create order' })).toBeDisabled();
    expect(harness.callsTo('/wms/orders', 'POST')).toHaveLength(0);
  });

  it('passes customValidate and transformErrors to validation, and reports blur and focus', async () => {
    const onBlur = vi.fn();
    const onFocus = vi.fn();
    renderWithProvider(
      <TrackstarWriteForm
        action="create_order"
        integrationName="bluefin"
        idPrefix="o"
        defaultValues={validOrder}
        customValidate={(body, errors) => {
          if ((body as { order_number?: string }).order_number === '1001') (errors as unknown as Record<string, { addError(message: string): void }>).order_number?.addError('Order 1001 is reserved for tests.');
          return errors;
        }}
        transformErrors={(errors) => errors}
        onBlur={onBlur}
        onFocus={onFocus}
      />,
      createHarness(),
    );
    const orderNumber = await screen.findByLabelText(/^Order number/);
    await userEvent.click(orderNumber);
    await userEvent.tab();
    expect(onFocus).toHaveBeenCalledWith('o_order_number', '1001');
    expect(onBlur).toHaveBeenCalledWith('o_order_number', '1001');
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Order 1001 is reserved for tests.');
  });
});

describe('prefilled updates', () => {
  it('loads the record, prefills the fields the update has, and sends only what changed', async () => {
    const harness = createHarness();
    // A record to update: created through the sandbox like any other.
    const onSuccess = vi.fn();
    const creating = renderWithProvider(
      <TrackstarWriteForm action="create_order" integrationName="bluefin" onSuccess={onSuccess} defaultValues={{ ...validOrder, packing_note: 'Fragile', service_level: 'Ground' }} />,
      harness,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Create order' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    const id = onSuccess.mock.calls[0]![0].id as string;
    creating.unmount();

    renderWithProvider(<TrackstarWriteForm action="update_order" integrationName="bluefin" pathParams={{ order_id: id }} idPrefix="u" />, harness);
    expect(await screen.findByText('Loading the current order…')).toBeInTheDocument();
    const note = await screen.findByLabelText(/^Packing note/);
    expect(note).toHaveValue('Fragile');
    await userEvent.clear(note);
    await userEvent.type(note, 'Very fragile');
    await userEvent.click(screen.getByRole('button', { name: 'Update order' }));
    await screen.findByText(/saved in Bluefin WMS/);
    expect(harness.sandbox.receivedWrites.at(-1)!.body).toEqual({ packing_note: 'Very fragile' });
  });

  it('never shows an empty update form when the record cannot be loaded: an alert with Retry instead', async () => {
    const harness = createHarness();
    let fail = true;
    harness.intercept((call) => (call.method === 'GET' && call.path === '/wms/orders/ord_1' && fail ? jsonResponse(404, { error: 'Order ord_1 was not found.', origin: 'trackstar' }) : undefined));
    renderWithProvider(<TrackstarWriteForm action="update_order" integrationName="bluefin" pathParams={{ order_id: 'ord_1' }} />, harness);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The current order could not be loaded from Bluefin WMS.');
    expect(alert).toHaveTextContent('Order ord_1 was not found.');
    expect(screen.queryByRole('button', { name: 'Update order' })).toBeNull();
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('button', { name: 'Update order' })).toBeInTheDocument();
  });

  it('prefill={false} starts empty and sends what was entered', async () => {
    const harness = createHarness();
    renderWithProvider(<TrackstarWriteForm action="update_order" integrationName="bluefin" pathParams={{ order_id: 'ord_1' }} prefill={false} />, harness);
    await screen.findByRole('button', { name: 'Update order' });
    expect(harness.calls.filter((call) => call.method === 'GET' && call.path === '/wms/orders/ord_1')).toHaveLength(0);
  });
});
