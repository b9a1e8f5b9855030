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
 *
 * In Express, mount the listener before any body parser (`express.json()` …): a parser
 * that has already consumed the request stream leaves nothing to forward.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { RequestError, getRequestListener } from '@hono/node-server';

import type { FetchHandler } from './index';

export type NodeListener = (request: IncomingMessage, response: ServerResponse) => void;

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
  return (request, response) => {
    void listener(request, response);
  };
}
