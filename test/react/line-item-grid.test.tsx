import { act, createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TrackstarWriteForm, type TrackstarWriteFormProps } from '../../src/react/components/trackstar-write-form';
import { type Harness, createHarness, renderWithProvider } from './harness';

const address = { full_name: 'Ada Lovelace', address1: '1 Main St', city: 'Boston', postal_code: '02110', country: 'US' };

function renderOrder(props: Partial<TrackstarWriteFormProps> = {}, harness: Harness = createHarness()) {
  renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" idPrefix="order" {...props} />, harness);
  return harness;
}

const cell = (column: string, row: number) => screen.getByLabelText(`${column}, Line item ${row}`);
const liveRegion = () => document.querySelector('.tswf-form > [aria-live="polite"]') as HTMLElement;

/** A paste as the browser dispatches it, with tab-separated text on the clipboard. */
function paste(target: Element, text: string) {
  const clipboardData = { getData: (type: string) => (type === 'text/plain' ? text : '') };
  fireEvent.paste(target, { clipboardData });
}

describe('line-item grid: adding and removing rows', () => {
  it('focuses the new row’s first cell on add and announces it', async () => {
    renderOrder();
    const add = await screen.findByRole('button', { name: 'Add line item' });
    await userEvent.click(add);
    await waitFor(() => expect(cell('SKU', 1)).toHaveFocus());
    expect(liveRegion()).toHaveTextContent('Line item 1 added.');
    await userEvent.click(add);
    await waitFor(() => expect(cell('SKU', 2)).toHaveFocus());
    expect(screen.getByRole('row', { name: 'Line item 2' })).toBeInTheDocument();
  });

  it('moves focus to the next row on remove (never to the page), and restores a removed row with Undo', async () => {
    renderOrder({ defaultValues: { line_items: [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }, { sku: 'C', quantity: 3 }] } });
    await userEvent.click(await screen.findByRole('button', { name: 'Remove line item 2' }));
    await waitFor(() => expect(cell('SKU', 2)).toHaveFocus());
    expect(cell('SKU', 2)).toHaveValue('C');
    expect(liveRegion()).toHaveTextContent('Line item 2 removed.');

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(cell('SKU', 2)).toHaveFocus());
    expect([1, 2, 3].map((row) => (cell('SKU', row) as HTMLInputElement).value)).toEqual(['A', 'B', 'C']);
    expect(liveRegion()).toHaveTextContent('Line item 2 restored.');

    await userEvent.click(screen.getByRole('button', { name: 'Remove line item 3' }));
    await waitFor(() => expect(cell('SKU', 2)).toHaveFocus());
    await userEvent.click(screen.getByRole('button', { name: 'Remove line item 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove line item 1' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add line item' })).toHaveFocus());
    expect(screen.getByRole('group', { name: /Line items/ })).toHaveTextContent('No line items yet.');
  });
});

describe('line-item grid: keyboard like a spreadsheet', () => {
  it('Enter and Shift+Enter move down and up a row, Enter on the last row adds one, arrows move at a value’s edge', async () => {
    renderOrder({ defaultValues: { line_items: [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }] } });
    const first = (await screen.findByLabelText('SKU, Line item 1')) as HTMLInputElement;
    first.focus();
    await userEvent.keyboard('{Enter}');
    expect(cell('SKU', 2)).toHaveFocus();
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    expect(cell('SKU', 1)).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(cell('SKU', 2)).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(cell('SKU', 3)).toHaveFocus());
    expect(liveRegion()).toHaveTextContent('Line item 3 added.');

    // The caret at the end of "A": ArrowRight moves to the next cell; in the middle of a value it stays.
    first.focus();
    first.setSelectionRange(0, 0);
    await userEvent.keyboard('{ArrowRight}');
    expect(first).toHaveFocus();
    first.setSelectionRange(1, 1);
    await userEvent.keyboard('{ArrowRight}');
    expect(cell('Quantity', 1)).toHaveFocus();
  });

  it('a focused cell belongs to the empty isolated form beside the write form, and rejoins its own on blur', async () => {
    const harness = renderOrder({ defaultValues: { order_number: '1', ship_to_address: address, line_items: [{ sku: 'A', quantity: 1 }] } });
    const sku = (await screen.findByLabelText('SKU, Line item 1')) as HTMLInputElement;
    const writeForm = sku.closest('form') as HTMLFormElement;
    expect(sku.form).toBe(writeForm);
    sku.focus();
    const isolated = sku.form as HTMLFormElement;
    expect(isolated).not.toBe(writeForm);
    expect(isolated.id).toBe('order__isolated-form');
    expect(isolated.elements).toHaveLength(1);
    expect(writeForm.contains(isolated)).toBe(false);
    // Typing still reaches the store; a submit of the isolated form (implicit submission) is cancelled and sends nothing.
    await userEvent.type(sku, 'B');
    const submit = createEvent.submit(isolated);
    fireEvent(isolated, submit);
    expect(submit.defaultPrevented).toBe(true);
    expect(harness.callsTo('/wms/orders', 'POST')).toHaveLength(0);
    (await screen.findByLabelText(/Order number/)).focus();
    expect(sku.form).toBe(writeForm);
    expect(sku).toHaveValue('AB');
  });

  it('Enter in a cell never submits the form', async () => {
    const harness = renderOrder({ defaultValues: { order_number: '1', ship_to_address: address, line_items: [{ sku: 'A', quantity: 1 }] } });
    (await screen.findByLabelText('SKU, Line item 1')).focus();
    await userEvent.keyboard('{Enter}');
    expect(harness.callsTo('/wms/orders', 'POST')).toHaveLength(0);
  });
});

