/** `npm run exports:sync`: writes the package.json fields that build/entries.ts implies. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedPackageFields } from './package-fields';

const file = join(fileURLToPath(new URL('..', import.meta.url)), 'package.json');
const packageJson = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
writeFileSync(file, `${JSON.stringify({ ...packageJson, ...expectedPackageFields() }, null, 2)}\n`);
console.log('package.json: main, module, types, typesVersions and exports written from build/entries.ts.');
