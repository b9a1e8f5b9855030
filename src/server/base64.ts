/** Base64 without Node's Buffer, so the stores and the cipher run on any Fetch runtime. */

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a whole large array into fromCharCode overflows the call stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
