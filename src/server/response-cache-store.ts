/**
 * Where the proxy keeps shared `GET /integrations/...` answers. The default lives in
 * the process; `createSqlResponseCacheStore` puts it in a database so any number of
 * proxy instances share one upstream call per key and minute.
 */

/** A buffered upstream answer in a form any store can keep. */
export interface CachedAnswer {
  readonly status: number;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Uint8Array<ArrayBuffer> | null;
}

export interface CacheEntry {
  readonly answer: CachedAnswer;
  /** Clock time (ms) after which the answer is no longer served to new requests. */
  readonly expiresAt: number;
  /**
   * When (clock ms) and by which lease holder it was stored. A request that began
   * before then, or that saw that holder load, was waiting for this very answer and
   * takes it, even a failure that is not kept for anyone else.
   */
  readonly storedAt: number;
  readonly loadId: string;
}

export interface ResponseCacheStore {
  get(key: string): Promise<CacheEntry | undefined>;
  put(key: string, entry: CacheEntry): Promise<void>;
  /**
   * Takes the key's lease for `holder` until `until` unless someone else holds an
   * unexpired one (`until > now`). Answers the holder after the attempt (`holder` when
   * it was taken), or `undefined` when the lease was released meanwhile.
   */
  acquireLease(key: string, holder: string, now: number, until: number): Promise<string | undefined>;
  releaseLease(key: string, holder: string): Promise<void>;
}

export interface MemoryResponseCacheStoreOptions {
  /** Most answers kept; the oldest stored goes first. Default 100. */
  maxEntries?: number;
}

const DEFAULT_MAX_ENTRIES = 100;

/** The default: one process, bounded in size whatever keys clients ask for. */
export function createMemoryResponseCacheStore(options: MemoryResponseCacheStoreOptions = {}): ResponseCacheStore {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`createMemoryResponseCacheStore: maxEntries must be a positive integer, got ${String(maxEntries)}.`);
  }
  const entries = new Map<string, CacheEntry>();
  const leases = new Map<string, { holder: string; until: number }>();
  return {
    async get(key) {
      return entries.get(key);
    },
    async put(key, entry) {
      // Re-inserting moves the key to the end, so eviction drops the longest-unrefreshed answer.
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    async acquireLease(key, holder, now, until) {
      const current = leases.get(key);
      if (current !== undefined && current.until > now) return current.holder;
      leases.set(key, { holder, until });
      return holder;
    },
    async releaseLease(key, holder) {
      if (leases.get(key)?.holder === holder) leases.delete(key);
    },
  };
}
