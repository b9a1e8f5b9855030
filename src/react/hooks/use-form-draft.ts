import { useCallback, useEffect, useState } from 'react';
import { type DraftAutosave, type DraftKeyParts, type PendingWrite } from '../../core';
import { createDraftAutosave, draftStorageKey } from '../../core/internal';

export interface UseFormDraftOptions extends DraftKeyParts {
  storage: Storage | undefined;
  enabled: boolean;
}

export interface FormDraft {
  /** The draft found when the form mounted, if any (with its pending write, when a write's outcome was unknown). */
  restored: { formData: unknown; savedAt: number; pendingWrite: PendingWrite | undefined } | undefined;
  /** The autosave itself, created once per key: schedule saves, persist a pending write, flush, clear. */
  autosave: DraftAutosave;
  /** Forgets the stored draft (after a success, or when the operator discards it). */
  clear: () => void;
  /** Hides the "draft restored" notice without touching the data. */
  dismiss: () => void;
}

/**
 * Autosaves form data to storage keyed by action, integration and path params, and
 * hands back what a previous page load left behind. Leaving the page (or unmounting)
 * never drops the last keystrokes.
 */
export function useFormDraft(options: UseFormDraftOptions): FormDraft {
  const key = draftStorageKey(options);
  const { storage, enabled } = options;
  const [autosave] = useState(() => createDraftAutosave({ storage, key, enabled }));
  const [restored, setRestored] = useState<FormDraft['restored']>(() =>
    autosave.restored ? { formData: autosave.restored.formData, savedAt: autosave.restored.savedAt, pendingWrite: autosave.restored.pendingWrite } : undefined,
  );

  useEffect(() => {
    if (typeof window === 'undefined') return undefined;
    const flush = () => autosave.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      autosave.flush();
    };
  }, [autosave]);

  const clear = useCallback(() => {
    autosave.clear();
    setRestored(undefined);
  }, [autosave]);
  const dismiss = useCallback(() => setRestored(undefined), []);
  return { restored, autosave, clear, dismiss };
}
