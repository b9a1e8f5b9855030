// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { FIXTURE_SPEC, SANDBOX_API_KEY, createSandbox } from '../../src/sandbox';
import { loadSpecFile, startSandboxServer } from '../../src/sandbox/node';
import { BASE_URL, REAL_SPEC_PATH, describeRealSpec } from './helpers';

const ORDER = {
  order_number: 'MSW-1',
  ship_to_address: { full_name: 'Dana Whitfield', address1: '18 Harbor Lane', city: 'Portland', postal_code: '04101', country: 'US' },
  line_items: [{ sku: 'TEE-BLK-M', quantity: 1 }],
};
const HEADERS = { 'x-trackstar-api-key': SANDBOX_API_KEY, 'x-trackstar-access-token': 'sandbox-wms-bluefin', 'content-type': 'application/json' };

/** Source files the module imports, transitively, following relative imports only. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (graph.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const specifiers = Array.from(source.matchAll(/^(?:import|export)[^;]*?from\s+'([^']+)'/gm), (match) => match[1]!);
    graph.set(file, specifiers);
    for (const specifier of specifiers.filter((candidate) => candidate.startsWith('.'))) {
      const base = resolve(dirname(file), specifier);
      const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (target) pending.push(target);
    }
  }
  return graph;
}

describe('the Fetch entry point', () => {
  it('imports nothing Node-specific, so it runs in a browser, a worker or an edge runtime', () => {
    const entry = fileURLToPath(new URL('../../src/sandbox/index.ts', import.meta.url));
    const graph = importGraph(entry);
    expect(graph.size).toBeGreaterThan(5);
    for (const [file, specifiers] of graph) {
      expect(specifiers.filter((specifier) => specifier.startsWith('node:') || specifier.startsWith('@hono/node-server')), file).toEqual([]);
    }
  });
});

describe('inside MSW', () => {
  const sandbox = createSandbox();
  const server = setupServer(http.all(`${BASE_URL}/*`, ({ request }) => sandbox.fetch(request)));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers a plain fetch, headers included', async () => {
    const integrations = await fetch(`${BASE_URL}/integrations/wms`, { headers: { 'x-trackstar-api-key': SANDBOX_API_KEY } });
    expect(integrations.status).toBe(200);
    expect(integrations.headers.get('x-request-id')).toMatch(/^req_/);
    expect(((await integrations.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);

    const init = { method: 'POST', headers: { ...HEADERS, 'Idempotency-Key': 'msw-order' }, body: JSON.stringify(ORDER) };
    const created = await fetch(`${BASE_URL}/wms/orders`, init);
    expect(created.status).toBe(200);
    const replay = await fetch(`${BASE_URL}/wms/orders`, init);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(await created.json());
    expect(sandbox.receivedWrites.map((write) => write.status)).toEqual([200, 200]);

    const invalid = await fetch(`${BASE_URL}/wms/orders`, { method: 'POST', headers: HEADERS, body: JSON.stringify({ ...ORDER, order_number: '' }) });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ detail: { json: { order_number: ['Field may not be blank.'] } } });
  });
});

describe('as a Node server', () => {
  it('serves the sandbox over HTTP on a free local port', async () => {
    const server = await startSandboxServer({ spec: FIXTURE_SPEC });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const meta = await fetch(`${server.url}/wms/orders/meta?method=POST`, { headers: HEADERS });
      expect(meta.status).toBe(200);
      expect(meta.headers.get('content-type')).toMatch(/application\/json/);
      expect(meta.headers.get('x-request-id')).toMatch(/^req_/);
      expect(await meta.json()).toMatchObject({ $ref: '#/definitions/CreatewmsOrder--Bluefin_WMS--' });

      const created = await fetch(`${server.url}/wms/orders`, { method: 'POST', headers: HEADERS, body: JSON.stringify(ORDER) });
      expect(created.status).toBe(200);
      const { id } = (await created.json()) as { id: string };
      const read = await fetch(`${server.url}/wms/orders/${id}`, { headers: HEADERS });
      expect(await read.json()).toMatchObject({ data: { id, order_number: 'MSW-1' } });
      expect(server.sandbox.receivedWrites).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('loads the spec from a file', async () => {
    const fixturePath = fileURLToPath(new URL('../../src/sandbox/fixture-spec.json', import.meta.url));
    const server = await startSandboxServer({ specPath: fixturePath, integrationsRateLimitWindowMs: false });
    try {
      const response = await fetch(`${server.url}/integrations/cart`, { headers: { 'x-trackstar-api-key': SANDBOX_API_KEY } });
      expect(((await response.json()) as { data: Array<{ integration_name: string }> }).data.map((info) => info.integration_name)).toEqual([
        'marketmint',
        'shopwave',
      ]);
    } finally {
      await server.close();
    }
  });

  it('says which file is not JSON', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sandbox-spec-'));
    try {
      const path = join(directory, 'broken.json');
      await writeFile(path, '{ "openapi": ');
      await expect(loadSpecFile(path)).rejects.toThrow(path);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describeRealSpec('transports.test.ts', () => {
  it('serves the spec TRACKSTAR_OPENAPI_SPEC names by default', async () => {
    const server = await startSandboxServer();
    try {
      expect(server.sandbox.integrations.length).toBeGreaterThan(20);
      const response = await fetch(`${server.url}/integrations/wms`, { headers: { 'x-trackstar-api-key': SANDBOX_API_KEY } });
      expect(response.status).toBe(200);
      expect(REAL_SPEC_PATH).toBeDefined();
    } finally {
      await server.close();
    }
  });
});
