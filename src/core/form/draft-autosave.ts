/**
 * Keeps a form's draft in storage while the operator types (debounced), with the
 * write whose outcome is unknown saved at once (it must survive a reload that comes
 * a moment after the request left). Framework-free: the React layer only flushes it
 * when the page is hidden or the form unmounts.
 */
import { type StoredDraft, readDraft, removeDraft, writeDraft } from '../draft-storage';
import type { PendingWrite } from './form-store';

export interface DraftAutosave {
  /** The draft found when the form started, if any. */
  readonly restored: StoredDraft | undefined;
  /** Saves `values` soon. `isBlank` (asked at save time) says whether they hold nothing worth keeping: then the draft is removed. */
  schedule(values: unknown, isBlank: () => boolean): void;
  /** Saves the pending write now (or forgets it), with the latest values. */
  persistPendingWrite(pending: PendingWrite | undefined, values: unknown): void;
  /** Writes what is scheduled now. */
  flush(): void;
  /** Forgets the draft (a success, or the operator discarded it). */
  clear(): void;
}

export interface DraftAutosaveOptions {
  storage: Storage | undefined;
  key: string;
  enabled: boolean;
  delayMs?: number;
  now?: () => number;
}

export function createDraftAutosave({ storage, key, enabled, delayMs = 400, now = Date.now }: DraftAutosaveOptions): DraftAutosave {
  const restored = enabled ? readDraft(storage, key) : undefined;
  let pendingWrite: PendingWrite | undefined = restored?.pendingWrite;
  let scheduled: { values: unknown; isBlank: () => boolean; at: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // One timer per pause in typing, not one per keystroke: a keystroke only notes the time, and the timer,
  // when it fires early, waits the rest of the pause. (Re-arming a timer on every key cost a long grid's
  // keystrokes measurable time.)
  const arm = (delay: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      const rest = scheduled ? scheduled.at + delayMs - now() : 0;
      if (rest > 0) arm(rest);
      else flush();
    }, delay);
  };

  const write = (values: unknown, isBlank: boolean) => {
    // An all-blank form is not a draft, unless a write of it is pending (then what was sent must be kept).
    if (isBlank && !pendingWrite) removeDraft(storage, key);
    else writeDraft(storage, key, values, now(), pendingWrite);
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const next = scheduled;
    scheduled = undefined;
    if (next && enabled) write(next.values, next.isBlank());
  };

  return {
    restored,
    schedule(values, isBlank) {
      if (!enabled) return;
      scheduled = { values, isBlank, at: now() };
      if (timer === undefined) arm(delayMs);
    },
    persistPendingWrite(pending, values) {
      pendingWrite = pending;
      if (!enabled) return;
      clearTimeout(timer);
      timer = undefined;
      scheduled = undefined;
      write(values, false);
    },
    flush,
    clear() {
      clearTimeout(timer);
      timer = undefined;
      scheduled = undefined;
      pendingWrite = undefined;
      removeDraft(storage, key);
    },
  };
}
