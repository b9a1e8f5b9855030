// @vitest-environment node
/**
 * Issue 10: the proxy behind real Express 5, with the body parsers most apps mount
 * globally. Every write used to fail with "The request body must be valid JSON."
 * (the parser had drained the stream), attributed to Trackstar.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';

import { SANDBOX_API_KEY, createSandbox, sandboxAccessToken, sampleBody } from '../../src/sandbox';
import { createTrackstarProxy } from '../../src/server';
import { toNodeListener } from '../../src/server/node';
import { toFormSchema } from '../../src/core/schema/to-form-schema';
import { componentRef } from '../../src/sandbox/spec';
import { FIXTURE_SPEC } from '../../src/sandbox/fixture-spec';
import type { OpenApiDocument } from '../../src/core/types';

const servers: Server[] = [];

async function listen(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function sandboxProxy(basePath?: string) {
  const sandbox = createSandbox({ integrationsRateLimitWindowMs: false });
  const bluefin = sandbox.integrations.find((integration) => integration.integrationName === 'bluefin')!;
  const createOrder = bluefin.actions.find((action) => action.action === 'create_order')!;
  const body = sampleBody(toFormSchema({ document: FIXTURE_SPEC as OpenApiDocument, schemaRef: componentRef(createOrder.schemaName) }, { method: 'POST' }));
  const proxy = createTrackstarProxy({
    apiKey: SANDBOX_API_KEY,
    upstream: 'http://sandbox.test',
    fetch: (request) => sandbox.fetch(request),
    resolveAccessToken: () => sandboxAccessToken('wms', 'bluefin'),
    ...(basePath === undefined ? {} : { basePath }),
  });
  return { sandbox, proxy, body };
}

async function postOrder(origin: string, path: string, body: unknown) {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('toNodeListener behind Express 5', () => {
  it.each([
    ['express.json() mounted globally', (app: express.Express) => app.use(express.json())],
    ['express.json() with a verify hook that keeps the raw body', (app: express.Express) =>
      app.use(express.json({ verify: (req, _res, buffer) => void ((req as { rawBody?: Buffer }).rawBody = Buffer.from(buffer)) }))],
    ['express.text({ type: "*/*" })', (app: express.Express) => app.use(express.text({ type: '*/*' }))],
    ['express.raw({ type: "*/*" })', (app: express.Express) => app.use(express.raw({ type: '*/*' }))],
    ['no body parser', () => undefined],
  ])('writes through the proxy with %s', async (_, mountParser) => {
    const { sandbox, proxy, body } = sandboxProxy();
    const app = express();
    mountParser(app);
    app.use('/api/trackstar', toNodeListener(proxy));
    const origin = await listen(app);

    const { status, json } = await postOrder(origin, '/api/trackstar/wms/orders', body);

    expect(json).toMatchObject({ id: expect.stringMatching(/^ord_/) });
    expect(status).toBe(200);
    expect(sandbox.receivedWrites.at(-1)).toMatchObject({ status: 200, body });
  });

  it('still enforces the body limit on a body the parser read', async () => {
    const app = express();
    app.use(express.json());
    const proxy = createTrackstarProxy({ apiKey: 'k', upstream: 'http://sandbox.test', maxBodyBytes: 10, fetch: () => Promise.reject(new Error('not reached')) });
    app.use('/api/trackstar', toNodeListener(proxy));
    const origin = await listen(app);

    const { status } = await postOrder(origin, '/api/trackstar/wms/orders', { order_number: 'A-1', note: 'longer than ten bytes' });
    expect(status).toBe(413);
  });

  it('answers a basePath that Express already stripped with a hint naming both', async () => {
    const { proxy } = sandboxProxy('/api/trackstar');
    const app = express();
    app.use(express.json());
    app.use('/api/trackstar', toNodeListener(proxy));
    const origin = await listen(app);

    const { status, json } = await postOrder(origin, '/api/trackstar/wms/orders', {});

    expect(status).toBe(404);
    expect(json.origin).toBe('proxy');
    expect(json.error).toContain('POST /wms/orders');
    expect(json.error).toContain('basePath "/api/trackstar"');
  });

  it('works with a basePath on a route Express does not strip', async () => {
    const { proxy, body } = sandboxProxy('/api/trackstar');
    const app = express();
    app.use(express.json());
    app.all('/api/trackstar/*path', toNodeListener(proxy));
    const origin = await listen(app);

    const { status } = await postOrder(origin, '/api/trackstar/wms/orders', body);
    expect(status).toBe(200);
  });
});
