/** A recording stand-in for Trackstar: the proxy's `fetch` option, never the network. */

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string;
}

export type FakeResponder = (request: RecordedRequest) => Response | Promise<Response>;

export interface FakeUpstream {
  readonly fetch: (request: Request) => Promise<Response>;
  readonly calls: RecordedRequest[];
}

export const UPSTREAM = 'https://trackstar.test';

export function createFakeUpstream(respond: FakeResponder = () => Response.json({ data: {} })): FakeUpstream {
  const calls: RecordedRequest[] = [];
  return {
    calls,
    fetch: async (request) => {
      const recorded: RecordedRequest = {
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body: await request.text(),
      };
      calls.push(recorded);
      return respond(recorded);
    },
  };
}

/** A request as the browser library would send it to the host app's backend. */
export function clientRequest(path: string, init: RequestInit = {}): Request {
  return new Request(new URL(path, 'http://app.test'), init);
}
