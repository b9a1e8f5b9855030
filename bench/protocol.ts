/**
 * What the runner (bench/run.ts, Node) and the benchmark page (bench/page, Chromium)
 * say to each other. Types only: both sides import it, neither bundles the other.
 */
import type { IntegrationType } from '../src/core';

/** What is rendered: the floor, stock rjsf, or the library's form over the in-page sandbox. */
export type PageKind = 'plain' | 'rjsf' | 'trackstar';

/** A line-item field's id in parts: the id up to the row index (`root_line_items_`), the row index and the rest (`_sku`). */
export interface RowAddress {
  prefix: string;
  index: number;
  suffix: string;
}

/** Where the page types: `root_line_items_<index>_<field>` for line items, `root_target` for the lone input. */
export interface FieldTarget {
  /** DOM id of the field. */
  id: string;
  /** Set for a line-item field. */
  row?: RowAddress;
  /** The field's value before typing. */
  initialValue: string;
}

export interface PageInput {
  kind: PageKind;
  /** Set for `rjsf` and `trackstar`. */
  form?: {
    integrationType: IntegrationType;
    integrationName: string;
    action: string;
    /** The schema the library renders for this action (after `write_operations`); stock rjsf gets the same. */
    schema: Record<string, unknown>;
    /** Form data with `items` line items: rjsf's `formData`, TrackstarWriteForm's `defaultValues`. */
    formData: Record<string, unknown>;
    /** The in-page sandbox needs the spec: `null` means the sandbox's own fixture. */
    specUrl: string | null;
  };
  target: FieldTarget;
}

/** How one scenario loaded (all times from the moment the root is rendered, in ms). */
export interface LoadResult {
  firstFieldMs: number;
  readyMs: number;
  /** Long tasks (over 50 ms) the page ran until ready, and their total length. */
  longTaskCount: number;
  longTaskMs: number;
  /** Time spent inside the in-page proxy and sandbox answering the form's requests (0 without them). */
  sandboxMs: number;
}

/** Where the line items the page shows are, for scrolling a row into reach. */
export interface RowProbe {
  found: boolean;
  /** Pixels to scroll down (negative: up) to bring the row to the middle of the viewport, estimated from the rows in the DOM. */
  scrollBy: number;
}

export interface RecordedKeys {
  /** Keydown to the painted frame that shows the character, per keystroke, in order. */
  latenciesMs: number[];
  /** The printable keys the page received, in order, so a character the form lost can be told from a key never sent. */
  keys: string;
}

/** The API the page puts on `window.__bench`. */
export interface BenchPageApi {
  /** Settles once the scenario is ready (see bench/RESULTS.md for the definition), or rejects after a timeout. */
  load: Promise<LoadResult>;
  probeRow(row: RowAddress): RowProbe;
  /** Resolves when no element has scrolled for 100 ms, then after two more frames. */
  scrollSettled(): Promise<void>;
  /** Starts recording keystroke latencies (keydown to the frame that shows the character). */
  startKeys(): void;
  /** Resolves once `count` keystrokes have been recorded, or rejects after `timeoutMs`. */
  keys(count: number, timeoutMs: number): Promise<RecordedKeys>;
  /** `aria-rowcount` of the grid or table around the element, and how many of its rows are header rows (`null` without one). */
  rowCount(id: string): { rowCount: number; headerRows: number } | null;
}

declare global {
  interface Window {
    __bench?: BenchPageApi;
  }
}
