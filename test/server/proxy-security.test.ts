// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { WRITE_ACTIONS, fillPathTemplate, pathParamNames } from '../../src/core/actions';
import { createTrackstarProxy, type TrackstarProxyOptions } from '../../src/server';
import { UPSTREAM, clientRequest, createFakeUpstream, type FakeUpstream } from './fake-upstream';

const API_KEY = 'server-side-api-key';

function proxyWith(upstream: FakeUpstream, options: Partial<TrackstarProxyOptions> = {}) {
  return createTrackstarProxy({ apiKey: API_KEY, upstream: UPSTREAM, fetch: upstream.fetch, ...options });
}

describe('createTrackstarProxy: configuration', () => {
  it.each(['', '   '])('refuses to start without an API key (%j)', (apiKey) => {
    expect(() => createTrackstarProxy({ apiKey })).toThrow(/apiKey is required/);
  });

  it('refuses an upstream that is not an absolute URL', () => {
    expect(() => createTrackstarProxy({ apiKey: API_KEY, upstream: 'trackstarhq.com' })).toThrow(
      /upstream must be an absolute URL/,
    );
  });

  it('refuses a basePath without a leading slash', () => {
    expect(() => createTrackstarProxy({ apiKey: API_KEY, basePath: 'api/trackstar' })).toThrow(/basePath must start with "\/"/);
  });

  it('defaults to the production Trackstar API through globalThis.fetch', async () => {
    const upstream = createFakeUpstream();
    const originalFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => upstream.fetch(new Request(input, init));
    try {
      await createTrackstarProxy({ apiKey: API_KEY })(clientRequest('/wms/orders', { method: 'POST', body: '{}' }));
    } finally {
      globalThis.fetch = originalFetch;
    }
    expect(upstream.calls[0]?.url.href).toBe('https://production.trackstarhq.com/wms/orders');
  });
});

