/**
 * One scenario in one fresh page: load it and take its load times, bring the
 * middle line item's field on screen, click it, type at an operator's pace, and
 * check that the page really showed the form, the rows and the typing it claims.
 */
import type { Browser, Page } from 'playwright-core';
import type { BenchCase } from './bench-case';
import type { LoadResult } from './protocol';
import { reachRow } from './reach-row';
import { percentile } from './statistics';

export interface TypingOptions {
  /** Keystrokes measured per run; one more is typed first and not counted (focus and caret settling). */
  keys: number;
  /** Between keydown and keyup, and so roughly between keystrokes. */
  keyDelayMs: number;
}

export interface RunSample extends LoadResult {
  keyMs: number[];
  keyP50Ms: number;
  keyP95Ms: number;
  /** Wheel turns it took to bring the middle row's field into the DOM. */
  wheelTurns: number;
  /** The grid's `aria-rowcount` minus its header rows, when it announces one. */
  announcedRows: number | null;
  /** Set when every key reached the page but the field ended up with another value (the form lost or reordered keystrokes). */
  typingMismatch: string | null;
  /**
   * Form controls (`input`, `select`, `textarea`) in the document while typing. Chromium does work per control
   * of the document on every keystroke (measured: ~0.02 ms each, a page of 600 static inputs answers a key in
   * ~12 ms against ~3 ms for one), so this number explains much of a keystroke's cost.
   */
  controlsInDom: number;
}

export const VIEWPORT = { width: 1280, height: 900 } as const;
/** How long after the last key the last character may take to show. */
const KEYS_TIMEOUT_MS = 15_000;
const TEXT = 'abcdefghijklmnopqrstuvwxyz0123456789';

export async function runScenario(browser: Browser, url: string, benchCase: BenchCase, typing: TypingOptions): Promise<RunSample> {
  const { input, scenario } = benchCase;
  const page = await browser.newPage({ viewport: VIEWPORT });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(url);
    const load = await page.evaluate(() => window.__bench!.load);

    const wheelTurns = input.target.row ? await reachRow(page, input.target.row) : 0;
    const field = page.locator(`[id="${input.target.id}"]`);
    await field.click();
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
    const controlsInDom = await page.evaluate(() => document.querySelectorAll('input:not([type="hidden"]), select, textarea').length);

    const text = TEXT.repeat(Math.ceil((typing.keys + 1) / TEXT.length)).slice(0, typing.keys + 1);
    await page.evaluate(() => window.__bench!.startKeys());
    await page.keyboard.type(text, { delay: typing.keyDelayMs });
    const recorded = await page.evaluate(({ count, timeoutMs }) => window.__bench!.keys(count, timeoutMs), { count: text.length, timeoutMs: KEYS_TIMEOUT_MS });
    if (recorded.keys !== text) throw new Error(`the page received the keys "${recorded.keys}", not "${text}"`);
    const keyMs = recorded.latenciesMs.slice(1);

    const { initialValue } = input.target;
    const typed = await field.inputValue();
    if (typed === initialValue || !typed.startsWith(initialValue)) {
      throw new Error(`typing did not reach ${input.target.id}: expected "${initialValue + text}", found "${typed}"`);
    }
    // Every key arrived and the field took typing, but shows something else: the form's defect, reported rather than hidden.
    const typingMismatch = typed === initialValue + text ? null : `typed "${text}" after "${initialValue}", the field shows "${typed}"`;
    const announcedRows = await checkRows(page, benchCase);
    if (pageErrors.length > 0) throw new Error('the page threw');
    return { ...load, keyMs, keyP50Ms: percentile(keyMs, 0.5), keyP95Ms: percentile(keyMs, 0.95), wheelTurns, announcedRows, typingMismatch, controlsInDom };
  } catch (error) {
    const detail = pageErrors.length > 0 ? ` (page errors: ${pageErrors.join('; ')})` : '';
    throw new Error(`${scenario.id}: ${error instanceof Error ? error.message : String(error)}${detail}`, { cause: error });
  } finally {
    await page.close();
  }
}

/**
 * The form shows exactly the rows it was given: a grid's `aria-rowcount` (when it has
 * one) counts them, the last row shows its data, and nothing comes after it.
 */
async function checkRows(page: Page, { input, scenario, lastRow }: BenchCase): Promise<number | null> {
  if (!lastRow) return null;
  const announced = await page.evaluate((id) => window.__bench!.rowCount(id), input.target.id);
  const announcedRows = announced === null ? null : announced.rowCount - announced.headerRows;
  if (announcedRows !== null && announcedRows !== scenario.items) {
    throw new Error(`the grid announces ${announced!.rowCount} rows (${announced!.headerRows} of them headers), not ${scenario.items} line items`);
  }
  const { address, value } = lastRow;
  await reachRow(page, address);
  const lastId = `${address.prefix}${address.index}${address.suffix}`;
  const shown = await page.locator(`[id="${lastId}"]`).inputValue();
  if (shown !== value) throw new Error(`the last line item's field ${lastId} shows "${shown}", not "${value}"`);
  const beyondId = `${address.prefix}${address.index + 1}${address.suffix}`;
  if ((await page.locator(`[id="${beyondId}"]`).count()) > 0) throw new Error(`there is a row after the last line item (${beyondId})`);
  return announcedRows;
}
