import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { type FetchLike, type HeadersOption, createTrackstarClient } from '../core/client';
import { browserSessionStorage } from '../core/draft-storage';
import type { SchemaScope } from '../core/queries';
import { TrackstarContext, type TrackstarContextValue } from './context';

export interface TrackstarProviderProps {
  /** Your backend route that forwards to Trackstar (see `trackstar-write-form/server`). The browser never holds the API key. */
  baseUrl: string;
  /** Replaces the global `fetch` for every request the library makes. */
  fetch?: FetchLike;
  /** Extra request headers: an object, or a function called before each request. */
  headers?: HeadersOption;
  /** Share your app's react-query client. One is created when none is given. */
  queryClient?: QueryClient;
  /**
   * `connection` (default): schemas of the connection your proxy's access token selects, with its real
   * warehouses and shipping methods. `integration`: generic schemas; account-dependent options show a hint.
   */
  schemaScope?: SchemaScope;
  /** Where form drafts are kept. Defaults to `sessionStorage`; `null` turns drafts off for every form. */
  draftStorage?: Storage | null;
  /** Per-request timeout in milliseconds (default 30 000). */
  timeoutMs?: number;
  children: ReactNode;
}

function createDefaultQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { mutations: { retry: false } } });
}

export function TrackstarProvider({
  baseUrl,
  fetch,
  headers,
  queryClient,
  schemaScope = 'connection',
  draftStorage,
  timeoutMs,
  children,
}: TrackstarProviderProps) {
  const [ownQueryClient] = useState<QueryClient | undefined>(() => (queryClient ? undefined : createDefaultQueryClient()));
  // `headers` and `fetch` are often inline values; reading them through a ref keeps the client (and the query keys
  // derived from it) stable across renders while still using the latest ones.
  const latest = useRef({ fetch, headers });
  latest.current = { fetch, headers };
  const client = useMemo(
    () =>
      createTrackstarClient({
        baseUrl,
        timeoutMs,
        fetch: (input, init) => (latest.current.fetch ?? globalThis.fetch)(input, init),
        headers: () => {
          const option = latest.current.headers;
          return typeof option === 'function' ? option() : (option ?? {});
        },
      }),
    [baseUrl, timeoutMs],
  );
  const value = useMemo<TrackstarContextValue>(
    () => ({
      client,
      schemaScope,
      draftStorage: draftStorage === null ? undefined : (draftStorage ?? browserSessionStorage()),
    }),
    [client, schemaScope, draftStorage],
  );
  const activeQueryClient = queryClient ?? ownQueryClient!;
  return (
    <QueryClientProvider client={activeQueryClient}>
      <TrackstarContext.Provider value={value}>{children}</TrackstarContext.Provider>
    </QueryClientProvider>
  );
}
