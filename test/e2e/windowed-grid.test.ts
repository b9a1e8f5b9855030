/**
 * A windowed line-item grid in Chromium, where rows are really laid out and the window
 * really scrolls: what jsdom cannot show. An error in a row far outside the window is
 * reached from the summary; the arrow keys walk past the window's edge; focus always
 * lands on the control asked for, on screen, never on the page.
 *
 * The page is test/e2e/styles-page with 200 line items, every third without its SKU.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../browser/chromium';
import { type FormPage, serveFormPage } from './form-page';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STYLESHEET = readFileSync(join(ROOT, 'src/styles/trackstar-write-form.css'), 'utf8');
const UI_TIMEOUT_MS = 20_000;
const ITEMS = 200;

const hasChromium = chromiumAvailable();
if (!hasChromium) console.warn(`test/e2e/windowed-grid.test.ts: skipped, Chromium was not found at ${CHROMIUM_PATH}.`);

let formPage: FormPage | undefined;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  formPage = await serveFormPage('windowed-grid');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await formPage?.close();
});

async function openGrid(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  await page.goto(`${formPage!.origin}/?items=${ITEMS}`);
  await page.addStyleTag({ content: STYLESHEET });
  await page.waitForSelector('.tswf-grid__body > [role="row"]', { timeout: UI_TIMEOUT_MS });
  return page;
}

/** Where focus is: the focused control's id, whether it is inside the viewport, and how many rows are in the DOM. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const rect = active?.getBoundingClientRect();
    return {
      id: active?.id ?? '',
      onScreen: rect !== undefined && rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight,
      rowsInDom: document.querySelectorAll('.tswf-grid__body > [role="row"]').length,
    };
  });
}

describe.skipIf(!hasChromium)('a windowed line-item grid in Chromium', () => {
  it('reaches an error in a row far outside the window from the summary, and focuses its field on screen', async () => {
    const page = await openGrid();
    try {
      await page.click('.tswf-form__actions button[type="submit"]');
      await page.waitForSelector('.tswf-alert--validation', { timeout: UI_TIMEOUT_MS });
      // Validation focuses the first error (the order number, above the grid).
      await page.waitForFunction(() => document.activeElement?.id.endsWith('_order_number'), undefined, { timeout: UI_TIMEOUT_MS });
      const before = await focusState(page);
      expect(before.onScreen).toBe(true);
      expect(before.rowsInDom).toBeLessThan(ITEMS / 4);

      // The last link of the summary: line item 200 lacks its SKU, 9,000 px below.
      const last = page.locator('.tswf-alert__fields button').last();
      expect(await last.textContent()).toContain(String(ITEMS));
      await last.click();
      await page.waitForFunction((index) => document.activeElement?.id.endsWith(`_line_items_${index}_sku`), ITEMS - 1, { timeout: UI_TIMEOUT_MS });
      const after = await focusState(page);
      expect(after.onScreen).toBe(true);
      expect(after.rowsInDom).toBeLessThan(ITEMS / 4);
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(5_000);
    } finally {
      await page.close();
    }
  });

  it('walks past the window with the arrow keys, keeping the focused cell on screen', async () => {
    const page = await openGrid();
    try {
      await page.locator('[id$="_line_items_0_sku"]').click();
      const steps = 70;
      for (let step = 0; step < steps; step += 1) await page.keyboard.press('ArrowDown');
      await page.waitForFunction((index) => document.activeElement?.id.endsWith(`_line_items_${index}_sku`), steps, { timeout: UI_TIMEOUT_MS });
      const down = await focusState(page);
      expect(down.onScreen).toBe(true);
      expect(down.rowsInDom).toBeLessThan(steps);

      for (let step = 0; step < steps; step += 1) await page.keyboard.press('ArrowUp');
      await page.waitForFunction(() => document.activeElement?.id.endsWith('_line_items_0_sku'), undefined, { timeout: UI_TIMEOUT_MS });
      expect((await focusState(page)).onScreen).toBe(true);
    } finally {
      await page.close();
    }
  });
});
