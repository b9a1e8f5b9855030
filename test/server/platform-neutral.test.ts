// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, it } from 'vitest';

const ENTRY = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/server/index.ts');

/** Every module specifier imported by `file` and, through relative imports, by its dependencies. */
function importGraph(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const specifiers = Array.from(
    readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm),
    ([, specifier]) => specifier!,
  );
  seen.set(file, specifiers);
  for (const specifier of specifiers.filter((candidate) => candidate.startsWith('.'))) {
    const base = resolve(dirname(file), specifier);
    const target = [`${base}.ts`, resolve(base, 'index.ts')].find((candidate) => existsSync(candidate));
    if (target === undefined) throw new Error(`Cannot resolve ${specifier} from ${file}`);
    importGraph(target, seen);
  }
  return seen;
}

it('keeps trackstar-write-form/server free of Node-only imports, so it runs on any Fetch runtime', () => {
  const graph = importGraph(ENTRY);
  const bareImports = Array.from(graph.values())
    .flat()
    .filter((specifier) => !specifier.startsWith('.'));

  expect(graph.size).toBeGreaterThan(1);
  expect(bareImports).toEqual([]);
});
