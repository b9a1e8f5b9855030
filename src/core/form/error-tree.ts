/**
 * Errors by field, as a tree shaped like the data (rjsf's `ErrorSchema`):
 * `{ line_items: { 3: { sku: { __errors: ["…"] } } } }`. A field reads its own
 * subtree, which keeps its identity while nothing under it changes.
 */
import { type FormPath, getIn, setIn } from './form-path';

export interface ErrorTree {
  __errors?: string[];
  [key: string]: ErrorTree | string[] | undefined;
}

/** `{ "line_items.0.sku": ["…"] }` (a 422's `detail`, flattened) → a tree. */
export function errorTreeFromFieldErrors(fieldErrors: Readonly<Record<string, readonly string[]>>): ErrorTree {
  let tree: ErrorTree = {};
  for (const [path, messages] of Object.entries(fieldErrors)) tree = addErrors(tree, path.split('.').filter(Boolean), messages);
  return tree;
}

export function addErrors(tree: ErrorTree, path: FormPath, messages: readonly string[]): ErrorTree {
  if (messages.length === 0) return tree;
  const existing = getIn(tree, [...path, '__errors']);
  const merged = [...(Array.isArray(existing) ? (existing as string[]) : []), ...messages.filter((message) => !(existing as string[] | undefined)?.includes(message))];
  return setIn(tree, [...path, '__errors'], merged);
}

/** The messages of the field at `path` itself, not of its descendants. */
export function ownErrors(tree: ErrorTree | undefined, path: FormPath = []): readonly string[] | undefined {
  const messages = getIn(tree, [...path, '__errors']);
  return Array.isArray(messages) && messages.length > 0 ? (messages as string[]) : undefined;
}

/** Paths of every field with an error, in the tree's key order. */
export function errorPaths(tree: unknown, prefix: string[] = []): string[][] {
  if (!tree || typeof tree !== 'object') return [];
  const paths: string[][] = [];
  for (const [key, value] of Object.entries(tree)) {
    if (key === '__errors') {
      if (Array.isArray(value) && value.length > 0) paths.push(prefix);
    } else {
      paths.push(...errorPaths(value, [...prefix, key]));
    }
  }
  return paths;
}

export function hasErrors(tree: unknown): boolean {
  return errorPaths(tree).length > 0;
}

/** `base` with every message of `extra` added at its place. */
export function mergeErrorTrees(base: ErrorTree, extra: ErrorTree, path: string[] = []): ErrorTree {
  let merged = base;
  for (const [key, value] of Object.entries(extra)) {
    if (key === '__errors') merged = addErrors(merged, path, (value as string[] | undefined) ?? []);
    else if (value && typeof value === 'object') merged = mergeErrorTrees(merged, value as ErrorTree, [...path, key]);
  }
  return merged;
}
