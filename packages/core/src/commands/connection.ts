// Connection commands (PING, ECHO, QUIT, RESET, SELECT, HELLO, AUTH) and the
// CLIENT container, as networking.c / server.c implement them.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { discardTransaction } from '../multi.ts';
import {
  type Reply, array, bulk, bulkOrNull, int, intReply, map, OK, PONG, simple, verbatim, EMPTY_ARRAY,
} from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { argLL, eqi, parseLL } from '../util/parse.ts';
import { clientInfoLine, clientType, clientTypeByName } from './client-info.ts';
import { helpReply } from './help.ts';
import { REDIS_VERSION } from './info.ts';

function ping(c: Client): Reply {
  if (c.argv.length > 2) fail(E.WRONG_ARITY('ping'));
  // A subscribed RESP2 client gets its pong in the shape of a pub/sub message.
  if (c.resp === 2 && c.subscriptions.active) return array([PONG_WORD, bulk(c.argv.length > 1 ? c.argv[1] : '')]);
  return c.argv.length > 1 ? bulk(c.argv[1]) : PONG;
}

const PONG_WORD = bulk('pong');

function echo(c: Client): Reply {
  return bulk(c.argv[1]);
}

/** QUIT: reply OK, then the transport closes the connection once it has flushed. */
function quit(c: Client): Reply {
  c.closeAfterReply = true;
  return OK;
}

function select(c: Client): Reply {
  // getIntFromObjectOrReply: a long long that must also fit an int.
  const id = argLL(c.argv[1]);
  if (id < -2147483648 || id > 2147483647) fail(E.INT_RANGE);
  const db = c.server.dbs[id];
  if (id < 0 || db === undefined) fail(E.INVALID_DB);
  c.db = db;
  return OK;
}

function auth(c: Client): Reply {
  if (c.argv.length > 3) fail(E.SYNTAX);
  const acl = c.server.acl;
  if (c.argv.length === 2) {
    // The two-argument form errors out when the default user has no password.
    if (acl.defaultUser.nopass) fail(E.AUTH_NO_PASSWORD);
    if (!acl.authenticate(c, 'default', c.argv[1])) fail(E.WRONGPASS);
    return OK;
  }
  if (!acl.authenticate(c, c.argv[1], c.argv[2])) fail(E.WRONGPASS);
  return OK;
}

/** clientSetName: printable ASCII without spaces; an empty name clears it. */
function setClientName(c: Client, name: string): void {
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    if (ch < 0x21 || ch > 0x7e) fail(E.BAD_CLIENT_NAME);
  }
  c.name = name;
}

function hello(c: Client): Reply {
  const argv = c.argv;
  let ver = 0;
  if (argv.length >= 2) {
    const v = parseLL(argv[1]);
    if (v === null) fail(E.HELLO_BAD_PROTO);
    if (v < 2 || v > 3) fail(E.NOPROTO);
    ver = v;
  }
  let user: string | null = null;
  let pass = '';
  let name: string | null = null;
  for (let j = 2; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (eqi(argv[j], 'auth') && more >= 2) {
      user = argv[j + 1];
      pass = argv[j + 2];
      j += 2;
    } else if (eqi(argv[j], 'setname') && more >= 1) {
      name = argv[++j];
    } else {
      fail(E.HELLO_SYNTAX(argv[j]));
    }
  }
  if (user !== null && !c.server.acl.authenticate(c, user, pass)) fail(E.WRONGPASS);
  if (!c.authenticated) fail(E.HELLO_NOAUTH);
  if (name !== null) setClientName(c, name);
  if (ver !== 0) c.resp = ver as 2 | 3;
  return map([
    [bulk('server'), bulk('redis')],
    [bulk('version'), bulk(REDIS_VERSION)],
    [bulk('proto'), intReply(c.resp)],
    [bulk('id'), int(c.id)],
    [bulk('mode'), bulk('standalone')],
    [bulk('role'), bulk(c.server.isReplica ? 'replica' : 'master')],
    [bulk('modules'), EMPTY_ARRAY],
  ]);
}

/** RESET (clearClientConnectionState): db 0, RESP2, default auth, no name, replies on. */
function reset(c: Client): Reply {
  c.db = c.server.dbs[0];
  c.resp = 2;
  c.user = 'default';
  c.authenticated = !c.server.requiresAuth();
  c.name = '';
  c.noEvict = false;
  c.replyMode = 'on';
  c.server.pubsub.unsubscribeAll(c);
  c.server.tracking.disable(c);
  discardTransaction(c);
  return simple('RESET');
}

// ---- CLIENT ----------------------------------------------------------------

function clientId(c: Client): Reply {
  return int(c.id);
}

function clientGetname(c: Client): Reply {
  return bulkOrNull(c.name === '' ? null : c.name);
}

function clientSetname(c: Client): Reply {
  setClientName(c, c.argv[2]);
  return OK;
}

function clientInfo(c: Client): Reply {
  return verbatim(`${clientInfoLine(c, c.server.cmdTime)}\n`);
}

