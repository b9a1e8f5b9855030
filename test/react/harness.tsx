/**
 * Component tests run the whole chain a host app runs: TrackstarProvider → the
 * server proxy (which adds the API key and access token) → the sandbox API. No
 * network: the provider's `fetch` calls the proxy handler directly. Tests can
 * intercept requests to simulate failures the sandbox does not produce.
 */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { IntegrationType } from '../../src/core/actions';
import { TrackstarProvider, type TrackstarProviderProps } from '../../src/react/trackstar-provider';
import { createInPageTrackstar, sandboxAccessToken, type Sandbox, type SandboxOptions } from '../../src/sandbox';

export const BASE_URL = '/api/trackstar';

export interface RecordedCall {
  method: string;
  /** Path and query below the proxy's base path, e.g. `/wms/orders/meta?method=POST`. */
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Answers instead of the proxy when it returns a Response (or throws, like a dropped connection). */
export type Interceptor = (call: RecordedCall) => Response | undefined | Promise<Response | undefined>;

export interface Harness {
  sandbox: Sandbox;
  calls: RecordedCall[];
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** Adds an interceptor; it stays until `clearInterceptors`. */
  intercept: (interceptor: Interceptor) => void;
  clearInterceptors: () => void;
  /** Changes which connection the proxy's access token selects. */
  useConnection: (token: string | undefined) => void;
  queryClient: QueryClient;
  callsTo: (pathPrefix: string, method?: string) => RecordedCall[];
}

export interface HarnessOptions {
  integrationType?: IntegrationType;
  integrationName?: string;
  /** Defaults to the integration's own connection. */
  accessToken?: string | undefined;
  sandbox?: SandboxOptions;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const accessToken =
    'accessToken' in options ? options.accessToken : sandboxAccessToken(options.integrationType ?? 'wms', options.integrationName ?? 'bluefin');
  const trackstar = createInPageTrackstar({ sandbox: options.sandbox ?? {}, basePath: BASE_URL, connection: accessToken ?? null });
  const { sandbox } = trackstar;
  const calls: RecordedCall[] = [];
  let interceptors: Interceptor[] = [];

  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input, 'http://app.local');
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const call: RecordedCall = {
      method: init.method ?? 'GET',
      path: url.pathname.slice(BASE_URL.length) + url.search,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    for (const interceptor of interceptors) {
      const answer = await interceptor(call);
      if (answer) return answer;
    }
    return trackstar.fetch(url.href, init);
  };

  return {
    sandbox,
    calls,
    fetch,
    intercept: (interceptor) => {
      interceptors.push(interceptor);
    },
    clearInterceptors: () => {
      interceptors = [];
    },
    useConnection: (token) => trackstar.useConnection(token ?? null),
    // Retries are part of what is tested, so they are not turned off here; tests that need fast failures use 4xx.
    queryClient: new QueryClient(),
    callsTo: (pathPrefix, method) =>
      calls.filter((call) => call.path.startsWith(pathPrefix) && (method === undefined || call.method === method)),
  };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function renderWithProvider(
  ui: ReactElement,
  harness: Harness,
  providerProps: Partial<Omit<TrackstarProviderProps, 'children'>> = {},
) {
  const wrap = (element: ReactElement) => (
    <TrackstarProvider baseUrl={BASE_URL} fetch={harness.fetch} queryClient={harness.queryClient} {...providerProps}>
      {element}
    </TrackstarProvider>
  );
  const result = render(wrap(ui));
  return { ...result, rerenderWithProvider: (next: ReactElement) => result.rerender(wrap(next)) };
}
