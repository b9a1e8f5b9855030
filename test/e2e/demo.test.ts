/**
 * The demo as an operator uses it: `npm start` (sandbox mode), Chromium, a customer
 * connecting a WMS through the stand-in Trackstar Link modal, the create-order form
 * of that connection filled like a person would, the sandbox's record of what
 * arrived (with that connection's token), an integration's rejection, a reinstall,
 * a server restart that keeps the connection, and axe-core on the rendered page.
 *
 * Screenshots go to test-results/demo-*.png.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { findEmptyValues } from '../../src/core/strip-empty';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../browser/chromium';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS_DIR = `${ROOT}test-results`;
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SERVER_START_TIMEOUT_MS = 60_000;
const UI_TIMEOUT_MS = 20_000;

const hasChromium = chromiumAvailable();
if (!hasChromium) {
  console.warn(`test/e2e/demo.test.ts: skipped, Chromium was not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`);
}

interface ReceivedWrite {
  requestId: string;
  method: string;
  path: string;
  action: string;
  integrationName: string | null;
  connectionId: string | null;
  idempotencyKey: string | null;
  body: unknown;
  status: number;
  replayed: boolean;
}

interface DemoServer {
  process: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the demo exactly as `npm start` does, on a free port, against the sandbox, keeping its data in `dataDir`. */
async function startDemo(dataDir: string): Promise<DemoServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir };
  // Sandbox mode and the embedded database, whatever the environment holds. TRACKSTAR_OPENAPI_SPEC passes through.
  delete env.TRACKSTAR_API_KEY;
  delete env.TRACKSTAR_BASE_URL;
  delete env.DATABASE_URL;
  delete env.TRACKSTAR_TOKEN_KEY;
  const child = spawn('npx', ['tsx', 'demo/server.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The demo did not print its URL within ${SERVER_START_TIMEOUT_MS} ms:\n${output}`)), SERVER_START_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const match = /Trackstar write form demo: (http:\/\/localhost:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The demo exited (${signal ?? code}) before printing its URL:\n${output}`));
    });
  });
  return { process: child, url, output: () => output };
}

/** Stops the whole process group (npx → tsx → node), politely first. */
async function stopDemo(server: DemoServer | undefined): Promise<void> {
  const child = server?.process;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5_000))]);
  if (timedOut) {
    signalGroup('SIGKILL');
    await exited;
  }
  // The child is `npm start`; the server under it (and PGlite's last writes) can outlive it by a moment. The data
  // directory is reused by the restart test and removed after the suite, so wait until the whole group is gone.
  for (let waited = 0; waited < 5_000 && groupAlive(child.pid); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Bluefin WMS with the fixture spec; with a real spec, ShipHero or else the first integration that creates orders. */
async function pickIntegration(baseUrl: string): Promise<{ name: string; displayName: string }> {
  type Info = { integration_name: string; display_name: string; write_operations: Array<{ action: string }> };
  const { data } = await getJson<{ data: Info[] }>(`${baseUrl}api/trackstar/integrations/wms`);
  const creatingOrders = data.filter((info) => info.write_operations.some((operation) => operation.action === 'create_order'));
  const chosen =
    creatingOrders.find((info) => info.display_name === 'Bluefin WMS') ??
    creatingOrders.find((info) => info.integration_name === 'shiphero') ??
    creatingOrders[0];
  if (!chosen) throw new Error('No WMS integration in the sandbox can create orders.');
  return { name: chosen.integration_name, displayName: chosen.display_name };
}

async function receivedWrites(baseUrl: string): Promise<ReceivedWrite[]> {
  return getJson<ReceivedWrite[]>(`${baseUrl}__demo/sandbox/writes`);
}

/** Every string and number anywhere in a JSON value. */
function leafValues(value: unknown): Array<string | number | boolean> {
  if (Array.isArray(value)) return value.flatMap(leafValues);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leafValues);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [value] : [];
}

interface RequiredControl {
  id: string;
  label: string;
  tag: string;
  type: string;
}

/**
 * The controls an operator must fill: marked required, and inside groups that are
 * themselves required (a required field of an optional group, such as the channel
 * of an optional sales channel, stays blank).
 */
