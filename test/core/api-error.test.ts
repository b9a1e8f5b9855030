// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TrackstarApiError, apiErrorFromResponse, describeApiError, flattenFieldErrors, parseRetryAfter } from '../../src/core/api-error';

const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('flattenFieldErrors', () => {
  it('flattens location → nested fields into dot paths', () => {
    expect(
      flattenFieldErrors({
        json: { order_number: ['Field may not be null.'], line_items: { 0: { sku: ['Missing data for required field.'] }, 3: { quantity: ['Not a valid integer.', 'Must be positive.'] } } },
        query: { method: ['Must be one of: POST, PUT.'] },
      }),
    ).toEqual({
      order_number: ['Field may not be null.'],
      'line_items.0.sku': ['Missing data for required field.'],
      'line_items.3.quantity': ['Not a valid integer.', 'Must be positive.'],
      method: ['Must be one of: POST, PUT.'],
    });
  });

  it('accepts flat dot-path keys and bare strings, and ignores junk', () => {
    expect(flattenFieldErrors({ 'ship_to_address.city': 'Required.' })).toEqual({ 'ship_to_address.city': ['Required.'] });
    expect(flattenFieldErrors(null)).toEqual({});
    expect(flattenFieldErrors(['x'])).toEqual({});
  });
});

describe('apiErrorFromResponse', () => {
  it('keeps the message verbatim and says who rejected the write', () => {
    const error = apiErrorFromResponse(response(400, { 'x-request-id': 'req_1' }), { error: 'SKU UNKNOWN-1 does not exist.', origin: 'integration' });
    expect(error).toMatchObject({ status: 400, origin: 'integration', kind: 'integration', message: 'SKU UNKNOWN-1 does not exist.', requestId: 'req_1' });
    expect(error.retryable).toBe(false);
  });

  it.each([
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [404, 'not-found', false],
    [409, 'conflict', true],
    [422, 'validation', false],
    [429, 'rate-limited', true],
    [501, 'not-supported', false],
    [502, 'server', true],
  ])('classifies %i as %s (retryable: %s)', (status, kind, retryable) => {
    const error = apiErrorFromResponse(response(status), { error: 'x', origin: 'trackstar' });
    expect(error.kind).toBe(kind);
    expect(error.origin).toBe('trackstar');
    expect(error.retryable).toBe(retryable);
  });

  it('reads retry-after, field errors, and falls back to a readable message without a JSON body', () => {
    const limited = apiErrorFromResponse(response(429, { 'retry-after': '7' }), { error: 'Too many requests', origin: 'trackstar' });
    expect(limited.retryAfter).toBe(7);
    const invalid = apiErrorFromResponse(response(422), { error: 'Invalid body', origin: 'trackstar', detail: { json: { sku: ['Required.'] } } });
    expect(invalid.fieldErrors).toEqual({ sku: ['Required.'] });
    expect(apiErrorFromResponse(new Response(null, { status: 502, statusText: 'Bad Gateway' }), undefined).message).toBe('HTTP 502 Bad Gateway.');
    expect(apiErrorFromResponse(response(500), 'upstream exploded').message).toBe('HTTP 500: upstream exploded');
  });

  it('attributes an answer that is not in Trackstar\'s error shape to the server in between, without its HTML', () => {
    const page = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';
    const gateway = apiErrorFromResponse(new Response(null, { status: 502, statusText: 'Bad Gateway' }), page);
    expect(gateway).toMatchObject({ origin: 'gateway', kind: 'server', status: 502, outcomeUncertain: true });
    expect(gateway.message).toBe('HTTP 502 Bad Gateway: 502 Bad Gateway');
    expect(gateway.message).not.toMatch(/</);
    const wording = describeApiError(gateway, { integrationName: 'ShipHero', noun: 'order' });
    expect(wording.title).toBe('A server between this page and Trackstar answered HTTP 502 (Bad Gateway) instead of Trackstar. Nothing you entered is lost.');
    expect(wording.speaker).toBeUndefined();
    const notFound = apiErrorFromResponse(new Response(null, { status: 404 }), '<html><body>Not Found</body></html>');
    expect(notFound).toMatchObject({ origin: 'gateway', kind: 'not-found', outcomeUncertain: false });
    expect(describeApiError(notFound).title).toMatch(/answered HTTP 404 instead of Trackstar/);
  });

  it('tells the host\'s proxy apart from Trackstar', () => {
    const refused = apiErrorFromResponse(response(413), { error: 'The request body is larger than the 1048576-byte limit.', origin: 'proxy' });
    expect(refused.origin).toBe('proxy');
    expect(describeApiError(refused, { noun: 'order' })).toMatchObject({ title: "Your server's Trackstar route refused this order.", speaker: 'Your server' });
  });

  it('parses retry-after as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1_000)).toBe(60);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('describeApiError', () => {
  const context = { integrationName: 'ShipHero', noun: 'order' };
  const make = (status: number, origin: 'trackstar' | 'integration' | 'network', extra = {}) =>
    new TrackstarApiError({ status, origin, message: 'verbatim text', ...extra });

  it('names the integration that rejected the write', () => {
    expect(describeApiError(make(400, 'integration'), context)).toEqual({ title: 'ShipHero rejected this order.', message: 'verbatim text', speaker: 'ShipHero' });
  });
  it('says when Trackstar validation rejected it before it reached the integration', () => {
    expect(describeApiError(make(422, 'trackstar'), context).title).toBe("Trackstar's validation rejected this order before it reached ShipHero.");
  });
  it('explains 403, 501 and 429 for an operator', () => {
    expect(describeApiError(make(403, 'trackstar'), context).title).toBe('This write is disabled for this connection.');
    expect(describeApiError(make(501, 'trackstar'), context).title).toBe('This action is not supported by ShipHero.');
    expect(describeApiError(make(429, 'trackstar', { retryAfter: 30 }), context).title).toMatch(/try again in 30 s/);
  });
  it('reassures that nothing is lost when the network fails', () => {
    expect(describeApiError(make(0, 'network'), context).title).toMatch(/Nothing you entered is lost/);
  });
});
