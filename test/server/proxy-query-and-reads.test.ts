// @vitest-environment node
/**
 * Issue 8 (query strings forwarded verbatim) and issue 10 (prefill reads, basePath
 * hints): what reaches Trackstar is the matched route and its documented parameters.
 */
import { describe, expect, it } from 'vitest';

import { WRITE_ACTIONS } from '../../src/core/actions';
import { createTrackstarProxy, type TrackstarProxyOptions } from '../../src/server';
import { UPSTREAM, clientRequest, createFakeUpstream, type FakeUpstream } from './fake-upstream';

function proxyWith(upstream: FakeUpstream, options: Partial<TrackstarProxyOptions> = {}) {
  return createTrackstarProxy({
    apiKey: 'server-side-api-key',
    upstream: UPSTREAM,
    fetch: upstream.fetch,
    resolveAccessToken: () => 'connection-token',
    ...options,
  });
}

const sentUrl = (upstream: FakeUpstream) => upstream.calls.map((call) => `${call.method} ${call.url.pathname}${call.url.search}`);

describe('createTrackstarProxy: query parameters', () => {
  it.each([
    ['POST', '/wms/orders?dry_run=true&limit=5', '/wms/orders'],
    ['PUT', '/wms/orders/o-1?upsert=1', '/wms/orders/o-1'],
    ['POST', '/wms/orders/o-1/shipments?x=1', '/wms/orders/o-1/shipments'],
    ['GET', '/integrations/wms/shiphero/write-info?expand=all', '/integrations/wms/shiphero/write-info'],
    ['GET', '/wms/orders/o-1?fields=secret', '/wms/orders/o-1'],
  ])('drops undocumented parameters of %s %s', async (method, path, forwarded) => {
    const upstream = createFakeUpstream();
    const response = await proxyWith(upstream)(clientRequest(path, { method, body: method === 'GET' ? undefined : '{}' }));

    expect(response.status).toBe(200);
    expect(sentUrl(upstream)).toEqual([`${method} ${forwarded}`]);
  });

  it('forwards /meta?method= alone, once, whatever else the client adds', async () => {
    const upstream = createFakeUpstream();
    const proxy = proxyWith(upstream);

    await proxy(clientRequest('/wms/orders/meta?extra=1&method=PUT&method=POST'));
    await proxy(clientRequest('/wms/returns/meta/shiphero?method=POST&integration_name=other'));
    await proxy(clientRequest('/wms/kits/meta'));

    expect(sentUrl(upstream)).toEqual([
      'GET /wms/orders/meta?method=PUT',
      'GET /wms/returns/meta/shiphero?method=POST',
      'GET /wms/kits/meta',
    ]);
  });
});

describe('createTrackstarProxy: prefill reads of update actions', () => {
  const updateRecords = Object.values(WRITE_ACTIONS)
    .filter((action) => action.method === 'PUT' && /^\/\w+\/[\w-]+\/\{\w+\}$/.test(action.path))
    .map((action) => action.path);

  it('derives exactly the orders, returns, inbound shipments, kits and products reads from the catalogue', () => {
    expect(updateRecords.sort()).toEqual([
      '/wms/inbound-shipments/{inbound_shipment_id}',
      '/wms/kits/{kit_id}',
      '/wms/orders/{order_id}',
      '/wms/products/{product_id}',
      '/wms/returns/{return_id}',
    ]);
  });

  it.each(['/wms/orders/ord_1', '/wms/returns/ret_1', '/wms/inbound-shipments/ibs_1', '/wms/kits/kit_1', '/wms/products/prod_1'])(
    'forwards GET %s with the connection’s token',
    async (path) => {
      const upstream = createFakeUpstream(() => Response.json({ data: { id: 'x' } }));
      const response = await proxyWith(upstream)(clientRequest(path, { headers: { cookie: 'session=1' } }));

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { id: 'x' } });
      expect(sentUrl(upstream)).toEqual([`GET ${path}`]);
      expect(upstream.calls[0]!.headers.get('x-trackstar-access-token')).toBe('connection-token');
      expect(upstream.calls[0]!.headers.get('x-trackstar-api-key')).toBe('server-side-api-key');
    },
  );

  it.each([
    ['/wms/inventory/inv_1', 404],
    ['/cart/products/prod_1', 404],
    ['/wms/orders', 405],
    ['/wms/orders/ord_1/shipments', 405],
    ['/wms/inbound-shipments/ibs_1/receive', 405],
    ['/wms/warehouses/wh_1', 404],
  ])('does not read %s (no update action changes it)', async (path, status) => {
    const upstream = createFakeUpstream();
    const response = await proxyWith(upstream)(clientRequest(path));
    expect(response.status).toBe(status);
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('createTrackstarProxy: basePath hints', () => {
  it('names the configured basePath and what arrived when the framework stripped the prefix', async () => {
    const upstream = createFakeUpstream();
    const response = await proxyWith(upstream, { basePath: '/api/trackstar' })(clientRequest('/wms/orders', { method: 'POST', body: '{}' }));

    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: string };
    expect(error).toContain('POST /wms/orders');
    expect(error).toContain('basePath "/api/trackstar"');
    expect(error).toContain('leave basePath unset');
    expect(upstream.calls).toHaveLength(0);
  });

  it('suggests the basePath when the prefix arrived but none is configured', async () => {
    const upstream = createFakeUpstream();
    const response = await proxyWith(upstream)(clientRequest('/api/trackstar/integrations/wms'));

    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: string };
    expect(error).toContain('GET /api/trackstar/integrations/wms');
    expect(error).toContain('set basePath to "/api/trackstar"');
  });

  it('suggests the longer basePath when only part of the prefix is configured', async () => {
    const upstream = createFakeUpstream();
    const response = await proxyWith(upstream, { basePath: '/api' })(clientRequest('/api/trackstar/wms/orders/meta?method=POST'));

    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain('set basePath to "/api/trackstar"');
  });

  it('says only what arrived for a path that is no endpoint at all', async () => {
    const upstream = createFakeUpstream();
    const response = await proxyWith(upstream, { basePath: '/api/trackstar' })(clientRequest('/api/trackstar/nothing/here'));
    const { error } = (await response.json()) as { error: string };
    expect(error).toBe('GET /api/trackstar/nothing/here is not a Trackstar endpoint this proxy forwards.');
  });
});
