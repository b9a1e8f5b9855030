/** A local HTTP server for the built benchmark page, each scenario's input and the spec the in-page sandbox reads. */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import type { BenchCase } from './bench-case';

export const SPEC_URL = '/spec.json';
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePage(outDir: string, cases: readonly BenchCase[], specBytes: Buffer | undefined): Promise<PageServer> {
  const root = resolve(outDir);
  const inputs = new Map(cases.map((entry) => [`/input/${entry.scenario.id}.json`, JSON.stringify(entry.input)]));
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const json = inputs.get(path) ?? (path === SPEC_URL ? specBytes : undefined);
    if (json !== undefined) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(json);
      return;
    }
    const file = resolve(join(root, path === '/' ? 'index.html' : path));
    const body = file.startsWith(`${root}/`) ? await readFile(file).catch(() => undefined) : undefined;
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
