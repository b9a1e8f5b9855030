/**
 * Drafts survive a reload (or a crashed tab) in sessionStorage, so a failure never
 * costs the operator the line items they typed. Every access is guarded: storage
 * can be missing (server rendering), blocked (privacy settings) or full.
 */

export interface DraftKeyParts {
  action: string;
  integrationType: string;
  integrationName: string;
  pathParams?: Readonly<Record<string, string | number>> | undefined;
}

export interface StoredDraft {
  version: 1;
  savedAt: number;
  formData: unknown;
}

const PREFIX = 'trackstar-write-form:draft:v1';

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
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    if (parsed.version !== 1 || typeof parsed.savedAt !== 'number' || !('formData' in parsed)) return undefined;
    return parsed as StoredDraft;
  } catch {
    return undefined;
  }
}

/** Returns whether the draft was stored; a full or blocked storage is not an error worth interrupting anyone for. */
export function writeDraft(storage: Storage | undefined, key: string, formData: unknown, now: number = Date.now()): boolean {
  try {
    if (!storage) return false;
    const draft: StoredDraft = { version: 1, savedAt: now, formData };
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
