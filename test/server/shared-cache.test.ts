// @vitest-environment node
/**
 * Several proxy instances sharing one `/integrations` cache: at most one upstream call
 * per key and minute between them, concurrent misses included (the lease row).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SANDBOX_API_KEY, createSandbox } from '../../src/sandbox';
import {
  type ResponseCacheStore,
  createMemoryResponseCacheStore,
  createSqlResponseCacheStore,
  createTrackstarProxy,
  migrate,
} from '../../src/server';
import { DATABASE_KINDS, DATABASE_TIMEOUT_MS, POSTGRES_SKIP_REASON } from './databases';
import { clientRequest } from './fake-upstream';

/** A sandbox with Trackstar's one-call-a-minute limit on, and a count of the calls that reached it. */
function countingSandbox(latencyMs = 0) {
  const sandbox = createSandbox();
  const calls: string[] = [];
  const fetch = async (request: Request) => {
    calls.push(new URL(request.url).pathname);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return sandbox.fetch(request);
  };
  return { calls, fetch };
}

function instance(store: ResponseCacheStore, fetch: (request: Request) => Promise<Response>, options: { now?: () => number; upstreamTimeoutMs?: number } = {}) {
  return createTrackstarProxy({ apiKey: SANDBOX_API_KEY, upstream: 'http://sandbox.test', fetch, integrationsCache: store, ...options });
}

const stores: Array<{ name: string; skip: boolean; open: () => Promise<{ stores: [ResponseCacheStore, ResponseCacheStore]; close: () => Promise<void> }> }> = [
  {
    name: 'one in-memory store object',
    skip: false,
    open: async () => {
      const store = createMemoryResponseCacheStore();
      return { stores: [store, store], close: async () => undefined };
    },
  },
  ...DATABASE_KINDS.map((kind) => ({
    name: `${kind.name} (two connections)`,
    skip: kind.skip,
    open: async () => {
      const handle = await kind.create();
      await migrate(handle.database);
      const second = await handle.connect();
      return {
        stores: [createSqlResponseCacheStore(handle.database), createSqlResponseCacheStore(second)] as [ResponseCacheStore, ResponseCacheStore],
        close: () => handle.drop(),
      };
    },
  })),
];

describe.each(stores)('two proxy instances sharing $name', (variant) => {
  if (variant.skip) {
    it.skip(POSTGRES_SKIP_REASON, () => undefined);
    return;
  }
  let shared: Awaited<ReturnType<typeof variant.open>>;
  beforeAll(async () => {
    shared = await variant.open();
  }, DATABASE_TIMEOUT_MS);
  afterAll(() => shared?.close());

  it('make one upstream call for concurrent misses on both, and all answers are the same 200', async () => {
    const upstream = countingSandbox(50);
    const [a, b] = shared.stores.map((store) => instance(store, upstream.fetch));
    const responses = await Promise.all([a!, b!, a!, b!, b!].map((proxy) => proxy(clientRequest('/integrations/wms?bust=' + Math.random()))));

    expect(upstream.calls).toEqual(['/integrations/wms']);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1);

    // Later requests within the minute, on either instance, come from the shared entry.
    expect((await b!(clientRequest('/integrations/wms'))).status).toBe(200);
    expect((await a!(clientRequest('/integrations/wms'))).status).toBe(200);
    expect(upstream.calls).toHaveLength(1);
  });

  it('share a failure with the requests that waited for it, and ask again afterwards', async () => {
    let status = 503;
    const calls: string[] = [];
    const fetch = async (request: Request) => {
      calls.push(new URL(request.url).pathname);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return Response.json({ error: 'down', origin: 'trackstar' }, { status });
    };
    const [a, b] = shared.stores.map((store) => instance(store, fetch));
    const statuses = (await Promise.all([a!(clientRequest('/integrations/cart')), b!(clientRequest('/integrations/cart'))])).map((r) => r.status);
    expect(statuses).toEqual([503, 503]);
    expect(calls).toHaveLength(1);

    status = 200;
    expect((await b!(clientRequest('/integrations/cart'))).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it('take over a lease whose holder vanished once it expires', async () => {
    const [storeA] = shared.stores;
    // An instance that took the lease and died: nobody will ever release it.
    await storeA.acquireLease('/integrations/wms/ghost', 'dead-instance', Date.now(), Date.now() + 300);
    const upstream = countingSandbox();
    const proxy = instance(shared.stores[1], upstream.fetch);

    const response = await proxy(clientRequest('/integrations/wms/ghost'));
    expect(response.status).toBe(404);
    expect(upstream.calls).toEqual(['/integrations/wms/ghost']);
  });
});
