import { useRef } from 'react';

/**
 * Returns the previous value while `isEqual` says nothing changed, so a host that
 * passes `uiSchema={{…}}` or `widgets={{…}}` inline does not rebuild the form's
 * registry (and re-render every field) each time it renders.
 */
export function useStableValue<T>(value: T, isEqual: (previous: T, next: T) => boolean): T {
  const stable = useRef(value);
  if (!isEqual(stable.current, value)) stable.current = value;
  return stable.current;
}

/** Same keys, identical values: for maps of components (`widgets`, `fields`, `templates`). */
export function shallowEqualRecords(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Structural equality in which functions (custom widgets in a uiSchema) are equal only to themselves. */
export function deepEqualData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => deepEqualData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}
