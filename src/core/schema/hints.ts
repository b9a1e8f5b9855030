import type { SchemaNode } from '../types';

/**
 * What the normalizer learns for display only (option labels, deprecation, free-form
 * lists) travels on the node under a symbol until the presentation pass moves it into
 * the uiSchema. A symbol can never arrive in a document, survives the spreads schema
 * merges are made of, and is invisible to JSON, ajv and rjsf.
 */
export interface PresentationHints {
  /** Labels for `enum`, index for index. */
  enumNames?: string[];
  /** The field's `deprecated: true`, or its description says it is deprecated. */
  deprecated?: boolean;
  /** An `items: {}` list: what it holds was read from its description. */
  freeForm?: boolean;
}

export const HINTS: unique symbol = Symbol('trackstar-write-form presentation hints');

type HintedNode = SchemaNode & { [HINTS]?: PresentationHints };

export function hintsOf(node: SchemaNode): PresentationHints | undefined {
  return (node as HintedNode)[HINTS];
}

export function addHints(node: SchemaNode, hints: PresentationHints): void {
  const merged = { ...hintsOf(node), ...hints };
  (node as HintedNode)[HINTS] = merged;
}

/** Replaces the node's hints (none when `hints` is empty). */
export function setHints(node: SchemaNode, hints: PresentationHints): void {
  if (Object.keys(hints).length === 0) removeHints(node);
  else (node as HintedNode)[HINTS] = { ...hints };
}

export function removeHints(node: SchemaNode): void {
  delete (node as HintedNode)[HINTS];
}