describe('createTrackstarProxy: credentials', () => {
  it('adds the API key server-side and drops every client-sent credential', async () => {
    const upstream = createFakeUpstream();
    const proxy = proxyWith(upstream);

    await proxy(
      clientRequest('/wms/orders', {
        method: 'POST',
        body: '{}',
        headers: {
          'content-type': 'application/json',
          'x-trackstar-api-key': 'key-from-the-browser',
          'x-trackstar-access-token': 'token-from-the-browser',
          'x-trackstar-anything': 'else',
          cookie: 'session=abc',
          authorization: 'Bearer abc',
          'x-forwarded-for': '10.0.0.1',
        },
      }),
    );

    const sent = upstream.calls[0]!.headers;
    expect(sent.get('x-trackstar-api-key')).toBe(API_KEY);
    expect(sent.has('x-trackstar-access-token')).toBe(false);
    expect(sent.has('x-trackstar-anything')).toBe(false);
    expect(sent.has('cookie')).toBe(false);
    expect(sent.has('authorization')).toBe(false);
    expect(sent.has('x-forwarded-for')).toBe(false);
    expect(sent.get('content-type')).toBe('application/json');
  });

  it('adds the access token that resolveAccessToken looks up for the request', async () => {
    const upstream = createFakeUpstream();
    const seenCookies: Array<string | null> = [];
    const proxy = proxyWith(upstream, {
      resolveAccessToken: async (request) => {
        seenCookies.push(request.headers.get('cookie'));
        return 'access-token-from-session';
      },
    });

    await proxy(
      clientRequest('/wms/orders/o-1', {
        method: 'PUT',
        body: '{}',
        headers: { cookie: 'session=abc', 'x-trackstar-access-token': 'forged' },
      }),
    );

    expect(seenCookies).toEqual(['session=abc']);
    expect(upstream.calls[0]!.headers.get('x-trackstar-access-token')).toBe('access-token-from-session');
  });

  it.each([null, undefined, ''])('sends no access token when resolveAccessToken returns %j', async (token) => {
    const upstream = createFakeUpstream();
    await proxyWith(upstream, { resolveAccessToken: () => token })(clientRequest('/integrations/wms/ShipHero/write-info'));
    expect(upstream.calls[0]!.headers.has('x-trackstar-access-token')).toBe(false);
  });

  it('lets an error thrown by resolveAccessToken reach the host, without calling upstream', async () => {
    const upstream = createFakeUpstream();
    const proxy = proxyWith(upstream, {
      resolveAccessToken: () => {
        throw new Error('database down');
      },
    });
    await expect(proxy(clientRequest('/wms/returns', { method: 'POST', body: '{}' }))).rejects.toThrow('database down');
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('createTrackstarProxy: allowlist', () => {
  it('forwards the read endpoints the library uses, with their documented query parameter', async () => {
    const upstream = createFakeUpstream();
    const proxy = proxyWith(upstream);
    const paths = [
      '/integrations/wms/ShipHero/write-info',
      '/wms/orders/meta?method=POST',
      '/wms/inbound-shipments/meta/ShipHero?method=PUT',
      '/wms/kits/meta',
    ];
    for (const path of paths) expect((await proxy(clientRequest(path))).status).toBe(200);
    expect(upstream.calls.map((call) => `${call.method} ${call.url.pathname}${call.url.search}`)).toEqual(
      paths.map((path) => `GET ${path}`),
    );
  });

  it.each(Object.values(WRITE_ACTIONS))('forwards $method $path ($action)', async ({ method, path }) => {
    const upstream = createFakeUpstream();
    const filledPath = fillPathTemplate(path, Object.fromEntries(pathParamNames(path).map((name) => [name, 'id-1'])));

    const response = await proxyWith(upstream)(clientRequest(filledPath, { method, body: '{"a":1}' }));

    expect(response.status).toBe(200);
    expect(upstream.calls.map((call) => `${call.method} ${call.url.href}`)).toEqual([`${method} ${UPSTREAM}${filledPath}`]);
  });

  it.each([
    ['GET', '/wms/inventory'],
    ['POST', '/link/token'],
    ['POST', '/link/exchange'],
    ['GET', '/integrations/erp'],
    ['GET', '/integrations'],
    ['GET', '/wms/connections'],
    ['GET', '/wms/warehouses/meta'],
    ['DELETE', '/wms/orders/o-1/cancel'],
    ['POST', '/wms/orders/o-1/shipments/extra'],
    ['PUT', '/wms/orders/'],
    ['POST', '/wms/orders//shipments'],
    ['GET', '/'],
  ])('answers %s %s with 404 JSON without contacting upstream', async (method, path) => {
    const upstream = createFakeUpstream();
    const response = await proxyWith(upstream)(clientRequest(path, { method }));

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: expect.stringContaining(path), origin: 'proxy' });
    expect(upstream.calls).toHaveLength(0);
  });

  it.each([
    ['encoded slash', '/wms/orders/..%2Fconnections', 400],
    ['encoded backslash', '/wms/orders/a%5Cb', 400],
    ['malformed escape', '/wms/orders/%E0%A4%A', 400],
    ['control character', '/wms/orders/a%0Ab', 400],
    // The URL parser resolves these before the proxy sees them; they land off the allowlist.
    ['dot segments', '/wms/orders/../../link/token', 404],
    ['encoded dot segments', '/wms/orders/%2e%2e/%2E%2E/link/token', 404],
  ])('refuses path traversal (%s) without contacting upstream', async (_, path, status) => {
    const upstream = createFakeUpstream();
    const response = await proxyWith(upstream)(clientRequest(path, { method: 'PUT', body: '{}' }));

    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ origin: 'proxy' });
    expect(upstream.calls).toHaveLength(0);
  });

  it('re-encodes path parameters so the upstream URL is exactly the matched template', async () => {
    const upstream = createFakeUpstream();
    await proxyWith(upstream)(clientRequest('/wms/orders/A%20B%3F%23/shipments', { method: 'POST', body: '{}' }));
    expect(upstream.calls[0]!.url.pathname).toBe('/wms/orders/A%20B%3F%23/shipments');
  });

  it.each([
    ['GET', '/wms/orders', 'POST'],
    ['GET', '/wms/inventory/i-1/adjust', 'PUT'],
    ['PUT', '/wms/orders', 'POST'],
    ['POST', '/integrations/wms', 'GET'],
    ['DELETE', '/wms/inbound-shipments/i-1/receive', 'PUT'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allowed) => {
    const upstream = createFakeUpstream();
    const response = await proxyWith(upstream)(clientRequest(path, { method }));

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allowed);
    expect(await response.json()).toEqual({ error: expect.stringContaining(`use ${allowed.split(', ').join(' or ')}`), origin: 'proxy' });
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('createTrackstarProxy: basePath', () => {
  it('strips the mount prefix before matching and forwarding', async () => {
    const upstream = createFakeUpstream();
    const proxy = proxyWith(upstream, { basePath: '/api/trackstar/' });

    const response = await proxy(clientRequest('/api/trackstar/wms/orders/meta?method=POST'));

    expect(response.status).toBe(200);
    expect(upstream.calls[0]!.url.href).toBe(`${UPSTREAM}/wms/orders/meta?method=POST`);
  });

  it.each(['/wms/orders/meta', '/api/trackstarx/wms/orders/meta', '/api/trackstar/../wms/orders/meta', '/api/trackstar'])(
    'answers 404 for %s, which is not below the mount prefix',
    async (path) => {
      const upstream = createFakeUpstream();
      const response = await proxyWith(upstream, { basePath: '/api/trackstar' })(clientRequest(path));
      expect(response.status).toBe(404);
      expect(upstream.calls).toHaveLength(0);
    },
  );

  it('keeps a path prefix on the upstream URL', async () => {
    const upstream = createFakeUpstream();
    const proxy = proxyWith(upstream, { upstream: 'http://sandbox.test/trackstar/' });
    await proxy(clientRequest('/wms/kits', { method: 'POST', body: '{}' }));
    expect(upstream.calls[0]!.url.href).toBe('http://sandbox.test/trackstar/wms/kits');
  });
});
