/** What `npm run bench` reads from the environment, checked before anything runs. */
import { type Scenario, selectScenarios } from './scenarios';

export interface BenchOptions {
  rounds: number;
  /** Keystrokes measured per run. */
  keys: number;
  keyDelayMs: number;
  /** The real spec, or `undefined` for the sandbox's fixture. */
  specPath: string | undefined;
  scenarios: Scenario[];
  /** Exit 1 when a budget fails or the form lost keystrokes. */
  strict: boolean;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${raw}".`);
  return value;
}

export function readBenchOptions(env: NodeJS.ProcessEnv): BenchOptions {
  return {
    rounds: positiveInteger(env, 'BENCH_ROUNDS', 3),
    keys: positiveInteger(env, 'BENCH_KEYS', 40),
    // About 100 words a minute: a fast operator, and time for a slow form to finish one keystroke before the next.
    keyDelayMs: positiveInteger(env, 'BENCH_KEY_DELAY_MS', 120),
    specPath: env.TRACKSTAR_OPENAPI_SPEC?.trim() || undefined,
    scenarios: selectScenarios(env.BENCH_SCENARIOS),
    strict: env.BENCH_STRICT !== undefined && env.BENCH_STRICT !== '' && env.BENCH_STRICT !== '0',
  };
}
