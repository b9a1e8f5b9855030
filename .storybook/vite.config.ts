/**
 * Storybook's own Vite settings. Without this file Storybook would load the
 * repository's vite.config.ts, which is the library build (entry points, externals).
 * Plugins are added in main.ts (`viteFinal`), where Storybook's Vitest addon sees them too.
 */
import { defineConfig } from 'vite';

export default defineConfig({});
