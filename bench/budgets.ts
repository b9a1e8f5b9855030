/**
 * The budgets issue 9 sets, as ratios of two medians measured side by side in one
 * run. A ratio at or under its limit passes.
 */

export type Metric = 'firstFieldMs' | 'readyMs' | 'keyP50Ms' | 'keyP95Ms';

export type Summary = Record<Metric, number>;

export interface Budget {
  label: string;
  /** Scenario ids (bench/scenarios.ts). */
  measured: { scenario: string; metric: Metric };
  against: { scenario: string; metric: Metric };
  limit: number;
  /** How the limit reads in the issue, e.g. "1/6". */
  limitText: string;
}

export const BUDGETS: readonly Budget[] = [
  { label: 'keystroke p50 at 500 / lone input p50', measured: { scenario: 'trackstar-500', metric: 'keyP50Ms' }, against: { scenario: 'plain', metric: 'keyP50Ms' }, limit: 2, limitText: '2.0' },
  { label: 'keystroke p95 at 500 / lone input p95', measured: { scenario: 'trackstar-500', metric: 'keyP95Ms' }, against: { scenario: 'plain', metric: 'keyP95Ms' }, limit: 2.5, limitText: '2.5' },
  { label: 'keystroke p50 at 500 / stock rjsf p50', measured: { scenario: 'trackstar-500', metric: 'keyP50Ms' }, against: { scenario: 'rjsf-500', metric: 'keyP50Ms' }, limit: 1 / 6, limitText: '1/6' },
  { label: 'first field at 500 / stock rjsf', measured: { scenario: 'trackstar-500', metric: 'firstFieldMs' }, against: { scenario: 'rjsf-500', metric: 'firstFieldMs' }, limit: 0.15, limitText: '0.15' },
  { label: 'ready at 500 / stock rjsf', measured: { scenario: 'trackstar-500', metric: 'readyMs' }, against: { scenario: 'rjsf-500', metric: 'readyMs' }, limit: 0.25, limitText: '0.25' },
  { label: 'keystroke p50 at 5,000 / at 500', measured: { scenario: 'trackstar-5000', metric: 'keyP50Ms' }, against: { scenario: 'trackstar-500', metric: 'keyP50Ms' }, limit: 1.25, limitText: '1.25' },
  { label: 'first field at 5,000 / at 500', measured: { scenario: 'trackstar-5000', metric: 'firstFieldMs' }, against: { scenario: 'trackstar-500', metric: 'firstFieldMs' }, limit: 1.5, limitText: '1.5' },
  { label: 'nested keystroke p50 at 200 / lone input p50', measured: { scenario: 'trackstar-nested-200', metric: 'keyP50Ms' }, against: { scenario: 'plain', metric: 'keyP50Ms' }, limit: 2.5, limitText: '2.5' },
];

export interface BudgetResult {
  label: string;
  measured: number | null;
  against: number | null;
  /** `null` when a scenario it needs did not run. */
  ratio: number | null;
  limit: number;
  limitText: string;
  pass: boolean | null;
}

export function checkBudgets(summaries: ReadonlyMap<string, Summary>): BudgetResult[] {
  return BUDGETS.map((budget) => {
    const measured = summaries.get(budget.measured.scenario)?.[budget.measured.metric] ?? null;
    const against = summaries.get(budget.against.scenario)?.[budget.against.metric] ?? null;
    const ratio = measured === null || against === null || against <= 0 ? null : measured / against;
    return { label: budget.label, measured, against, ratio, limit: budget.limit, limitText: budget.limitText, pass: ratio === null ? null : ratio <= budget.limit };
  });
}
