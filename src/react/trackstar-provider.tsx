'use client';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import type { Registry, ValidatorType } from '@rjsf/utils';
import { type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { type FetchLike, type HeadersOption, type SchemaScope, type TrackstarMessages, createTrackstarClient, englishMessages, trackstarQueryDefaults } from '../core';
import { browserSessionStorage, createFormatters } from '../core/internal';
import { TrackstarContext, type TrackstarContextValue } from './context';

export interface TrackstarProviderProps {
  /** Your backend route that forwards to Trackstar (see `trackstar-write-form/server`). The browser never holds the API key. */
  baseUrl: string;
  /** Replaces the global `fetch` for every request the library makes. */
  fetch?: FetchLike;
  /** Extra request headers: an object, or a function called before each request. */
  headers?: HeadersOption;
  /**
   * The react-query client to use. Without it, the client of an enclosing `QueryClientProvider` is used,
   * and only when there is none does the library create its own. The library never installs a provider
   * of its own, so your queries inside keep using your client. Its read policy is registered with
   * `setQueryDefaults` under `trackstarQueryKeys.all(baseUrl)`, so your own `setQueryDefaults` wins.
   */
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
  /** The library's sentences, any subset (English by default). See `TrackstarMessages`. */
  messages?: Partial<TrackstarMessages>;
  /** Locale for numbers and times (`Intl`), e.g. `"de-DE"`. Defaults to the browser's. */
  locale?: string;
  /** rjsf's translator for rjsf's own strings (buttons, widget labels), as rjsf's `Form` takes it. */
  translateString?: Registry['translateString'];
  /**
   * The validator of every form, as rjsf's `Form` takes it. Defaults to ajv, or, where the page's
   * Content Security Policy forbids generating code, to one that never does.
   */
  validator?: ValidatorType;
  children: ReactNode;
}

function createDefaultQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { mutations: { retry: false } } });
}

/** Registers the library's read policy as defaults, unless the host has already set its own for these keys. */
function registerQueryDefaults(queryClient: QueryClient, baseUrl: string): void {
  for (const { queryKey, options } of trackstarQueryDefaults(baseUrl)) {
    // What the host registered for a matching key before us stays on top of ours.
    const existing = queryClient.getQueryDefaults(queryKey);
    queryClient.setQueryDefaults(queryKey, { ...options, ...existing } as Parameters<QueryClient['setQueryDefaults']>[1]);
  }
}

const registered = new WeakMap<QueryClient, Set<string>>();

/** A catalogue whose every entry is the host's current one, or English. */
function liveMessages(overrides: () => Partial<TrackstarMessages> | undefined): TrackstarMessages {
  const live = {} as Record<keyof TrackstarMessages, unknown>;
  for (const key of Object.keys(englishMessages) as Array<keyof TrackstarMessages>) {
    live[key] = (params: never) => ((overrides()?.[key] ?? englishMessages[key]) as (params: never) => string)(params);
  }
  return live as TrackstarMessages;
}

export function TrackstarProvider({
  baseUrl,
  fetch,
  headers,
  queryClient: givenQueryClient,
  schemaScope = 'connection',
  draftStorage,
  timeoutMs,
  messages: messageOverrides,
  locale,
  translateString,
  validator,
  children,
}: TrackstarProviderProps) {
  const enclosing = useContext(QueryClientContext);
  const own = useRef<QueryClient | undefined>(undefined);
  if (!givenQueryClient && !enclosing && !own.current) own.current = createDefaultQueryClient();
  const ownQueryClient = givenQueryClient ?? enclosing ? undefined : own.current;
  const queryClient = givenQueryClient ?? enclosing ?? own.current!;
  // Registered during render (idempotently): the first query of the first form must already see the policy.
  let done = registered.get(queryClient);
  if (!done) registered.set(queryClient, (done = new Set()));
  if (!done.has(baseUrl)) {
    done.add(baseUrl);
    registerQueryDefaults(queryClient, baseUrl);
  }
  useEffect(() => {
    if (!ownQueryClient) return undefined;
    ownQueryClient.mount();
    return () => ownQueryClient.unmount();
  }, [ownQueryClient]);

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
  // Hosts pass `messages={{ … }}` inline; the catalogue keeps one identity and always reads the latest entries,
  // so a re-render of the host does not re-render every form.
  const latestMessages = useRef(messageOverrides);
  latestMessages.current = messageOverrides;
  const [messages] = useState(() => liveMessages(() => latestMessages.current));
  const formatters = useMemo(() => createFormatters(locale), [locale]);
  const value = useMemo<TrackstarContextValue>(
    () => ({
      client,
      queryClient,
      schemaScope,
      draftStorage: draftStorage === null ? undefined : (draftStorage ?? browserSessionStorage()),
      messages,
      formatters,
      translateString,
      validator,
    }),
    [client, queryClient, schemaScope, draftStorage, messages, formatters, translateString, validator],
  );
  return <TrackstarContext.Provider value={value}>{children}</TrackstarContext.Provider>;
}
