/**
 * Keeps the browser's autofill from re-reading the whole form after every keystroke
 * in a line-item cell.
 *
 * Chrome's autofill, after each keystroke in a text field, extracts the field's whole
 * form (every control, its label, its visibility) in a task of its own, before the
 * next frame's message is handled. Forms of more than 200 controls are skipped, but a
 * windowed grid keeps a long order under that: measured with 500 ShipHero line items
 * (117 controls in the DOM), 6.8 ms of every keystroke went to that task, 1.2 ms once
 * the focused cell was the only control of its form.
 *
 * So, while a line-item cell has focus, it belongs (through the `form` attribute) to an
 * empty, hidden form that the write form renders beside itself. Nothing else changes:
 * the write form reads values from its store, not from `form.elements`; Enter in a cell
 * moves between rows (the grid prevents the default); the accessibility tree follows
 * the DOM, not form ownership. Cells hold SKUs, codes and quantities, which no profile
 * autofills anyway. On blur the cell joins its own form again.
 */

/** Controls whose keystrokes autofill follows (text-like inputs, textareas; selects on change). */
function isAutofillTarget(element: Element): element is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'hidden', 'file', 'image'].includes(element.type);
}

/** Moves a focused cell's control into the isolated form (`formId`), if there is one on the page. */
export function isolateFromAutofill(target: EventTarget | null, formId: string | undefined): void {
  if (!formId || !(target instanceof Element) || !isAutofillTarget(target)) return;
  // A `form` the host's own widget set is its business.
  if (target.hasAttribute('form')) return;
  if (!target.ownerDocument.getElementById(formId)) return;
  target.setAttribute('form', formId);
}

/** Gives a control back to the form it sits in. */
export function rejoinOwnForm(target: EventTarget | null, formId: string | undefined): void {
  if (!formId || !(target instanceof Element) || target.getAttribute('form') !== formId) return;
  target.removeAttribute('form');
}
