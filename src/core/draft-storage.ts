/**
 * Drafts survive a reload (or a crashed tab) in sessionStorage, so a failure never
 * costs the operator the line items they typed. A draft also carries the write that
 * was sent without a known outcome (its Idempotency-Key), so that after a reload the
 * same body is resent under the same key and Trackstar answers from its store
 * instead of creating a second order. Every access is guarded: storage can be
 * missing (server rendering), blocked (privacy settings) or full.
 */
import type { PendingWrite } from './form/form-store';

export interface DraftKeyParts {
  action: string;
  integrationType: string;
  integrationName: string;
  pathParams?: Readonly<Record<string, string | number>> | undefined;
}

export interface StoredDraft {
  version: 2;
  savedAt: number;
  formData: unknown;
  /** A write sent whose outcome is unknown. */
  pendingWrite?: PendingWrite | undefined;
}

const PREFIX = 'trackstar-write-form:draft:v1';

function isPendingWrite(value: unknown): value is PendingWrite {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<PendingWrite>;
  return typeof candidate.idempotencyKey === 'string' && typeof candidate.fingerprint === 'string' && typeof candidate.sentAt === 'number';
}

export function draftStorageKey({ action, integrationType, integrationName, pathParams }: DraftKeyParts): string {
  const params = Object.entries(pathParams ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return [PREFIX, integrationType, integrationName, action, params].join(':');
}

export function browserSessionStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function readDraft(storage: Storage | undefined, key: string): StoredDraft | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { version?: unknown; savedAt?: unknown; formData?: unknown; pendingWrite?: unknown };
    // Version 1 drafts (data only) are still read: a release must not lose what an operator typed.
    if ((parsed.version !== 1 && parsed.version !== 2) || typeof parsed.savedAt !== 'number' || !('formData' in parsed)) return undefined;
    return {
      version: 2,
      savedAt: parsed.savedAt,
      formData: parsed.formData,
      pendingWrite: isPendingWrite(parsed.pendingWrite) ? parsed.pendingWrite : undefined,
    };
  } catch {
    return undefined;
  }
}

/** Returns whether the draft was stored; a full or blocked storage is not an error worth interrupting anyone for. */
export function writeDraft(
  storage: Storage | undefined,
  key: string,
  formData: unknown,
  now: number = Date.now(),
  pendingWrite?: PendingWrite,
): boolean {
  try {
    if (!storage) return false;
    const draft: StoredDraft = { version: 2, savedAt: now, formData, ...(pendingWrite ? { pendingWrite } : {}) };
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: the draft simply stays until the tab closes.
  }
}
