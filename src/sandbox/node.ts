/**
 * trackstar-write-form/sandbox/node: the sandbox as a local HTTP server, and reading
 * a spec from disk (by default the file `TRACKSTAR_OPENAPI_SPEC` names).
 */

import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandbox } from './sandbox';
import type { Sandbox, SandboxOptions } from './types';

export async function loadSpecFile(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${path} is not a JSON OpenAPI document: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface SandboxServerOptions extends SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1, so the sandbox is never reachable from another machine by accident. */
  host?: string;
  /** A spec file to load when `spec` is not given; defaults to `process.env.TRACKSTAR_OPENAPI_SPEC`, then the embedded fixture. */
  specPath?: string;
}

export interface SandboxServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:53211`. */
  readonly url: string;
  readonly sandbox: Sandbox;
  close(): Promise<void>;
}

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const { port = 0, host = '127.0.0.1', specPath = process.env.TRACKSTAR_OPENAPI_SPEC, spec, ...sandboxOptions } = options;
  const resolvedSpec = spec ?? (specPath ? await loadSpecFile(specPath) : undefined);
  const sandbox = createSandbox({ ...sandboxOptions, spec: resolvedSpec });

  // Leaving the process's global Request/Response alone: the host may rely on its own.
  const server = serve({ fetch: (request) => sandbox.fetch(request), port, hostname: host, overrideGlobalObjects: false });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });

  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
