// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { createMemoryResponseCacheStore, createTrackstarProxy, type TrackstarProxyOptions } from '../../src/server';
import { UPSTREAM, clientRequest, createFakeUpstream, type FakeResponder, type FakeUpstream } from './fake-upstream';

const TTL_MS = 60_000;

/** A proxy whose cache clock the test moves by hand. */
function cachingProxy(upstream: FakeUpstream, options: Partial<TrackstarProxyOptions> = {}) {
  const clock = { now: 1_000_000 };
  const proxy = createTrackstarProxy({
    apiKey: 'server-side-api-key',
    upstream: UPSTREAM,
    fetch: upstream.fetch,
    integrationsCacheTtlMs: TTL_MS,
    now: () => clock.now,
    ...options,
  });
  return { proxy, clock };
}

const integrationsList: FakeResponder = (request) =>
  Response.json({ data: [{ integration_name: 'ShipHero', call: request.url.pathname }] }, { headers: { 'x-request-id': 'r-1' } });

describe('createTrackstarProxy: GET /integrations cache', () => {
  it.each(['/integrations/wms', '/integrations/cart/Shopify'])('serves a second %s within the TTL from the cache', async (path) => {
    const upstream = createFakeUpstream(integrationsList);
    const { proxy, clock } = cachingProxy(upstream);

    const first = await proxy(clientRequest(path));
    clock.now += TTL_MS - 1;
    const second = await proxy(clientRequest(path));

    expect(upstream.calls).toHaveLength(1);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-request-id')).toBe('r-1');
    expect(await second.json()).toEqual(await first.json());
  });

  it('asks Trackstar again once the TTL has passed', async () => {
    const upstream = createFakeUpstream(integrationsList);
    const { proxy, clock } = cachingProxy(upstream);

    await proxy(clientRequest('/integrations/wms'));
    clock.now += TTL_MS;
    await proxy(clientRequest('/integrations/wms'));

    expect(upstream.calls).toHaveLength(2);
  });

  it('keys the cache by path: a different query string is the same answer, never another upstream call', async () => {
    const upstream = createFakeUpstream(integrationsList);
    const { proxy } = cachingProxy(upstream);

    for (const path of ['/integrations/wms', '/integrations/cart', '/integrations/wms/ShipHero', '/integrations/wms?page=2', '/integrations/wms?bust=1']) {
      await proxy(clientRequest(path));
    }

    expect(upstream.calls.map((call) => `${call.url.pathname}${call.url.search}`)).toEqual([
      '/integrations/wms',
      '/integrations/cart',
      '/integrations/wms/ShipHero',
    ]);
  });

  it('makes one upstream call for any number of cache-busting query strings (issue 8)', async () => {
    const upstream = createFakeUpstream(integrationsList);
    const { proxy } = cachingProxy(upstream);

    const statuses: number[] = [];
    for (let bust = 0; bust < 50; bust += 1) statuses.push((await proxy(clientRequest(`/integrations/wms?bust=${bust}`))).status);

    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(upstream.calls).toHaveLength(1);
    expect(upstream.calls[0]!.url.search).toBe('');
  });

  it('keeps at most maxEntries answers in memory, dropping the oldest', async () => {
    const upstream = createFakeUpstream(integrationsList);
    const { proxy } = cachingProxy(upstream, { integrationsCache: createMemoryResponseCacheStore({ maxEntries: 2 }) });

    for (const name of ['A', 'B', 'C', 'C', 'B', 'A']) await proxy(clientRequest(`/integrations/wms/${name}`));

    // A was evicted by C; B and C were still held.
    expect(upstream.calls.map((call) => call.url.pathname)).toEqual([
      '/integrations/wms/A',
      '/integrations/wms/B',
      '/integrations/wms/C',
      '/integrations/wms/A',
    ]);
  });

  it.each([429, 500, 201])('does not cache a %i answer', async (status) => {
    const upstream = createFakeUpstream(() => Response.json({ error: 'no' }, { status }));
    const { proxy } = cachingProxy(upstream);

    expect((await proxy(clientRequest('/integrations/wms'))).status).toBe(status);
    expect((await proxy(clientRequest('/integrations/wms'))).status).toBe(status);

    expect(upstream.calls).toHaveLength(2);
  });

  it('does not cache a network failure', async () => {
    let reachable = false;
    const upstream = createFakeUpstream((request) =>
      reachable ? integrationsList(request) : Promise.reject(new TypeError('fetch failed')),
    );
    const { proxy } = cachingProxy(upstream);

    expect((await proxy(clientRequest('/integrations/wms'))).status).toBe(502);
    reachable = true;
    expect((await proxy(clientRequest('/integrations/wms'))).status).toBe(200);
  });

  it('shares one upstream call between concurrent identical requests, each with its own readable Response', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const upstream = createFakeUpstream(async (request) => {
      await gate;
      return integrationsList(request);
    });
    const { proxy } = cachingProxy(upstream);

    const pending = [1, 2, 3].map(() => proxy(clientRequest('/integrations/wms')));
    release();
    const responses = await Promise.all(pending);

    expect(upstream.calls).toHaveLength(1);
    expect(new Set(responses).size).toBe(3);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies).toEqual([bodies[0], bodies[0], bodies[0]]);
  });

  it('shares a concurrent failure too, but retries the next request', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const upstream = createFakeUpstream(async () => {
      await gate;
      return Response.json({ error: 'rate limited' }, { status: 429, headers: { 'retry-after': '60' } });
    });
    const { proxy } = cachingProxy(upstream);

    const pending = [proxy(clientRequest('/integrations/wms')), proxy(clientRequest('/integrations/wms'))];
    release();
    const statuses = (await Promise.all(pending)).map((response) => response.status);
    await proxy(clientRequest('/integrations/wms'));

    expect(statuses).toEqual([429, 429]);
    expect(upstream.calls).toHaveLength(2);
  });

  it('fetches shared answers with the API key alone, never one user’s token or headers', async () => {
    const upstream = createFakeUpstream(integrationsList);
    let lookups = 0;
    const { proxy } = cachingProxy(upstream, {
      resolveAccessToken: () => {
        lookups += 1;
        return 'user-token';
      },
    });

    await proxy(clientRequest('/integrations/wms', { headers: { 'x-request-id': 'client-1', cookie: 'a=b' } }));

    const sent = upstream.calls[0]!.headers;
    expect(sent.get('x-trackstar-api-key')).toBe('server-side-api-key');
    expect(sent.has('x-trackstar-access-token')).toBe(false);
    expect(sent.has('x-request-id')).toBe(false);
    expect(lookups).toBe(0);
  });

  it('does not cache write-info or meta, which depend on the connection', async () => {
    const upstream = createFakeUpstream();
    const { proxy } = cachingProxy(upstream);

    for (const path of ['/integrations/wms/ShipHero/write-info', '/wms/orders/meta?method=POST']) {
      await proxy(clientRequest(path));
      await proxy(clientRequest(path));
    }

    expect(upstream.calls).toHaveLength(4);
  });
});
