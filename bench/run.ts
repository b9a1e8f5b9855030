/**
 * `npm run bench`: the line-item benchmark of issue 9 in headless Chromium (Debian's,
 * through playwright-core). Every scenario (bench/scenarios.ts) runs in a fresh page,
 * all in one browser, BENCH_ROUNDS rounds with the order rotated each round; the
 * medians over rounds go to a table, the budgets' ratios to a second one, and the
 * last line of the output is `BENCH_JSON {...}`. Raw samples go to bench/results.json.
 *
 *   npm run bench                                               # fixture spec
 *   TRACKSTAR_OPENAPI_SPEC=path/to/openapi.json npm run bench   # real spec
 *   BENCH_ROUNDS=5 BENCH_KEYS=40 BENCH_KEY_DELAY_MS=120 BENCH_SCENARIOS=plain,trackstar-500 npm run bench
 *   BENCH_STRICT=1 npm run bench    # exit 1 when a budget fails or the form lost keystrokes
 *
 * Method and definitions: bench/RESULTS.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { loadSpecFile } from '../src/sandbox/node';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../test/browser/chromium';
import { createBenchCase } from './bench-case';
import { readBenchOptions } from './bench-options';
import { checkBudgets } from './budgets';
import { chooseForms } from './choose-forms';
import { type ScenarioRow, benchJsonLine, budgetTable, resultsTable } from './report';
import { type RunSample, VIEWPORT, runScenario } from './run-scenario';
import { SPEC_URL, servePage } from './serve-page';
import { median } from './statistics';

const here = fileURLToPath(new URL('.', import.meta.url));

type RoundSample = RunSample & { round: number; position: number };

async function main(): Promise<void> {
  const startedAt = performance.now();
  // Other work on the machine moves every number; the load average before and after says how much there was.
  const loadBefore = loadavg();
  const options = readBenchOptions(process.env);
  if (!chromiumAvailable()) throw new Error(`Chromium was not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`);

  const spec = options.specPath ? await loadSpecFile(options.specPath) : undefined;
  const chosen = options.scenarios.some((scenario) => scenario.form !== null) ? await chooseForms(spec) : undefined;
  for (const note of chosen?.notes ?? []) console.log(`note: ${note}`);
  const cases = options.scenarios.map((scenario) => createBenchCase(scenario, chosen?.forms, options.specPath ? SPEC_URL : null));

  const outDir = join(here, '.dist');
  await build({ root: join(here, 'page'), logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 } });
  const server = await servePage(outDir, cases, options.specPath ? await readFile(options.specPath) : undefined);
  const browser = await launchChromium();
  const browserVersion = browser.version();
  console.log(
    `bench: ${cases.length} scenarios × ${options.rounds} rounds, ${options.keys} keystrokes every ~${options.keyDelayMs} ms, ` +
      `${options.specPath ? `spec ${basename(options.specPath)}` : 'fixture spec'}, Chromium ${browserVersion}`,
  );

  const samples = new Map<string, RoundSample[]>(cases.map((entry) => [entry.scenario.id, []]));
  try {
    for (let round = 0; round < options.rounds; round += 1) {
      // Rotated, so no scenario always runs first on a cold browser or last on a warm one.
      const order = cases.map((_, index) => cases[(index + round) % cases.length]!);
      for (const [position, entry] of order.entries()) {
        const url = `${server.origin}/?scenario=${encodeURIComponent(entry.scenario.id)}`;
        const sample = await runScenario(browser, url, entry, { keys: options.keys, keyDelayMs: options.keyDelayMs });
        samples.get(entry.scenario.id)!.push({ ...sample, round: round + 1, position: position + 1 });
        console.log(
          `round ${round + 1}/${options.rounds} ${entry.scenario.id.padEnd(20)} first field ${sample.firstFieldMs.toFixed(0).padStart(5)} ms, ` +
            `ready ${sample.readyMs.toFixed(0).padStart(6)} ms, keystroke p50 ${sample.keyP50Ms.toFixed(1).padStart(5)} ms, p95 ${sample.keyP95Ms.toFixed(1).padStart(5)} ms, ` +
            `${sample.controlsInDom} controls`,
        );
        if (sample.typingMismatch) console.log(`  WARNING ${entry.scenario.id}: the form lost keystrokes: ${sample.typingMismatch}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const rows: ScenarioRow[] = cases.map(({ scenario, formLabel }) => {
    const runs = samples.get(scenario.id)!;
    return {
      id: scenario.id,
      scenario: scenario.name,
      items: scenario.items,
      form: formLabel,
      firstFieldMs: median(runs.map((run) => run.firstFieldMs)),
      readyMs: median(runs.map((run) => run.readyMs)),
      keyP50Ms: median(runs.map((run) => run.keyP50Ms)),
      keyP95Ms: median(runs.map((run) => run.keyP95Ms)),
    };
  });
  const budgets = checkBudgets(new Map(rows.map((row) => [row.id, row])));
  const mismatches = [...samples].flatMap(([id, runs]) => runs.filter((run) => run.typingMismatch).map((run) => `${id} round ${run.round}: ${run.typingMismatch}`));
  const durationS = (performance.now() - startedAt) / 1000;
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    loadAverageBefore: loadBefore.map((value) => Number(value.toFixed(2))),
    loadAverageAfter: loadavg().map((value) => Number(value.toFixed(2))),
  };

  const report = {
    date: new Date().toISOString(),
    machine,
    browser: `Chromium ${browserVersion} (headless)`,
    spec: options.specPath ? basename(options.specPath) : 'fixture',
    notes: chosen?.notes ?? [],
    rounds: options.rounds,
    keysPerRound: options.keys,
    keyDelayMs: options.keyDelayMs,
    viewport: VIEWPORT,
    durationS: Math.round(durationS),
    results: rows,
    budgets,
    lostKeystrokes: mismatches,
    runs: Object.fromEntries(samples),
  };
  await writeFile(join(here, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);

  console.log(
    `\nbench: ${samples.size * options.rounds} runs in ${durationS.toFixed(0)} s on ${machine.cpus} cores ` +
      `(load average ${machine.loadAverageBefore[0]} before, ${machine.loadAverageAfter[0]} after); raw samples in bench/results.json\n`,
  );
  for (const mismatch of mismatches) console.log(`WARNING: the form lost keystrokes in ${mismatch}\n`);
  console.log(resultsTable(rows));
  console.log('\nBudgets (ratios of the medians above):\n');
  console.log(budgetTable(budgets));
  console.log('');
  console.log(benchJsonLine(rows));
  if (options.strict && (mismatches.length > 0 || budgets.some((budget) => budget.pass === false))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  // Every failure says what went wrong and where in its message; a stack would only bury it.
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
