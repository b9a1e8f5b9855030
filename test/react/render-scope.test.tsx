import { getDefaultRegistry } from '@rjsf/core';
import type { BaseInputTemplateProps } from '@rjsf/utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TrackstarWriteForm } from '../../src/react/components/trackstar-write-form';
import { createHarness, renderWithProvider } from './harness';

const DefaultInput = getDefaultRegistry().templates.BaseInputTemplate;
/** Every row in the DOM (below the windowing threshold), so the test can see that none re-renders. */
const ROWS = 60;

/**
 * Keystroke cost is measured in Chromium by `npm run bench`; this test pins down the
 * property that makes it flat: what one keystroke re-renders does not grow with the form.
 */
describe('render scope', () => {
  it('a keystroke in one line item re-renders that field only: not its row, the other rows or the top-level fields', async () => {
    const renders = new Map<string, number>();
    function CountingInput(props: BaseInputTemplateProps) {
      renders.set(props.id, (renders.get(props.id) ?? 0) + 1);
      return <DefaultInput {...props} />;
    }
    const lineItems = Array.from({ length: ROWS }, (_, index) => ({ sku: `SKU-${index}`, quantity: 1 }));
    renderWithProvider(
      <TrackstarWriteForm
        action="create_order"
        integrationName="bluefin"
        idPrefix="order"
        defaultValues={{ order_number: '1001', line_items: lineItems }}
        templates={{ BaseInputTemplate: CountingInput }}
      />,
      createHarness(),
    );
    await screen.findByRole('button', { name: 'Create order' });
    expect(document.getElementById(`order_line_items_${ROWS - 1}_sku`)).not.toBeNull();
    const sku = document.getElementById('order_line_items_41_sku') as HTMLInputElement;
    expect(sku).toHaveAccessibleName('SKU, Line item 42');
    expect(renders.size).toBeGreaterThan(ROWS * 4);

    for (const value of ['SKU-41-B', 'SKU-41-BC']) {
      renders.clear();
      fireEvent.change(sku, { target: { value } });
      expect(sku).toHaveValue(value);
      expect([...renders.entries()]).toEqual([['order_line_items_41_sku', 1]]);
    }

    renders.clear();
    // Testing Library's label queries scan every label per element: too slow for a DOM this size, so ids are used.
    fireEvent.change(document.getElementById('order_order_number')!, { target: { value: '1002' } });
    expect([...renders.entries()]).toEqual([['order_order_number', 1]]);
  });

  it('a windowed grid renders the rows near the viewport, keeps its full height, and a keystroke still re-renders one input', async () => {
    const renders = new Map<string, number>();
    function CountingInput(props: BaseInputTemplateProps) {
      renders.set(props.id, (renders.get(props.id) ?? 0) + 1);
      return <DefaultInput {...props} />;
    }
    const lineItems = Array.from({ length: 5000 }, (_, index) => ({ sku: `SKU-${index}`, quantity: 1 }));
    renderWithProvider(
      <TrackstarWriteForm
        action="create_order"
        integrationName="bluefin"
        idPrefix="order"
        defaultValues={{ order_number: '1001', line_items: lineItems }}
        templates={{ BaseInputTemplate: CountingInput }}
      />,
      createHarness(),
    );
    const grid = await screen.findByRole('grid', { name: /Line items/ });
    expect(grid).toHaveAttribute('aria-rowcount', '5001');
    // A windowed grid paints its frame first and its rows in a transition right after.
    await waitFor(() => expect(grid.querySelectorAll('[role="row"][data-item]').length).toBeGreaterThan(5));
    const rendered = grid.querySelectorAll('[role="row"][data-item]');
    expect(rendered.length).toBeLessThan(60);
    // Rows not in the DOM still take their space: the page does not jump when they come and go.
    const body = grid.querySelector('.tswf-grid__body') as HTMLElement;
    expect(Number.parseFloat(body.style.height)).toBeGreaterThan(5000 * 40);
    const first = document.getElementById('order_line_items_0_sku') as HTMLInputElement;
    renders.clear();
    fireEvent.change(first, { target: { value: 'SKU-0-B' } });
    expect([...renders.entries()]).toEqual([['order_line_items_0_sku', 1]]);
  });
});

describe('host re-renders', () => {
  it('a host re-rendering with inline uiSchema, templates and callbacks does not re-render the fields, and onChange sees every change', async () => {
    const renders = new Map<string, number>();
    function CountingInput(props: BaseInputTemplateProps) {
      renders.set(props.id, (renders.get(props.id) ?? 0) + 1);
      return <DefaultInput {...props} />;
    }
    const changes: unknown[] = [];
    function Host({ tick }: { tick: number }) {
      return (
        <>
          <p>host render {tick}</p>
          <TrackstarWriteForm
            action="create_order"
            integrationName="bluefin"
            idPrefix="order"
            uiSchema={{ packing_note: { 'ui:widget': 'textarea' } }}
            templates={{ BaseInputTemplate: CountingInput }}
            onChange={(formData) => changes.push(formData)}
          />
        </>
      );
    }
    const harness = createHarness();
    const view = renderWithProvider(<Host tick={0} />, harness);
    await screen.findByRole('button', { name: 'Create order' });
    renders.clear();
    view.rerenderWithProvider(<Host tick={1} />);
    await screen.findByText('host render 1');
    expect(renders.size).toBe(0);

    fireEvent.change(document.getElementById('order_order_number')!, { target: { value: '77' } });
    fireEvent.change(document.getElementById('order_order_number')!, { target: { value: '778' } });
    expect(changes.map((formData) => (formData as { order_number?: string }).order_number)).toEqual(['77', '778']);
  });
});
