/**
 * The package's public entry points: the one list the build, `package.json`'s
 * `exports`/`typesVersions` and the packaging tests are derived from. Adding an
 * entry is one edit here, then `npm run exports:sync` to write package.json
 * (`npm test` fails while the two disagree).
 */

export interface EntryPoint {
  /** The subpath a host imports: `.` is `trackstar-write-form`, `./core` is `trackstar-write-form/core`. */
  readonly subpath: '.' | `./${string}`;
  /** Source file, relative to the repository root. */
  readonly source: `src/${string}.ts` | `src/${string}.tsx`;
  /** Output file name in `dist/`, without extension (`index` → `dist/index.js` and `dist/index.cjs`). */
  readonly output: string;
  /**
   * `any`: runs in any JavaScript runtime (browser, edge worker, Node): no Node built-ins in its module graph.
   * `node`: needs Node (`node:http`, `node:fs`).
   */
  readonly runtime: 'any' | 'node';
  /**
   * React components and hooks: the source starts with `'use client'` (the bundler keeps an entry's
   * directives), so a React Server Components framework (Next.js App Router) treats the entry as a client
   * boundary instead of running it on the server. The packaging test holds both ends to this flag.
   */
  readonly client: boolean;
  /** Optional peer dependencies this entry imports: a host that uses the entry installs them. */
  readonly optionalPeers: readonly string[];
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { subpath: '.', source: 'src/index.ts', output: 'index', runtime: 'any', client: true, optionalPeers: [] },
  { subpath: './core', source: 'src/core/index.ts', output: 'core', runtime: 'any', client: false, optionalPeers: [] },
  { subpath: './server', source: 'src/server/index.ts', output: 'server', runtime: 'any', client: false, optionalPeers: [] },
  {
    subpath: './server/node',
    source: 'src/server/node.ts',
    output: 'server-node',
    runtime: 'node',
    client: false,
    optionalPeers: ['@hono/node-server'],
  },
  {
    subpath: './server/pglite',
    source: 'src/server/pglite.ts',
    output: 'server-pglite',
    runtime: 'any',
    client: false,
    optionalPeers: ['@electric-sql/pglite'],
  },
  {
    subpath: './server/postgres',
    source: 'src/server/postgres.ts',
    output: 'server-postgres',
    runtime: 'node',
    client: false,
    optionalPeers: ['pg'],
  },
  {
    subpath: './sandbox',
    source: 'src/sandbox/index.ts',
    output: 'sandbox',
    runtime: 'any',
    client: false,
    optionalPeers: ['hono', 'ajv', 'ajv-formats'],
  },
  {
    subpath: './sandbox/node',
    source: 'src/sandbox/node.ts',
    output: 'sandbox-node',
    runtime: 'node',
    client: false,
    optionalPeers: ['hono', 'ajv', 'ajv-formats', '@hono/node-server'],
  },
  {
    subpath: './sandbox/react',
    source: 'src/sandbox/react/index.ts',
    output: 'sandbox-react',
    runtime: 'any',
    client: true,
    optionalPeers: [],
  },
];

/** Files shipped as they are, beside the code entries. */
export const ASSET_EXPORTS = {
  './styles.css': { source: 'src/styles/trackstar-write-form.css', output: 'dist/styles.css' },
} as const;

/** `src/core/index.ts` → `dist/types/core/index.d.ts` (ESM) or `.d.cts` (CommonJS). */
export function declarationPath(entry: EntryPoint, flavour: 'esm' | 'cjs'): string {
  const stem = entry.source.replace(/^src\//, '').replace(/\.tsx?$/, '');
  return `./dist/types/${stem}.${flavour === 'esm' ? 'd.ts' : 'd.cts'}`;
}

export interface ConditionalExport {
  import: { types: string; default: string };
  require: { types: string; default: string };
}

/** What `package.json` `exports` must say. Types come first in each branch, as TypeScript requires. */
export function packageExports(): Record<string, ConditionalExport | string> {
  const exports: Record<string, ConditionalExport | string> = {};
  for (const entry of ENTRY_POINTS) {
    exports[entry.subpath] = {
      import: { types: declarationPath(entry, 'esm'), default: `./dist/${entry.output}.js` },
      require: { types: declarationPath(entry, 'cjs'), default: `./dist/${entry.output}.cjs` },
    };
  }
  for (const [subpath, asset] of Object.entries(ASSET_EXPORTS)) exports[subpath] = `./${asset.output}`;
  exports['./package.json'] = './package.json';
  return exports;
}

/**
 * For TypeScript's `node10` resolution (`moduleResolution: "node"`), which ignores `exports`:
 * without this, `trackstar-write-form/core` has no types there.
 */
export function packageTypesVersions(): Record<string, Record<string, string[]>> {
  const paths: Record<string, string[]> = {};
  for (const entry of ENTRY_POINTS) {
    if (entry.subpath === '.') continue;
    paths[entry.subpath.slice(2)] = [declarationPath(entry, 'cjs')];
  }
  return { '*': paths };
}

/** The legacy top-level fields, for tools that predate `exports`. */
export function packageLegacyFields(): { main: string; module: string; types: string } {
  const root = ENTRY_POINTS.find((entry) => entry.subpath === '.')!;
  return { main: `./dist/${root.output}.cjs`, module: `./dist/${root.output}.js`, types: declarationPath(root, 'cjs') };
}
