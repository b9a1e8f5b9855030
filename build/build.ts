/**
 * `npm run build`: the JavaScript of every entry (ESM and CommonJS, see vite.config.ts),
 * its declarations (see declarations.ts) and the stylesheet, into `dist/`. Refuses to
 * build while package.json's `exports` disagree with build/entries.ts.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import config from '../vite.config';
import { emitDeclarations } from './declarations';
import { ASSET_EXPORTS } from './entries';
import { packageJsonDrift } from './package-fields';

const root = fileURLToPath(new URL('..', import.meta.url));

const drift = packageJsonDrift(root);
if (drift.length > 0) {
  console.error(`package.json is out of date with build/entries.ts (${drift.join(', ')}): run \`npm run exports:sync\`.`);
  process.exit(1);
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({ ...config, configFile: false, root, logLevel: 'warn' });
emitDeclarations({ root, tsconfig: 'tsconfig.build.json' });
for (const asset of Object.values(ASSET_EXPORTS)) {
  mkdirSync(dirname(join(root, asset.output)), { recursive: true });
  copyFileSync(join(root, asset.source), join(root, asset.output));
}
