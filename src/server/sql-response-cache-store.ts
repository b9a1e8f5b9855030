import { fromBase64, toBase64 } from './base64';
import type { CacheEntry, CachedAnswer, ResponseCacheStore } from './response-cache-store';
import type { SqlDatabase } from './sql-database';

export interface SqlResponseCacheStoreOptions {
  /** Most answers kept; the ones that expire soonest go first. Default 100. */
  maxEntries?: number;
}

interface CacheRow {
  status: number;
  headers: unknown;
  body_base64: string | null;
  expires_at: number | string;
  stored_at: number | string;
  load_id: string;
}

function headerPairs(value: unknown): Array<[string, string]> {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (pair): pair is [string, string] => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string',
  );
}

/**
 * The proxy's `/integrations` cache in the database, shared by every proxy instance
 * on it. A row in `trackstar_cache_leases` is the lock: the instance that inserts it
 * calls Trackstar, the others wait for its answer in `trackstar_response_cache`.
 */
export function createSqlResponseCacheStore(database: SqlDatabase, options: SqlResponseCacheStoreOptions = {}): ResponseCacheStore {
  const maxEntries = options.maxEntries ?? 100;
  return {
    async get(key) {
      const { rows } = await database.query<CacheRow>(
        'SELECT status, headers, body_base64, expires_at, stored_at, load_id FROM trackstar_response_cache WHERE cache_key = $1',
        [key],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      const answer: CachedAnswer = {
        status: Number(row.status),
        headers: headerPairs(row.headers),
        body: row.body_base64 === null ? null : fromBase64(row.body_base64),
      };
      return { answer, expiresAt: Number(row.expires_at), storedAt: Number(row.stored_at), loadId: row.load_id };
    },
    async put(key, entry: CacheEntry) {
      const { answer } = entry;
      await database.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO trackstar_response_cache (cache_key, status, headers, body_base64, expires_at, stored_at, load_id)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
           ON CONFLICT (cache_key) DO UPDATE SET status = EXCLUDED.status, headers = EXCLUDED.headers,
             body_base64 = EXCLUDED.body_base64, expires_at = EXCLUDED.expires_at, stored_at = EXCLUDED.stored_at, load_id = EXCLUDED.load_id`,
          [key, answer.status, JSON.stringify(answer.headers), answer.body === null ? null : toBase64(answer.body), entry.expiresAt, entry.storedAt, entry.loadId],
        );
        // Bounded whatever names clients ask for: the surplus that expires first goes.
        await tx.query(
          `DELETE FROM trackstar_response_cache WHERE cache_key IN (
             SELECT cache_key FROM trackstar_response_cache ORDER BY expires_at DESC, cache_key OFFSET $1)`,
          [maxEntries],
        );
      });
    },
    async acquireLease(key, holder, now, until) {
      const taken = await database.query<{ holder: string }>(
        `INSERT INTO trackstar_cache_leases (cache_key, holder, lease_until) VALUES ($1, $2, $3)
         ON CONFLICT (cache_key) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until
           WHERE trackstar_cache_leases.lease_until <= $4
         RETURNING holder`,
        [key, holder, until, now],
      );
      if (taken.rows[0] !== undefined) return taken.rows[0].holder;
      const current = await database.query<{ holder: string }>('SELECT holder FROM trackstar_cache_leases WHERE cache_key = $1', [key]);
      return current.rows[0]?.holder;
    },
    async releaseLease(key, holder) {
      await database.query('DELETE FROM trackstar_cache_leases WHERE cache_key = $1 AND holder = $2', [key, holder]);
    },
  };
}
