/**
 * Library build: every entry of `build/entries.ts` as ESM (`dist/*.js`) and CommonJS
 * (`dist/*.cjs`, for `require` and Jest), sharing chunks per format so `/core` and the
 * root entry hold one copy of each class. Dependencies and peers stay external, so the
 * host's single copy of React, react-query and rjsf is the one used. Declarations are
 * emitted afterwards by `build/build.ts`. An entry module's directives (`'use client'` at
 * the top of `src/index.ts`) stay at the top of its output file, where React Server
 * Components frameworks look for them.
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
        };
      }),
    },
  },
});
