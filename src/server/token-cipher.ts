/**
 * Access tokens at rest: AES-256-GCM through Web Crypto, so a copy of the database
 * (a backup, a replica, a leaked dump) holds no usable token without the key. The
 * connection id is bound in as associated data: a ciphertext moved to another row
 * does not decrypt.
 */
import { fromBase64, toBase64 } from './base64';

export interface TokenCipher {
  encrypt(plaintext: string, associatedData: string): Promise<string>;
  decrypt(sealed: string, associatedData: string): Promise<string>;
}

const FORMAT_VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** A fresh random key, base64: what `TRACKSTAR_TOKEN_KEY` holds. */
export function generateTokenKey(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
}

/** 32 bytes from base64 (44 characters) or hex (64 characters). */
function decodeKey(key: string): Uint8Array<ArrayBuffer> {
  const trimmed = key.trim();
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  if (/^[0-9a-f]{64}$/i.test(trimmed)) {
    bytes = new Uint8Array(trimmed.match(/../g)!.map((pair) => Number.parseInt(pair, 16)));
  } else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    try {
      bytes = fromBase64(trimmed.replace(/-/g, '+').replace(/_/g, '/'));
    } catch {
      bytes = undefined;
    }
  }
  if (bytes === undefined || bytes.length !== KEY_BYTES) {
    throw new TypeError(
      `The token key must be ${KEY_BYTES} random bytes as base64 (44 characters) or hex (64 characters); got ${trimmed.length} characters. ` +
        'Generate one with: node -e "console.log(require(\'node:crypto\').randomBytes(32).toString(\'base64\'))"',
    );
  }
  return bytes;
}

export async function createTokenCipher(key: string): Promise<TokenCipher> {
  const cryptoKey = await crypto.subtle.importKey('raw', decodeKey(key), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const encoder = new TextEncoder();
  return {
    async encrypt(plaintext, associatedData) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(associatedData) },
        cryptoKey,
        encoder.encode(plaintext),
      );
      return `${FORMAT_VERSION}.${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`;
    },
    async decrypt(sealed, associatedData) {
      const [version, iv, ciphertext] = sealed.split('.');
      if (version !== FORMAT_VERSION || iv === undefined || ciphertext === undefined) {
        throw new Error('A stored access token is not in the expected encrypted format.');
      }
      try {
        const plaintext = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(iv), additionalData: encoder.encode(associatedData) },
          cryptoKey,
          fromBase64(ciphertext),
        );
        return new TextDecoder().decode(plaintext);
      } catch {
        throw new Error('A stored access token could not be decrypted: TRACKSTAR_TOKEN_KEY is not the key it was stored with.');
      }
    },
  };
}
