/**
 * axe-core at WCAG 2.1 AA on every form of the fixture spec, in Chromium, in the three
 * states issue 13 names: as it opens (empty), after a submit that validation stopped,
 * and with three rows in its first line-item list. The page is test/e2e/styles-page
 * (one write form on the in-page sandbox, chosen by the query string) with the optional
 * stylesheet applied as shipped, so colour contrast is measured on what users see.
 *
 * Every violation fails, whatever its impact: the list printed names the rule, the
 * state and the elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createInPageTrackstar } from '../../src/sandbox';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../browser/chromium';
import { type FormPage, serveFormPage } from './form-page';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STYLESHEET = readFileSync(join(ROOT, 'src/styles/trackstar-write-form.css'), 'utf8');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const UI_TIMEOUT_MS = 20_000;

const hasChromium = chromiumAvailable();
if (!hasChromium) console.warn(`test/e2e/accessibility.test.ts: skipped, Chromium was not found at ${CHROMIUM_PATH}.`);

interface FormCase {
  integrationType: 'wms' | 'cart';
  integrationName: string;
  action: string;
}

/** Every integration × write action of the fixture spec, as the sandbox's /integrations lists them. */
async function fixtureForms(): Promise<FormCase[]> {
  const trackstar = createInPageTrackstar({ connection: { integrationType: 'wms', integrationName: 'bluefin' } });
  const forms: FormCase[] = [];
  for (const integrationType of ['wms', 'cart'] as const) {
    const answer = (await (await trackstar.fetch(`${trackstar.baseUrl}/integrations/${integrationType}`)).json()) as {
      data: Array<{ integration_name: string; write_operations: Array<{ action: string }> }>;
    };
    for (const integration of answer.data) {
      for (const operation of integration.write_operations) forms.push({ integrationType, integrationName: integration.integration_name, action: operation.action });
    }
  }
  return forms;
}

let formPage: FormPage | undefined;
let origin: string;
let browser: Browser;
let forms: FormCase[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  forms = await fixtureForms();
  formPage = await serveFormPage('a11y');
  origin = formPage.origin;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await formPage?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

async function axeViolations(page: Page): Promise<Violation[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const results = await axe.run(document.querySelector('.tswf') ?? document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
  });
}

function describeViolations(state: string, violations: Violation[]): string[] {
  return violations.map((violation) => `${state}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

/** Two frames: a render and its layout effects have landed. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

describe.skipIf(!hasChromium)('axe on every fixture form (WCAG 2.1 AA, the stylesheet applied)', () => {
  it('finds the fixture forms', () => {
    expect(forms.length).toBeGreaterThan(20);
  });

  it('reports no violation empty, after a failed submit, and with three line items', async () => {
    const found: string[] = [];
    let withRows = 0;
    let states = 0;
    for (const form of forms) {
      const name = `${form.integrationType}/${form.integrationName} ${form.action}`;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      try {
        await page.goto(`${origin}/?integration=${form.integrationName}&type=${form.integrationType}&action=${form.action}&items=0`);
        await page.waitForSelector('.tswf-form, .tswf-notice, [role="alert"]', { timeout: UI_TIMEOUT_MS });
        await page.addStyleTag({ content: STYLESHEET });
        await page.addScriptTag({ content: AXE });
        await settle(page);
        found.push(...describeViolations(`${name}, empty`, await axeViolations(page)));
        states += 1;

        const submit = page.locator('.tswf-form__actions button[type="submit"]');
        if ((await submit.count()) > 0) {
          await submit.click();
          await page.waitForSelector('.tswf-notice--error, .tswf-notice--success, [role="alert"]', { timeout: UI_TIMEOUT_MS });
          await settle(page);
          found.push(...describeViolations(`${name}, after submit`, await axeViolations(page)));
          states += 1;
        }

        // The first list of objects (a line-item grid, however deep its rows) with three rows added.
        const add = page.locator('.tswf-grid-field .tswf-grid__add').first();
        if ((await add.count()) > 0) {
          for (let row = 0; row < 3; row += 1) await add.click();
          await settle(page);
          withRows += 1;
          found.push(...describeViolations(`${name}, three rows`, await axeViolations(page)));
          states += 1;
        }
        if (errors.length > 0) found.push(`${name}: page errors ${errors.join('; ')}`);
      } finally {
        await page.close();
      }
    }
    console.log(`axe: ${forms.length} fixture forms, ${states} states checked, ${withRows} with three rows added`);
    expect(found).toEqual([]);
    expect(withRows).toBeGreaterThan(5);
  }, 600_000);
});
