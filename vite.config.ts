/**
 * Library build: one ESM file per public entry point. Dependencies stay external,
 * so the host's single copy of React, react-query and rjsf is the one used.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
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
    lib: {
      entry: {
        index: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
        core: fileURLToPath(new URL('./src/core/index.ts', import.meta.url)),
        server: fileURLToPath(new URL('./src/server/index.ts', import.meta.url)),
        'server-node': fileURLToPath(new URL('./src/server/node.ts', import.meta.url)),
        'server-pglite': fileURLToPath(new URL('./src/server/pglite.ts', import.meta.url)),
        'server-postgres': fileURLToPath(new URL('./src/server/postgres.ts', import.meta.url)),
        sandbox: fileURLToPath(new URL('./src/sandbox/index.ts', import.meta.url)),
        'sandbox-node': fileURLToPath(new URL('./src/sandbox/node.ts', import.meta.url)),
        'sandbox-react': fileURLToPath(new URL('./src/sandbox/react/index.ts', import.meta.url)),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
    },
  },
});
