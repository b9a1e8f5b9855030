// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { createTrackstarProxy, type TrackstarProxyOptions } from '../../src/server';
import { UPSTREAM, clientRequest, createFakeUpstream, type FakeResponder, type FakeUpstream } from './fake-upstream';

function proxyWith(upstream: FakeUpstream, options: Partial<TrackstarProxyOptions> = {}) {
  return createTrackstarProxy({ apiKey: 'server-side-api-key', upstream: UPSTREAM, fetch: upstream.fetch, ...options });
}

/** A body sent as a stream, so no content-length tells the proxy its size in advance. */
function streamedBody(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('createTrackstarProxy: write requests', () => {
  it('forwards a write with path parameters, its body byte for byte and its upstream answer', async () => {
    const body = JSON.stringify({ warehouse_id: 'w-1', line_items: [{ sku: 'SKU-ü', quantity: 2 }], note: '' });
    const answer = { data: { id: 's-9' }, id: 's-9', unused_fields: ['note'] };
    const upstream = createFakeUpstream(() => Response.json(answer, { status: 201 }));

    const response = await proxyWith(upstream)(
      clientRequest('/wms/inbound-shipments/IS-42/receive', {
        method: 'PUT',
        body,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
      }),
    );

    expect(upstream.calls).toHaveLength(1);
    const call = upstream.calls[0]!;
    expect(`${call.method} ${call.url.href}`).toBe(`PUT ${UPSTREAM}/wms/inbound-shipments/IS-42/receive`);
    expect(call.body).toBe(body);
    expect(call.headers.get('content-type')).toBe('application/json');
    expect(call.headers.get('accept')).toBe('application/json');
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual(answer);
  });

  it('passes Trackstar errors back with their status and body', async () => {
    const error = { error: 'Validation failed', origin: 'trackstar', detail: { body: { sku: ['required'] } } };
    const upstream = createFakeUpstream(() => Response.json(error, { status: 422 }));

    const response = await proxyWith(upstream)(clientRequest('/wms/products', { method: 'POST', body: '{}' }));

    expect(response.status).toBe(422);
    expect(await response.json()).toEqual(error);
  });

  it('passes an empty upstream answer back without a body', async () => {
    const upstream = createFakeUpstream(() => new Response(null, { status: 204 }));
    const response = await proxyWith(upstream)(clientRequest('/wms/kits/k-1', { method: 'PUT', body: '{}' }));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });
});

describe('createTrackstarProxy: headers', () => {
  const upstreamHeaders: Record<string, string> = {
    'content-type': 'application/json',
    'x-request-id': 'req-upstream-1',
    'idempotency-key': 'idem-1',
    'idempotent-replayed': 'true',
    'retry-after': '30',
    'x-ratelimit-limit': '10',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': '1700000000',
    'set-cookie': 'trackstar_session=secret; HttpOnly',
    server: 'trackstar-internal',
    'x-internal-trace': 'abc',
  };
  const respondWithHeaders: FakeResponder = () => new Response('{"error":"slow down"}', { status: 429, headers: upstreamHeaders });

  it('forwards Idempotency-Key and X-Request-Id to Trackstar', async () => {
    const upstream = createFakeUpstream();
    await proxyWith(upstream)(
      clientRequest('/wms/orders', {
        method: 'POST',
        body: '{}',
        headers: { 'Idempotency-Key': 'idem-1', 'X-Request-Id': 'req-client-1', 'user-agent': 'browser' },
      }),
    );

    const sent = upstream.calls[0]!.headers;
    expect(sent.get('idempotency-key')).toBe('idem-1');
    expect(sent.get('x-request-id')).toBe('req-client-1');
    expect(sent.has('user-agent')).toBe(false);
  });

  it('passes back the request, idempotency and rate-limit headers and nothing else', async () => {
    const upstream = createFakeUpstream(respondWithHeaders);
    const response = await proxyWith(upstream)(clientRequest('/wms/orders', { method: 'POST', body: '{}' }));

    expect(response.status).toBe(429);
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'application/json',
      'x-request-id': 'req-upstream-1',
      'idempotency-key': 'idem-1',
      'idempotent-replayed': 'true',
      'retry-after': '30',
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1700000000',
    });
    expect(response.headers.has('set-cookie')).toBe(false);
  });
});

describe('createTrackstarProxy: request body limit', () => {
  it('answers 413 from a declared content-length alone, without reading or forwarding the body', async () => {
    const upstream = createFakeUpstream();
    const response = await proxyWith(upstream, { maxBodyBytes: 10 })(
      clientRequest('/wms/orders', { method: 'POST', body: '{}', headers: { 'content-length': '5000000' } }),
    );

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: expect.stringContaining('10-byte limit'), origin: 'proxy' });
    expect(upstream.calls).toHaveLength(0);
  });

  it('answers 413 when a body without content-length grows past the limit while being read', async () => {
    const upstream = createFakeUpstream();
    const request = clientRequest('/wms/orders', {
      method: 'POST',
      body: streamedBody(['{"a":', '"0123456789"}']),
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.has('content-length')).toBe(false);

    const response = await proxyWith(upstream, { maxBodyBytes: 10 })(request);

    expect(response.status).toBe(413);
    expect(upstream.calls).toHaveLength(0);
  });

  it('accepts a streamed body of exactly the limit', async () => {
    const upstream = createFakeUpstream();
    const request = clientRequest('/wms/orders', {
      method: 'POST',
      body: streamedBody(['{"a":', '12345}']),
      duplex: 'half',
    } as RequestInit);

    const response = await proxyWith(upstream, { maxBodyBytes: 11 })(request);

    expect(response.status).toBe(200);
    expect(upstream.calls[0]!.body).toBe('{"a":12345}');
  });
});

describe('createTrackstarProxy: upstream failures', () => {
  it('answers 502 with origin "network" when Trackstar cannot be reached', async () => {
    const proxy = createTrackstarProxy({
      apiKey: 'key',
      upstream: UPSTREAM,
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });

    const response = await proxy(clientRequest('/wms/returns', { method: 'POST', body: '{}' }));

    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: expect.stringContaining(UPSTREAM), origin: 'network' });
  });

  it('answers 504 with origin "network" and aborts the upstream request when Trackstar does not answer in time', async () => {
    let upstreamSignal: AbortSignal | undefined;
    const proxy = createTrackstarProxy({
      apiKey: 'key',
      upstream: UPSTREAM,
      upstreamTimeoutMs: 20,
      fetch: (request) => {
        upstreamSignal = request.signal;
        return new Promise<Response>(() => undefined);
      },
    });

    const response = await proxy(clientRequest('/wms/returns', { method: 'POST', body: '{}' }));

    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ error: expect.stringContaining('20 ms'), origin: 'network' });
    expect(upstreamSignal?.aborted).toBe(true);
  });

  it('answers 504 when Trackstar sends headers but its body stalls', async () => {
    const proxy = createTrackstarProxy({
      apiKey: 'key',
      upstream: UPSTREAM,
      upstreamTimeoutMs: 20,
      fetch: async () => new Response(new ReadableStream({ start: () => undefined }), { status: 200 }),
    });

    const response = await proxy(clientRequest('/wms/orders/meta?method=POST'));

    expect(response.status).toBe(504);
  });
});
