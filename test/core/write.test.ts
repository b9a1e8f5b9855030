// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { MissingPathParamError, fillPathTemplate, parseOperationUrl } from '../../src/core/actions';
import { TrackstarApiError } from '../../src/core/api-error';
import { createTrackstarClient } from '../../src/core/client';
import { canonicalJson, createIdempotencyKey } from '../../src/core/idempotency';
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
      const text = typeof answer.body === 'string' || answer.body === undefined ? answer.body : JSON.stringify(answer.body);
      return new Response(text, { status: answer.status, headers: answer.headers });
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
});

describe('performWrite', () => {
  it('sends the body under the key it is given, and throws on a missing path param before any request', async () => {
    const { client, requests } = scriptedApi([ok]);
    await expect(
      performWrite({ client, operation: { method: 'PUT', pathTemplate: '/wms/orders/{order_id}' }, body: {}, idempotencyKey: 'k1' }),
    ).rejects.toThrow(MissingPathParamError);
    expect(requests).toHaveLength(0);
    const result = await performWrite({ client, operation, body: { order_number: '1', gift: false }, idempotencyKey: 'k1' });
    expect(requests[0]).toMatchObject({ key: 'k1', body: { order_number: '1', gift: false } });
    expect(result).toMatchObject({ id: 'ord_1', body: { order_number: '1', gift: false }, path: '/wms/orders', idempotencyKey: 'k1' });
  });

  it('waits out one 429 and retries with the same key, then reports a second one', async () => {
    const limited = { status: 429, body: { error: 'slow down', origin: 'trackstar' }, headers: { 'retry-after': '3' } };
    const sleep = vi.fn(async () => undefined);
    const onRateLimited = vi.fn();
    const first = scriptedApi([limited, ok]);
    await performWrite({ client: first.client, operation, body: { a: 1 }, idempotencyKey: 'k', sleep, onRateLimited });
    expect(sleep).toHaveBeenCalledWith(3000, undefined);
    expect(onRateLimited).toHaveBeenCalledWith(3);
    expect(first.requests.map((request) => request.key)).toEqual(['k', 'k']);

    const second = scriptedApi([limited, limited, ok]);
    await expect(performWrite({ client: second.client, operation, body: { a: 1 }, idempotencyKey: 'k', sleep })).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(second.requests).toHaveLength(2);
  });

  it('never retries other failures on its own', async () => {
    const { client, requests } = scriptedApi([{ status: 500, body: { error: 'boom', origin: 'trackstar' } }, ok]);
    await expect(performWrite({ client, operation, body: { a: 1 }, idempotencyKey: 'k' })).rejects.toMatchObject({ kind: 'server' });
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['a login page', { status: 200, body: '<html><title>Sign in</title></html>' }],
    ['OK', { status: 200, body: 'OK' }],
    ['an empty body', { status: 204, body: undefined }],
    ['an empty object', { status: 200, body: {} }],
    ['an array', { status: 200, body: [1] }],
  ])('treats a 2xx with %s as an unreadable answer, not a success', async (_label, answer) => {
    const { client } = scriptedApi([answer as Answer]);
    const failure = await performWrite({ client, operation, body: { a: 1 }, idempotencyKey: 'k' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TrackstarApiError);
    expect(failure).toMatchObject({ kind: 'invalid-response', outcomeUncertain: true, retryable: true });
  });
});
