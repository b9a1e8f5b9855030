/**
 * Finding a line item the way a person scrolls to it. A windowed grid only has the
 * rows near the viewport in the DOM, so the runner asks where the wanted row is
 * relative to the rows that are there (their field ids carry the row index), wheels
 * the page by that much, and asks again.
 */
import type { RowAddress, RowProbe } from '../protocol';
import { nextPaint } from './after-paint';

/** A row height to assume until two rows are on screen to measure. */
const FALLBACK_ROW_PX = 40;

export function probeRow({ prefix, index, suffix }: RowAddress): RowProbe {
  if (document.getElementById(`${prefix}${index}${suffix}`)) return { found: true, scrollBy: 0 };

  const rowTops = new Map<number, number>();
  for (const element of document.querySelectorAll(`[id^="${CSS.escape(prefix)}"]`)) {
    const match = /^(\d+)_/.exec(element.id.slice(prefix.length));
    const box = element.getBoundingClientRect();
    if (!match || box.height === 0) continue;
    const row = Number(match[1]);
    rowTops.set(row, Math.min(rowTops.get(row) ?? Number.POSITIVE_INFINITY, box.top));
  }
  // No line item in the DOM yet: the grid is further down.
  if (rowTops.size === 0) return { found: false, scrollBy: Math.round(innerHeight * 0.8) };

  const rows = [...rowTops.keys()].sort((a, b) => a - b);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const rowPx = last > first ? (rowTops.get(last)! - rowTops.get(first)!) / (last - first) : FALLBACK_ROW_PX;
  const anchor = index < first ? first : index > last ? last : rows.reduce((best, row) => (Math.abs(row - index) < Math.abs(best - index) ? row : best));
  const estimatedTop = rowTops.get(anchor)! + (index - anchor) * rowPx;
  const scrollBy = Math.round(estimatedTop - innerHeight / 2);
  // The row is estimated to be on screen but is not in the DOM: step past where the estimate stalls.
  if (Math.abs(scrollBy) < innerHeight / 4) return { found: false, scrollBy: Math.sign(index - anchor || 1) * Math.round(innerHeight / 2) };
  return { found: false, scrollBy };
}

let lastScrollAt = 0;
document.addEventListener('scroll', () => (lastScrollAt = performance.now()), { capture: true, passive: true });

export async function scrollSettled(): Promise<void> {
  const since = performance.now();
  // A wheel's scroll lands a frame or more after the input; wait for scrolling to start and then to stop.
  while (performance.now() - Math.max(lastScrollAt, since) < 100) await nextPaint();
  await nextPaint();
  await nextPaint();
}

/** The row count a grid or table announces, and how many of its rows are header rows. */
export function rowCount(id: string): { rowCount: number; headerRows: number } | null {
  const grid = document.getElementById(id)?.closest('[aria-rowcount]');
  if (!grid) return null;
  const rows = [...grid.querySelectorAll('[role="row"], tr')].filter((row) => row.closest('[aria-rowcount]') === grid);
  const headerRows = rows.filter((row) => row.closest('thead') !== null || row.querySelector('[role="columnheader"], th[scope="col"]') !== null);
  return { rowCount: Number(grid.getAttribute('aria-rowcount')), headerRows: headerRows.length };
}
