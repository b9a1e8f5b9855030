/**
 * A throwaway host app with the packed library installed, the way a user gets it:
 * `npm pack`, then `npm install` of the tarball. Hermetic and offline: every package
 * the tarball asks for (its dependencies and peers) is handed to npm as a link into
 * this repository's node_modules, with an empty cache and `--offline`, so a package
 * the library needs but does not declare, or declares but should not, fails the
 * install instead of quietly coming from the registry.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./consumer', import.meta.url));
const REPO_MODULES = join(ROOT, 'node_modules');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion; never throws for a non-zero exit (the caller asserts on it).
 * Niced: builds, type-checks and installs are heavy, and the rest of the suite (some of it
 * with timeouts) runs beside them on the same cores.
 */
export async function run(command: string, args: string[], options: { cwd: string; timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
  const [file, argv] = process.platform === 'win32' ? [command, args] : ['nice', ['-n', '10', command, ...args]];
  try {
    const { stdout, stderr } = await execFileAsync(file, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? failed.message };
  }
}

export function describeFailure(what: string, result: CommandResult): string {
  return `${what} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

export interface PackedLibrary {
  tarball: string;
  /** The packed package.json. */
  manifest: {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    exports: Record<string, unknown>;
  };
  /** Paths inside the tarball, e.g. `dist/index.js`. */
  files: string[];
}

export async function packLibrary(into: string): Promise<PackedLibrary> {
  const result = await run('npm', ['pack', '--json', '--pack-destination', into], { cwd: ROOT });
  if (result.code !== 0) throw new Error(describeFailure('npm pack', result));
  const [packed] = JSON.parse(result.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return {
    tarball: join(into, packed!.filename),
    manifest: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackedLibrary['manifest'],
    files: packed!.files.map((file) => file.path),
  };
}

/** `file:` links into the repository's node_modules for `names`. */
function links(names: Iterable<string>): string[] {
  return [...names].map((name) => {
    const path = join(REPO_MODULES, name);
    if (!existsSync(path)) throw new Error(`${name} is not installed in ${REPO_MODULES}: run npm ci first.`);
    return `${name}@file:${path}`;
  });
}

export interface Consumer {
  dir: string;
  /** `npm install` (offline, links only) of more packages into the consumer. */
  install(names: Iterable<string>): Promise<void>;
  has(name: string): boolean;
}

/** Type packages a host adds for its own code: React's for JSX, Node's for the server file. */
const HOST_TYPES = ['@types/react', '@types/react-dom', '@types/node'];

export async function createConsumer(library: PackedLibrary, parent: string): Promise<Consumer> {
  const dir = mkdtempSync(join(parent, 'consumer-'));
  cpSync(FIXTURE, dir, { recursive: true });
  // The same host code, once as an ES module and once as CommonJS (the nearest package.json decides).
  for (const [folder, type] of [
    ['esm', 'module'],
    ['cjs', 'commonjs'],
  ] as const) {
    mkdirSync(join(dir, folder), { recursive: true });
    cpSync(join(FIXTURE, 'app.tsx'), join(dir, folder, 'app.tsx'));
    writeFileSync(join(dir, folder, 'package.json'), JSON.stringify({ type }));
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'trackstar-consumer', private: true }, null, 2));
  const cache = join(dir, '.npm-cache');

  const install = async (specs: string[]) => {
    const result = await run(
      'npm',
      ['install', '--offline', '--cache', cache, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...specs],
      { cwd: dir },
    );
    if (result.code !== 0) throw new Error(describeFailure(`npm install ${specs.join(' ')}`, result));
  };

  const optional = new Set(Object.entries(library.manifest.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name));
  const required = [
    ...Object.keys(library.manifest.dependencies ?? {}),
    ...Object.keys(library.manifest.peerDependencies ?? {}).filter((name) => !optional.has(name)),
  ];
  await install([library.tarball, ...links([...required, ...HOST_TYPES])]);

  return {
    dir,
    install: (names) => install(links(names)),
    has: (name) => existsSync(join(dir, 'node_modules', name)),
  };
}

export function scratchDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'tswf-package-'));
}
