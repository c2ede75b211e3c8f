// Command arguments from the JS API to redmoon's byte strings: JS strings are
// UTF-8 encoded, Buffers and Uint8Arrays are taken byte for byte, numbers and
// bigints are written in decimal (as client libraries send them).

export type Arg = string | number | bigint | Buffer | Uint8Array;

/** Whether every char is ASCII (then the UTF-8 bytes are the chars themselves). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** One argument as a latin1 byte string. */
export function toBytes(a: Arg): string {
  if (typeof a === 'string') return isAscii(a) ? a : Buffer.from(a, 'utf8').toString('latin1');
  if (typeof a === 'number' || typeof a === 'bigint') return String(a);
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('latin1');
}

/** A command as argv byte strings (nested arrays are flattened, as ioredis does); may return `args` itself. */
export function toArgv(args: readonly (Arg | readonly Arg[])[]): string[] {
  // The common case, ASCII strings only: they are their own bytes.
  let i = 0;
  while (i < args.length && typeof args[i] === 'string' && isAscii(args[i] as string)) i++;
  if (i === args.length) return args as string[];
  const argv = args.slice(0, i) as string[];
  for (; i < args.length; i++) {
    const a = args[i];
    if (Array.isArray(a)) return flatArgv(args);
    argv.push(toBytes(a as Arg));
  }
  return argv;
}

function flatArgv(args: readonly (Arg | readonly Arg[])[]): string[] {
  const argv: string[] = [];
  for (const a of args) {
    if (Array.isArray(a)) for (const x of a as readonly Arg[]) argv.push(toBytes(x));
    else argv.push(toBytes(a as Arg));
  }
  return argv;
}

/** The RESP request for argv (latin1 string). */
export function encodeRequest(argv: readonly string[]): string {
  let s = `*${argv.length}\r\n`;
  for (const a of argv) s += `$${a.length}\r\n${a}\r\n`;
  return s;
}
