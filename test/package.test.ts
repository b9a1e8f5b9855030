// @vitest-environment node
/**
 * What a user installs: the built package. Builds it once, then checks that every
 * export resolves with its type declarations, that React and friends stay external,
 * that the browser entries carry no Node built-ins, and that the main entry imports
 * and renders on a server (no window, no document).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; import: string }>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

beforeAll(() => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe', timeout: 180_000 });
}, 240_000);

/** Every file a built entry pulls in, following its relative imports. */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g)) {
    moduleGraph(join(entry, '..', match[1] ?? match[2]!), seen);
  }
  return seen;
}

function bareImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:import|export)[^'"]*?from\s*["']([^."'][^"']*)["']/g)].map((match) => match[1]!);
}

describe('the built package', () => {
  it('resolves every export to a file, with type declarations for code entries', () => {
    for (const [name, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') {
        expect(existsSync(join(root, target)), `${name} → ${target}`).toBe(true);
      } else {
        expect(existsSync(join(root, target.import)), `${name} → ${target.import}`).toBe(true);
        expect(existsSync(join(root, target.types)), `${name} types → ${target.types}`).toBe(true);
      }
    }
  });

  it('keeps React, react-query and rjsf external, and Node built-ins out of the browser entries', () => {
    for (const entry of ['index', 'core', 'server', 'sandbox']) {
      const files = [...moduleGraph(join(root, 'dist', `${entry}.js`))];
      const imports = files.flatMap(bareImports);
      expect(imports.filter((name) => name.startsWith('node:') || name === 'fs' || name === 'http'), entry).toEqual([]);
      const bundledReact = files.some((file) => readFileSync(file, 'utf8').includes('react.production'));
      expect(bundledReact, `${entry} bundles React`).toBe(false);
    }
    const main = [...moduleGraph(join(root, 'dist', 'index.js'))].flatMap(bareImports);
    // react-dom is a peer for the host's sake; the library itself never imports it. Optional peers
    // (the database drivers) belong to their own entries.
    for (const peer of Object.keys(pkg.peerDependencies).filter((name) => name !== 'react-dom' && pkg.peerDependenciesMeta?.[name]?.optional !== true)) {
      expect(main.some((name) => name === peer || name.startsWith(`${peer}/`)), `${peer} imported as external`).toBe(true);
    }
  });

  it('imports and renders on a server without touching window or document', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const library = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as typeof import('../src');
    const html = renderToString(
      createElement(library.TrackstarProvider, {
        baseUrl: '/api/trackstar',
        children: createElement(library.TrackstarWriteForm, { action: 'create_order', integrationName: 'bluefin' }),
      }),
    );
    expect(html.replace(/<!-- -->/g, '')).toContain('Loading the form for bluefin');
    expect(Object.keys(library.WRITE_ACTIONS)).toContain('create_order');
  });

  it('ships the optional stylesheet', () => {
    expect(readFileSync(join(root, 'dist', 'styles.css'), 'utf8')).toContain('.tswf');
  });
});
