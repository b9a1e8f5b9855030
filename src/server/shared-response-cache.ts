import type { BufferedResponse } from './http';

interface FreshEntry {
  readonly expiresAt: number;
  readonly response: BufferedResponse;
}

/**
 * Caches successful (200) answers for a fixed time and lets concurrent requests for
 * the same key share one upstream call. Trackstar allows one `GET /integrations/...`
 * call a minute, so without this a page with several forms would be rate limited.
 */
export class SharedResponseCache {
  private readonly fresh = new Map<string, FreshEntry>();
  private readonly inFlight = new Map<string, Promise<BufferedResponse>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  getOrLoad(key: string, load: () => Promise<BufferedResponse>): Promise<BufferedResponse> {
    const cached = this.fresh.get(key);
    if (cached !== undefined && cached.expiresAt > this.now()) return Promise.resolve(cached.response);

    const pending = this.inFlight.get(key);
    if (pending !== undefined) return pending;

    const loading = load()
      .then((response) => {
        if (response.status === 200) this.store(key, response);
        return response;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  private store(key: string, response: BufferedResponse): void {
    const now = this.now();
    // Keys include the query string, which clients choose: drop expired entries so
    // the map cannot grow without bound.
    for (const [storedKey, entry] of this.fresh) {
      if (entry.expiresAt <= now) this.fresh.delete(storedKey);
    }
    this.fresh.set(key, { expiresAt: now + this.ttlMs, response });
  }
}
