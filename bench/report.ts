/** What `npm run bench` prints at the end: the results table, the budget table and the BENCH_JSON line. */
import type { BudgetResult, Summary } from './budgets';
import type { ScenarioName } from './scenarios';
import { roundTo } from './statistics';

export interface ScenarioRow extends Summary {
  id: string;
  scenario: ScenarioName;
  items: number;
  /** e.g. "ShipHero create_order"; empty for the lone input. */
  form: string;
}

const ms = (value: number) => `${roundTo(value, 1).toFixed(1)} ms`;

export function resultsTable(rows: readonly ScenarioRow[]): string {
  const lines = [
    '| scenario | items | form | first field | ready | keystroke p50 | keystroke p95 |',
    '|---|---:|---|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.scenario} | ${row.items} | ${row.form} | ${ms(row.firstFieldMs)} | ${ms(row.readyMs)} | ${ms(row.keyP50Ms)} | ${ms(row.keyP95Ms)} |`),
  ];
  return lines.join('\n');
}

export function budgetTable(results: readonly BudgetResult[]): string {
  const lines = [
    '| budget | measured | against | ratio | limit | result |',
    '|---|---:|---:|---:|---:|---|',
    ...results.map((result) =>
      result.ratio === null
        ? `| ${result.label} | n/a | n/a | n/a | ≤ ${result.limitText} | n/a (scenario not run) |`
        : `| ${result.label} | ${ms(result.measured!)} | ${ms(result.against!)} | ${result.ratio.toFixed(3)} | ≤ ${result.limitText} | ${result.pass ? 'PASS' : 'FAIL'} |`,
    ),
  ];
  return lines.join('\n');
}

export function benchJsonLine(rows: readonly ScenarioRow[]): string {
  const results = rows.map((row) => ({
    scenario: row.scenario,
    items: row.items,
    firstFieldMs: roundTo(row.firstFieldMs, 1),
    readyMs: roundTo(row.readyMs, 1),
    keyP50Ms: roundTo(row.keyP50Ms, 1),
    keyP95Ms: roundTo(row.keyP95Ms, 1),
  }));
  return `BENCH_JSON ${JSON.stringify({ results })}`;
}