describe('line-item grid: paste from a spreadsheet', () => {
  it('fills rows and columns from the cell pasted into, adds rows, coerces values and marks what does not fit', async () => {
    const harness = renderOrder({ defaultValues: { order_number: '1', ship_to_address: address, line_items: [{ sku: 'A', quantity: 1 }] } });
    const target = await screen.findByLabelText('SKU, Line item 1');
    act(() => paste(target, 'TEE-1\t2\t12.50\r\nTEE-2\t1,000\t3\r\nTEE-3\tmany\t4\r\n'));
    expect(cell('SKU', 3)).toHaveValue('TEE-3');
    expect(cell('Quantity', 2)).toHaveValue(1000);
    expect(cell('Unit price', 1)).toHaveValue(12.5);
    expect(cell('Quantity', 3)).toHaveValue(null);
    expect(cell('Quantity', 3).closest('[role="gridcell"]')).toHaveTextContent('“many” does not fit Quantity (a whole number).');
    expect(cell('Quantity', 3)).toHaveAttribute('aria-invalid', 'true');
    expect(liveRegion()).toHaveTextContent('Pasted 9 cells into 3 rows; 1 did not fit and are marked.');

    await userEvent.type(cell('Quantity', 3), '4');
    expect(cell('Quantity', 3)).not.toHaveAttribute('aria-invalid');
    await userEvent.click(screen.getByRole('button', { name: 'Create order' }));
    await screen.findByText(/Order created in Bluefin WMS/);
    expect(harness.sandbox.receivedWrites[0]!.body).toMatchObject({
      line_items: [
        { sku: 'TEE-1', quantity: 2, unit_price: 12.5 },
        { sku: 'TEE-2', quantity: 1000, unit_price: 3 },
        { sku: 'TEE-3', quantity: 4, unit_price: 4 },
      ],
    });
  });

  it('leaves a single value to the input', async () => {
    renderOrder({ defaultValues: { line_items: [{ sku: 'A' }] } });
    const target = await screen.findByLabelText('SKU, Line item 1');
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(event, { clipboardData: { getData: () => 'ONE-VALUE' } });
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });
});

