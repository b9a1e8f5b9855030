/**
 * Library build: every entry of `build/entries.ts` as ESM (`dist/*.js`) and CommonJS
 * (`dist/*.cjs`, for `require` and Jest), sharing chunks per format so `/core` and the
 * root entry hold one copy of each class. Dependencies and peers stay external, so the
 * host's single copy of React, react-query and rjsf is the one used. Declarations are
 * emitted afterwards by `build/build.ts`.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { ENTRY_POINTS } from './build/entries';
import packageJson from './package.json' with { type: 'json' };

const external = [
  ...Object.keys(packageJson.dependencies),
  ...Object.keys(packageJson.peerDependencies),
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
];

const clientOutputs = new Set(ENTRY_POINTS.filter((entry) => entry.client).map((entry) => entry.output));

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: Object.fromEntries(ENTRY_POINTS.map((entry) => [entry.output, fileURLToPath(new URL(entry.source, import.meta.url))])),
    },
    rolldownOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: (['es', 'cjs'] as const).map((format) => {
        const extension = format === 'es' ? 'js' : 'cjs';
        return {
          format,
          entryFileNames: `[name].${extension}`,
          chunkFileNames: `chunks/[name]-[hash].${extension}`,
          // Bundling drops module-level directives; an RSC framework needs `'use client'` as the entry file's first statement.
          banner: (chunk: { isEntry: boolean; name: string }) => (chunk.isEntry && clientOutputs.has(chunk.name) ? "'use client';" : ''),
        };
      }),
    },
  },
});