function clientList(c: Client): Reply {
  const argv = c.argv;
  const now = c.server.cmdTime;
  let out = '';
  if (argv.length === 4 && eqi(argv[2], 'type')) {
    const type = clientTypeByName(argv[3]);
    if (type === null) fail(E.UNKNOWN_CLIENT_TYPE(argv[3]));
    for (const cl of c.server.clients.values()) {
      if (clientType(cl) === type) out += `${clientInfoLine(cl, now)}\n`;
    }
  } else if (argv.length > 3 && eqi(argv[2], 'id')) {
    for (let j = 3; j < argv.length; j++) {
      const id = parseLL(argv[j]);
      if (id === null) fail(E.INVALID_CLIENT_ID);
      const cl = c.server.clients.get(id);
      if (cl !== undefined) out += `${clientInfoLine(cl, now)}\n`;
    }
  } else if (argv.length !== 2) {
    fail(E.SYNTAX);
  } else {
    for (const cl of c.server.clients.values()) out += `${clientInfoLine(cl, now)}\n`;
  }
  return verbatim(out);
}

interface KillFilter {
  addr: string | null;
  laddr: string | null;
  type: string | null;
  id: number;
  user: string | null;
  skipme: boolean;
}

function parseKillFilter(c: Client): KillFilter {
  const argv = c.argv;
  // The old form CLIENT KILL <addr> may kill the caller itself.
  if (argv.length === 3) return { addr: argv[2], laddr: null, type: null, id: 0, user: null, skipme: false };
  const f: KillFilter = { addr: null, laddr: null, type: null, id: 0, user: null, skipme: true };
  for (let i = 2; i < argv.length; i += 2) {
    const opt = argv[i];
    if (i + 1 >= argv.length) fail(E.SYNTAX);
    const val = argv[i + 1];
    if (eqi(opt, 'id')) {
      const id = parseLL(val);
      if (id === null || id < 1) fail(E.CLIENT_ID_POSITIVE);
      f.id = id;
    } else if (eqi(opt, 'type')) {
      f.type = clientTypeByName(val) ?? fail(E.UNKNOWN_CLIENT_TYPE(val));
    } else if (eqi(opt, 'addr')) {
      f.addr = val;
    } else if (eqi(opt, 'laddr')) {
      f.laddr = val;
    } else if (eqi(opt, 'user')) {
      if (!c.server.acl.users.has(val)) fail(E.NO_SUCH_USER(val));
      f.user = val;
    } else if (eqi(opt, 'skipme')) {
      if (eqi(val, 'yes')) f.skipme = true;
      else if (eqi(val, 'no')) f.skipme = false;
      else fail(E.SYNTAX);
    } else {
      fail(E.SYNTAX);
    }
  }
  return f;
}

function clientKill(c: Client): Reply {
  const f = parseKillFilter(c);
  let killed = 0;
  for (const cl of [...c.server.clients.values()]) {
    if (f.addr !== null && cl.addr !== f.addr) continue;
    if (f.laddr !== null && cl.laddr !== f.laddr) continue;
    if (f.type !== null && clientType(cl) !== f.type) continue;
    if (f.id !== 0 && cl.id !== f.id) continue;
    if (f.user !== null && cl.user !== f.user) continue;
    if (cl === c && f.skipme) continue;
    // The caller is closed only after its reply is written (CLIENT_CLOSE_AFTER_REPLY).
    if (cl === c) {
      c.closeAfterReply = true;
    } else {
      cl.onKill?.();
      c.server.removeClient(cl);
    }
    killed++;
  }
  if (c.argv.length === 3) return killed === 0 ? fail(E.NO_SUCH_CLIENT) : OK;
  return int(killed);
}

/**
 * CLIENT REPLY: OFF and SKIP get no reply themselves; ON replies OK even right
 * after a SKIP (Redis clears the skip flag before adding the reply). The
 * transport applies these modes as described in client.ts.
 */
function clientReply(c: Client): Reply {
  const mode = c.argv[2];
  if (eqi(mode, 'on')) {
    c.replyMode = 'on';
    c.skipCurrentReply = false;
  } else if (eqi(mode, 'off')) {
    c.replyMode = 'off';
  } else if (eqi(mode, 'skip')) {
    if (c.replyMode !== 'off') c.replyMode = 'skip';
  } else {
    fail(E.SYNTAX);
  }
  return OK;
}

function clientNoEvict(c: Client): Reply {
  const v = c.argv[2];
  if (eqi(v, 'on')) c.noEvict = true;
  else if (eqi(v, 'off')) c.noEvict = false;
  else fail(E.SYNTAX);
  return OK;
}

function clientHelp(): Reply {
  return helpReply('CLIENT');
}

export const connectionCommands: Record<string, Handler> = {
  ping,
  echo,
  quit,
  select,
  auth,
  hello,
  reset,
  'client|id': clientId,
  'client|getname': clientGetname,
  'client|setname': clientSetname,
  'client|info': clientInfo,
  'client|list': clientList,
  'client|kill': clientKill,
  'client|reply': clientReply,
  'client|no-evict': clientNoEvict,
  'client|help': clientHelp,
};
