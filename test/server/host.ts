/**
 * A host app's Trackstar back end in one object, against an in-process sandbox: the
 * connection helpers and the proxy on one store, the customer taken from a test
 * header standing in for the host's session.
 */
import { LINK_TOKEN_HEADER, SANDBOX_API_KEY, createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';
import {
  type ConnectionStore,
  type FetchHandler,
  type TrackstarConnections,
  createTrackstarConnections,
  createTrackstarProxy,
} from '../../src/server';

export const SESSION_HEADER = 'x-test-customer';
export const SANDBOX_ORIGIN = 'http://sandbox.test';

export interface TestHost {
  readonly sandbox: Sandbox;
  readonly connections: TrackstarConnections;
  readonly proxy: FetchHandler;
  /** Every answer the host gave a browser, for leak checks. */
  readonly answers: Response[];
  /** A request from a browser signed in as `customer` (or nobody). */
  call(handler: FetchHandler, path: string, init?: RequestInit & { customer?: string | null }): Promise<Response>;
  /** What the stand-in Link modal does with a link token: pick an integration, enter credentials, get an auth code. */
  authorize(linkToken: string, integrationName: string, credential?: string): Promise<Response>;
}

export function createTestHost(store: ConnectionStore, sandboxOptions: SandboxOptions = {}): TestHost {
  const sandbox = createSandbox({ integrationsRateLimitWindowMs: false, brokenConnectionCustomerId: 'cus_a', ...sandboxOptions });
  const upstream = { apiKey: SANDBOX_API_KEY, upstream: SANDBOX_ORIGIN, fetch: (request: Request) => sandbox.fetch(request) };
  const connections = createTrackstarConnections({
    ...upstream,
    store,
    customerIdFor: (request) => request.headers.get(SESSION_HEADER),
  });
  const proxy = createTrackstarProxy({ ...upstream, basePath: '/api/trackstar', resolveAccessToken: connections.resolveAccessToken });
  const answers: Response[] = [];
  return {
    sandbox,
    connections,
    proxy,
    answers,
    async call(handler, path, init = {}) {
      const { customer = 'cus_a', ...rest } = init;
      const headers = new Headers(rest.headers);
      if (customer !== null) headers.set(SESSION_HEADER, customer);
      const response = await handler(new Request(new URL(path, 'http://app.test'), { ...rest, headers }));
      answers.push(response.clone());
      return response;
    },
    authorize: (linkToken, integrationName, credential = 'sandbox-password') =>
      sandbox.fetch(
        new Request(`${SANDBOX_ORIGIN}/link/session/authorize`, {
          method: 'POST',
          headers: { [LINK_TOKEN_HEADER]: linkToken, 'content-type': 'application/json' },
          body: JSON.stringify({ integration_type: 'wms', integration_name: integrationName, credential }),
        }),
      ),
  };
}

export const jsonBody = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
