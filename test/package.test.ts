// @vitest-environment node
/**
 * What a user installs: the packed tarball, installed into a throwaway host app
 * (test/package/consumer.ts). Checks the package.json fields against build/entries.ts,
 * @arethetypeswrong/cli, the host's types under node16, nodenext and bundler (wrong
 * props are errors), `require` and `import` of every entry, Jest in CommonJS mode, a
 * Vite browser bundle, a server render with react-dom/server, `'use client'`, and that a
 * browser-only host gets no server-only package.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_POINTS } from '../build/entries';
import { packageJsonDrift } from '../build/package-fields';
import { type Consumer, type PackedLibrary, ROOT, createConsumer, describeFailure, packLibrary, run, scratchDirectory } from './package/consumer';

const bin = (path: string) => join(ROOT, 'node_modules', path);
const scratch = scratchDirectory();
let library: PackedLibrary;
let consumer: Consumer;

beforeAll(async () => {
  const build = await run('npm', ['run', 'build', '--silent'], { cwd: ROOT, timeoutMs: 240_000 });
  if (build.code !== 0) throw new Error(describeFailure('npm run build', build));
  library = await packLibrary(scratch);
  consumer = await createConsumer(library, scratch);
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const optionalPeers = () =>
  Object.entries(library.manifest.peerDependenciesMeta ?? {})
    .filter(([, meta]) => meta.optional)
    .map(([name]) => name);

describe('the packed package', () => {
  it('has the exports, typesVersions and legacy fields build/entries.ts implies', () => {
    expect(packageJsonDrift(ROOT), 'run `npm run exports:sync`').toEqual([]);
  });

  it('ships every file its exports name, declarations without maps, and source maps that carry their sources', () => {
    const shipped = new Set(library.files);
    const targets = (value: unknown): string[] =>
      typeof value === 'string' ? [value.replace(/^\.\//, '')] : Object.values(value as Record<string, unknown>).flatMap(targets);
    for (const target of targets(library.manifest.exports)) expect(shipped.has(target), target).toBe(true);
    expect(library.files.filter((file) => file.endsWith('.d.ts.map') || file.endsWith('.d.cts.map'))).toEqual([]);
    expect(library.files.filter((file) => file.startsWith('src/'))).toEqual([]);
    for (const map of library.files.filter((file) => file.endsWith('.js.map') || file.endsWith('.cjs.map'))) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(ROOT, map), 'utf8')) as { sources: string[]; sourcesContent?: unknown[] };
      expect(sourcesContent?.length, `${map} embeds its sources`).toBe(sources.length);
    }
  });

  it("bundles none of its dependencies: every source of every built file is the library's own", () => {
    for (const map of library.files.filter((file) => file.endsWith('.map'))) {
      const { sources } = JSON.parse(readFileSync(join(ROOT, map), 'utf8')) as { sources: string[] };
      expect(sources.filter((source) => !/^(\.\.\/)+src\//.test(source)), map).toEqual([]);
    }
  });

  it('keeps server-only packages out of a browser-only host and React, react-query and rjsf as peers', () => {
    for (const name of optionalPeers()) expect(consumer.has(name), `${name} installed for a browser-only host`).toBe(false);
    expect(Object.keys(library.manifest.peerDependencies ?? {})).toEqual(
      expect.arrayContaining(['react', 'react-dom', '@tanstack/react-query', '@rjsf/core', '@rjsf/utils', '@rjsf/validator-ajv8']),
    );
    expect(Object.keys(library.manifest.dependencies ?? {})).not.toEqual(expect.arrayContaining(['@rjsf/core']));
  });

  it('starts each client entry with "use client", in both formats, and no other entry', () => {
    for (const entry of ENTRY_POINTS) {
      for (const file of [`dist/${entry.output}.js`, `dist/${entry.output}.cjs`]) {
        const firstStatement = readFileSync(join(consumer.dir, 'node_modules/trackstar-write-form', file), 'utf8').trimStart().split('\n')[0];
        expect(/^["']use client["'];?$/.test(firstStatement ?? ''), `${file}: ${firstStatement}`).toBe(entry.client);
      }
    }
  });

  it('passes @arethetypeswrong/cli', async () => {
    // A stylesheet has no types to find.
    const result = await run(bin('.bin/attw'), [library.tarball, '--format', 'ascii', '--no-color', '--exclude-entrypoints', './styles.css'], { cwd: scratch });
    expect(result.code, describeFailure('attw', result)).toBe(0);
    expect(result.stdout).toContain('No problems found');
  }, 60_000);

  it("type-checks a host's code with moduleResolution node16 (declarations included), nodenext and bundler; wrong props are errors", async () => {
    const modes = ['node16', 'nodenext', 'bundler'];
    const results = await Promise.all(
      modes.map((mode) => run(process.execPath, [bin('typescript/bin/tsc'), '-p', `tsconfig.${mode}.json`], { cwd: consumer.dir })),
    );
    results.forEach((result, index) => expect(result.code, describeFailure(`tsc -p tsconfig.${modes[index]}.json`, result)).toBe(0));
  }, 150_000);

  it('loads every entry by require and by import; entries that need an optional peer say which', async () => {
    const load = async () => {
      const result = await run(process.execPath, ['load-entries.cjs'], { cwd: consumer.dir });
      expect(result.code, describeFailure('load-entries.cjs', result)).toBe(0);
      return JSON.parse(result.stdout) as Record<string, { require: string; import: string }>;
    };
    const browserOnly = await load();
    for (const entry of ENTRY_POINTS) {
      const outcome = browserOnly[entry.subpath];
      if (entry.optionalPeers.length === 0) {
        expect(outcome, entry.subpath).toEqual({ require: 'ok', import: 'ok' });
      } else {
        // The host sees which package to add.
        expect(outcome?.require, entry.subpath).toMatch(new RegExp(entry.optionalPeers.map((name) => name.replace('/', '\\/')).join('|')));
        expect(outcome?.import, entry.subpath).toMatch(new RegExp(entry.optionalPeers.map((name) => name.replace('/', '\\/')).join('|')));
      }
    }

    await consumer.install(optionalPeers());
    const withPeers = await load();
    for (const entry of ENTRY_POINTS) expect(withPeers[entry.subpath], entry.subpath).toEqual({ require: 'ok', import: 'ok' });
  }, 60_000);

  it('runs under Jest in its default CommonJS mode', async () => {
    // What the host's jest.config.cjs needs for rjsf (see there).
    await consumer.install(['@babel/plugin-transform-modules-commonjs']);
    const result = await run(
      process.execPath,
      [bin('jest/bin/jest.js'), '--ci', '--cacheDirectory', join(scratch, 'jest-cache'), '--watchman=false'],
      // Jest waits for whatever the tests left running: a render that leaves a timer hangs here.
      { cwd: consumer.dir, timeoutMs: 30_000 },
    );
    expect(result.code, describeFailure('jest', result)).toBe(0);
    expect(result.stderr).toMatch(/Tests:\s+2 passed, 2 total/);
  }, 60_000);

  it('bundles for the browser with Vite, stylesheet included, without Node built-ins', async () => {
    if (!optionalPeers().every((name) => consumer.has(name))) await consumer.install(optionalPeers());
    const result = await run(process.execPath, [bin('vite/bin/vite.js'), 'build', 'vite-app', '--outDir', join(scratch, 'vite-dist'), '--emptyOutDir'], {
      cwd: consumer.dir,
    });
    expect(result.code, describeFailure('vite build', result)).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/externalized for browser compatibility|node:/);
    const assets = readdirSync(join(scratch, 'vite-dist', 'assets'));
    expect(assets.some((file) => file.endsWith('.css'))).toBe(true);
    const bundle = assets.filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(scratch, 'vite-dist', 'assets', file), 'utf8')).join('\n');
    expect(bundle).toContain('Loading the form for');
  }, 60_000);

  it('renders a ready form on the server with react-dom/server, without a DOM', async () => {
    if (!optionalPeers().every((name) => consumer.has(name))) await consumer.install(optionalPeers());
    const result = await run(process.execPath, ['render-on-server.mjs'], { cwd: consumer.dir, timeoutMs: 20_000 });
    expect(result.code, describeFailure('render-on-server.mjs', result)).toBe(0);
    const { html } = JSON.parse(result.stdout) as { html: string };
    expect(html).toContain('Create order in Bluefin WMS');
    expect(html).toMatch(/<input[^>]+id="[^"]*order_number"/);
    expect(html).not.toContain('Loading the form');
  }, 60_000);
});
