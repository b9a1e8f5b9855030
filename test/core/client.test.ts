// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { TrackstarApiError } from '../../src/core/api-error';
import { createTrackstarClient, joinUrl } from '../../src/core/client';

function json(body: unknown, init: ResponseInit = {}) {
  return new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'content-type': 'application/json', ...init.headers } });
}

describe('createTrackstarClient', () => {
  it('joins relative and absolute base URLs with paths and queries', () => {
    expect(joinUrl('/api/trackstar/', '/wms/orders/meta', { method: 'POST', skip: undefined })).toBe('/api/trackstar/wms/orders/meta?method=POST');
    expect(joinUrl('https://example.test/proxy', 'integrations/wms')).toBe('https://example.test/proxy/integrations/wms');
  });

  it('sends host headers, JSON bodies and the idempotency key through the given fetch', async () => {
    const fetch = vi.fn(async (_input: string, _init: RequestInit) =>
      json({ id: 'ord_9', data: { id: 'ord_9' }, unused_fields: ['carrier', ''] }, { headers: { 'idempotent-replayed': 'true', 'x-request-id': 'req_5' } }),
    );
    const client = createTrackstarClient({ baseUrl: '/api/trackstar', fetch, headers: async () => ({ 'x-tenant': 't1' }) });
    const result = await client.write({ method: 'POST', path: '/wms/orders', body: { order_number: '1' }, idempotencyKey: 'key-1' });
    expect(result).toEqual({ id: 'ord_9', data: { id: 'ord_9' }, unusedFields: ['carrier'], replayed: true, requestId: 'req_5', status: 200 });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/trackstar/wms/orders');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"order_number":"1"}');
    expect(init.headers).toMatchObject({ 'x-tenant': 't1', 'content-type': 'application/json', 'idempotency-key': 'key-1' });
  });

  it('turns a failed fetch into a network error and a hung one into a timeout', async () => {
    const offline = createTrackstarClient({ baseUrl: '', fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(offline.getIntegration('wms', 'x')).rejects.toMatchObject({ origin: 'network', kind: 'network', status: 0 });

    const hung = createTrackstarClient({
      baseUrl: '',
      timeoutMs: 20,
      fetch: (_input, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    });
    await expect(hung.getWriteInfo('wms', 'x')).rejects.toMatchObject({ kind: 'timeout', origin: 'network' });
  });

  it('rethrows the caller’s own abort instead of reporting a network failure', async () => {
    const controller = new AbortController();
    const client = createTrackstarClient({
      baseUrl: '',
      fetch: (_input, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    });
    const pending = client.getIntegration('wms', 'x', controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reads an integration from the {data: [...]} envelope and rejects non-objects', async () => {
    const client = createTrackstarClient({
      baseUrl: '',
      fetch: async (input) =>
        input.endsWith('/integrations/wms/bluefin')
          ? json({ data: [{ integration_name: 'bluefin', display_name: 'Bluefin WMS', write_operations: [], available_actions: [] }] })
          : json([1, 2]),
    });
    expect((await client.getIntegration('wms', 'bluefin')).display_name).toBe('Bluefin WMS');
    const error = await client.getMetaSchema('wms', 'orders', { method: 'POST' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TrackstarApiError);
    expect((error as TrackstarApiError).kind).toBe('invalid-response');
  });

  it('asks for the integration-level /meta when given an integration name', async () => {
    const fetch = vi.fn(async () => json({ $ref: '#/definitions/X', definitions: {} }));
    const client = createTrackstarClient({ baseUrl: '/p', fetch });
    await client.getMetaSchema('wms', 'inbound-shipments', { method: 'PUT', integrationName: 'bluefin' });
    await client.getMetaSchema('wms', 'inbound-shipments', { method: 'POST' });
    expect(fetch.mock.calls.map((call) => (call as unknown as [string])[0])).toEqual([
      '/p/wms/inbound-shipments/meta/bluefin?method=PUT',
      '/p/wms/inbound-shipments/meta?method=POST',
    ]);
  });
});
