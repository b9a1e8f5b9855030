/**
 * The whole Trackstar chain of a host app, in one page and without a network: the
 * library's server proxy (which adds the API key and the connection's access token)
 * in front of the sandbox API. Hand `fetch` and `baseUrl` to `<TrackstarProvider>`
 * and forms load schemas and send writes exactly as they would through a real
 * backend. Stories, component tests, the benchmark page and a host's own tests use it.
 *
 * @example
 * const trackstar = createInPageTrackstar({ connection: { integrationType: 'wms', integrationName: 'bluefin' } });
 * render(
 *   <TrackstarProvider baseUrl={trackstar.baseUrl} fetch={trackstar.fetch}>
 *     <TrackstarWriteForm action="create_order" integrationName="bluefin" />
 *   </TrackstarProvider>,
 * );
 * // …then inspect trackstar.sandbox.receivedWrites.
 *
 * With MSW: `http.all(`${trackstar.baseUrl}/*`, ({ request }) => trackstar.handle(request))`.
 */
import type { IntegrationType } from '../core/actions';
import { createTrackstarProxy } from '../server/index';
import { SANDBOX_API_KEY, createSandbox, sandboxAccessToken } from './sandbox';
import type { Sandbox, SandboxOptions } from './types';

export interface InPageConnection {
  integrationType: IntegrationType;
  integrationName: string;
  /** A read-only connection: its writes answer 403. */
  writesDisabled?: boolean;
}

export interface InPageTrackstarOptions {
  /** A sandbox to put behind the proxy, or the options to create one with (default: the fixture spec). */
  sandbox?: Sandbox | SandboxOptions;
  /**
   * Which connection the proxy's access token selects: a sandbox connection, a raw token,
   * or `null` for none (integration-level schemas only; writes answer 401). Changeable later
   * with `useConnection`.
   */
  connection?: InPageConnection | string | null;
  /** The route the provider's `baseUrl` names. Default `/api/trackstar`. */
  basePath?: string;
  /** Origin the relative `baseUrl` resolves against. Default `http://app.local`. */
  origin?: string;
}

export interface InPageTrackstar {
  /** Give this to `<TrackstarProvider baseUrl>`. */
  readonly baseUrl: string;
  /** Give this to `<TrackstarProvider fetch>`: it never touches the network. */
  readonly fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** The proxy as a Fetch handler, for MSW or a service worker. */
  readonly handle: (request: Request) => Promise<Response>;
  readonly sandbox: Sandbox;
  /** Switches the connection the proxy's access token selects (see `connection`). */
  useConnection(connection: InPageConnection | string | null): void;
}

function isSandbox(value: Sandbox | SandboxOptions | undefined): value is Sandbox {
  return typeof value === 'object' && value !== null && typeof (value as Sandbox).fetch === 'function';
}

function tokenFor(connection: InPageConnection | string | null | undefined): string | undefined {
  if (connection === null || connection === undefined) return undefined;
  if (typeof connection === 'string') return connection;
  const token = sandboxAccessToken(connection.integrationType, connection.integrationName);
  return connection.writesDisabled ? `${token}-readonly` : token;
}

export function createInPageTrackstar(options: InPageTrackstarOptions = {}): InPageTrackstar {
  // Tests and stories reload often; the sandbox's one-call-a-minute limit on /integrations would get in the way.
  const sandbox = isSandbox(options.sandbox)
    ? options.sandbox
    : createSandbox({ integrationsRateLimitWindowMs: false, ...options.sandbox });
  const basePath = (options.basePath ?? '/api/trackstar').replace(/\/+$/, '');
  const origin = options.origin ?? 'http://app.local';
  let accessToken = tokenFor(options.connection);

  const handle = createTrackstarProxy({
    apiKey: SANDBOX_API_KEY,
    upstream: 'http://sandbox.local',
    basePath,
    fetch: (request) => sandbox.fetch(request),
    resolveAccessToken: () => accessToken,
    // Every form in a story or test asks at once; the proxy's cache is per page anyway.
    integrationsCacheTtlMs: 0,
  });

  return {
    baseUrl: basePath,
    fetch: (input, init) => handle(new Request(new URL(input, origin), init)),
    handle,
    sandbox,
    useConnection(connection) {
      accessToken = tokenFor(connection);
    },
  };
}
