/**
 * test/e2e/styles-page built with Vite into a temporary folder and served over HTTP
 * (Chromium's autofill and other per-origin behaviour need a real origin, not
 * `about:blank`). Used by the stylesheet and accessibility tests.
 */
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const PAGE_DIR = fileURLToPath(new URL('./styles-page', import.meta.url));
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

export interface FormPage {
  origin: string;
  close(): Promise<void>;
}

/** Builds the page (one write form on the in-page sandbox, chosen by the query string) and serves it. */
export async function serveFormPage(name: string): Promise<FormPage> {
  const outDir = join(tmpdir(), `tswf-${name}-page-${process.pid}`);
  await build({ root: PAGE_DIR, configFile: false, logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true, minify: false } });
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = join(outDir, pathname === '/' ? 'index.html' : pathname);
    const body = file.startsWith(outDir) ? await readFile(file).catch(() => undefined) : undefined;
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
