/**
 * `npm run bench`: the line-item benchmark of issue 9 in headless Chromium (Debian's,
 * through playwright-core). Every scenario (bench/scenarios.ts) runs in a fresh page,
 * all in one browser, BENCH_ROUNDS rounds with the order rotated each round; the
 * medians over rounds go to a table, the budgets' ratios to a second one, and the
 * last line of the output is `BENCH_JSON {...}`. Raw samples go to bench/results.json.
 *
 *   npm run bench                                        # fixture spec
 *   TRACKSTAR_OPENAPI_SPEC=path/to/openapi.json npm run bench   # real spec
 *   BENCH_ROUNDS=5 BENCH_KEYS=40 BENCH_KEY_DELAY_MS=120 BENCH_SCENARIOS=plain,trackstar-500 npm run bench
 *   BENCH_STRICT=1 npm run bench                         # exit 1 when a budget fails or the form lost keystrokes
 *
 * Method and definitions: bench/RESULTS.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { loadSpecFile } from '../src/sandbox/node';
import { chromiumAvailable, launchChromium } from '../test/browser/chromium';
import { type Summary, checkBudgets } from './budgets';
import { type BenchForm, chooseForms } from './choose-forms';
import { formDataWithLineItems, rowText, targetField } from './form-data';
import type { PageInput } from './protocol';
import { benchJsonLine, budgetTable, resultsTable, type ScenarioRow } from './report';
import { type BenchCase, type RunSample, VIEWPORT, runScenario } from './run-scenario';
import { type Scenario, selectScenarios } from './scenarios';
import { median } from './statistics';

const here = fileURLToPath(new URL('.', import.meta.url));

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

const ROUNDS = positiveInteger('BENCH_ROUNDS', 3);
const KEYS = positiveInteger('BENCH_KEYS', 40);
// About 100 words a minute: a fast operator, and time for a slow form to finish one keystroke before the next.
const KEY_DELAY_MS = positiveInteger('BENCH_KEY_DELAY_MS', 120);
const SPEC_PATH = process.env.TRACKSTAR_OPENAPI_SPEC || undefined;
const SPEC_URL = '/spec.json';

function formLabel(form: BenchForm): string {
  return `${form.integration.displayName} ${form.action}`;
}

function benchCase(scenario: Scenario, forms: Record<'main' | 'nested', BenchForm> | undefined): BenchCase {
  if (scenario.form === null || !forms) {
    return { scenario, input: { kind: scenario.kind, target: { id: 'root_target', initialValue: '' } } };
  }
  const form = forms[scenario.form];
  const field = targetField(form.itemSchema);
  const middle = Math.floor(scenario.items / 2);
  const address = (index: number) => ({ prefix: 'root_line_items_', index, suffix: `_${field}` });
  const input: PageInput = {
    kind: scenario.kind,
    form: {
      integrationType: form.integration.integrationType,
      integrationName: form.integration.integrationName,
      action: form.action,
      schema: form.schema,
      formData: formDataWithLineItems(form.schema, scenario.items),
      specUrl: SPEC_PATH ? SPEC_URL : null,
    },
    target: { id: `root_line_items_${middle}_${field}`, row: address(middle), initialValue: rowText(field, middle) },
  };
  return { scenario, input, lastRow: { address: address(scenario.items - 1), value: rowText(field, scenario.items - 1) } };
}

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

async function serve(outDir: string, cases: readonly BenchCase[], specBytes: Buffer | undefined) {
  const inputs = new Map(cases.map((entry) => [`/input/${entry.scenario.id}.json`, JSON.stringify(entry.input)]));
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const input = inputs.get(path);
    if (input !== undefined) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(input);
      return;
    }
    if (path === SPEC_URL && specBytes) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(specBytes);
      return;
    }
    const file = join(outDir, path === '/' ? 'index.html' : path);
    const body = file.startsWith(outDir) ? await readFile(file).catch(() => undefined) : undefined;
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  // Other work on the machine moves every number; the load average before and after says how much there was.
  const loadBefore = loadavg();
  if (!chromiumAvailable()) throw new Error('Chromium was not found at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH).');
  const scenarios = selectScenarios(process.env.BENCH_SCENARIOS);

  const spec = SPEC_PATH ? await loadSpecFile(SPEC_PATH) : undefined;
  const needsForms = scenarios.some((scenario) => scenario.form !== null);
  const chosen = needsForms ? await chooseForms(spec) : undefined;
  for (const note of chosen?.notes ?? []) console.log(`note: ${note}`);
  const cases = scenarios.map((scenario) => benchCase(scenario, chosen?.forms));

  const outDir = join(here, '.dist');
  await build({ root: join(here, 'page'), logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 } });
  const server = await serve(outDir, cases, SPEC_PATH ? await readFile(SPEC_PATH) : undefined);
  const browser = await launchChromium();
  const browserVersion = browser.version();
  console.log(
    `bench: ${scenarios.length} scenarios × ${ROUNDS} rounds, ${KEYS} keystrokes every ~${KEY_DELAY_MS} ms, ${SPEC_PATH ? `spec ${basename(SPEC_PATH)}` : 'fixture spec'}, Chromium ${browserVersion}`,
  );

  const samples = new Map<string, Array<RunSample & { round: number; position: number }>>(cases.map((entry) => [entry.scenario.id, []]));
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      // Rotated, so no scenario always runs first on a cold browser or last on a warm one.
      const order = cases.map((_, index) => cases[(index + round) % cases.length]!);
      for (const [position, entry] of order.entries()) {
        const sample = await runScenario(browser, `${server.origin}/?scenario=${encodeURIComponent(entry.scenario.id)}`, entry, { keys: KEYS, keyDelayMs: KEY_DELAY_MS });
        samples.get(entry.scenario.id)!.push({ ...sample, round: round + 1, position: position + 1 });
        console.log(
          `round ${round + 1}/${ROUNDS} ${entry.scenario.id.padEnd(20)} first field ${sample.firstFieldMs.toFixed(0).padStart(5)} ms, ready ${sample.readyMs.toFixed(0).padStart(6)} ms, keystroke p50 ${sample.keyP50Ms.toFixed(1).padStart(5)} ms, p95 ${sample.keyP95Ms.toFixed(1).padStart(5)} ms`,
        );
        if (sample.typingMismatch) console.log(`  WARNING ${entry.scenario.id}: the form lost keystrokes: ${sample.typingMismatch}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const rows: ScenarioRow[] = cases.map(({ scenario }) => {
    const runs = samples.get(scenario.id)!;
    const form = scenario.form && chosen ? formLabel(chosen.forms[scenario.form]) : '';
    const summary: Summary = {
      firstFieldMs: median(runs.map((run) => run.firstFieldMs)),
      readyMs: median(runs.map((run) => run.readyMs)),
      keyP50Ms: median(runs.map((run) => run.keyP50Ms)),
      keyP95Ms: median(runs.map((run) => run.keyP95Ms)),
    };
    return { id: scenario.id, scenario: scenario.name, items: scenario.items, form, ...summary };
  });
  const budgets = checkBudgets(new Map(rows.map((row) => [row.id, row])));
  const durationS = (performance.now() - startedAt) / 1000;

  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${process.platform} ${release()}`,
      node: process.version,
      loadAverageBefore: loadBefore.map((value) => Number(value.toFixed(2))),
      loadAverageAfter: loadavg().map((value) => Number(value.toFixed(2))),
    },
    browser: `Chromium ${browserVersion} (headless)`,
    spec: SPEC_PATH ? basename(SPEC_PATH) : 'fixture',
    notes: chosen?.notes ?? [],
    rounds: ROUNDS,
    keysPerRound: KEYS,
    keyDelayMs: KEY_DELAY_MS,
    viewport: VIEWPORT,
    durationS: Math.round(durationS),
    results: rows,
    budgets,
    runs: Object.fromEntries(samples),
  };
  await writeFile(join(here, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);

  console.log(
    `\nbench: ${ROUNDS * cases.length} runs in ${durationS.toFixed(0)} s on ${report.machine.cpus} cores (load average ${report.machine.loadAverageBefore[0]} before, ${report.machine.loadAverageAfter[0]} after); raw samples in bench/results.json\n`,
  );
  const mismatches = [...samples.entries()].flatMap(([id, runs]) => runs.filter((run) => run.typingMismatch).map((run) => `${id} round ${run.round}: ${run.typingMismatch}`));
  for (const mismatch of mismatches) console.log(`WARNING: the form lost keystrokes in ${mismatch}`);
  if (mismatches.length > 0) console.log('');
  console.log(resultsTable(rows));
  console.log('\nBudgets (ratios of the medians above):\n');
  console.log(budgetTable(budgets));
  console.log(benchJsonLine(rows));
  if (process.env.BENCH_STRICT && (mismatches.length > 0 || budgets.some((budget) => budget.pass === false))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
