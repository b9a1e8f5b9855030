/**
 * Reading the form store from React: an observer per field, read with
 * `useSyncExternalStore` (TanStack Query's `useBaseQuery` is the model). A field
 * subscribes to its own path and re-renders only when its own slice changes.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { type FormPath, type FormState, type FormStore } from '../../core';
import { getIn, pathKey } from '../../core/internal';

/** Any slice of the whole state, e.g. the submission; woken by every change, re-rendered when the slice changes. */
export function useFormState<V, T>(store: FormStore<V>, select: (state: FormState<V>) => T): T {
  const snapshot = () => select(store.getState());
  return useSyncExternalStore(store.subscribe, snapshot, snapshot);
}

/** A slice of the state that concerns the field at `path` (its value, its errors). */
export function useFieldSlice<V, T>(store: FormStore<V>, path: FormPath, select: (state: FormState<V>) => T): T {
  const key = pathKey(path);
  // `path` arrays are rebuilt by rjsf on renders; the key is what identifies the subscription.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const subscribe = useCallback((listener: () => void) => store.subscribePath(path, listener), [store, key]);
  const snapshot = () => select(store.getState());
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The field's own messages (not its descendants'), or `undefined`. Identity is stable while they do not change. */
export function useOwnErrors<V>(store: FormStore<V>, path: FormPath): string[] | undefined {
  return useFieldSlice(store, path, (state) => {
    const errors = getIn(state.errors, [...path, '__errors']);
    return Array.isArray(errors) && errors.length > 0 ? (errors as string[]) : undefined;
  });
}
