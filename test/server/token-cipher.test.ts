// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { createTokenCipher, generateTokenKey } from '../../src/server';

describe('createTokenCipher (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV every time', async () => {
    const cipher = await createTokenCipher(generateTokenKey());
    const first = await cipher.encrypt('token-1', 'conn_1');
    const second = await cipher.encrypt('token-1', 'conn_1');
    expect(first).not.toBe(second);
    expect(await cipher.decrypt(first, 'conn_1')).toBe('token-1');
    expect(await cipher.decrypt(second, 'conn_1')).toBe('token-1');
  });

  it('accepts a hex key as well as base64', async () => {
    const hex = Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    const cipher = await createTokenCipher(hex);
    expect(await cipher.decrypt(await cipher.encrypt('t', 'a'), 'a')).toBe('t');
  });

  it.each(['', 'short', 'x'.repeat(44), generateTokenKey().slice(0, 40)])('refuses the key %j with a message that says how to make one', async (key) => {
    await expect(createTokenCipher(key)).rejects.toThrow(/32 random bytes as base64 \(44 characters\) or hex \(64 characters\).*randomBytes\(32\)/s);
  });

  it('refuses a ciphertext tampered with, from another row or under another key', async () => {
    const cipher = await createTokenCipher(generateTokenKey());
    const sealed = await cipher.encrypt('token-1', 'conn_1');
    const [version, iv, body] = sealed.split('.');
    const flipped = `${version}.${iv}.${body!.startsWith('A') ? 'B' : 'A'}${body!.slice(1)}`;
    await expect(cipher.decrypt(flipped, 'conn_1')).rejects.toThrow(/could not be decrypted/);
    await expect(cipher.decrypt(sealed, 'conn_2')).rejects.toThrow(/could not be decrypted/);
    await expect((await createTokenCipher(generateTokenKey())).decrypt(sealed, 'conn_1')).rejects.toThrow(/could not be decrypted/);
    await expect(cipher.decrypt('plain-token', 'conn_1')).rejects.toThrow(/not in the expected encrypted format/);
  });
});
