/** What the sandbox remembers between requests: records per connection, idempotency keys, rate-limit windows. */

import { WRITE_ACTIONS } from '../core/actions';
import type { JsonValue } from '../core/types';
import type { SandboxAction } from './types';

export type StoredRecord = { [field: string]: JsonValue };

/** Id prefixes by path segment, so ids read like Trackstar's (`ord_…`, `shp_…`). */
const ID_PREFIXES: Record<string, string> = {
  orders: 'ord',
  returns: 'ret',
  'inbound-shipments': 'ibs',
  kits: 'kit',
  products: 'prod',
  inventory: 'inv',
  shipments: 'shp',
  receive: 'rcpt',
  adjust: 'adj',
  'adjust-inventory': 'adj',
};

function idPrefix(segment: string): string {
  return ID_PREFIXES[segment] ?? (segment.replace(/[^a-z]/g, '').slice(0, 4) || 'rec');
}

/**
 * What a write does to the store, read from its path template:
 * `/wms/orders` creates, `/wms/orders/{order_id}` updates, and
 * `/wms/orders/{order_id}/shipments` creates a child of an existing order.
 */
export type WriteTarget =
  | { kind: 'create'; collection: string; prefix: string }
  | { kind: 'update'; collection: string; idParam: string }
  | { kind: 'child'; collection: string; prefix: string; parentCollection: string; parentParam: string };

export function writeTargetOf(action: Pick<SandboxAction, 'path'>): WriteTarget {
  const segments = action.path.split('/').filter(Boolean);
  const parameter = (segment: string | undefined) => /^\{(.+)\}$/.exec(segment ?? '')?.[1];
  const [type, resource, idSegment, ...rest] = segments;
  const parentCollection = `${type}/${resource}`;
  const idParam = parameter(idSegment);
  if (idParam === undefined) return { kind: 'create', collection: parentCollection, prefix: idPrefix(resource ?? '') };
  const child = rest.join('/');
  if (child === '') return { kind: 'update', collection: parentCollection, idParam };
  return { kind: 'child', collection: `${parentCollection}/${child}`, prefix: idPrefix(rest.at(-1)!), parentCollection, parentParam: idParam };
}

/** The top-level collection an action works on (`wms/orders` for create, update and ship order). */
export function topCollectionOf(action: Pick<SandboxAction, 'path'>): string {
  const target = writeTargetOf(action);
  return target.kind === 'child' ? target.parentCollection : target.collection;
}

function seedIdOf(collection: string): string {
  return `${idPrefix(collection.split('/').at(-1) ?? '')}_1`;
}

/**
 * The record every sandbox connection starts with, by the path parameter that names it:
 * `{ order_id: "ord_1", return_id: "ret_1", … }`. Enough to open any update,
 * shipment, receipt or adjustment form against a fresh sandbox.
 */
export const SANDBOX_SEED_PATH_PARAMS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    Object.values(WRITE_ACTIONS).flatMap((definition) => {
      const target = writeTargetOf(definition);
      if (target.kind === 'update') return [[target.idParam, seedIdOf(target.collection)]];
      if (target.kind === 'child') return [[target.parentParam, seedIdOf(target.parentCollection)]];
      return [];
    }),
  ),
);

interface ConnectionRecords {
  readonly collections: Map<string, Map<string, StoredRecord>>;
  readonly orderNumbers: Set<string>;
}

/**
 * Records per connection. Each connection starts with one record (`ord_1`, `prod_1`…)
 * in every collection its actions touch, so update and child forms work from the start;
 * `seeds` says which collections and what the seeded record holds besides its id.
 */
export class RecordStore {
  private readonly byConnection = new Map<string, ConnectionRecords>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly seeds: (accessToken: string) => ReadonlyArray<{ collection: string; sample: StoredRecord }>) {}

  private connection(accessToken: string): ConnectionRecords {
    let records = this.byConnection.get(accessToken);
    if (!records) {
      records = { collections: new Map(), orderNumbers: new Set() };
      for (const { collection, sample } of this.seeds(accessToken)) {
        const id = seedIdOf(collection);
        records.collections.set(collection, new Map([[id, { ...sample, id }]]));
      }
      this.byConnection.set(accessToken, records);
    }
    return records;
  }

  get(accessToken: string, collection: string, id: string): StoredRecord | undefined {
    return this.connection(accessToken).collections.get(collection)?.get(id);
  }

  put(accessToken: string, collection: string, record: StoredRecord & { id: string }): void {
    const collections = this.connection(accessToken).collections;
    let records = collections.get(collection);
    if (!records) collections.set(collection, (records = new Map()));
    records.set(record.id, record);
  }

  /** Ids never collide with the seeds: counters start at 2 for every prefix. */
  newId(prefix: string): string {
    const next = (this.counters.get(prefix) ?? 1) + 1;
    this.counters.set(prefix, next);
    return `${prefix}_${next}`;
  }

  orderNumbers(accessToken: string): Set<string> {
    return this.connection(accessToken).orderNumbers;
  }

  clear(): void {
    this.byConnection.clear();
    this.counters.clear();
  }
}

export interface StoredResponse {
  readonly status: number;
  readonly body: JsonValue;
}

export type IdempotencyOutcome =
  | { kind: 'new' }
  | { kind: 'in-flight' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'different-request' };

/** Idempotency keys per (API key, access token, key): the first successful answer is kept and replayed. */
export class IdempotencyStore {
  private readonly entries = new Map<string, { fingerprint: string; response?: StoredResponse }>();

  begin(scope: string, fingerprint: string): IdempotencyOutcome {
    const entry = this.entries.get(scope);
    if (!entry) {
      this.entries.set(scope, { fingerprint });
      return { kind: 'new' };
    }
    if (!entry.response) return { kind: 'in-flight' };
    return entry.fingerprint === fingerprint ? { kind: 'replay', response: entry.response } : { kind: 'different-request' };
  }

  /** Only a success is remembered; a failed attempt frees the key for a retry. */
  finish(scope: string, response: StoredResponse): void {
    const entry = this.entries.get(scope);
    if (!entry) return;
    if (response.status >= 200 && response.status < 300) entry.response = response;
    else this.entries.delete(scope);
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly headers: Record<string, string>;
}

/** One call per window per key, as Trackstar limits `GET /integrations/...`. */
export class RateLimiter {
  private readonly windows = new Map<string, number>();

  constructor(
    private readonly windowMs: number | false,
    private readonly now: () => number,
  ) {}

  take(key: string): RateLimitDecision {
    if (this.windowMs === false || this.windowMs <= 0) return { allowed: true, headers: {} };
    const now = this.now();
    const startedAt = this.windows.get(key);
    const open = startedAt === undefined || now - startedAt >= this.windowMs;
    if (open) this.windows.set(key, now);
    const resetSeconds = Math.max(1, Math.ceil(((open ? now : startedAt!) + this.windowMs - now) / 1000));
    const headers: Record<string, string> = {
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(resetSeconds),
    };
    if (!open) headers['retry-after'] = String(resetSeconds);
    return { allowed: open, headers };
  }

  clear(): void {
    this.windows.clear();
  }
}
