import { describe, expect, it } from 'vitest';
import { draftStorageKey, readDraft, removeDraft, writeDraft } from '../../src/core/draft-storage';

describe('draft storage', () => {
  it('keys drafts by action, integration and path params in a stable order', () => {
    const a = draftStorageKey({ action: 'update_order', integrationType: 'wms', integrationName: 'bluefin', pathParams: { order_id: 'ord_1', x: 2 } });
    const b = draftStorageKey({ action: 'update_order', integrationType: 'wms', integrationName: 'bluefin', pathParams: { x: 2, order_id: 'ord_1' } });
    const other = draftStorageKey({ action: 'update_order', integrationType: 'wms', integrationName: 'bluefin', pathParams: { order_id: 'ord_2', x: 2 } });
    expect(a).toBe(b);
    expect(a).not.toBe(other);
  });

  it('round-trips, ignores garbage, and survives a storage that throws', () => {
    const key = 'k';
    expect(writeDraft(window.sessionStorage, key, { a: 1 }, 123)).toBe(true);
    expect(readDraft(window.sessionStorage, key)).toEqual({ version: 2, savedAt: 123, formData: { a: 1 }, pendingWrite: undefined });
    window.sessionStorage.setItem(key, '{not json');
    expect(readDraft(window.sessionStorage, key)).toBeUndefined();
    removeDraft(window.sessionStorage, key);
    expect(readDraft(window.sessionStorage, key)).toBeUndefined();

    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    expect(writeDraft(broken, key, {})).toBe(false);
    expect(readDraft(broken, key)).toBeUndefined();
    expect(() => removeDraft(broken, key)).not.toThrow();
    expect(writeDraft(undefined, key, {})).toBe(false);
  });
});
