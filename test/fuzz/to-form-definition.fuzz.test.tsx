/**
 * Fuzzing the schema pipeline with damaged Trackstar write schemas (see `mutations.ts`).
 * `npm test` runs a few hundred inputs with a fixed seed; `npm run fuzz` runs at least
 * 10,000 with a fresh seed (`FUZZ_SEED` replays one, printed on failure).
 *
 * - `toFormDefinition` throws nothing but `SchemaError` (and never one that wraps an
 *   unforeseen failure), and what it returns compiles in strict ajv within a second
 *   (so no `$ref` dangles) and holds no `__proto__` key.
 * - A sample renders through `TrackstarWriteForm` without an uncaught error: the form,
 *   or the malformed-schema panel, never a blank page or a render failure.
 */
import { screen, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/core/schema/errors';
import { toFormDefinition } from '../../src/core/schema/to-form-schema';
import { TrackstarWriteForm } from '../../src/react/components/trackstar-write-form';
import { createHarness, jsonResponse, renderWithProvider } from '../react/harness';
import { timedStrictAjvProblems } from '../support/strict-ajv';
import { type FuzzInput, SPEC_PATH, fuzzInputArbitrary, fuzzRuns, fuzzSeed, loadBaseSchemas } from './mutations';

const bases = loadBaseSchemas();
const CORE_RUNS = fuzzRuns('FUZZ_RUNS', 300);
const RENDER_RUNS = fuzzRuns('FUZZ_RENDER_RUNS', 8);
const outcomes = new Map<string, number>();
const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
let slowestCompileMs = 0;

afterAll(() => {
  const total = [...outcomes.values()].reduce((sum, value) => sum + value, 0);
  const summary = [...outcomes.entries()].sort((a, b) => b[1] - a[1]).map(([outcome, n]) => `${outcome} ${n}`).join(', ');
  console.info(
    `fuzz (${SPEC_PATH ?? 'fixture spec'}, ${bases.length} write schemas): ${total} inputs, ${summary}; slowest strict compile ${Math.round(slowestCompileMs)} ms CPU`,
  );
});

/** Every object and array in `value` (own keys only). */
function* nodes(value: unknown): Generator<object> {
  if (value === null || typeof value !== 'object') return;
  yield value;
  for (const key of Object.keys(value)) yield* nodes((value as Record<string, unknown>)[key]);
}

function checkDefinition(input: FuzzInput): void {
  let definition;
  try {
    definition = toFormDefinition(input.document, { method: input.base.method });
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaError);
    // A SchemaError that wraps another error is the safety net catching a bug.
    expect((error as SchemaError).cause).toBeUndefined();
    count(`SchemaError(${(error as SchemaError).code})`);
    return;
  }
  const { schema, uiSchema } = definition;
  const { problems, cpuMs } = timedStrictAjvProblems(schema);
  expect(problems).toEqual([]);
  slowestCompileMs = Math.max(slowestCompileMs, cpuMs);
  expect(cpuMs).toBeLessThan(1_000);
  for (const node of nodes({ schema, uiSchema })) {
    expect(Object.prototype.hasOwnProperty.call(node, '__proto__')).toBe(false);
    if (!Array.isArray(node)) expect([Object.prototype, null]).toContain(Object.getPrototypeOf(node));
  }
  expect(JSON.parse(JSON.stringify(uiSchema))).toEqual(uiSchema);
  count('form');
}

describe(`fuzz: toFormDefinition over damaged write schemas (${CORE_RUNS} inputs)`, () => {
  it('throws nothing but SchemaError, and everything it returns compiles in strict ajv within a second', () => {
    fc.assert(fc.property(fuzzInputArbitrary(bases), checkDefinition), { numRuns: CORE_RUNS, seed: fuzzSeed(20251201), endOnFailure: true });
  }, 60_000 + CORE_RUNS * 100);
});

describe(`fuzz: a sample renders through TrackstarWriteForm (${RENDER_RUNS} inputs)`, () => {
  it('shows the form or the malformed-schema panel, never an uncaught error', async () => {
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error);
    window.addEventListener('error', onError);
    try {
      await fc.assert(
        fc.asyncProperty(fuzzInputArbitrary(bases, 3), async (input) => {
          const harness = createHarness();
          harness.intercept((call) => (/^\/wms\/[a-z-]+\/meta/.test(call.path) ? jsonResponse(200, input.document) : undefined));
          const view = renderWithProvider(<TrackstarWriteForm action="create_order" integrationName="bluefin" autosaveDraft={false} />, harness);
          try {
            await waitFor(() => expect(screen.queryByRole('button', { name: 'Create order' }) ?? screen.queryByRole('alert')).not.toBeNull(), { timeout: 10_000 });
            expect(document.querySelector('.tswf-alert--render, .tswf-alert--load')).toBeNull();
            expect(uncaught).toEqual([]);
            expect((globalThis as { __fuzzInjected?: unknown }).__fuzzInjected).toBeUndefined();
            count(screen.queryByRole('button', { name: 'Create order' }) ? 'rendered form' : 'rendered schema panel');
          } finally {
            view.unmount();
            harness.queryClient.clear();
          }
        }),
        { numRuns: RENDER_RUNS, seed: fuzzSeed(20251202), endOnFailure: true },
      );
    } finally {
      window.removeEventListener('error', onError);
    }
  }, 60_000 + RENDER_RUNS * 15_000);
});
