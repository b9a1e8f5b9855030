/**
 * The demo: one local HTTP server for a multi-customer admin page. Next to the page
 * (Vite in middleware mode) it serves the host back end a real app would have:
 *
 *   POST /get-link-token, POST /store-token   the Trackstar guide's two endpoints
 *   GET  /api/connections                    the signed-in customer's connections and their health
 *   /api/trackstar/*                         the proxy, with the token of the connection the page names
 *
 * Connections are stored (access tokens encrypted) in PGlite under DATA_DIR, or in
 * PostgreSQL with DATABASE_URL. Without TRACKSTAR_API_KEY, a local sandbox plays
 * Trackstar and the page connects through the sandbox's stand-in for Trackstar Link.
 *
 *   npm start                                   # sandbox, http://localhost:5173/
 *   PORT=0 npm start                            # any free port
 *   TRACKSTAR_API_KEY=… npm start               # the real API and the real Trackstar Link
 *
 * Nothing in src/ imports this directory.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer as createViteServer } from 'vite';
import { SANDBOX_API_KEY, SANDBOX_BROKEN_CONNECTION_ID, type SandboxLinkedConnection } from '../src/sandbox';
import { type SandboxServer, startSandboxServer } from '../src/sandbox/node';
import { createTrackstarConnections, createTrackstarProxy, createTrackstarStores } from '../src/server';
import { openDatabase, toNodeListener } from '../src/server/node';
import { DEMO_CUSTOMERS, SESSION_COOKIE, customerFromCookie } from './customers';
import { readSandboxConnections, tokenKeyFrom, writeSandboxConnections } from './data-dir';

const API_BASE_PATH = '/api/trackstar';
/** The stand-in Link modal's two calls, forwarded to the sandbox (they carry a link token, never the API key). */
const SANDBOX_LINK_PATH = '/__demo/sandbox-link';
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

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body, null, 2));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const port = readPort();
  const host = process.env.HOST ?? '127.0.0.1';
  const apiKey = process.env.TRACKSTAR_API_KEY?.trim();
  const mode: 'sandbox' | 'real' = apiKey ? 'real' : 'sandbox';
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');

  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  const stores = await createTrackstarStores(database, { tokenKey: await tokenKeyFrom(dataDir, process.env.TRACKSTAR_TOKEN_KEY) });

  let sandboxServer: SandboxServer | undefined;
  let upstream: string;
  let upstreamDescription: string;
  if (mode === 'real') {
    upstream = process.env.TRACKSTAR_BASE_URL?.trim() || DEFAULT_REAL_UPSTREAM;
    upstreamDescription = `the real Trackstar API at ${upstream}`;
  } else {
    // The sandbox forgets everything on exit but its Link connections, kept beside the database.
    let saving = Promise.resolve();
    sandboxServer = await startSandboxServer({
      port: 0,
      linkedConnections: await readSandboxConnections(dataDir),
      onLinkedConnectionsChange: (connections: readonly SandboxLinkedConnection[]) => {
        saving = saving.then(() => writeSandboxConnections(dataDir, connections)).catch((error: unknown) => console.error('Could not save the sandbox connections:', error));
      },
      brokenConnectionCustomerId: DEMO_CUSTOMERS[0]!.id,
    });
    upstream = sandboxServer.url;
    // The first customer starts with the sandbox's broken connection, to show a reinstall.
    const broken = sandboxServer.sandbox.linkedConnections.find((connection) => connection.connectionId === SANDBOX_BROKEN_CONNECTION_ID);
    if (broken && (await stores.connections.find(broken.connectionId)) === undefined) {
      await stores.connections.save({ ...broken, customerId: DEMO_CUSTOMERS[0]!.id, availableActions: [] });
    }
    const specPath = process.env.TRACKSTAR_OPENAPI_SPEC;
    upstreamDescription = `the sandbox with ${specPath ? `the spec ${specPath}` : 'the fixture spec'}, at ${sandboxServer.url}`;
  }

  const trackstar = { apiKey: apiKey ?? SANDBOX_API_KEY, upstream };
  const connections = createTrackstarConnections({
    ...trackstar,
    store: stores.connections,
    customerIdFor: (request) => customerFromCookie(request.headers.get('cookie')),
  });
  const proxyListener = toNodeListener(
    createTrackstarProxy({
      ...trackstar,
      basePath: API_BASE_PATH,
      resolveAccessToken: connections.resolveAccessToken,
      integrationsCache: stores.integrationsCache,
    }),
  );
  const routes: Record<string, ReturnType<typeof toNodeListener>> = {
    '/get-link-token': toNodeListener(connections.linkToken),
    '/store-token': toNodeListener(connections.storeToken),
    '/api/connections': toNodeListener(connections.listConnections),
  };

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
      include: [
        'react',
        'react-dom/client',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        '@tanstack/react-query',
        '@rjsf/core',
        '@rjsf/utils',
        '@rjsf/validator-ajv8',
        '@trackstar/react-trackstar-link',
      ],
    },
  });

  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const pathname = (request.url ?? '/').split('?')[0]!;
    if (pathname === API_BASE_PATH || pathname.startsWith(`${API_BASE_PATH}/`)) {
      proxyListener(request, response);
      return;
    }
    const route = routes[pathname];
    if (route) {
      route(request, response);
      return;
    }
    if (pathname === '/__demo/config') {
      const customer = customerFromCookie(request.headers.cookie);
      sendJson(response, 200, { mode, customers: DEMO_CUSTOMERS, customerId: customer ?? null, sandboxLinkUrl: mode === 'sandbox' ? SANDBOX_LINK_PATH : null });
      return;
    }
    if (pathname === '/__demo/session' && request.method === 'POST') {
      // Stands in for the host's sign-in: the session cookie names the customer.
      void readJson(request).then((body) => {
        const id = (body as { customer_id?: unknown } | undefined)?.customer_id;
        if (!DEMO_CUSTOMERS.some((customer) => customer.id === id)) {
          sendJson(response, 400, { error: `customer_id must be one of ${DEMO_CUSTOMERS.map((customer) => customer.id).join(', ')}.` });
          return;
        }
        sendJson(response, 200, { customerId: id }, { 'set-cookie': `${SESSION_COOKIE}=${encodeURIComponent(id as string)}; Path=/; HttpOnly; SameSite=Lax` });
      });
      return;
    }
    if (sandboxServer && (pathname === `${SANDBOX_LINK_PATH}/link/session` || pathname === `${SANDBOX_LINK_PATH}/link/session/authorize`)) {
      void forwardToSandbox(sandboxServer, request, response, pathname.slice(SANDBOX_LINK_PATH.length));
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

  await new Promise<void>((resolveListening, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolveListening();
    });
  });
  const { port: actualPort } = httpServer.address() as AddressInfo;
  console.log(`Trackstar write form demo: http://localhost:${actualPort}/ (${upstreamDescription}; connections in ${database.description})`);

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const forced = setTimeout(() => process.exit(1), 5_000);
    forced.unref();
    try {
      httpServer.closeAllConnections();
      await Promise.all([new Promise<void>((resolveClosed) => httpServer.close(() => resolveClosed())), vite.close(), sandboxServer?.close()]);
      await database.close();
    } catch (error) {
      console.error(`Error while stopping on ${signal}:`, error);
      process.exitCode = 1;
    }
    process.exit();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** Only the modal's two calls and their link-token header reach the sandbox. */
async function forwardToSandbox(sandboxServer: SandboxServer, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const linkToken = request.headers['x-trackstar-link-token'];
  if (typeof linkToken === 'string') headers['x-trackstar-link-token'] = linkToken;
  try {
    const answer = await fetch(`${sandboxServer.url}${path}`, {
      method: request.method,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    });
    sendJson(response, answer.status, await answer.json());
  } catch (error) {
    sendJson(response, 502, { error: `The sandbox did not answer: ${error instanceof Error ? error.message : String(error)}` });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