describe('line-item grid: long lists', () => {
  const many = (count: number, missingQuantityAt?: number) =>
    Array.from({ length: count }, (_, index) => (index === missingQuantityAt ? { sku: `SKU-${index}` } : { sku: `SKU-${index}`, quantity: 1 }));

  it('offers a filter, because find-in-page cannot see rows that are not rendered', async () => {
    renderOrder({ defaultValues: { line_items: many(20) } });
    const filter = await screen.findByRole('searchbox', { name: 'Filter line items' });
    await userEvent.type(filter, 'SKU-1');
    const grid = screen.getByRole('grid', { name: /Line items/ });
    // SKU-1 and SKU-10…SKU-19
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(1 + 11));
    expect(screen.getByText('Showing 11 of 20 line items.')).toBeInTheDocument();
    expect(within(grid).getByRole('row', { name: 'Line item 12' })).toBeInTheDocument();
    await userEvent.clear(filter);
    await userEvent.type(filter, 'nothing like it');
    expect(screen.getByText('No rows match “nothing like it”.')).toBeInTheDocument();
  });

  it('reaches an error in a row far off screen from the summary, and focuses its field', async () => {
    renderOrder({ defaultValues: { order_number: '1', ship_to_address: address, line_items: many(3000, 2500) } });
    await userEvent.click(await screen.findByRole('button', { name: 'Create order' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Line item 2501 › Quantity is required.');
    await waitFor(() => expect(screen.getByLabelText('Quantity, Line item 2501')).toHaveFocus());
    expect(screen.getByLabelText('Quantity, Line item 2501')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('line-item grid: items that are not flat', () => {
  it('opens nested fields in a row’s details, and opens them by itself when they hold an error', async () => {
    const harness = createHarness({ integrationName: 'cratewise' });
    renderWithProvider(
      <TrackstarWriteForm action="create_return" integrationName="cratewise" idPrefix="ret" defaultValues={{ warehouse_id: 'wh_east', line_items: [{ sku: 'A', quantity: 1 }] }} />,
      harness,
    );
    const toggle = await screen.findByRole('button', { name: 'Details of line item 1' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const details = screen.getByRole('group', { name: 'Details of line item 1' });
    expect(within(details).getByRole('combobox', { name: /^Code/ })).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-controls', details.id);
    await userEvent.click(toggle);
    expect(screen.queryByRole('group', { name: 'Details of line item 1' })).toBeNull();

    // The required return cause inside the details is missing: the row opens, and its first required control
    // gets focus, described by the group's message.
    await userEvent.click(screen.getByRole('button', { name: 'Create return' }));
    const code = () => screen.getByRole('combobox', { name: /^Code/ });
    await waitFor(() => expect(code()).toHaveFocus());
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(code()).toHaveAccessibleDescription(/Return cause is required\./);
  });

  it('renders a list inside a row as a grid of its own', async () => {
    const harness = createHarness({ integrationType: 'cart', integrationName: 'shopwave' });
    renderWithProvider(
      <TrackstarWriteForm
        action="create_cart_order_shipment"
        integrationName="shopwave"
        pathParams={{ order_id: 'ord_1' }}
        idPrefix="ship"
        defaultValues={{ shipping_groups: [{ line_items: [{ sku: 'A', quantity: 1 }] }] }}
      />,
      harness,
    );
    const toggle = await screen.findByRole('button', { name: /^Details of shipping group 1$/i });
    await userEvent.click(toggle);
    const details = screen.getByRole('group', { name: /Details of shipping group 1/i });
    const nested = within(details).getByRole('grid', { name: /Line items/ });
    expect(within(nested).getByRole('row', { name: 'Line item 1' })).toBeInTheDocument();
    await userEvent.click(within(details).getByRole('button', { name: 'Add line item' }));
    await waitFor(() => expect(within(nested).getAllByRole('row', { name: /^Line item \d$/ })).toHaveLength(2));
  });
});
