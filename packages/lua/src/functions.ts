// Redis Functions' library registry (functions.c): the libraries by name, the
// functions by name (case-insensitive, across libraries), FUNCTION LOAD's
// metadata and collision rules, DELETE, FLUSH, and RESTORE's join of a payload's
// libraries. Running a function goes through the ScriptingEngine's runner, the
// same as EVAL's.
import { type Client, type Reply, error, sdsSplitArgs } from '@redmoon/core';
import { FunctionsVm, INVALID_NAME, isValidName, LOAD_TIMEOUT_MS, type RegisteredFunction } from './function-lua.ts';
import type { FunctionsPayload } from './function-dump.ts';
import { jemallocSize } from './memory.ts';
import type { RunTarget, ScriptingEngine } from './scripting.ts';

export interface FunctionInfo extends RegisteredFunction {
  readonly library: LibraryInfo;
  /** What the runner calls (the functions' VM, the callback's reference, the name errors show). */
  readonly target: RunTarget;
}

export interface LibraryInfo {
  readonly name: string;
  /** The whole FUNCTION LOAD payload, shebang included (LIST WITHCODE, DUMP). */
  readonly code: string;
  /** By name as registered (case-sensitive within a library, as Redis's libraryFunctionDictType). */
  readonly functions: Map<string, FunctionInfo>;
}

/** The one engine there is; FUNCTION LIST and STATS show its name so. */
export const ENGINE_NAME = 'LUA';

/** Memory figures fitted on redis-server 7.0.15's INFO (used_memory_functions of an empty server). */
const FUNCTIONS_BASE_MEMORY = 200;
const VM_FUNCTIONS_BASE_MEMORY = 33792;
/** Per library and per function beyond their strings' sds (structs and dict entries), fitted likewise. */
const LIBRARY_OVERHEAD = 96;
const FUNCTION_OVERHEAD = 48;

/** sds allocation size of a string of n bytes (header by length, NUL). */
const sdsSize = (n: number): number => jemallocSize((n < 256 ? 3 : n < 65536 ? 5 : 9) + n + 1);

/** functionExtractLibMetaData: engine, name and the body (from the shebang's newline on). */
function extractMetadata(code: string): { engine: string; name: string; body: string } | string {
  if (!code.startsWith('#!')) return 'Missing library metadata';
  // The payload is read as a C string here: its first NUL ends the search for the newline.
  const nul = code.indexOf('\0');
  const end = code.indexOf('\n');
  if (end < 0 || (nul >= 0 && nul < end)) return 'Invalid library metadata';
  const parts = sdsSplitArgs(code.slice(0, end));
  if (parts === null || parts.length === 0) return 'Invalid library metadata';
  const engine = parts[0].slice(2);
  let name: string | null = null;
  for (const part of parts.slice(1)) {
    if (part.slice(0, 5).toLowerCase() !== 'name=') return `Invalid metadata value given: ${part}`;
    if (name !== null) return 'Invalid metadata value, name argument was given multiple times';
    name = part.slice(5);
  }
  if (name === null) return 'Library name was not given';
  return { engine, name, body: code.slice(end) };
}

export class FunctionsEngine {
  /** Library name -> library (insertion order). */
  readonly libraries = new Map<string, LibraryInfo>();
  /** Lowercase function name -> function, across libraries (functionDictType is case-insensitive). */
  readonly functions = new Map<string, FunctionInfo>();
  private vmInstance: FunctionsVm | null = null;

  constructor(private readonly scripting: ScriptingEngine) {}

  /** Add the functions' fields to INFO's scripting figures (for the server's registry, not a staged one). */
  reportToInfo(): void {
    const server = this.scripting.server;
    const scriptsInfo = server.scriptingInfo;
    server.scriptingInfo = () => ({
      ...(scriptsInfo?.() ?? { numberOfCachedScripts: 0, usedMemoryScriptsEval: 0, usedMemoryLua: 0 }),
      functions: this.info(),
    });
  }

  /** The functions' Lua state, created on first use and again after FLUSH (functionsInit). */
  private get vm(): FunctionsVm {
    if (this.vmInstance === null) {
      const server = this.scripting.server;
      this.vmInstance = new FunctionsVm(this.scripting.newSandbox('function'), this.scripting, () => server.clock.now());
    }
    return this.vmInstance;
  }

  lookup(name: string): FunctionInfo | undefined {
    return this.functions.get(name.toLowerCase());
  }

  /**
   * functionsCreateWithLibraryCtx: FUNCTION LOAD [REPLACE] of `code` into this
   * registry. Returns the library name, or the error (without "ERR ").
   */
  load(code: string, replace: boolean, timeoutMs = LOAD_TIMEOUT_MS): string | { err: string } {
    const md = extractMetadata(code);
    if (typeof md === 'string') return { err: md };
    if (!isValidName(md.name)) return { err: INVALID_NAME };
    if (md.engine.toLowerCase() !== 'lua') return { err: `Engine '${md.engine}' not found` };
    const old = this.libraries.get(md.name);
    if (old !== undefined && !replace) return { err: `Library '${md.name}' already exists` };
    if (old !== undefined) this.unlink(old);
    const created = this.vm.create(md.body, timeoutMs);
    const fail = (err: string): { err: string } => {
      if (typeof created !== 'string') this.vm.free(created.values());
      if (old !== undefined) this.link(old);
      return { err };
    };
    if (typeof created === 'string') return fail(created);
    if (created.size === 0) return fail('No functions registered');
    for (const f of created.values()) {
      if (this.functions.has(f.name.toLowerCase())) return fail(`Function ${f.name} already exists`);
    }
    this.link(this.library(md.name, code, created.values()));
    if (old !== undefined) this.vm.free(old.functions.values());
    return md.name;
  }

