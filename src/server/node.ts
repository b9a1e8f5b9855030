/**
 * trackstar-write-form/server/node: serves a `FetchHandler` (e.g. `createTrackstarProxy`)
 * from Node's `http` module or Express.
 *
 * How `basePath` relates to where the listener is mounted — the handler sees the URL
 * exactly as Node/Express hands it over:
 *
 * - `http.createServer(toNodeListener(proxy))`, or an Express route that does not strip
 *   its path (`app.all('/api/trackstar/*path', listener)`): the URL still begins with
 *   the prefix, so create the proxy with `basePath: '/api/trackstar'`.
 * - `app.use('/api/trackstar', listener)`: Express removes the mount path from
 *   `req.url` before calling the middleware, so leave `basePath` at its default `''`.
 *   A mismatch answers 404 with a hint that names both.
 *
 * A body parser mounted earlier (`express.json()`, often global) has already read the
 * request stream; the listener then forwards what the parser kept: `req.rawBody` when
 * a `verify` hook saved it, else `req.body` (a Buffer or string as is, parsed JSON
 * serialized again).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { RequestError, getRequestListener } from '@hono/node-server';

import type { FetchHandler } from './trackstar-proxy';

export type NodeListener = (request: IncomingMessage, response: ServerResponse) => void;

/** What Express and body-parser leave on the request. */
interface ParsedIncomingMessage extends IncomingMessage {
  body?: unknown;
  rawBody?: unknown;
  /** body-parser's "I read the stream" flag. */
  _body?: boolean;
}

const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD']);

/**
 * The bytes a body parser consumed, or `undefined` when the stream is still unread.
 * `@hono/node-server` reads `rawBody` instead of the stream when it is a Buffer.
 */
function consumedBody(request: ParsedIncomingMessage): Buffer | undefined {
  if (METHODS_WITHOUT_BODY.has(request.method ?? 'GET')) return undefined;
  if (!request.readableEnded && request._body !== true) return undefined;
  if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
  const { body } = request;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  // A parser that found no body of its type leaves `undefined` (or `{}`, older ones); nothing was sent then.
  if (body === undefined || body === null) return Buffer.alloc(0);
  return Buffer.from(JSON.stringify(body), 'utf8');
}

export function toNodeListener(handler: FetchHandler): NodeListener {
  const listener = getRequestListener((request) => handler(request), {
    // Leave the host application's global Request/Response untouched.
    overrideGlobalObjects: false,
    errorHandler: (error) => {
      // Node could not turn the incoming message into a Request (no Host header, bad URL).
      if (error instanceof RequestError) {
        return Response.json({ error: `Malformed request: ${error.message}`, origin: 'proxy' }, { status: 400 });
      }
      // Anything else was thrown by host code (e.g. `resolveAccessToken`): log it for the
      // host and answer in the proxy's JSON error shape.
      console.error('trackstar-write-form/server: request handler failed', error);
      return Response.json({ error: 'The Trackstar proxy failed to handle this request.', origin: 'proxy' }, { status: 500 });
    },
  });
  return (request: ParsedIncomingMessage, response) => {
    const body = consumedBody(request);
    if (body !== undefined) {
      request.rawBody = body;
      // The re-serialized body need not be as long as the one that arrived.
      request.headers['content-length'] = String(body.byteLength);
      delete request.headers['transfer-encoding'];
    }
    void listener(request, response);
  };
}

export { openDatabase } from './open-database';
export type { OpenDatabaseOptions } from './open-database';
