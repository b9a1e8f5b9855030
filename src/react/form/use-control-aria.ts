/**
 * Accessibility state that rjsf's widgets (and every theme's) get wrong or leave
 * out, put right on the rendered control after each render of its field:
 *
 * - `aria-invalid` on a control with an error, and only then (errors exist only after
 *   a submit, so nothing is invalid before the operator has tried to send);
 * - `aria-describedby` naming only ids that exist (widgets always reference
 *   `__error`, `__description` and `__help`, present or not), plus the message of an
 *   erroring group on the group's first control; `aria-errormessage` for the error;
 * - `aria-required` instead of the native `required`, which makes an empty required
 *   `<select>` "invalid" to assistive technology before anyone touched it (the form
 *   is `noValidate`: validation is the library's, not the browser's);
 * - no stray `label` attribute (rjsf passes one to inputs), and no empty `placeholder`
 *   (rjsf renders `placeholder=""` on every input; Chromium keeps a hidden placeholder
 *   element for it and restyles it on every keystroke).
 *
 * Done on the DOM, once per render of one field, because it must hold for widgets
 * this library did not write. The widget's own `aria-describedby` is remembered so a
 * later pass starts from it, not from this one's result.
 */
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

const SOURCE = 'data-tswf-describedby';
const GROUP = 'data-tswf-group-error';
const CONTROL_SELECTOR = 'input:not([type="hidden"]), select, textarea, [role="combobox"], [role="checkbox"], [role="radio"]';

/**
 * A uiSchema key carrying the accessible name of a control rjsf renders without a label
 * (a line-item cell: "Quantity, Line item 3"). An attribute rather than a `<label>`:
 * a grid holds one per cell, and hidden labels cost every keystroke a hit test and a
 * compositing pass over each of them.
 */
export const ACCESSIBLE_NAME = 'ui:tswfAccessibleName';

export function errorIdFor(id: string): string {
  return `${id}__error`;
}

function byId(id: string): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.getElementById(id);
}

/** The controls a field's widget rendered: the element with the field's id, or its options (`id-0`, `id-1`) for radios and checkboxes. */
function controlsOf(id: string): HTMLElement[] {
  const element = byId(id);
  if (element && element.matches(CONTROL_SELECTOR)) return [element];
  const options: HTMLElement[] = [];
  for (let index = 0; index < 200; index += 1) {
    const option = byId(`${id}-${index}`);
    if (!option) break;
    if (option.matches(CONTROL_SELECTOR)) options.push(option);
  }
  if (options.length > 0) return options;
  // Themes (MUI) put the id on the input inside their own wrapper, or on a wrapper around the input.
  const inner = element?.querySelector<HTMLElement>(CONTROL_SELECTOR);
  return inner ? [inner] : [];
}

function setAttribute(element: Element, name: string, value: string | undefined): void {
  if (value === undefined || value === '') {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

function applyDescribedBy(control: HTMLElement, invalidId: string | undefined): void {
  if (!control.hasAttribute(SOURCE)) control.setAttribute(SOURCE, control.getAttribute('aria-describedby') ?? '');
  const source = (control.getAttribute(SOURCE) ?? '').split(/\s+/).filter(Boolean);
  const group = (control.getAttribute(GROUP) ?? '').split(/\s+/).filter(Boolean);
  const ids = [...new Set([...(invalidId ? [invalidId] : []), ...source, ...group])].filter((candidate) => byId(candidate) !== null);
  setAttribute(control, 'aria-describedby', ids.join(' '));
}

export interface ControlAriaState {
  /** The field's DOM id (rjsf's `fieldPathId.$id`). */
  id: string;
  hasErrors: boolean;
  required: boolean;
  /** `control` for a leaf field; `group` for an object or list, whose own message belongs to the group; `none` to skip. */
  kind: 'control' | 'group' | 'none';
  /** An element that names the control, for a control rjsf renders without a label. */
  labelledBy?: string | undefined;
  /** The control's accessible name, for a control rjsf renders without a label (set on a lone control only, not on radio options). */
  name?: string | undefined;
}

export function useControlAria({ id, hasErrors, required, kind, labelledBy, name }: ControlAriaState): void {
  useIsomorphicLayoutEffect(() => {
    if (kind === 'none') return;
    const errorId = errorIdFor(id);
    const errorShown = hasErrors && byId(errorId) !== null;
    if (kind === 'control') {
      const controls = controlsOf(id);
      if (name !== undefined && controls.length === 1) setAttribute(controls[0]!, 'aria-label', name);
      for (const control of controls) {
        setAttribute(control, 'aria-invalid', hasErrors ? 'true' : undefined);
        setAttribute(control, 'aria-errormessage', errorShown ? errorId : undefined);
        if (control.hasAttribute('required')) control.removeAttribute('required');
        setAttribute(control, 'aria-required', required && control.getAttribute('role') !== 'radio' ? 'true' : undefined);
        if (control.hasAttribute('label')) control.removeAttribute('label');
        if (control.getAttribute('placeholder') === '') control.removeAttribute('placeholder');
        if (labelledBy) setAttribute(control, 'aria-labelledby', labelledBy);
        applyDescribedBy(control, errorShown ? errorId : undefined);
      }
      return;
    }
    // A group's message: described by the group itself, and reachable from its first control.
    const group = byId(id);
    if (!group) return;
    if (group.tagName === 'FIELDSET' || group.getAttribute('role') === 'group' || group.getAttribute('role') === 'grid') {
      const groupSource = group.getAttribute(SOURCE) ?? group.getAttribute('aria-describedby') ?? '';
      if (!group.hasAttribute(SOURCE)) group.setAttribute(SOURCE, groupSource);
      const ids = [...new Set([...(errorShown ? [errorId] : []), ...groupSource.split(/\s+/).filter(Boolean)])].filter((candidate) => byId(candidate));
      setAttribute(group, 'aria-describedby', ids.join(' '));
    }
    const first = group.querySelector<HTMLElement>(CONTROL_SELECTOR);
    const marked = group.querySelectorAll<HTMLElement>(`[${GROUP}~="${errorId}"]`);
    marked.forEach((control) => {
      if (control === first && errorShown) return;
      const rest = (control.getAttribute(GROUP) ?? '').split(/\s+/).filter((candidate) => candidate && candidate !== errorId);
      setAttribute(control, GROUP, rest.join(' '));
      applyDescribedBy(control, control.getAttribute('aria-errormessage') ?? undefined);
    });
    if (first && errorShown) {
      const groups = new Set((first.getAttribute(GROUP) ?? '').split(/\s+/).filter(Boolean));
      groups.add(errorId);
      first.setAttribute(GROUP, [...groups].join(' '));
      applyDescribedBy(first, first.getAttribute('aria-errormessage') ?? undefined);
    }
  });
}
