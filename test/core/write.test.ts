// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { MissingPathParamError, fillPathTemplate, parseOperationUrl } from '../../src/core/actions';
import { TrackstarApiError } from '../../src/core/api-error';
import { createTrackstarClient } from '../../src/core/client';
import { canonicalJson, createIdempotencyKey, createIdempotencyKeyStore } from '../../src/core/idempotency';
import { performWrite } from '../../src/core/write';

type Answer = { status: number; body: unknown; headers?: Record<string, string> } | 'offline';

/** A fake Trackstar that answers from a script and records what it was sent. */
function scriptedApi(answers: Answer[]) {
  const requests: Array<{ url: string; key: string | undefined; body: unknown }> = [];
  const client = createTrackstarClient({
    baseUrl: '/api',
    fetch: async (url, init) => {
      const headers = init.headers as Record<string, string>;
      requests.push({ url, key: headers['idempotency-key'], body: JSON.parse(String(init.body)) });
      const answer = answers.shift() ?? { status: 200, body: { id: 'x', data: {}, unused_fields: [] } };
      if (answer === 'offline') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
    },
  });
  return { client, requests };
}

const operation = { method: 'POST' as const, pathTemplate: '/wms/orders' };
const ok = { status: 200, body: { id: 'ord_1', data: { id: 'ord_1' }, unused_fields: [] } };

describe('path templates', () => {
  it('fills and encodes params, and refuses to guess a missing one', () => {
    expect(fillPathTemplate('/wms/orders/{order_id}/shipments', { order_id: 'ord 1/2' })).toBe('/wms/orders/ord%201%2F2/shipments');
    expect(() => fillPathTemplate('/wms/orders/{order_id}', {})).toThrow(MissingPathParamError);
    expect(() => fillPathTemplate('/wms/orders/{order_id}', { order_id: '  ' })).toThrow(/"order_id"/);
    expect(parseOperationUrl('PUT /wms/kits/{kit_id}')).toEqual({ method: 'PUT', path: '/wms/kits/{kit_id}' });
    expect(parseOperationUrl('GET /x')).toBeUndefined();
  });
});

describe('idempotency keys', () => {
  it('creates v4 UUIDs, also where crypto.randomUUID is missing', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(createIdempotencyKey()).toMatch(uuid);
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(createIdempotencyKey()).toMatch(uuid);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true });
    }
  });

  it('compares bodies regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });

  it('reuses the key for the same write until it succeeds', () => {
    const store = createIdempotencyKeyStore();
    const first = store.keyFor('POST /x {"a":1}');
    expect(store.keyFor('POST /x {"a":1}')).toBe(first);
    const changed = store.keyFor('POST /x {"a":2}');
    expect(changed).not.toBe(first);
    store.complete();
    expect(store.keyFor('POST /x {"a":2}')).not.toBe(changed);
  });
});

describe('performWrite', () => {
  it('sends the stripped body and throws on a missing path param before any request', async () => {
    const { client, requests } = scriptedApi([ok]);
    const keys = createIdempotencyKeyStore();
    await expect(performWrite({ client, operation: { method: 'PUT', pathTemplate: '/wms/orders/{order_id}' }, formData: {}, keys })).rejects.toThrow(MissingPathParamError);
    expect(requests).toHaveLength(0);
    const result = await performWrite({ client, operation, formData: { order_number: '1', notes: '', gift: false, line_items: [{ sku: '' }] }, keys });
    expect(requests[0]!.body).toEqual({ order_number: '1', gift: false });
    expect(result.body).toEqual({ order_number: '1', gift: false });
  });

  it.each([
    ['a lost connection', 'offline' as const],
    ['a 5xx', { status: 503, body: { error: 'busy', origin: 'trackstar' } }],
    ['a 409 in flight', { status: 409, body: { error: 'still running', origin: 'trackstar' } }],
  ])('reuses the key after %s, then uses a new one after success', async (_label, failure) => {
    const { client, requests } = scriptedApi([failure, ok, ok]);
    const keys = createIdempotencyKeyStore();
    const body = { order_number: '1' };
    await expect(performWrite({ client, operation, formData: body, keys })).rejects.toBeInstanceOf(TrackstarApiError);
    await performWrite({ client, operation, formData: { ...body }, keys });
    await performWrite({ client, operation, formData: body, keys });
    expect(requests[1]!.key).toBe(requests[0]!.key);
    expect(requests[2]!.key).not.toBe(requests[1]!.key);
  });

  it('uses a new key once the body changed after a failure', async () => {
    const { client, requests } = scriptedApi(['offline', ok]);
    const keys = createIdempotencyKeyStore();
    await performWrite({ client, operation, formData: { order_number: '1' }, keys }).catch(() => undefined);
    await performWrite({ client, operation, formData: { order_number: '2' }, keys });
    expect(requests[1]!.key).not.toBe(requests[0]!.key);
  });

  it('waits out one 429 and retries with the same key, then reports a second one', async () => {
    const limited = { status: 429, body: { error: 'slow down', origin: 'trackstar' }, headers: { 'retry-after': '3' } };
    const sleep = vi.fn(async () => undefined);
    const onRateLimited = vi.fn();
    const first = scriptedApi([limited, ok]);
    await performWrite({ client: first.client, operation, formData: { a: 1 }, keys: createIdempotencyKeyStore(), sleep, onRateLimited });
    expect(sleep).toHaveBeenCalledWith(3000, undefined);
    expect(onRateLimited).toHaveBeenCalledWith(3);
    expect(first.requests.map((request) => request.key)).toEqual([first.requests[0]!.key, first.requests[0]!.key]);

    const second = scriptedApi([limited, limited, ok]);
    await expect(performWrite({ client: second.client, operation, formData: { a: 1 }, keys: createIdempotencyKeyStore(), sleep })).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(second.requests).toHaveLength(2);
  });

  it('never retries other failures on its own', async () => {
    const { client, requests } = scriptedApi([{ status: 500, body: { error: 'boom', origin: 'trackstar' } }, ok]);
    await expect(performWrite({ client, operation, formData: { a: 1 }, keys: createIdempotencyKeyStore() })).rejects.toMatchObject({ kind: 'server' });
    expect(requests).toHaveLength(1);
  });
});
