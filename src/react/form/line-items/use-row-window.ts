/**
 * Which rows of a long grid are in the DOM: those near the viewport, plus the one
 * holding focus, so scrolling with the mouse never drops the operator's caret. The
 * grid keeps its true height (rows not rendered still take their estimated, then
 * measured, space), so the page never jumps when rows come and go.
 *
 * Short grids (and grids nested in a row's details) render every row, in flow.
 */
import { defaultRangeExtractor, useWindowVirtualizer, windowScroll } from '@tanstack/react-virtual';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from '../use-isomorphic-layout-effect';

/** Above this many rows, rows are windowed. Below it, rendering them all costs less than tracking the window. */
export const WINDOW_THRESHOLD = 60;
const DEFAULT_ROW_HEIGHT = 52;
const OVERSCAN = 2;

/** Whether a grid of `count` rows windows them (`allowed`: a nested grid never does). */
export function windowsRows(count: number, allowed: boolean): boolean {
  return allowed && count > WINDOW_THRESHOLD;
}

export interface RowSlot {
  /** Position among the shown rows (after filtering). */
  position: number;
  /** Distance from the top of the rows' container, when windowed. */
  start: number | undefined;
}

export interface RowWindow {
  windowed: boolean;
  slots: RowSlot[];
  /** Height of the rows' container when windowed. */
  totalSize: number | undefined;
  /** Ref for a rendered row element (carrying `data-index`), so its real height is used. */
  measureRow: (element: Element | null) => void;
  /** Scrolls the row at `position` on screen; returns once it is rendered (next frames). */
  reveal: (position: number) => void;
}

export interface UseRowWindowOptions {
  count: number;
  /** Whether this grid may window at all (a nested grid never does: it lives inside a windowed row). */
  allowed: boolean;
  /** The element the rows are positioned in. */
  containerRef: RefObject<HTMLElement | null>;
  /** A row to keep rendered whatever the scroll position (the one with focus). */
  keepPosition: number | undefined;
  /**
   * Whether the rows are in the DOM in this render. A long grid paints its frame first and its rows right
   * after; until then there is nothing to place, and measuring where the grid starts would force the
   * browser to lay out the whole new form before its first paint.
   */
  rowsRendered: boolean;
}

/** jsdom and hidden elements measure 0: keep the estimate rather than collapsing every row onto one line. */
function measureRowHeight(element: Element, fallback: number): number {
  const height = element.getBoundingClientRect().height;
  return height > 0 ? height : fallback;
}

export function useRowWindow({ count, allowed, containerRef, keepPosition, rowsRendered }: UseRowWindowOptions): RowWindow {
  const windowed = windowsRows(count, allowed);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Read while rendering, when the page's layout is still the one last painted (reading it is free then).
  const [initialOffset] = useState(() => (typeof window === 'undefined' ? 0 : window.scrollY));
  const attached = useRef(false);
  // The first measured row is the best estimate of the others (one layout for every row of a grid).
  const estimate = useRef(DEFAULT_ROW_HEIGHT);
  const keep = useRef(keepPosition);
  keep.current = keepPosition;

  const virtualizer = useWindowVirtualizer<Element>({
    count: windowed ? count : 0,
    estimateSize: () => estimate.current,
    overscan: OVERSCAN,
    scrollMargin,
    enabled: windowed,
    // Rendered on a server or before layout: the first screenful, so the grid is never empty.
    initialRect: { width: 1024, height: 900 },
    initialOffset,
    // When it attaches to the window, the virtualizer scrolls it to where it already is (`initialOffset`),
    // from a layout effect of the first commit: a scroll that moves nothing, but forces the browser to lay
    // out the whole new form before its first paint. That one call is skipped; every later scroll (a row
    // revealed, a size above the window corrected) goes through.
    scrollToFn: (offset, options, instance) => {
      const first = !attached.current;
      attached.current = true;
      if (first && offset === initialOffset && !options.adjustments && options.behavior === undefined) return;
      windowScroll(offset, options, instance);
    },
    measureElement: (element, entry) => {
      // A resize the observer reports carries the new size: reading it back from the element would force a layout.
      const size = entry?.borderBoxSize?.[0]?.blockSize;
      const height = size !== undefined && size > 0 ? size : measureRowHeight(element, estimate.current);
      if (estimate.current === DEFAULT_ROW_HEIGHT && height !== DEFAULT_ROW_HEIGHT) estimate.current = height;
      return height;
    },
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const focused = keep.current;
      if (focused !== undefined && focused < range.count && !indexes.includes(focused)) {
        indexes.push(focused);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
  });

  // Where the rows start on the page moves when anything above the grid grows or shrinks (an alert, a
  // restored-draft notice): the window must know, or it would render the wrong rows.
  const measureMargin = () => {
    const element = containerRef.current;
    if (!element || typeof window === 'undefined') return;
    const top = element.getBoundingClientRect().top + window.scrollY;
    if (Math.abs(top - scrollMargin) > 0.5) setScrollMargin(top);
  };
  // Before the rows are first rendered: in an effect, so not in the middle of the commit. When React renders in
  // the background, that is after the frame that painted the grid's frame, when reading the layout is free; at
  // the end of a synchronous commit it is the one layout that frame needs anyway. Either way the rows are first
  // placed where they belong.
  useEffect(() => {
    if (windowed && !rowsRendered) measureMargin();
  });
  // Once rows are in the DOM: before every paint, so they never show at a stale position.
  useIsomorphicLayoutEffect(() => {
    if (windowed && rowsRendered) measureMargin();
  });

  const virtualItems = windowed ? virtualizer.getVirtualItems() : [];
  const slots = useMemo<RowSlot[]>(
    () =>
      windowed
        ? virtualItems.map((item) => ({ position: item.index, start: item.start - scrollMargin }))
        : Array.from({ length: count }, (_, position) => ({ position, start: undefined })),
    // The virtualizer's items are a new array whenever the window moves; that is when slots change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [windowed, count, virtualItems, scrollMargin],
  );

  const reveal = useCallback(
    (position: number) => {
      if (windowed) {
        virtualizer.scrollToIndex(position, { align: 'center' });
        return;
      }
      const row = containerRef.current?.querySelector(`[data-position="${position}"]`);
      if (row && typeof (row as HTMLElement).scrollIntoView === 'function') (row as HTMLElement).scrollIntoView({ block: 'nearest' });
    },
    [windowed, virtualizer, containerRef],
  );

  return {
    windowed,
    slots,
    totalSize: windowed ? virtualizer.getTotalSize() : undefined,
    measureRow: virtualizer.measureElement as (element: Element | null) => void,
    reveal,
  };
}
