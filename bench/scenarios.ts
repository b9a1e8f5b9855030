/**
 * The scenarios of `npm run bench`, as issue 9 defines them. Budgets (bench/budgets.ts)
 * refer to them by id.
 */
import type { PageKind } from './protocol';

/** The scenario names the BENCH_JSON line reports; `trackstar` comes at two sizes. */
export type ScenarioName = 'plain' | 'rjsf' | 'trackstar' | 'trackstar-nested';

/** Which form a scenario renders: the main create-order form, or the one with non-flat line items. */
export type FormRole = 'main' | 'nested';

export interface Scenario {
  /** Unique per run, e.g. `trackstar-5000`; `BENCH_SCENARIOS` selects by it. */
  id: string;
  name: ScenarioName;
  kind: PageKind;
  form: FormRole | null;
  /** Line items in the form data (0 for the lone input). */
  items: number;
}

export const SCENARIOS: readonly Scenario[] = [
  { id: 'plain', name: 'plain', kind: 'plain', form: null, items: 0 },
  { id: 'rjsf-500', name: 'rjsf', kind: 'rjsf', form: 'main', items: 500 },
  { id: 'trackstar-500', name: 'trackstar', kind: 'trackstar', form: 'main', items: 500 },
  { id: 'trackstar-5000', name: 'trackstar', kind: 'trackstar', form: 'main', items: 5_000 },
  { id: 'trackstar-nested-200', name: 'trackstar-nested', kind: 'trackstar', form: 'nested', items: 200 },
];

/** `BENCH_SCENARIOS=plain,trackstar-500` runs a subset (budgets that need a missing one say n/a). */
export function selectScenarios(selection: string | undefined): Scenario[] {
  if (selection === undefined || selection.trim() === '') return [...SCENARIOS];
  const ids = selection.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const unknown = ids.filter((id) => !SCENARIOS.some((scenario) => scenario.id === id));
  if (unknown.length > 0) {
    throw new Error(`BENCH_SCENARIOS: unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((scenario) => scenario.id).join(', ')}`);
  }
  return SCENARIOS.filter((scenario) => ids.includes(scenario.id));
}
