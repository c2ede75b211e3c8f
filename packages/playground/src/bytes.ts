// The page's edge between JS text and redmoon's byte strings (one char per
// byte): what the user types is UTF-8 encoded, and values are shown decoded
// when they are valid UTF-8 (the console prints bytes as redis-cli does).
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function bytesFromText(text: string): string {
  const bytes = utf8.encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** A byte string as text: its UTF-8 decoding, or \xHH escapes for bytes that are not UTF-8. */
export function textFromBytes(s: string): string {
  const bytes = Uint8Array.from(s, (ch) => ch.charCodeAt(0));
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return s.replace(/[\x80-\xff]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
  }
}
