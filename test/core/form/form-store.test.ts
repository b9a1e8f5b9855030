// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { getIn, setIn } from '../../../src/core/form/form-path';
import { createFormStore, initialFormState } from '../../../src/core/form/form-store';
import { createPathListeners } from '../../../src/core/form/path-listeners';

const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ sku: `S${index}`, quantity: 1 }));

describe('path listeners', () => {
  it('wake the path, its ancestors and its descendants, and nothing else', () => {
    const listeners = createPathListeners();
    const woken: string[] = [];
    const on = (name: string, path: Array<string | number>) => listeners.add(path, () => woken.push(name));
    on('root', []);
    on('items', ['line_items']);
    on('row 3', ['line_items', 3]);
    on('row 3 sku', ['line_items', 3, 'sku']);
    on('row 4 sku', ['line_items', 4, 'sku']);
    on('order number', ['order_number']);
    listeners.notifyPath(['line_items', '3', 'sku']);
    expect(woken).toEqual(['root', 'items', 'row 3', 'row 3 sku']);
    woken.length = 0;
    listeners.notifyPath(['line_items']);
    expect(woken.sort()).toEqual(['items', 'root', 'row 3', 'row 3 sku', 'row 4 sku'].sort());
  });

  it('forget unsubscribed listeners and prune their branches', () => {
    const listeners = createPathListeners();
    const stops = Array.from({ length: 100 }, (_, index) => listeners.add(['line_items', index, 'sku'], () => undefined));
    expect(listeners.size).toBe(100);
    stops.forEach((stop) => stop());
    stops[0]!();
    expect(listeners.size).toBe(0);
  });
});

describe('form store', () => {
  it('a keystroke wakes only the fields on its path, and shares every untouched branch', () => {
    const store = createFormStore(initialFormState({ order_number: '1', line_items: rows(5000) }));
    const woken = { row250: 0, row251: 0, orderNumber: 0 };
    store.subscribePath(['line_items', 250, 'sku'], () => (woken.row250 += 1));
    store.subscribePath(['line_items', 251, 'sku'], () => (woken.row251 += 1));
    store.subscribePath(['order_number'], () => (woken.orderNumber += 1));
    const before = store.getState().values;
    store.dispatch({ type: 'change', path: ['line_items', 250, 'sku'], value: 'S250-B' });
    const after = store.getState().values;
    expect(woken).toEqual({ row250: 1, row251: 0, orderNumber: 0 });
    expect(getIn(after, ['line_items', 250, 'sku'])).toBe('S250-B');
    expect(after.line_items[251]).toBe(before.line_items[251]);
    expect(before.line_items[250]!.sku).toBe('S250');
  });

  it('editing a field answers its error, and only its own', () => {
    const store = createFormStore(initialFormState({ a: '', b: '' }));
    store.dispatch({ type: 'submit-invalid', errors: { a: { __errors: ['A is required.'] }, b: { __errors: ['B is required.'] } }, problems: [] });
    store.dispatch({ type: 'change', path: ['a'], value: 'x' });
    expect(store.getState().errors).toEqual({ b: { __errors: ['B is required.'] } });
    expect(store.getState().submission.status).toBe('idle');
  });

  it('a change after a success keeps the outcome on screen and marks the values as changed', () => {
    const store = createFormStore(initialFormState({ a: '1' }));
    const result = { id: 'o1', data: {}, unusedFields: [], replayed: false, requestId: 'r', status: 200, body: { a: '1' }, path: '/wms/orders', idempotencyKey: 'k' };
    store.dispatch({ type: 'send', pending: { idempotencyKey: 'k', fingerprint: 'f', sentAt: 1 }, resend: false });
    store.dispatch({ type: 'send-succeeded', result });
    expect(store.getState()).toMatchObject({ changedSinceWrite: false, pendingWrite: undefined });
    store.dispatch({ type: 'change', path: ['a'], value: '2' });
    expect(store.getState()).toMatchObject({ changedSinceWrite: true, submission: { status: 'succeeded' } });
  });

  it('notifies every listener after a change of another kind (errors, submission, reset)', () => {
    const store = createFormStore(initialFormState({ a: '' }));
    const listener = vi.fn();
    store.subscribePath(['unrelated'], listener);
    store.dispatch({ type: 'set-errors', errors: { a: { __errors: ['x'] } } });
    store.dispatch({ type: 'replace', values: {} });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('property: setIn then getIn reads back the value, and leaves every other path as it was', () => {
    const key = fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor');
    const path = fc.array(fc.oneof(key, fc.nat({ max: 3 })), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.jsonValue(), path, fc.jsonValue(), path, (root, target, value, other) => {
        const next = setIn(root, target, value);
        if (value !== undefined) expect(getIn(next, target)).toEqual(value);
        const isPrefix = (a: readonly unknown[], b: readonly unknown[]) => a.every((segment, index) => String(segment) === String(b[index]));
        if (!isPrefix(target, other) && !isPrefix(other, target)) expect(getIn(next, other)).toEqual(getIn(root, other));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});
