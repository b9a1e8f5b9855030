/**
 * Focus that always lands on something an operator can act on: the control of the
 * field at a path; for a group (an address, the line items), its first invalid
 * control, else its first required control left empty, else its first control; for
 * a row not rendered yet (a windowed grid), after the grid has brought it on screen.
 * Only `document.getElementById` and attribute selectors: no `CSS.escape`, which
 * jsdom and older browsers lack.
 */
import type { FormPath } from '../../core';

const CONTROL = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';
const FIELD_CONTROL = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), [role="combobox"]';
const MAX_FRAMES = 12;

function isControl(element: Element): element is HTMLElement {
  return element.matches(CONTROL);
}

function isEmpty(element: HTMLElement): boolean {
  return 'value' in element && (element as HTMLInputElement).value === '';
}

/** The control inside a group an operator should fix first. */
export function controlToFix(group: Element): HTMLElement | undefined {
  const invalid = group.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid) return invalid;
  const requiredEmpty = [...group.querySelectorAll<HTMLElement>('[aria-required="true"]')].find((control) => control.matches(FIELD_CONTROL) && isEmpty(control));
  if (requiredEmpty) return requiredEmpty;
  return group.querySelector<HTMLElement>(FIELD_CONTROL) ?? group.querySelector<HTMLElement>(CONTROL) ?? undefined;
}

function schedule(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
  else setTimeout(callback, 16);
}

export interface FocusFormPathOptions {
  form: HTMLFormElement | null;
  idPrefix: string;
  path: FormPath;
  /** Asks windowed lists to render the row holding `path`. */
  reveal: (path: FormPath) => void;
}

export function focusFormPath({ form, idPrefix, path, reveal }: FocusFormPathOptions): void {
  if (!form || typeof document === 'undefined') return;
  const id = [idPrefix, ...path].join('_');
  const attempt = (frame: number) => {
    const element = document.getElementById(id) ?? document.getElementById(`${id}-0`);
    const target = element && form.contains(element) ? (isControl(element) ? element : controlToFix(element)) : undefined;
    if (target) {
      target.focus();
      if (typeof target.scrollIntoView === 'function') target.scrollIntoView({ block: 'center' });
      return;
    }
    if (frame === 0) reveal(path);
    if (frame < MAX_FRAMES) {
      schedule(() => attempt(frame + 1));
      return;
    }
    // The path is not a field on screen (e.g. a group rjsf renders without an id): its closest ancestor that is.
    if (path.length > 0) focusFormPath({ form, idPrefix, path: path.slice(0, -1), reveal: () => undefined });
  };
  attempt(0);
}