  /** A library of registered functions, each with its run target. */
  private library(name: string, code: string, registered: Iterable<RegisteredFunction>): LibraryInfo {
    const lib: LibraryInfo = { name, code, functions: new Map() };
    const vm = this.vm;
    for (const f of registered) {
      lib.functions.set(f.name, { ...f, library: lib, target: { vm, ref: f.ref, funcname: f.name, isEval: false } });
    }
    return lib;
  }

  private link(lib: LibraryInfo): void {
    for (const f of lib.functions.values()) {
      const key = f.name.toLowerCase();
      // Two names differing only in case within one library: the second is not linked (dictAdd fails).
      if (!this.functions.has(key)) this.functions.set(key, f);
    }
    this.libraries.set(lib.name, lib);
  }

  private unlink(lib: LibraryInfo): void {
    for (const f of lib.functions.values()) {
      const key = f.name.toLowerCase();
      if (this.functions.get(key) === f) this.functions.delete(key);
    }
    this.libraries.delete(lib.name);
  }

  /** FUNCTION DELETE: false when there is no such library. */
  delete(name: string): boolean {
    const lib = this.libraries.get(name);
    if (lib === undefined) return false;
    this.unlink(lib);
    this.vm.free(lib.functions.values());
    return true;
  }

  /** FUNCTION FLUSH: every library gone, and a fresh Lua state (functionsLibCtxClearCurrent). */
  flush(): void {
    this.libraries.clear();
    this.functions.clear();
    this.vmInstance = null;
  }

  /**
   * FUNCTION RESTORE: load every library's code into a fresh registry (in this
   * Lua state, as Redis does), then FLUSH swaps it in, APPEND/REPLACE join it.
   * Returns the error (without "ERR "), or null.
   */
  restore(libraries: FunctionsPayload, policy: 'flush' | 'append' | 'replace'): string | null {
    const staged = new FunctionsEngine(this.scripting);
    staged.vmInstance = this.vm;
    for (const code of libraries) {
      // Restored libraries load without the time limit (rdbFunctionLoad).
      const loaded = typeof code === 'string' ? staged.load(code, false, 0) : code;
      if (typeof loaded !== 'string') {
        staged.dispose();
        return loaded.err;
      }
    }
    if (policy === 'flush') {
      this.dispose();
      for (const lib of staged.libraries.values()) this.link(lib);
      return null;
    }
    const err = this.join(staged, policy === 'replace');
    if (err !== null) staged.dispose();
    return err;
  }

  /** libraryJoin: move src's libraries in; on a collision nothing changes. */
  private join(src: FunctionsEngine, replace: boolean): string | null {
    const replaced: LibraryInfo[] = [];
    const undo = (err: string): string => {
      for (const lib of replaced) this.link(lib);
      return err;
    };
    for (const lib of src.libraries.values()) {
      const old = this.libraries.get(lib.name);
      if (old === undefined) continue;
      if (!replace) return undo(`Library ${lib.name} already exists`);
      this.unlink(old);
      replaced.push(old);
    }
    for (const f of src.functions.values()) {
      if (this.functions.has(f.name.toLowerCase())) return undo(`Function ${f.name} already exists`);
    }
    for (const lib of src.libraries.values()) this.link(lib);
    for (const lib of replaced) this.vm.free(lib.functions.values());
    return null;
  }

  /** Drop every library, freeing its callbacks (the Lua state stays). */
  private dispose(): void {
    for (const lib of this.libraries.values()) this.vm.free(lib.functions.values());
    this.libraries.clear();
    this.functions.clear();
  }

  /** fcallCommandGeneric after numkeys: run the function for the caller. */
  call(c: Client, fn: FunctionInfo, keys: readonly string[], args: readonly string[], readOnly: boolean): Reply {
    const refused = this.scripting.refuseFlags(fn.flags, readOnly);
    if (refused !== null) return refused;
    return this.scripting.invoke(fn.target, c, readOnly || fn.flags.noWrites, 2, (T) => this.scripting.pushKeysAndArgs(T, keys, args));
  }

  /** INFO's functions fields: counts, and memory estimates fitted on redis-server 7.0.15. */
  info(): { count: number; libraries: number; memory: number; vmMemory: number } {
    let memory = FUNCTIONS_BASE_MEMORY;
    for (const lib of this.libraries.values()) {
      memory += LIBRARY_OVERHEAD + sdsSize(lib.name.length) + sdsSize(lib.code.length);
      for (const f of lib.functions.values()) {
        memory += FUNCTION_OVERHEAD + sdsSize(f.name.length) + (f.description === null ? 0 : sdsSize(f.description.length));
      }
    }
    return {
      count: this.functions.size,
      libraries: this.libraries.size,
      memory,
      vmMemory: VM_FUNCTIONS_BASE_MEMORY + 1024 * this.libraries.size,
    };
  }

  /** An error reply for a load/restore error text. */
  static errorReply(err: string): Reply {
    return error(`ERR ${err}`);
  }
}
