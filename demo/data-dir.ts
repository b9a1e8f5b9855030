/**
 * What the demo keeps under DATA_DIR besides the database: the token key when
 * TRACKSTAR_TOKEN_KEY is unset, and the sandbox's Link connections, so both survive
 * a restart just as the stored connections do.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { SandboxLinkedConnection } from '../src/sandbox';
import { generateTokenKey } from '../src/server';

export async function tokenKeyFrom(dataDir: string, fromEnvironment: string | undefined): Promise<string> {
  if (fromEnvironment !== undefined && fromEnvironment.trim() !== '') return fromEnvironment.trim();
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'token-key');
  try {
    const stored = (await readFile(path, 'utf8')).trim();
    console.warn(`TRACKSTAR_TOKEN_KEY is not set: using the demo's key in ${path}. Set TRACKSTAR_TOKEN_KEY outside a demo.`);
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = generateTokenKey();
  await writeFile(path, `${key}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  console.warn(`TRACKSTAR_TOKEN_KEY is not set: created a key for the demo in ${path}. Set TRACKSTAR_TOKEN_KEY outside a demo; without that key the stored tokens cannot be read.`);
  return key;
}

const SANDBOX_CONNECTIONS_FILE = 'sandbox-connections.json';

export async function readSandboxConnections(dataDir: string): Promise<SandboxLinkedConnection[]> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, SANDBOX_CONNECTIONS_FILE), 'utf8')) as unknown;
    return Array.isArray(parsed) ? (parsed as SandboxLinkedConnection[]) : [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`${join(dataDir, SANDBOX_CONNECTIONS_FILE)} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Written whole to a temporary file and renamed, so a crash never leaves half a file. */
export async function writeSandboxConnections(dataDir: string, connections: readonly SandboxLinkedConnection[]): Promise<void> {
  const path = join(dataDir, SANDBOX_CONNECTIONS_FILE);
  await writeFile(`${path}.tmp`, JSON.stringify(connections, null, 2), { mode: 0o600 });
  await rename(`${path}.tmp`, path);
}
