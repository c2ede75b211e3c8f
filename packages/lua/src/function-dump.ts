// FUNCTION DUMP's payload (functions.c functionDumpCommand, rdb.c
// rdbSaveFunctions/rdbFunctionLoad): per library the RDB_OPCODE_FUNCTION2 byte
// and its code as an RDB string (LZF-compressed when long, like any RDB
// string), then the RDB version (2 bytes LE) and the CRC64 (8 bytes LE).
import { crc64LE, RdbFormatError, RdbReader, RdbWriter, RDB_VERSION, verifyDumpPayload } from '@redmoon/core';

/** rdb.h: a library in the format of Redis 7.0 GA and later. */
const RDB_OPCODE_FUNCTION2 = 245;
/** rdb.h: a library as 7.0 release candidates saved it: name, engine, optional description, code. */
const RDB_OPCODE_FUNCTION_PRE_GA = 246;
/** The version and checksum that end a payload. */
const FOOTER_SIZE = 10;

/** The payload of libraries' codes, in the order given. */
export function dumpFunctions(codes: Iterable<string>, compress: boolean): string {
  const w = new RdbWriter(compress);
  for (const code of codes) {
    w.byte(RDB_OPCODE_FUNCTION2);
    w.string(code);
  }
  w.raw(String.fromCharCode(RDB_VERSION & 0xff, RDB_VERSION >> 8));
  const body = w.toString();
  return body + crc64LE(body);
}

/** A verified payload's libraries' codes, read one at a time; an error ends it. */
export type FunctionsPayload = Iterable<string | { err: string }>;

/**
 * The libraries of a payload, or Redis's error for it (without "ERR "). Redis
 * loads each library as it reads it, so a library's load error comes before
 * any read error further on: the codes are read lazily. Like Redis, the reader
 * runs over the whole payload (a string may reach into the footer) while more
 * than the footer's 10 bytes remain.
 */
export function parseFunctionsPayload(payload: string): FunctionsPayload | { err: string } {
  if (!verifyDumpPayload(payload)) return { err: 'DUMP payload version or checksum are wrong' };
  return readLibraries(payload);
}

function* readLibraries(payload: string): Generator<string | { err: string }> {
  const r = new RdbReader(payload);
  while (payload.length - r.pos > FOOTER_SIZE) {
    const type = r.byte();
    if (type !== RDB_OPCODE_FUNCTION2 && type !== RDB_OPCODE_FUNCTION_PRE_GA) {
      yield { err: 'given type is not a function' };
      return;
    }
    const code = type === RDB_OPCODE_FUNCTION2 ? readString(r, 'Failed loading library payload') : readPreGa(r);
    yield code;
    if (typeof code !== 'string') return;
  }
}

function readString(r: RdbReader, err: string): string | { err: string } {
  try {
    return r.string();
  } catch (e) {
    if (e instanceof RdbFormatError) return { err };
    throw e;
  }
}

/** rdbFunctionLoad for RDB_OPCODE_FUNCTION: rebuilds the shebang the code lacked then. */
function readPreGa(r: RdbReader): string | { err: string } {
  const name = readString(r, 'Failed loading library name');
  if (typeof name !== 'string') return name;
  const engine = readString(r, 'Failed loading engine name');
  if (typeof engine !== 'string') return engine;
  let hasDesc: number;
  try {
    hasDesc = r.len();
  } catch (e) {
    if (e instanceof RdbFormatError) return { err: 'Failed loading library description indicator' };
    throw e;
  }
  if (hasDesc !== 0) {
    const desc = readString(r, 'Failed loading library description');
    if (typeof desc !== 'string') return desc;
  }
  const blob = readString(r, 'Failed loading library blob');
  if (typeof blob !== 'string') return blob;
  return `#!${engine} name=${name}\n${blob}`;
}
