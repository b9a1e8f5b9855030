import type { BufferedResponse } from './http';
import { ProxyRequestError } from './proxy-request-error';
import type { CacheEntry, CachedAnswer, ResponseCacheStore } from './response-cache-store';

export interface SharedResponseCacheOptions {
  readonly store: ResponseCacheStore;
  readonly ttlMs: number;
  readonly now: () => number;
  /** How long one loader may hold a key before another instance may take over. */
  readonly leaseMs: number;
  /** Pause between looks at the store while another instance loads. */
  readonly pollMs?: number;
}

function toCached(response: BufferedResponse): CachedAnswer {
  return { status: response.status, headers: [...response.headers], body: response.body };
}

function fromCached(answer: CachedAnswer): BufferedResponse {
  return { status: answer.status, headers: new Headers(answer.headers.map(([name, value]) => [name, value])), body: answer.body };
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const delay = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/**
 * Caches successful (200) answers for a fixed time and lets concurrent requests for
 * the same key share one upstream call, within this process (a promise) and across
 * processes that share the store (a lease: one instance loads, the others wait for
 * its answer). Trackstar allows one `GET /integrations/...` call a minute, so without
 * this a page with several forms, or a fleet of servers, would be rate limited.
 */
export class SharedResponseCache {
  private readonly inFlight = new Map<string, Promise<BufferedResponse>>();
  private readonly pollMs: number;

  constructor(private readonly options: SharedResponseCacheOptions) {
    this.pollMs = options.pollMs ?? 25;
  }

  getOrLoad(key: string, load: () => Promise<BufferedResponse>): Promise<BufferedResponse> {
    const pending = this.inFlight.get(key);
    if (pending !== undefined) return pending;
    const loading = this.loadShared(key, load).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  private async loadShared(key: string, load: () => Promise<BufferedResponse>): Promise<BufferedResponse> {
    const { store, now } = this.options;
    const holder = randomId();
    const startedAt = now();
    let awaited: string | undefined;
    const awaitedAnswer = (entry: CacheEntry | undefined): entry is CacheEntry =>
      entry !== undefined && (entry.expiresAt > now() || entry.storedAt > startedAt || (awaited !== undefined && entry.loadId === awaited));
    // A holder that vanished loses its lease after leaseMs; twice that is as long as anyone waits.
    // Wall time, not the injectable cache clock: a test's frozen clock must not make this wait forever.
    const giveUpAt = Date.now() + 2 * this.options.leaseMs;
    for (;;) {
      const entry = await store.get(key);
      if (awaitedAnswer(entry)) return fromCached(entry.answer);
      const leaseHolder = await store.acquireLease(key, holder, now(), now() + this.options.leaseMs);
      if (leaseHolder === holder) return this.loadAsHolder(key, holder, awaitedAnswer, load);
      if (leaseHolder !== undefined) awaited = leaseHolder;
      if (Date.now() > giveUpAt) {
        throw new ProxyRequestError(504, `Another proxy instance has been loading ${key} for over ${2 * this.options.leaseMs} ms.`);
      }
      await delay(this.pollMs);
    }
  }

  private async loadAsHolder(
    key: string,
    holder: string,
    awaitedAnswer: (entry: CacheEntry | undefined) => entry is CacheEntry,
    load: () => Promise<BufferedResponse>,
  ): Promise<BufferedResponse> {
    const { store, now, ttlMs } = this.options;
    try {
      // Another instance may have finished a load between our look and the lease.
      const entry = await store.get(key);
      if (awaitedAnswer(entry)) return fromCached(entry.answer);
      const response = await load();
      // A failure is stored already expired: the requests that began while it loaded get it, later ones ask again.
      const storedAt = now();
      const expiresAt = response.status === 200 ? storedAt + ttlMs : storedAt;
      await store.put(key, { answer: toCached(response), expiresAt, storedAt, loadId: holder });
      return response;
    } finally {
      await store.releaseLease(key, holder);
    }
  }
}
