import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import type { GeneratorReport } from './generate-integration-stories';

/**
 * The integration stories are generated before Storybook (or its Vitest addon) looks for
 * story files, in a child process: Storybook loads this file with a loader that cannot
 * follow the library's extensionless TypeScript imports, tsx can.
 */
function generateIntegrationStories(): GeneratorReport {
  const output = execFileSync(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('./generate-integration-stories.ts', import.meta.url))],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '') as GeneratorReport;
}

const generated = generateIntegrationStories();
console.info(`Storybook: ${generated.stories} integration stories (${generated.integrations} integrations) from ${generated.specLabel}, in ${generated.directory}/.`);

/**
 * `virtual:trackstar-story-spec`: the spec file the integration stories were generated from, so the
 * in-page sandbox serves the same integrations; `undefined` for the fixture, which the sandbox embeds.
 * Read from disk when Storybook starts, never copied into the repository.
 */
function storySpecPlugin(specPath: string | null): Plugin {
  const moduleId = 'virtual:trackstar-story-spec';
  const resolvedId = `\0${moduleId}`;
  return {
    name: 'trackstar-story-spec',
    resolveId: (id) => (id === moduleId ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined;
      if (specPath === null) return 'export default undefined;';
      // A string literal handed to JSON.parse is parsed faster than the same object literal.
      return `export default JSON.parse(${JSON.stringify(readFileSync(specPath, 'utf8'))});`;
    },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/docs/*.mdx', '../stories/{components,states,flows}/*.stories.tsx', `../${generated.directory}/*.stories.ts`],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    // Storybook's own (empty) Vite config: the repository's vite.config.ts is the library build.
    builder: { name: '@storybook/builder-vite', options: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  typescript: { reactDocgen: 'react-docgen' },
  viteFinal: (viteConfig) => ({ ...viteConfig, plugins: [...(viteConfig.plugins ?? []), react(), storySpecPlugin(generated.specPath)] }),
};

export default config;
