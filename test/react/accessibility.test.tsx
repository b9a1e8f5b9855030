import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { TrackstarWriteForm } from '../../src/react/components/trackstar-write-form';
import { createSandbox } from '../../src/sandbox';
import { createHarness, renderWithProvider } from './harness';

const CONTROLS = 'input:not([type="hidden"]), select, textarea';

function controls(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(CONTROLS)];
}

/** Every id an `aria-*` reference names exists. */
function danglingReferences(): string[] {
  const dangling: string[] = [];
  for (const element of document.querySelectorAll('[aria-describedby], [aria-errormessage], [aria-labelledby], [aria-controls]')) {
    for (const attribute of ['aria-describedby', 'aria-errormessage', 'aria-labelledby', 'aria-controls']) {
      for (const id of (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) dangling.push(`${element.id || element.tagName} ${attribute} → ${id}`);
      }
    }
  }
  return dangling;
}

async function axeViolations(): Promise<string[]> {
  // Layout-dependent rules need a browser; the Chromium tests run them.
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('accessibility: states a screen reader announces', () => {
  it('exposes required on every kind of control, and nothing as invalid before a submit', async () => {
    renderWithProvider(<TrackstarWriteForm action="create_return" integrationName="cratewise" idPrefix="r" />, createHarness({ integrationName: 'cratewise' }));
    await screen.findByRole('button', { name: 'Create return' });
    const warehouse = screen.getByRole('combobox', { name: /^Warehouse ID/ });
    expect(warehouse).toHaveAttribute('aria-required', 'true');
    // A native `required` on an empty select reads as "invalid" before anyone touched it.
    expect(warehouse).not.toHaveAttribute('required');
    expect(controls().filter((control) => control.hasAttribute('aria-invalid'))).toEqual([]);
    expect(controls().filter((control) => control.hasAttribute('label'))).toEqual([]);
    // rjsf renders placeholder="" on every input: it says nothing, and Chromium restyles its hidden element on each keystroke.
    expect(controls().filter((control) => control.getAttribute('placeholder') === '')).toEqual([]);
    expect(danglingReferences()).toEqual([]);
  });

  it('after a failed submit: invalid exactly where an error is, each control linked to its own message, a group’s message reachable from the group and its first control', async () => {
    renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" idPrefix="o" defaultValues={{ line_items: [{ sku: 'A' }] }} />, createHarness());
    await userEvent.click(await screen.findByRole('button', { name: 'Create order' }));
    await screen.findByRole('alert');
    const invalid = controls().filter((control) => control.getAttribute('aria-invalid') === 'true');
    expect(invalid.map((control) => control.id).sort()).toEqual(['o_line_items_0_quantity', 'o_order_number'].sort());
    for (const control of invalid) {
      const message = document.getElementById(control.getAttribute('aria-errormessage')!);
      expect(message).not.toBeNull();
      expect(control).toHaveAccessibleDescription(expect.stringContaining(message!.textContent!.trim()));
    }
    const address = screen.getByRole('group', { name: /^Ship to address/ });
    expect(address).toHaveAccessibleDescription(/Ship to address is required\./);
    expect(within(address).getByLabelText(/^Full name/)).toHaveAccessibleDescription(/Ship to address is required\./);
    expect(within(address).getByLabelText(/^Company/)).not.toHaveAccessibleDescription(/Ship to address is required/);
    expect(danglingReferences()).toEqual([]);
    await waitFor(() => expect(screen.getByLabelText(/^Order number/)).toHaveFocus());
  });

  it('names every add and remove button after what it adds or removes', async () => {
    renderWithProvider(
      <TrackstarWriteForm action="create_order" integrationName="bluefin" defaultValues={{ trackstar_tags: ['rush'], line_items: [{ sku: 'A' }, { sku: 'B' }] }} />,
      createHarness(),
    );
    await screen.findByRole('button', { name: 'Create order' });
    const names = screen.getAllByRole('button').map((button) => button.textContent?.trim() || button.getAttribute('aria-label'));
    expect(names).toEqual(expect.arrayContaining(['Add trackstar tag', 'Remove trackstar tag 1', 'Add line item', 'Remove line item 1', 'Remove line item 2']));
    expect(names.filter((name) => /^(Add|Remove|\+|✕|X)$/i.test(name ?? ''))).toEqual([]);
  });
});

describe('accessibility: every fixture form passes axe, empty, after a failed submit and with three line items', () => {
  const sandbox = createSandbox();
  const forms = sandbox.integrations.flatMap((integration) =>
    integration.actions.map((action) => ({ integration, action: action.action, path: action.path })),
  );
  it.each(forms.map((form) => [`${form.integration.integrationName} ${form.action}`, form] as const))('%s', async (_name, form) => {
    const harness = createHarness({ integrationType: form.integration.integrationType, integrationName: form.integration.integrationName });
    const pathParams = Object.fromEntries([...form.path.matchAll(/\{([^}]+)\}/g)].map((match) => [match[1]!, 'seed_1']));
    const view = renderWithProvider(
      <TrackstarWriteForm action={form.action} integrationName={form.integration.integrationName} integrationType={form.integration.integrationType} pathParams={pathParams} prefill={false} />,
      harness,
    );
    const form$ = await waitFor(() => {
      const element = document.querySelector('form.tswf-form');
      if (!element) throw new Error('form not ready');
      return element as HTMLFormElement;
    });
    expect(await axeViolations()).toEqual([]);

    // Three rows in every line-item list of the form (add buttons of grids at the top level).
    for (const add of within(form$).queryAllByRole('button', { name: /^Add / })) {
      for (let row = 0; row < 3; row += 1) await userEvent.click(add);
    }
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(form$.querySelector<HTMLButtonElement>('.tswf-form__actions button')!);
    await waitFor(() => expect(form$.querySelector('[role="alert"], [role="status"].tswf-status--success')).not.toBeNull());
    expect(await axeViolations()).toEqual([]);
    expect(danglingReferences()).toEqual([]);
    view.unmount();
  });
});
