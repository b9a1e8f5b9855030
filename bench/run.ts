/**
 * Keystroke latency and first paint of a create-order form with hundreds of line
 * items, in headless Chromium: a plain controlled <input> (the floor), stock
 * @rjsf/core <Form>, and TrackstarWriteForm, side by side in one run.
 *
 *   npm run bench                       # fixture spec (Bluefin WMS create_order)
 *   TRACKSTAR_OPENAPI_SPEC=… npm run bench   # real spec (ShipHero create_order)
 *   BENCH_ITEMS=500 BENCH_ROUNDS=5 BENCH_KEYS=40 npm run bench
 *
 * Writes bench/results.json; bench/RESULTS.md records the numbers kept in the repo.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { toFormSchema } from '../src/core';
import { SANDBOX_API_KEY, createSandbox, sampleBody, sandboxAccessToken } from '../src/sandbox';
import { loadSpecFile } from '../src/sandbox/node';
import { chromiumAvailable, launchChromium } from '../test/browser/chromium';

const here = fileURLToPath(new URL('.', import.meta.url));
const ITEMS = Number(process.env.BENCH_ITEMS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const KEYS = Number(process.env.BENCH_KEYS ?? 40);
const SCENARIOS = ['plain', 'rows', 'rjsf', 'trackstar'] as const;
type Scenario = (typeof SCENARIOS)[number];

type Schema = { properties?: Record<string, Schema>; items?: Schema; type?: string; enum?: unknown[] };

/** One line item per index, filled from the item schema alone (no per-integration knowledge). */
function lineItem(itemSchema: Schema, index: number): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(itemSchema.properties ?? {})) {
    if (field.enum?.length) item[key] = field.enum[0];
    else if (field.type === 'string') item[key] = `${key.toUpperCase()}-${index}`;
    else if (field.type === 'integer' || field.type === 'number') item[key] = 1;
  }
  return item;
}

async function benchInput() {
  const specPath = process.env.TRACKSTAR_OPENAPI_SPEC;
  const spec = specPath ? await loadSpecFile(specPath) : undefined;
  const sandbox = createSandbox(spec === undefined ? {} : { spec });
  const integrationName = sandbox.integrations.some((integration) => integration.integrationName === 'shiphero') ? 'shiphero' : 'bluefin';
  const answer = await sandbox.fetch(
    new Request('http://sandbox.local/wms/orders/meta?method=POST', {
      headers: { 'x-trackstar-api-key': SANDBOX_API_KEY, 'x-trackstar-access-token': sandboxAccessToken('wms', integrationName) },
    }),
  );
  const formSchema = toFormSchema(await answer.json()) as Schema;
  const itemSchema = formSchema.properties?.line_items?.items;
  if (!itemSchema) throw new Error(`${integrationName} create_order has no line_items array`);
  const formData = { ...sampleBody(formSchema), line_items: Array.from({ length: ITEMS }, (_, index) => lineItem(itemSchema, index)) };
  const fieldsPerItem = Object.keys(itemSchema.properties ?? {}).length;
  const targetField = 'sku' in (itemSchema.properties ?? {}) ? 'sku' : Object.keys(itemSchema.properties ?? {})[0];
  return {
    spec: spec ?? undefined,
    integrationName,
    action: 'create_order',
    formSchema,
    formData,
    targetId: `root_line_items_${Math.floor(ITEMS / 2)}_${targetField}`,
    expectedInputs: ITEMS * fieldsPerItem,
  };
}

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

async function main() {
  if (!chromiumAvailable()) throw new Error('Chromium not found: apt-get install -y chromium');
  const outDir = join(here, '.dist');
  await build({ root: join(here, 'page'), logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true } });
  const input = await benchInput();
  const inputJson = JSON.stringify(input);
  if (process.env.BENCH_DUMP_INPUT) await writeFile(process.env.BENCH_DUMP_INPUT, inputJson);

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/bench-input.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(inputJson);
      return;
    }
    const file = join(outDir, url.pathname === '/' ? 'index.html' : url.pathname);
    const body = await readFile(file).catch(() => undefined);
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();

  const samples = Object.fromEntries(SCENARIOS.map((scenario) => [scenario, { firstPaint: [] as number[], complete: [] as number[], keystrokes: [] as number[] }])) as Record<
    Scenario,
    { firstPaint: number[]; complete: number[]; keystrokes: number[] }
  >;
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      // Rotate the order so no scenario always runs on a cold or a warm machine.
      const order = SCENARIOS.map((_, index) => SCENARIOS[(index + round) % SCENARIOS.length]!);
      for (const scenario of order) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(`${origin}/?scenario=${scenario}`);
        await page.waitForFunction(() => window.__benchReady === true, undefined, { timeout: 120_000 });
        const targetId = scenario === 'plain' ? 'root_target' : input.targetId;
        await page.click(`[id="${targetId}"]`);
        await page.keyboard.press('End');
        // ~60 words a minute: each keystroke gets its own frame, as for an operator.
        const text = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(4).slice(0, KEYS);
        await page.keyboard.type(text, { delay: 60 });
        await page.waitForTimeout(300);
        const result = await page.evaluate(() => window.__benchResult!);
        const typed = await page.inputValue(`[id="${targetId}"]`);
        if (!typed.endsWith(text)) throw new Error(`${scenario}: typing did not reach the field (value "${typed}")`);
        samples[scenario].firstPaint.push(result.firstPaintMs);
        samples[scenario].complete.push(result.completeMs);
        samples[scenario].keystrokes.push(...result.keystrokesMs.slice(1));
        await page.close();
        process.stdout.write(`round ${round + 1} ${scenario}: first paint ${result.firstPaintMs.toFixed(0)} ms, complete ${result.completeMs.toFixed(0)} ms\n`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }

  const summary = Object.fromEntries(
    SCENARIOS.map((scenario) => {
      const { firstPaint, complete, keystrokes } = samples[scenario];
      return [
        scenario,
        {
          firstPaintMedianMs: Math.round(percentile(firstPaint, 0.5)),
          completeMedianMs: Math.round(percentile(complete, 0.5)),
          keystrokeMedianMs: Number(percentile(keystrokes, 0.5).toFixed(1)),
          keystrokeP95Ms: Number(percentile(keystrokes, 0.95).toFixed(1)),
          keystrokeSamples: keystrokes.length,
        },
      ];
    }),
  );
  const report = {
    date: new Date().toISOString(),
    integration: input.integrationName,
    action: input.action,
    lineItems: ITEMS,
    rounds: ROUNDS,
    keystrokesPerRound: KEYS,
    chromium: (await import('node:child_process')).execFileSync('/usr/bin/chromium', ['--version']).toString().trim(),
    summary,
  };
  await writeFile(join(here, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('\n| scenario | first field on screen | all fields rendered | keystroke median | keystroke p95 |');
  console.log('|---|---|---|---|---|');
  for (const scenario of SCENARIOS) {
    const row = summary[scenario]!;
    console.log(`| ${scenario} | ${row.firstPaintMedianMs} ms | ${row.completeMedianMs} ms | ${row.keystrokeMedianMs} ms | ${row.keystrokeP95Ms} ms |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
