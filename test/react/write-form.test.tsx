import type { WidgetProps } from '@rjsf/utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { TrackstarWriteForm } from '../../src/react/components/trackstar-write-form';
import { FIXTURE_SPEC } from '../../src/sandbox';
import { createHarness, jsonResponse, renderWithProvider } from './harness';

const formReady = (name = 'Create order') => screen.findByRole('button', { name });

describe('TrackstarWriteForm: rendering from schemas', () => {
  it('renders the integration’s create-order form with human labels, required marks, defaults and enum dropdowns', async () => {
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" />, createHarness());
    await formReady();
    expect(screen.getByRole('heading', { name: 'Create order in Bluefin WMS' })).toBeInTheDocument();

    const orderNumber = screen.getByLabelText(/^Order number/);
    expect(orderNumber).toBeRequired();
    expect(orderNumber.closest('.form-group')!.querySelector('label .required')).toHaveTextContent('*');
    expect(screen.getByLabelText(/^Reference ID/)).not.toBeRequired();
    expect(screen.getByLabelText(/^Warehouse customer ID/)).toBeInTheDocument();

    const orderType = screen.getByLabelText(/^Order type/) as HTMLSelectElement;
    expect(orderType.tagName).toBe('SELECT');
    expect([...orderType.options].map((option) => option.text)).toEqual(expect.arrayContaining(['customer', 'wholesale', 'replacement']));
    expect(orderType).toHaveDisplayValue('customer');
    expect(screen.getByLabelText(/^Priority/)).toHaveValue(100);

    const group = screen.getByRole('group', { name: /Line items/ });
    expect(group).toHaveTextContent('No line items yet.');
    await userEvent.click(within(group).getByRole('button', { name: 'Add line item' }));
    const lineItems = screen.getByRole('grid', { name: /Line items/ });
    expect(within(lineItems).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(
      expect.arrayContaining(['SKU *', 'Quantity *']),
    );
  });

  it('labels the selector of a one-of field (channel by ID or by name) with the field’s title', async () => {
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" />, createHarness());
    await formReady();
    const selector = screen.getByRole('combobox', { name: /Channel object/ });
    expect([...(selector as HTMLSelectElement).options].map((option) => option.text)).toEqual(['Channel by ID', 'Channel by name']);
  });

  it('shows account-dependent placeholders as a disabled dropdown with the hint (integration scope)', async () => {
    const harness = createHarness({ integrationName: 'cratewise' });
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="cratewise" schemaScope="integration" />, harness);
    await formReady();
    const warehouse = screen.getByLabelText(/^Warehouse ID/) as HTMLSelectElement;
    expect(warehouse).toBeDisabled();
    expect([...warehouse.options].map((option) => option.text)).toEqual(['Connect an account to see options']);
    expect(screen.getByText(/Some options depend on the connected account/)).toBeInTheDocument();
    expect(harness.callsTo('/wms/orders/meta/cratewise')).toHaveLength(1);
  });

  it('shows the connection’s real options when the schema is connection-scoped (the default)', async () => {
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="cratewise" />, createHarness({ integrationName: 'cratewise' }));
    await formReady();
    const warehouse = screen.getByLabelText(/^Warehouse ID/) as HTMLSelectElement;
    expect(warehouse).toBeEnabled();
    const options = [...warehouse.options].map((option) => option.text).filter(Boolean);
    expect(options.length).toBeGreaterThan(1);
    expect(options.some((value) => /connect an account/i.test(value))).toBe(false);
  });

  it('renders schema descriptions as plain text: no HTML from Trackstar reaches the DOM', async () => {
    const spec = structuredClone(FIXTURE_SPEC) as unknown as { components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> } };
    spec.components.schemas['CreatewmsOrder--Bluefin_WMS--']!.properties.order_number!.description =
      '<img src=x onerror="window.__injected=1"><b>bold</b> number';
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" />, createHarness({ sandbox: { spec } }));
    await formReady();
    expect(screen.getByText('<img src=x onerror="window.__injected=1"><b>bold</b> number')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.field-description b')).toBeNull();
  });

  it('passes uiSchema, widgets, templates and fields through to rjsf', async () => {
    function UpperCaseWidget(props: WidgetProps) {
      return <input id={props.id} aria-label="custom order number" value={String(props.value ?? '')} onChange={(event) => props.onChange(event.target.value.toUpperCase())} />;
    }
    renderWithProvider(
      <TrackstarWriteForm
        action="create_order"
        integrationName="bluefin"
        uiSchema={{ order_number: { 'ui:widget': 'upper' }, packing_note: { 'ui:widget': 'textarea' } }}
        widgets={{ upper: UpperCaseWidget }}
      />,
      createHarness(),
    );
    await formReady();
    await userEvent.type(screen.getByLabelText('custom order number'), 'abc');
    expect(screen.getByLabelText('custom order number')).toHaveValue('ABC');
    expect(screen.getByLabelText(/^Packing note/).tagName).toBe('TEXTAREA');
  });

  it('derives the integration type from the action and uses write-info for actions without /meta', async () => {
    const harness = createHarness({ integrationType: 'cart', integrationName: 'shopwave' });
    renderWithProvider(
      <TrackstarWriteForm action="create_cart_order_shipment" integrationName="shopwave" pathParams={{ order_id: 'ord_1' }} />,
      harness,
    );
    await formReady('Ship cart order');
    expect(harness.callsTo('/integrations/cart/shopwave/write-info')).toHaveLength(1);
    expect(harness.callsTo('/integrations/cart/shopwave', 'GET').some((call) => call.path === '/integrations/cart/shopwave')).toBe(true);
    expect(harness.callsTo('/cart/orders/meta')).toHaveLength(0);
    expect(screen.getByLabelText(/^Tracking number/)).toBeRequired();
  });

  it('gives every form on a page its own field ids', async () => {
    renderWithProvider(
      <>
        <TrackstarWriteForm action="create_order" integrationName="bluefin" />
        <TrackstarWriteForm action="create_order" integrationName="bluefin" />
      </>,
      createHarness(),
    );
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Create order' })).toHaveLength(2));
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has no accessibility violations axe can detect without a layout engine', async () => {
    renderWithProvider(<TrackstarWriteForm action="create_inbound_shipment" integrationName="cratewise" />, createHarness({ integrationName: 'cratewise' }));
    await formReady('Create inbound shipment');
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('TrackstarWriteForm: loading, sharing and failure states', () => {
  it('shows a loading status, then the form', async () => {
    const harness = createHarness();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    harness.intercept(async (call) => {
      if (call.path.startsWith('/wms/orders/meta')) await gate;
      return undefined;
    });
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" />, harness);
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Loading the form for');
    expect(status).toHaveAttribute('aria-busy', 'true');
    release();
    await formReady();
    expect(screen.queryByText(/Loading the form/)).toBeNull();
  });

  it('shares one integration request and one schema request between forms, and does not refetch /integrations within a minute', async () => {
    const harness = createHarness();
    const view = renderWithProvider(
      <>
        <TrackstarWriteForm action="create_order" integrationName="bluefin" />
        <TrackstarWriteForm action="create_order" integrationName="bluefin" />
        <TrackstarWriteForm action="create_return" integrationName="bluefin" />
      </>,
      harness,
    );
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Create (order|return)$/ })).toHaveLength(3));
    expect(harness.callsTo('/integrations/wms/bluefin')).toHaveLength(1);
    expect(harness.callsTo('/wms/orders/meta')).toHaveLength(1);
    expect(harness.callsTo('/wms/returns/meta')).toHaveLength(1);

    view.rerenderWithProvider(<p>nothing</p>);
    view.rerenderWithProvider(<TrackstarWriteForm action="update_order" integrationName="bluefin" pathParams={{ order_id: 'ord_1' }} />);
    await formReady('Update order');
    expect(harness.callsTo('/integrations/wms/bluefin')).toHaveLength(1);
  });

  it('says clearly when the integration does not support the action (from write_operations), and shows no form', async () => {
    renderWithProvider(<TrackstarWriteForm action="update_order" integrationName="dockhand" pathParams={{ order_id: 'ord_1' }} />, createHarness({ integrationName: 'dockhand' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not supported by Dockhand');
    expect(alert).toHaveTextContent('Dockhand does not support update order.');
    expect(screen.queryByRole('button', { name: 'Update order' })).toBeNull();
  });

  it('treats a 501 from the schema request as unsupported', async () => {
    const harness = createHarness();
    harness.intercept((call) =>
      call.path.startsWith('/wms/kits/meta') ? jsonResponse(501, { error: 'Endpoint create_kit is not implemented for Bluefin WMS', origin: 'trackstar' }) : undefined,
    );
    renderWithProvider(<TrackstarWriteForm action="create_kit" integrationName="bluefin" />, harness);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not supported by Bluefin WMS');
    expect(alert).toHaveTextContent('Endpoint create_kit is not implemented for Bluefin WMS');
    expect(screen.queryByRole('button', { name: 'Create kit' })).toBeNull();
  });

  it('reports a failed schema request with a retry button that recovers', async () => {
    const harness = createHarness();
    harness.intercept((call) => (call.path.startsWith('/wms/orders/meta') ? jsonResponse(404, { error: 'Resource not found', origin: 'trackstar' }) : undefined));
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" />, harness);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The form for Bluefin WMS could not be loaded.');
    expect(alert).toHaveTextContent('Resource not found');
    harness.clearInterceptors();
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await formReady();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('retries a transient failure (503) on its own before showing anything alarming', async () => {
    const harness = createHarness();
    let failures = 1;
    harness.intercept((call) =>
      call.path.startsWith('/wms/orders/meta') && failures-- > 0 ? jsonResponse(503, { error: 'Service unavailable', origin: 'trackstar' }) : undefined,
    );
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" />, harness);
    await formReady();
    expect(harness.callsTo('/wms/orders/meta')).toHaveLength(2);
  });

  it('shows a malformed schema as an error panel, never a blank page or an uncaught exception', async () => {
    const harness = createHarness();
    harness.intercept((call) =>
      call.path.startsWith('/wms/orders/meta') ? jsonResponse(200, { $ref: '#/definitions/OrderSchema', definitions: { Other: {} } }) : undefined,
    );
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" />, harness);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The schema for this form in Bluefin WMS is malformed.');
    expect(alert).toHaveTextContent('#/definitions/OrderSchema');
  });

  it('contains a render failure inside the form and keeps what was typed', async () => {
    // React and the boundary report the crash on the console; that is expected here.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let explode = false;
    function FragileWidget(props: WidgetProps) {
      if (explode) throw new Error('widget exploded');
      return <input aria-label="fragile" value={String(props.value ?? '')} onChange={(event) => props.onChange(event.target.value)} />;
    }
    const harness = createHarness();
    const view = renderWithProvider(
      <TrackstarWriteForm action="create_order" integrationName="bluefin" uiSchema={{ packing_note: { 'ui:widget': FragileWidget } }} />,
      harness,
    );
    await formReady();
    await userEvent.type(screen.getByLabelText(/^Order number/), 'A-77');
    explode = true;
    await userEvent.type(screen.getByLabelText('fragile'), 'x');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This form for Bluefin WMS could not be displayed.');
    expect(alert).toHaveTextContent('widget exploded');
    expect(screen.getByRole('button', { name: 'Create order' })).toBeInTheDocument();
    explode = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText(/^Order number/)).toHaveValue('A-77');
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
    view.unmount();
  });
});
