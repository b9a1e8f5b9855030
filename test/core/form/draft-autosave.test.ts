import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDraftAutosave } from '../../../src/core/form/draft-autosave';
import { draftStorageKey, readDraft } from '../../../src/core/draft-storage';

const key = draftStorageKey({ action: 'create_order', integrationType: 'wms', integrationName: 'bluefin' });

afterEach(() => vi.useRealTimers());

describe('draft autosave', () => {
  it('saves typing after a pause, and a pending write at once, so a reload finds both', () => {
    vi.useFakeTimers();
    vi.setSystemTime(5);
    const autosave = createDraftAutosave({ storage: window.sessionStorage, key, enabled: true });
    autosave.schedule({ order_number: '1' }, () => false);
    expect(readDraft(window.sessionStorage, key)).toBeUndefined();
    vi.advanceTimersByTime(300);
    // Typing goes on: the save waits for a pause of its own length after the last change.
    autosave.schedule({ order_number: '12' }, () => false);
    vi.advanceTimersByTime(300);
    expect(readDraft(window.sessionStorage, key)).toBeUndefined();
    vi.advanceTimersByTime(100);
    expect(readDraft(window.sessionStorage, key)?.formData).toEqual({ order_number: '12' });
    autosave.persistPendingWrite({ idempotencyKey: 'k', fingerprint: 'f', sentAt: 5 }, { order_number: '2' });
    expect(readDraft(window.sessionStorage, key)).toEqual({ version: 2, savedAt: 705, formData: { order_number: '2' }, pendingWrite: { idempotencyKey: 'k', fingerprint: 'f', sentAt: 5 } });
    const reloaded = createDraftAutosave({ storage: window.sessionStorage, key, enabled: true });
    expect(reloaded.restored?.pendingWrite?.idempotencyKey).toBe('k');
  });

  it('keeps a blank draft while a write of it is pending, and forgets everything when cleared', () => {
    const autosave = createDraftAutosave({ storage: window.sessionStorage, key, enabled: true });
    autosave.persistPendingWrite({ idempotencyKey: 'k', fingerprint: 'f', sentAt: 1 }, {});
    autosave.schedule({}, () => true);
    autosave.flush();
    expect(readDraft(window.sessionStorage, key)?.pendingWrite?.idempotencyKey).toBe('k');
    autosave.clear();
    expect(readDraft(window.sessionStorage, key)).toBeUndefined();
  });

  it('reads a draft written by the previous version', () => {
    window.sessionStorage.setItem(key, JSON.stringify({ version: 1, savedAt: 9, formData: { a: 1 } }));
    expect(createDraftAutosave({ storage: window.sessionStorage, key, enabled: true }).restored).toMatchObject({ formData: { a: 1 }, pendingWrite: undefined });
  });
});
