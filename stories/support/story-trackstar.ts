/**
 * Per story: the in-page proxy + sandbox from `trackstar-write-form/sandbox`, wrapped
 * with what a story needs on top (what `createInPageTrackstar` does not offer itself):
 * a log of every request the form made, interceptors that answer instead of the proxy
 * (or let it answer and then drop the response, like a connection lost on the way
 * back), a draft storage of its own and a fresh react-query client.
 */
import { QueryClient } from '@tanstack/react-query';
import type { FetchLike } from '../../src/core/index';
import { type InPageConnection, type Sandbox, type SandboxOptions, createInPageTrackstar } from '../../src/sandbox/index';
import { MemoryStorage } from './memory-storage';

export interface StoryCall {
  method: string;
  /** Path and query below the proxy's base path, e.g. `/wms/orders/meta?method=POST`. */
  path: string;
  headers: Record<string, string>;
  /** The parsed JSON body, if any. */
  body: unknown;
  /** What the form got back: an HTTP status, or `"network error"` when the interceptor dropped the connection. */
  outcome?: number | 'network error';
}

/**
 * Answers a request instead of the proxy: return a Response, throw to simulate a
 * dropped connection, or return nothing to pass it on. `forward()` hands the request
 * to the proxy and sandbox (so it really happens) and gives back their answer.
 */
export type StoryInterceptor = (call: StoryCall, forward: () => Promise<Response>) => Response | undefined | Promise<Response | undefined>;

export interface StoryTrackstarOptions {
  /** Default: the fixture spec. */
  sandbox?: SandboxOptions;
  /** The connection the proxy's access token selects. Default: none (integration-level schemas only). */
  connection?: InPageConnection | null;
  /** Drafts already saved when the story starts, by storage key. */
  drafts?: Record<string, string>;
  interceptors?: StoryInterceptor[];
}

export interface StoryTrackstar {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly sandbox: Sandbox;
  /** Every request the form made, in order, with its outcome once known. */
  readonly calls: readonly StoryCall[];
  readonly draftStorage: Storage;
  readonly queryClient: QueryClient;
  intercept(interceptor: StoryInterceptor): void;
  /** Requests to paths starting with `pathPrefix`, optionally of one method. */
  callsTo(pathPrefix: string, method?: string): StoryCall[];
}

const BASE_PATH = '/api/trackstar';

function parseBody(body: RequestInit['body']): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

export function createStoryTrackstar(options: StoryTrackstarOptions = {}): StoryTrackstar {
  const trackstar = createInPageTrackstar({ sandbox: options.sandbox ?? {}, basePath: BASE_PATH, connection: options.connection ?? null });
  const calls: StoryCall[] = [];
  const interceptors: StoryInterceptor[] = [...(options.interceptors ?? [])];
  const draftStorage = new MemoryStorage();
  for (const [key, value] of Object.entries(options.drafts ?? {})) draftStorage.setItem(key, value);

  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input, 'http://app.local');
    const call: StoryCall = {
      method: init.method ?? 'GET',
      path: url.pathname.slice(BASE_PATH.length) + url.search,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: parseBody(init.body),
    };
    calls.push(call);
    const forward = () => trackstar.fetch(url.href, init);
    try {
      let answer: Response | undefined;
      for (const interceptor of interceptors) {
        answer = await interceptor(call, forward);
        if (answer) break;
      }
      const response = answer ?? (await forward());
      call.outcome = response.status;
      return response;
    } catch (error) {
      call.outcome = 'network error';
      throw error;
    }
  };

  return {
    baseUrl: trackstar.baseUrl,
    fetch,
    sandbox: trackstar.sandbox,
    calls,
    draftStorage,
    // Each story starts cold; failed reads still retry as in production, so those stories show the real timing.
    queryClient: new QueryClient({ defaultOptions: { mutations: { retry: false } } }),
    intercept: (interceptor) => {
      interceptors.push(interceptor);
    },
    callsTo: (pathPrefix, method) => calls.filter((call) => call.path.startsWith(pathPrefix) && (method === undefined || call.method === method)),
  };
}

/** A JSON answer shaped like Trackstar's, with a request id. */
export function trackstarAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': `req_story_${status}`, ...headers },
  });
}

/** The rejection `fetch` gives when the connection drops. */
export function connectionDropped(): never {
  throw new TypeError('Failed to fetch');
}
