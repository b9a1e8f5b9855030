// @vitest-environment node
import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { createTrackstarProxy } from '../../src/server';
import { toNodeListener } from '../../src/server/node';
import { UPSTREAM, createFakeUpstream } from './fake-upstream';

const servers: Server[] = [];

async function listen(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  vi.restoreAllMocks();
});

describe('toNodeListener', () => {
  it('serves the proxy over real HTTP from http.createServer', async () => {
    const upstream = createFakeUpstream(() =>
      Response.json({ id: 'o-1' }, { status: 201, headers: { 'x-request-id': 'r-1', 'set-cookie': 'a=b' } }),
    );
    const proxy = createTrackstarProxy({
      apiKey: 'server-side-api-key',
      upstream: UPSTREAM,
      basePath: '/api/trackstar',
      fetch: upstream.fetch,
      resolveAccessToken: (request) => (request.headers.get('cookie') === 'session=1' ? 'token-1' : null),
    });
    const origin = await listen(toNodeListener(proxy));

    const body = JSON.stringify({ order_number: 'A-1', line_items: [{ sku: 'S', quantity: 1 }] });
    const response = await fetch(`${origin}/api/trackstar/wms/orders`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', cookie: 'session=1', 'x-trackstar-api-key': 'forged' },
    });

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 'o-1' });
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(response.headers.has('set-cookie')).toBe(false);
    const call = upstream.calls[0]!;
    expect(`${call.method} ${call.url.href}`).toBe(`POST ${UPSTREAM}/wms/orders`);
    expect(call.body).toBe(body);
    expect(call.headers.get('x-trackstar-api-key')).toBe('server-side-api-key');
    expect(call.headers.get('x-trackstar-access-token')).toBe('token-1');
  });

  it('answers off-allowlist paths and oversized (also chunked) bodies over HTTP without contacting upstream', async () => {
    const upstream = createFakeUpstream();
    const origin = await listen(
      toNodeListener(createTrackstarProxy({ apiKey: 'key', upstream: UPSTREAM, fetch: upstream.fetch, maxBodyBytes: 16 })),
    );

    const notFound = await fetch(`${origin}/link/token`, { method: 'POST' });
    const tooLarge = await fetch(`${origin}/wms/orders`, { method: 'POST', body: 'x'.repeat(1_000) });

    // A streamed upload is sent chunked, without content-length: the proxy must count.
    const chunk = new TextEncoder().encode('x'.repeat(10));
    let chunksLeft = 100;
    const tooLargeChunked = await fetch(`${origin}/wms/orders`, {
      method: 'POST',
      body: new ReadableStream({
        pull: (controller) => (chunksLeft-- > 0 ? controller.enqueue(chunk) : controller.close()),
      }),
      duplex: 'half',
    } as RequestInit);

    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ origin: 'proxy' });
    expect(tooLarge.status).toBe(413);
    expect(tooLargeChunked.status).toBe(413);
    expect(upstream.calls).toHaveLength(0);
  });

  it('logs an error thrown by host code and answers 500 JSON', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = new Error('session store down');
    const proxy = createTrackstarProxy({
      apiKey: 'key',
      upstream: UPSTREAM,
      fetch: createFakeUpstream().fetch,
      resolveAccessToken: () => Promise.reject(failure),
    });
    const origin = await listen(toNodeListener(proxy));

    const response = await fetch(`${origin}/wms/kits`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: expect.any(String), origin: 'proxy' });
    expect(logged).toHaveBeenCalledWith(expect.any(String), failure);
  });
});