async function requiredControls(form: Locator): Promise<RequiredControl[]> {
  return form.evaluate((root) => {
    const isRequiredGroup = (fieldset: HTMLFieldSetElement) => {
      const legend = fieldset.querySelector(':scope > legend');
      return legend !== null && legend.querySelector('.required') !== null;
    };
    const rootFieldset = root.querySelector('fieldset');
    const controls = Array.from(root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[aria-required="true"], select[aria-required="true"], textarea[aria-required="true"]'));
    return controls
      .filter((control) => {
        for (let group = control.closest('fieldset'); group && group !== rootFieldset; group = group.parentElement?.closest('fieldset') ?? null) {
          if (!isRequiredGroup(group)) return false;
        }
        return !control.disabled && control.value === '';
      })
      .map((control) => ({
        id: control.id,
        // Line-item cells are named by aria-label ("SKU, Line item 1"); other fields by their <label>.
        label: (control.labels?.[0]?.textContent ?? control.getAttribute('aria-label') ?? '').replace(/\*/g, '').trim(),
        tag: control.tagName.toLowerCase(),
        type: control instanceof HTMLInputElement ? control.type : '',
      }));
  });
}

/** What an operator would type into a field, by its label. */
function valueFor(control: RequiredControl, order: OrderValues): string {
  const label = control.label.toLowerCase();
  if (label.startsWith('order number')) return order.orderNumber;
  if (label.startsWith('sku')) return order.sku;
  if (label.startsWith('quantity')) return String(order.quantity);
  if (label.includes('country')) return 'US';
  if (label.includes('postal') || label.includes('zip')) return '10001';
  if (label.startsWith('state')) return 'NY';
  if (label.startsWith('city')) return 'New York';
  if (label.startsWith('address 1') || label.startsWith('address1') || label.startsWith('address line 1')) return '350 Fifth Avenue';
  if (label.includes('name')) return 'Ada Lovelace';
  if (label.includes('email')) return 'ops@example.com';
  if (label.includes('phone')) return '555-123-4567';
  if (label.includes('price')) return '19.99';
  if (control.type === 'number') return '1';
  if (control.type === 'date') return '2030-01-15';
  return `E2E ${control.label}`;
}

interface OrderValues {
  orderNumber: string;
  sku: string;
  quantity: number;
}

/** Fills every required field (adding one line item first) and leaves the optional ones alone; returns what was typed. */
async function fillRequiredFields(page: Page, form: Locator, order: OrderValues): Promise<Map<string, string>> {
  const addLineItem = form.getByRole('button', { name: 'Add line item' });
  if ((await form.getByRole('row').count()) <= 1) await addLineItem.click();
  const typed = new Map<string, string>();
  for (const control of await requiredControls(form)) {
    expect(control.label, `required control #${control.id} has a label`).not.toBe('');
    const field = page.locator(`[id="${control.id}"]`);
    if (control.tag === 'select') {
      const firstOption = await field.locator('option:not([value=""])').first().getAttribute('value');
      await field.selectOption(firstOption ?? '');
      continue;
    }
    const value = valueFor(control, order);
    await field.fill(value);
    typed.set(control.label, value);
  }
  return typed;
}

/** A control by its label, with or without the required marker. */
function byLabel(scope: Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`));
}

async function runAxe(page: Page) {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

describe.skipIf(!hasChromium)('the demo (npm start) in Chromium', () => {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;
  let integration: { name: string; displayName: string };
  /** The connection the first test makes for Globex Supply. */
  let connectionId: string;
  const firstOrder: OrderValues = { orderNumber: `E2E-${Date.now()}`, sku: 'TEE-BLK-M', quantity: 2 };
  /** Uncaught exceptions in the page: none may happen. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(RESULTS_DIR, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'trackstar-demo-'));
    [server, browser] = await Promise.all([startDemo(dataDir), launchChromium()]);
    integration = await pickIntegration(server.url);
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(() => {
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await stopDemo(server);
    if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  /** Signs in as `customer` with the page's picker and waits for that customer's connections. */
  async function signInAs(target: Page, customer: string): Promise<void> {
    await target.goto(server!.url);
    const picker = target.getByLabel('Signed in as');
    await expect.poll(() => picker.isEnabled()).toBe(true);
    await picker.selectOption({ label: customer });
    await target.getByRole('heading', { name: `Connections of ${customer}` }).waitFor();
    await target.getByText(/Loading connections/).waitFor({ state: 'detached' });
  }

  /** Opens a connection's forms and picks the create-order form. */
  async function openCreateOrderForm(target: Page, id: string): Promise<Locator> {
    const open = target.getByRole('button', { name: new RegExp(`^Open forms for .* \\(${id}\\)$`) });
    if ((await open.getAttribute('aria-pressed')) !== 'true') await open.click();
    await target.getByLabel('Action', { exact: true }).selectOption({ label: 'Create order' });
    const form = target.getByRole('form', { name: `Create order in ${integration.displayName}` });
    await form.getByRole('button', { name: 'Create order', exact: true }).waitFor();
    return form;
  }

  test('connects a WMS for one customer through the stand-in Trackstar Link modal', async () => {
    await signInAs(page, 'Globex Supply');
    await page.getByText('No connections yet.').waitFor();

    await page.getByRole('button', { name: 'Connect your WMS' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect your WMS' });
    await dialog.getByLabel('Search integrations').fill(integration.displayName);
    await dialog.getByRole('button', { name: integration.displayName, exact: true }).click();
    const credentials = page.getByRole('dialog', { name: `Connect ${integration.displayName}` });
    await credentials.getByLabel(`${integration.displayName} API key`).fill('sandbox-key');
    await credentials.getByRole('button', { name: 'Connect', exact: true }).click();

    await page.getByRole('status').filter({ hasText: `Connected ${integration.displayName}` }).waitFor();
    const card = page.getByRole('list', { name: 'Connections' }).getByRole('listitem').filter({ hasText: integration.displayName });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Healthy');
    connectionId = ((await card.locator('code').first().textContent()) ?? '').trim();
    expect(connectionId).toMatch(/^conn_/);

    // Northwind's connections are not Globex's.
    const response = await page.request.get(`${server!.url}api/connections`);
    expect(((await response.json()) as { connections: Array<{ connection_id: string }> }).connections.map((c) => c.connection_id)).toEqual([connectionId]);
  });

  test('creates an order with only the required fields through that connection, and the sandbox receives a clean body', async () => {
    const form = await openCreateOrderForm(page, connectionId);
    const typed = await fillRequiredFields(page, form, firstOrder);
    expect([...typed.keys()]).toEqual(expect.arrayContaining(['Order number', 'SKU, Line item 1', 'Quantity, Line item 1']));

    await form.getByRole('button', { name: 'Create order', exact: true }).click();
    const success = form.getByRole('status').filter({ hasText: `Order created in ${integration.displayName}` });
    await success.waitFor();

    const writes = (await receivedWrites(server!.url)).filter((write) => write.action === 'create_order');
    expect(writes).toHaveLength(1);
    const [write] = writes as [ReceivedWrite];
    // The write reached Trackstar with the token of the connection the operator picked.
    expect(write).toMatchObject({ method: 'POST', path: '/wms/orders', status: 200, replayed: false, integrationName: integration.name, connectionId });
    expect(write.idempotencyKey).toEqual(expect.stringMatching(/\S/));
    expect(findEmptyValues(write.body)).toEqual([]);

    const body = write.body as Record<string, unknown> & { line_items: Array<Record<string, unknown>>; ship_to_address: Record<string, unknown> };
    expect(body.order_number).toBe(firstOrder.orderNumber);
    expect(body.line_items).toHaveLength(1);
    expect(body.line_items[0]).toMatchObject({ sku: firstOrder.sku, quantity: firstOrder.quantity });
    expect(body.ship_to_address).toMatchObject({ city: 'New York', country: 'US', postal_code: '10001', address1: '350 Fifth Avenue' });
    // Everything typed arrived (numbers as numbers); the optional fields left blank did not.
    const sent = leafValues(body).map(String);
    for (const [label, value] of typed) expect(sent, `the value typed into "${label}"`).toContain(value);
    expect(body).not.toHaveProperty('reference_id');
    expect(body).not.toHaveProperty('packing_note');
    expect(body.ship_to_address).not.toHaveProperty('address2');

    // The page's panels show the request as sent and the result.
    const requestPanel = page.getByRole('region', { name: 'Request that was sent' });
    await expect.poll(() => requestPanel.textContent()).toContain(write.idempotencyKey!);
    expect(await requestPanel.textContent()).toContain('HTTP 200');
    const resultPanel = page.getByRole('region', { name: 'Last result' });
    expect(await resultPanel.textContent()).toContain(firstOrder.orderNumber);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${RESULTS_DIR}/demo-success.png`, fullPage: true });
  });

  test("shows the integration's rejection verbatim and keeps what the operator typed", async () => {
    const form = page.getByRole('form', { name: `Create order in ${integration.displayName}` });
    await form.getByRole('button', { name: 'Start a new order' }).click();
    // A fresh order: no line items, so no grid at all, only the empty state.
    await expect.poll(() => form.getByRole('row').count()).toBe(0);
    await form.getByText('No line items yet.').waitFor();

    const rejected: OrderValues = { orderNumber: `${firstOrder.orderNumber}-B`, sku: 'UNKNOWN-1', quantity: 3 };
    const typed = await fillRequiredFields(page, form, rejected);
    await form.getByRole('button', { name: 'Create order', exact: true }).click();

    const alert = form.getByRole('alert');
    await alert.waitFor();
    const alertText = (await alert.textContent()) ?? '';
    expect(alertText).toContain(`${integration.displayName} rejected this order.`);
    expect(alertText).toContain('SKU UNKNOWN-1 does not exist.');

    // Nothing typed was lost.
    for (const [label, value] of typed) {
      expect(await byLabel(form, label).inputValue(), `"${label}" after the rejection`).toBe(value);
    }
    const errorPanel = page.getByRole('region', { name: 'Last error' });
    await expect.poll(() => errorPanel.textContent()).toContain('HTTP 400');
    expect(await errorPanel.textContent()).toContain('Integration');

    const writes = (await receivedWrites(server!.url)).filter((write) => write.action === 'create_order');
    expect(writes.map((write) => write.status)).toEqual([200, 400]);
    expect(findEmptyValues(writes[1]!.body)).toEqual([]);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${RESULTS_DIR}/demo-integration-error.png`, fullPage: true });

    // Fixing the SKU but reusing the first order number: the integration refuses the duplicate.
    await byLabel(form, 'SKU, Line item 1').fill(firstOrder.sku);
    await byLabel(form, 'Order number').fill(firstOrder.orderNumber);
    await form.getByRole('button', { name: 'Create order', exact: true }).click();
    await expect
      .poll(async () => (await form.getByRole('alert').textContent()) ?? '')
      .toContain(`An order with order number ${firstOrder.orderNumber} already exists.`);
    expect(await form.getByRole('alert').textContent()).toContain(`${integration.displayName} rejected this order.`);
    expect(await byLabel(form, 'Order number').inputValue()).toBe(firstOrder.orderNumber);
  });

  test('has no serious or critical axe-core violations', async () => {
    // The page as the last test left it: a filled form, an alert, and every panel in use.
    expect(await runAxe(page)).toEqual([]);

    // A fresh page: an empty line item and the validation errors of an empty submit.
    const freshContext = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const fresh = await freshContext.newPage();
      fresh.setDefaultTimeout(UI_TIMEOUT_MS);
      fresh.on('pageerror', (error) => pageErrors.push(error.message));
      await signInAs(fresh, 'Globex Supply');
      const form = await openCreateOrderForm(fresh, connectionId);
      await form.getByRole('button', { name: 'Add line item' }).click();
      await form.getByRole('button', { name: 'Create order', exact: true }).click();
      await form.getByRole('alert').filter({ hasText: 'before sending' }).waitFor();
      expect(await runAxe(fresh)).toEqual([]);

      // The Link modal too.
      await fresh.getByRole('button', { name: 'Connect your WMS' }).click();
      await fresh.getByRole('dialog', { name: 'Connect your WMS' }).getByLabel('Search integrations').waitFor();
      expect(await runAxe(fresh)).toEqual([]);
    } finally {
      await freshContext.close();
    }
  });

  test("reinstalls the other customer's broken connection", async () => {
    await signInAs(page, 'Northwind Outfitters');
    const list = page.getByRole('list', { name: 'Connections' });
    const broken = list.getByRole('listitem').filter({ hasText: 'conn_sandbox_broken' });
    expect(await broken.textContent()).toContain('Needs reinstall');
    expect(await list.textContent()).not.toContain(connectionId);
    await page.screenshot({ path: `${RESULTS_DIR}/demo-broken-connection.png`, fullPage: true });

    await broken.getByRole('button', { name: 'Reinstall' }).click();
    const dialog = page.getByRole('dialog', { name: /^Reinstall / });
    await dialog.getByLabel(/API key$/).fill('new-sandbox-key');
    await dialog.getByRole('button', { name: 'Reinstall', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Reinstalled / }).waitFor();
    await expect.poll(async () => (await broken.textContent()) ?? '').toContain('Healthy');
  });

  test('still has the connection after the server restarts, and its forms still load', async () => {
    await stopDemo(server);
    server = await startDemo(dataDir);
    expect(server.output()).toContain('using the demo\'s key in');

    await signInAs(page, 'Globex Supply');
    const card = page.getByRole('list', { name: 'Connections' }).getByRole('listitem').filter({ hasText: connectionId });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Healthy');
    await openCreateOrderForm(page, connectionId);

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${RESULTS_DIR}/demo-after-restart-${width}.png`, fullPage: true });
    }
  });
});
