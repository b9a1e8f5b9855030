/**
 * Brings a line item's field into the DOM as a person would: with the mouse over the
 * form, turn the wheel towards the row until it is there. With every row in the DOM
 * (today's form, stock rjsf) that takes no scrolling at all; with a windowed grid it
 * takes a few wheel turns, each sized from where the rows on screen say the row is.
 */
import type { Page } from 'playwright-core';
import type { RowAddress } from './protocol';

const MAX_WHEEL_TURNS = 40;

/** Resolves with the number of wheel turns it took. */
export async function reachRow(page: Page, row: RowAddress): Promise<number> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  for (let turn = 0; turn <= MAX_WHEEL_TURNS; turn += 1) {
    const probe = await page.evaluate((address) => window.__bench!.probeRow(address), row);
    if (probe.found) return turn;
    await page.mouse.wheel(0, probe.scrollBy);
    await page.evaluate(() => window.__bench!.scrollSettled());
  }
  throw new Error(`${row.prefix}${row.index}${row.suffix} did not appear after ${MAX_WHEEL_TURNS} turns of the mouse wheel`);
}
