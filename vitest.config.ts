import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
// `.js` resolves to chromium.ts; with an extension, Vite's config loader has nothing to warn about.
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from './test/browser/chromium.js';

/**
 * Every story rendered in Debian's Chromium by Storybook's Vitest addon: play functions and
 * axe (WCAG 2.1 AA) included. Without Chromium the project is one skipped test that says so.
 * It runs after the other projects (`groupOrder`), so a browser and its dev server do not
 * compete for the CPU with the unit project's real-spec tests and their timeouts.
 */
const storybookProject: TestProjectInlineConfiguration = chromiumAvailable()
  ? {
      plugins: [storybookTest({ configDir: '.storybook' })],
      test: {
        name: 'storybook',
        sequence: { groupOrder: 1 },
        testTimeout: 60_000,
        browser: {
          enabled: true,
          headless: true,
          provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] } }),
          instances: [{ browser: 'chromium' }],
        },
      },
    }
  : {
      test: { name: 'storybook', sequence: { groupOrder: 1 }, environment: 'node', include: ['.storybook/chromium-missing.test.ts'] },
    };

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          setupFiles: ['test/setup.ts'],
          globals: true,
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globals: true,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      storybookProject,
    ],
  },
});
