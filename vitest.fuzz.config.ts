/**
 * `npm run fuzz`: the fuzz tests of test/fuzz with at least 10,000 inputs and a fresh
 * seed (`npm test` runs the same tests with a few hundred and a fixed seed).
 * `FUZZ_RUNS`, `FUZZ_RENDER_RUNS` and `FUZZ_SEED` override; `TRACKSTAR_OPENAPI_SPEC`
 * fuzzes the real spec's write schemas instead of the fixture's.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    name: 'fuzz',
    environment: 'jsdom',
    include: ['test/fuzz/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    globals: true,
    env: {
      FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000',
      FUZZ_RENDER_RUNS: process.env.FUZZ_RENDER_RUNS ?? '100',
    },
  },
});
