// Command names for Tab completion and the syntax shown while typing, both
// read from the engine's COMMAND DOCS (one call at startup, on a RESP3
// connection so that the docs arrive as maps).
import type { RedisServer, Reply } from '@redmoon/core';

export interface CommandHelp {
  /** "GET", or "CONFIG GET" for a subcommand. */
  name: string;
  /** The arguments as redis-cli's help shows them ("key value [NX|XX] ..."). */
  syntax: string;
  summary: string;
}

interface DocArg {
  name: string;
  type: string;
  token: string | null;
  flags: string[];
  arguments: DocArg[];
}

function str(r: Reply | undefined): string {
  return r !== undefined && (r.t === 'bulk' || r.t === 'simple' || r.t === 'verbatim') ? r.v : '';
}

function field(r: Reply | undefined, name: string): Reply | undefined {
  if (r === undefined || r.t !== 'map') return undefined;
  return r.v.find(([k]) => str(k) === name)?.[1];
}

function list(r: Reply | undefined): Reply[] {
  return r !== undefined && (r.t === 'array' || r.t === 'set') ? r.v : [];
}

function docArg(r: Reply): DocArg {
  const token = field(r, 'token');
  return {
    name: str(field(r, 'name')),
    type: str(field(r, 'type')),
    token: token === undefined ? null : str(token),
    flags: list(field(r, 'flags')).map(str),
    arguments: list(field(r, 'arguments')).map(docArg),
  };
}

/** One argument in the usual notation: [optional], a|b, x [x ...]. */
function argText(a: DocArg): string {
  let text: string;
  if (a.type === 'pure-token') text = a.token ?? a.name;
  else if (a.type === 'oneof') text = a.arguments.map(argText).join('|');
  else if (a.type === 'block') text = a.arguments.map(argText).join(' ');
  else text = a.name;
  if (a.token !== null && a.type !== 'pure-token') text = `${a.token} ${text}`;
  if (a.flags.includes('multiple')) text = `${text} [${text} ...]`;
  return a.flags.includes('optional') ? `[${text}]` : text;
}

function helpOf(name: string, doc: Reply): CommandHelp {
  return {
    name: name.toUpperCase(),
    syntax: list(field(doc, 'arguments')).map((a) => argText(docArg(a))).join(' '),
    summary: str(field(doc, 'summary')),
  };
}

/** Every command and subcommand the engine documents, sorted by name. */
export function readCommandHelp(server: RedisServer): CommandHelp[] {
  const c = server.createClient();
  try {
    server.execute(c, ['HELLO', '3']);
    const docs = server.execute(c, ['COMMAND', 'DOCS']);
    if (docs.t !== 'map') return [];
    const out: CommandHelp[] = [];
    for (const [nameReply, doc] of docs.v) {
      const name = str(nameReply);
      out.push(helpOf(name, doc));
      const subs = field(doc, 'subcommands');
      if (subs?.t === 'map') {
        // Subcommands are named "config|get".
        for (const [subName, subDoc] of subs.v) out.push(helpOf(str(subName).replace('|', ' '), subDoc));
      }
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } finally {
    server.removeClient(c);
  }
}

/** The help for what is typed: the longest command name that the words start with. */
export function helpFor(helps: readonly CommandHelp[], words: readonly string[]): CommandHelp | null {
  if (words.length === 0) return null;
  const one = words[0].toUpperCase();
  if (words.length > 1) {
    const two = `${one} ${words[1].toUpperCase()}`;
    const sub = helps.find((h) => h.name === two);
    if (sub !== undefined) return sub;
  }
  return helps.find((h) => h.name === one) ?? null;
}

/** Completions of the word being typed: command names, or subcommands after a container command. */
export function completions(helps: readonly CommandHelp[], line: string): string[] {
  const words = line.split(/\s+/).filter((w) => w !== '');
  const trailingSpace = /\s$/.test(line);
  if (words.length === 0 || (words.length === 1 && !trailingSpace)) {
    const typed = (words[0] ?? '').toUpperCase();
    return helps.filter((h) => !h.name.includes(' ') && h.name.startsWith(typed)).map((h) => h.name);
  }
  if ((words.length === 1 && trailingSpace) || (words.length === 2 && !trailingSpace)) {
    const prefix = `${words[0].toUpperCase()} ${(words[1] ?? '').toUpperCase()}`;
    return helps.filter((h) => h.name.startsWith(prefix)).map((h) => h.name);
  }
  return [];
}
