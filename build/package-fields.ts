/**
 * The fields of package.json that follow from build/entries.ts, and whether the file
 * on disk says the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageExports, packageLegacyFields, packageTypesVersions } from './entries';

export function expectedPackageFields(): Record<'exports' | 'typesVersions' | 'main' | 'module' | 'types', unknown> {
  return { ...packageLegacyFields(), typesVersions: packageTypesVersions(), exports: packageExports() };
}

/** Names of the fields that differ from what build/entries.ts implies (key order included: it decides `exports` matching). */
export function packageJsonDrift(root: string): string[] {
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  return Object.entries(expectedPackageFields())
    .filter(([field, expected]) => JSON.stringify(packageJson[field]) !== JSON.stringify(expected))
    .map(([field]) => field);
}
