import { useCallback, useEffect, useRef, useState } from 'react';
import { type DraftKeyParts, draftStorageKey, readDraft, removeDraft, writeDraft } from '../../core/draft-storage';
import { prepareWriteBody } from '../../core/write';

const SAVE_DELAY_MS = 400;

export interface UseFormDraftOptions extends DraftKeyParts {
  storage: Storage | undefined;
  enabled: boolean;
}

export interface FormDraft {
  /** Form data of a draft found when the form mounted, if any. */
  restored: { formData: unknown; savedAt: number } | undefined;
  /** Saves `formData` soon (debounced), unless it holds nothing worth keeping. */
  scheduleSave: (formData: unknown) => void;
  /** Forgets the stored draft (after a success, or when the operator discards it). */
  clear: () => void;
  /** Hides the "draft restored" notice without touching the data. */
  dismiss: () => void;
}

/**
 * Autosaves form data to storage keyed by action, integration and path params,
 * and hands back what a previous page load left behind.
 */
export function useFormDraft(options: UseFormDraftOptions): FormDraft {
  const key = draftStorageKey(options);
  const { storage, enabled } = options;
  const [restored, setRestored] = useState<FormDraft['restored']>(() => {
    if (!enabled) return undefined;
    const draft = readDraft(storage, key);
    return draft ? { formData: draft.formData, savedAt: draft.savedAt } : undefined;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<{ formData: unknown } | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const next = pending.current;
    pending.current = undefined;
    if (!next || !enabled) return;
    // An all-blank form is not a draft; storing it would greet the next visit with a pointless notice.
    if (Object.keys(prepareWriteBody(next.formData)).length === 0) removeDraft(storage, key);
    else writeDraft(storage, key, next.formData);
  }, [enabled, storage, key]);

  const scheduleSave = useCallback(
    (formData: unknown) => {
      if (!enabled) return;
      pending.current = { formData };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [enabled, flush],
  );

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = undefined;
    removeDraft(storage, key);
    setRestored(undefined);
  }, [storage, key]);

  const dismiss = useCallback(() => setRestored(undefined), []);

  // Leaving the page (or unmounting the form) must not drop the last keystrokes.
  useEffect(() => {
    if (typeof window === 'undefined') return undefined;
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { restored, scheduleSave, clear, dismiss };
}
