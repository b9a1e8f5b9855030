/**
 * Immutable updates by path with structural sharing: only the objects on the
 * path to the change are copied, so every untouched branch (499 of 500 line
 * items) keeps its identity and its memoized field skips rendering.
 */

export type FormPath = ReadonlyArray<string | number>;

export function getIn(value: unknown, path: FormPath): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export function setIn<T>(root: T, path: FormPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const current = root !== null && typeof root === 'object' ? (root as Record<string | number, unknown>)[head] : undefined;
  const next = setIn(current, rest, value);
  if (Object.is(current, next) && root !== null && typeof root === 'object') return root;
  if (Array.isArray(root) || (root === undefined && typeof head === 'number')) {
    const copy = Array.isArray(root) ? [...root] : [];
    copy[head as number] = next;
    return copy as T;
  }
  const copy: Record<string | number, unknown> = root !== null && typeof root === 'object' ? { ...(root as object) } : {};
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy as T;
}
