/**
 * The demo: one local HTTP server with the Trackstar proxy at /api/trackstar, the
 * demo admin page (Vite dev server in middleware mode) and, unless real
 * credentials are given, a Trackstar-compatible sandbox behind the proxy.
 *
 *   npm start                                   # sandbox, http://localhost:5173/
 *   PORT=0 npm start                            # any free port
 *   TRACKSTAR_API_KEY=… TRACKSTAR_ACCESS_TOKEN=… npm start   # the real API
 *
 * Nothing in src/ imports this directory.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer as createViteServer } from 'vite';
import type { IntegrationType } from '../src/core/actions';
import { SANDBOX_API_KEY, sandboxAccessToken } from '../src/sandbox';
import { type SandboxServer, startSandboxServer } from '../src/sandbox/node';
import { createTrackstarProxy } from '../src/server';
import { toNodeListener } from '../src/server/node';

const API_BASE_PATH = '/api/trackstar';
const DEMO_CONNECTION_HEADER = 'x-demo-connection';
const DEFAULT_PORT = 5173;
const DEFAULT_REAL_UPSTREAM = 'https://production.trackstarhq.com';

function readPort(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${raw}".`);
  }
  return port;
}

/** `wms:bluefin` → the sandbox connection's access token; anything else → none. */
function sandboxTokenFor(request: Request): string | undefined {
  const value = request.headers.get(DEMO_CONNECTION_HEADER);
  const match = value === null ? null : /^(wms|cart):([A-Za-z0-9_.-]+)$/.exec(value.trim());
  return match ? sandboxAccessToken(match[1] as IntegrationType, match[2]!) : undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

async function main(): Promise<void> {
  const port = readPort();
  const host = process.env.HOST ?? '127.0.0.1';
  const apiKey = process.env.TRACKSTAR_API_KEY?.trim();
  const accessToken = process.env.TRACKSTAR_ACCESS_TOKEN?.trim();
  const mode: 'sandbox' | 'real' = apiKey && accessToken ? 'real' : 'sandbox';

  let sandboxServer: SandboxServer | undefined;
  let proxy: ReturnType<typeof createTrackstarProxy>;
  let upstreamDescription: string;
  if (mode === 'real') {
    const upstream = process.env.TRACKSTAR_BASE_URL?.trim() || DEFAULT_REAL_UPSTREAM;
    proxy = createTrackstarProxy({ apiKey: apiKey!, upstream, basePath: API_BASE_PATH, resolveAccessToken: () => accessToken });
    upstreamDescription = `the real Trackstar API at ${upstream}`;
  } else {
    if (apiKey || accessToken) {
      console.warn('Both TRACKSTAR_API_KEY and TRACKSTAR_ACCESS_TOKEN are needed for the real API; using the sandbox.');
    }
    sandboxServer = await startSandboxServer({ port: 0 });
    proxy = createTrackstarProxy({
      apiKey: SANDBOX_API_KEY,
      upstream: sandboxServer.url,
      basePath: API_BASE_PATH,
      resolveAccessToken: sandboxTokenFor,
    });
    const specPath = process.env.TRACKSTAR_OPENAPI_SPEC;
    upstreamDescription = `the sandbox with ${specPath ? `the spec ${specPath}` : 'the fixture spec'}, at ${sandboxServer.url}`;
  }
  const proxyListener = toNodeListener(proxy);

  const httpServer = createServer();
  const vite = await createViteServer({
    configFile: false,
    root: fileURLToPath(new URL('.', import.meta.url)),
    // Its own pre-bundle cache, apart from any other Vite use in the repository.
    cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
    plugins: [react()],
    appType: 'spa',
    logLevel: 'warn',
    clearScreen: false,
    server: { middlewareMode: true, hmr: { server: httpServer } },
    // Pre-bundle every dependency up front, so the first visit never triggers a reload.
    optimizeDeps: {
      entries: ['index.html'],
      include: ['react', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime', '@tanstack/react-query', '@rjsf/core', '@rjsf/utils', '@rjsf/validator-ajv8'],
    },
  });

  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const pathname = (request.url ?? '/').split('?')[0]!;
    if (pathname === API_BASE_PATH || pathname.startsWith(`${API_BASE_PATH}/`)) {
      proxyListener(request, response);
      return;
    }
    if (pathname === '/__demo/config') {
      sendJson(response, 200, { mode });
      return;
    }
    if (pathname === '/__demo/sandbox/writes') {
      if (!sandboxServer) sendJson(response, 404, { error: 'The sandbox is not running: the demo uses the real Trackstar API.' });
      else sendJson(response, 200, sandboxServer.sandbox.receivedWrites);
      return;
    }
    vite.middlewares(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = httpServer.address() as AddressInfo;
  console.log(`Trackstar write form demo: http://localhost:${actualPort}/ (${upstreamDescription})`);

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const forced = setTimeout(() => process.exit(1), 5_000);
    forced.unref();
    try {
      httpServer.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => httpServer.close(() => resolve())),
        vite.close(),
        sandboxServer?.close(),
      ]);
    } catch (error) {
      console.error(`Error while stopping on ${signal}:`, error);
      process.exitCode = 1;
    }
    process.exit();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
