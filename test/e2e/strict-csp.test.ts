/**
 * A host page under a strict Content-Security-Policy (`script-src 'self'`, no
 * `'unsafe-eval'`), in Chromium: the create-order form loads from the in-page sandbox,
 * a missing field is caught before sending (validation works without ajv's generated
 * code), and once the operator fills it the write goes through and the sandbox
 * receives the body. The only code generation the page attempts is the library's one
 * probe.
 */
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { findEmptyValues } from '../../src/core/strip-empty';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../browser/chromium';

const PAGE_DIR = fileURLToPath(new URL('./strict-csp', import.meta.url));
const CSP = "script-src 'self'";
const UI_TIMEOUT_MS = 20_000;
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const hasChromium = chromiumAvailable();
if (!hasChromium) console.warn(`test/e2e/strict-csp.test.ts: skipped, Chromium was not found at ${CHROMIUM_PATH}.`);

interface Violation {
  directive: string;
  blockedURI: string;
}

describe.skipIf(!hasChromium)("a page with Content-Security-Policy: script-src 'self'", () => {
  const outDir = join(tmpdir(), `tswf-strict-csp-${process.pid}`);
  let origin: string;
  let server: ReturnType<typeof createServer>;
  let browser: Browser;

  beforeAll(async () => {
    // One unsplit test page: the size warning would only be noise.
    await build({ configFile: false, root: PAGE_DIR, logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 } });
    server = createServer(async (request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const file = join(outDir, path === '/' ? 'index.html' : path);
      const body = await readFile(file).catch(() => undefined);
      if (body === undefined) response.writeHead(404).end();
      else response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await rm(outDir, { recursive: true, force: true });
  });

  it('validates, then submits create_order, and the in-page sandbox receives the body', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Injected by the browser's debugging protocol, so the policy does not apply to this script itself.
    await page.addInitScript(() => {
      const seen: Array<{ directive: string; blockedURI: string }> = [];
      (window as unknown as { __violations: typeof seen }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI }));
    });
    await page.goto(`${origin}/`);
    // Asked by the page's own script: code the test evaluates through the debugging protocol is exempt from the policy.
    expect(await page.evaluate(() => window.__strictCsp?.codeGeneration), 'the policy is in force').toBe('blocked');

    const form = page.getByRole('form', { name: 'Create order in Bluefin WMS' });
    await form.waitFor({ timeout: UI_TIMEOUT_MS });
    const submit = form.getByRole('button', { name: 'Create order', exact: true });

    await submit.click();
    const validation = form.locator('.tswf-alert--validation');
    await validation.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await validation.innerText()).toMatch(/Order number is required\./);
    expect(await form.innerText()).not.toMatch(/unsafe-eval|Code generation|Refused to evaluate/i);
    expect(await page.evaluate(() => window.__strictCsp!.receivedWrites().length), 'nothing sent while invalid').toBe(0);

    await form.getByLabel(/^Order number/).fill('CSP-1001');
    await submit.click();
    await page.waitForFunction(() => window.__strictCsp?.success !== undefined, undefined, { timeout: UI_TIMEOUT_MS });

    const writes = await page.evaluate(() => window.__strictCsp!.receivedWrites());
    expect(writes).toHaveLength(1);
    const [write] = writes;
    expect(write).toMatchObject({ method: 'POST', path: '/wms/orders', action: 'create_order', status: 200, replayed: false });
    expect(write!.body).toMatchObject({ order_number: 'CSP-1001' });
    expect(findEmptyValues(write!.body)).toEqual([]);

    // The page's own check and the library's one probe: nothing else tried to evaluate a string.
    const violations = await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);
    expect(violations).toEqual([
      { directive: 'script-src', blockedURI: 'eval' },
      { directive: 'script-src', blockedURI: 'eval' },
    ]);
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => window.__strictCsp!.startError)).toBeUndefined();
    await page.close();
  });
});
