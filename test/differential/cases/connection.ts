// Connection commands: PING, ECHO, SELECT, HELLO, AUTH, RESET, QUIT and CLIENT.
import type { Case, Cmd, Step } from '../case.ts';

/** A step whose reply CLIENT REPLY OFF/SKIP suppresses. */
const silent = (cmd: Cmd): Step => ({ cmd, replies: 0 });

const BINARY = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

export const cases: Case[] = [
  { name: 'ping', cmds: [['PING'], ['ping', 'hello'], ['PING', ''], ['PING', BINARY], ['PING', 'a', 'b']] },
  { name: 'ping resp3', resp3: true, cmds: [['PING'], ['PING', 'x']] },
  { name: 'echo', cmds: [['ECHO', 'hi'], ['ECHO', ''], ['ECHO', BINARY], ['ECHO'], ['ECHO', 'a', 'b']] },
  {
    name: 'select',
    cmds: [
      ['SET', 'k', 'v'], ['SELECT', '1'], ['GET', 'k'], ['SELECT', '15'], ['SELECT', '0'], ['GET', 'k'],
      ['SELECT', '16'], ['SELECT', '-1'], ['SELECT', 'x'], ['SELECT', '1.5'], ['SELECT', ''],
      ['SELECT', '99999999999'], ['SELECT', '9223372036854775808'], ['SELECT', ' 1'], ['SELECT', '01'],
      ['SELECT'], ['SELECT', '1', '2'],
    ],
  },
  {
    name: 'hello errors',
    cmds: [
      ['HELLO', '4'], ['HELLO', '1'], ['HELLO', '0'], ['HELLO', 'x'], ['HELLO', '-3'], ['HELLO', '2.0'],
      ['HELLO', '3', 'foo'], ['HELLO', '3', 'AUTH', 'a'], ['HELLO', '3', 'SETNAME'], ['HELLO', '2', 'setname', 'a b'],
      ['HELLO', '2', 'AUTH', 'nobody', 'x'], ['HELLO', '2', 'auth', 'default', 'x', 'junk'],
      ['HELLO', '99999999999999999999'],
    ],
  },
  {
    name: 'hello shape',
    cmds: [{ cmd: ['HELLO'], shape: true }, { cmd: ['HELLO', '2'], shape: true }, { cmd: ['HELLO', '3'], shape: true },
      ['PING'], { cmd: ['HELLO', '2', 'SETNAME', 'conn1'], shape: true }, ['CLIENT', 'GETNAME'],
      { cmd: ['HELLO', '2', 'AUTH', 'default', 'whatever'], shape: true }],
  },
  { name: 'hello resp3 shape', resp3: true, cmds: [{ cmd: ['HELLO'], shape: true }, ['ECHO', 'x'], { cmd: ['HELLO', '2'], shape: true }] },
  {
    name: 'auth without password',
    cmds: [['AUTH', 'x'], ['AUTH', 'default', 'x'], ['AUTH', 'nobody', 'x'], ['AUTH', 'a', 'b', 'c'], ['AUTH']],
  },
  {
    name: 'auth with requirepass',
    config: { requirepass: 'secret' },
    cmds: [
      ['HELLO', '3'], ['HELLO', '2', 'SETNAME', 'x'], ['CLIENT', 'SETNAME', 'x'], ['PING'], ['AUTH', 'wrong'], ['AUTH', 'secret'], ['GET', 'k'], ['AUTH', 'default', 'wrong'], ['GET', 'k'],
      ['AUTH', 'default', 'secret'], ['AUTH', 'other', 'secret'], ['AUTH', ''], ['RESET'], ['GET', 'k'],
      { cmd: ['HELLO', '3', 'AUTH', 'default', 'secret'], shape: true }, ['GET', 'k'],
    ],
  },
  {
    name: 'reset',
    cmds: [
      ['SELECT', '3'], ['CLIENT', 'SETNAME', 'n'], ['CLIENT', 'NO-EVICT', 'on'], ['RESET'], ['CLIENT', 'GETNAME'],
      ['SET', 'k', '1'], ['SELECT', '0'], ['GET', 'k'], ['RESET', 'x'], ['reset'],
    ],
  },
  { name: 'reset resp3', resp3: true, cmds: [['PING'], ['RESET'], ['PING'], ['CLIENT', 'GETNAME']] },
  { name: 'quit', cmds: [['QUIT']] },
  {
    name: 'client name',
    cmds: [
      ['CLIENT', 'GETNAME'], ['CLIENT', 'SETNAME', 'myname'], ['CLIENT', 'GETNAME'], ['CLIENT', 'SETNAME', 'a b'],
      ['CLIENT', 'SETNAME', 'a\nb'], ['CLIENT', 'SETNAME', 'caf\xe9'], ['CLIENT', 'SETNAME', '~!'], ['CLIENT', 'GETNAME'],
      ['CLIENT', 'SETNAME', ''], ['CLIENT', 'GETNAME'], ['CLIENT', 'SETNAME'], ['CLIENT', 'SETNAME', 'a', 'b'],
      ['CLIENT', 'GETNAME', 'x'],
    ],
  },
  { name: 'client getname resp3', resp3: true, cmds: [['CLIENT', 'GETNAME'], ['CLIENT', 'SETNAME', 'x'], ['CLIENT', 'GETNAME']] },
  {
    name: 'client id and info',
    cmds: [{ cmd: ['CLIENT', 'ID'], shape: true }, { cmd: ['CLIENT', 'INFO'], shape: true }, ['CLIENT', 'ID', 'x'],
      ['CLIENT', 'INFO', 'x']],
  },
  { name: 'client info resp3', resp3: true, cmds: [{ cmd: ['CLIENT', 'INFO'], shape: true }, { cmd: ['CLIENT', 'LIST'], shape: true }] },
  {
    name: 'client list',
    cmds: [
      { cmd: ['CLIENT', 'LIST'], shape: true }, { cmd: ['CLIENT', 'LIST', 'TYPE', 'normal'], shape: true },
      ['CLIENT', 'LIST', 'TYPE', 'master'], ['CLIENT', 'LIST', 'TYPE', 'replica'], ['CLIENT', 'LIST', 'TYPE', 'slave'],
      ['CLIENT', 'LIST', 'TYPE', 'pubsub'], ['CLIENT', 'LIST', 'TYPE', 'foo'], ['CLIENT', 'LIST', 'TYPE'],
      ['CLIENT', 'LIST', 'ID', 'x'], ['CLIENT', 'LIST', 'ID', '999999'], ['CLIENT', 'LIST', 'ID', '999999', 'y'],
      ['CLIENT', 'LIST', 'foo'], ['CLIENT', 'LIST', 'ID'], ['CLIENT', 'LIST', 'TYPE', 'normal', 'x'],
    ],
  },
  {
    name: 'client kill errors',
    cmds: [
      ['CLIENT', 'KILL', '1.2.3.4:5'], ['CLIENT', 'KILL', 'ID', 'x'], ['CLIENT', 'KILL', 'ID', '0'],
      ['CLIENT', 'KILL', 'ID', '-5'], ['CLIENT', 'KILL', 'ID', '999999'], ['CLIENT', 'KILL', 'TYPE', 'foo'],
      ['CLIENT', 'KILL', 'TYPE', 'pubsub'], ['CLIENT', 'KILL', 'TYPE', 'master'], ['CLIENT', 'KILL', 'USER', 'nobody'],
      ['CLIENT', 'KILL', 'foo', 'bar'], ['CLIENT', 'KILL', 'SKIPME', 'maybe'], ['CLIENT', 'KILL', 'ID', '1', 'TYPE'],
      ['CLIENT', 'KILL', 'ADDR', '1.2.3.4:5'], ['CLIENT', 'KILL', 'LADDR', '1.2.3.4:5'], ['CLIENT', 'KILL'],
      ['CLIENT', 'KILL', 'ADDR', '1.2.3.4:5', 'SKIPME', 'yes'], ['CLIENT', 'KILL', 'ID', '999999', 'SKIPME', 'no'],
      ['CLIENT', 'KILL', 'USER', 'default', 'ID', '999999'],
    ],
  },
  {
    name: 'client reply',
    cmds: [
      // Silenced steps are marked `replies: 0` so the runner does not wait for a reply.
      silent(['CLIENT', 'REPLY', 'SKIP']), silent(['PING', '1']), ['PING', '2'], silent(['CLIENT', 'REPLY', 'OFF']),
      silent(['PING', '3']), ['CLIENT', 'REPLY', 'ON'], ['PING', '4'], silent(['CLIENT', 'REPLY', 'SKIP']),
      silent(['CLIENT', 'REPLY', 'SKIP']), silent(['PING', '5']), ['PING', '6'], silent(['CLIENT', 'REPLY', 'SKIP']),
      ['CLIENT', 'REPLY', 'ON'], ['PING', '7'], ['CLIENT', 'REPLY', 'foo'], ['CLIENT', 'REPLY'],
      silent(['client', 'reply', 'off']), silent(['CLIENT', 'REPLY', 'SKIP']), silent(['PING', '8']),
      ['CLIENT', 'REPLY', 'ON'], ['PING', '9'],
    ],
  },
  {
    name: 'client no-evict',
    cmds: [['CLIENT', 'NO-EVICT', 'on'], ['CLIENT', 'NO-EVICT', 'OFF'], ['CLIENT', 'NO-EVICT', 'maybe'], ['CLIENT', 'NO-EVICT']],
  },
  {
    name: 'client help and unknown',
    cmds: [['CLIENT', 'HELP'], ['client', 'help'], ['CLIENT', 'HELP', 'x'], ['CLIENT', 'FOO'], ['CLIENT']],
  },
  { name: 'client help resp3', resp3: true, cmds: [['CLIENT', 'HELP']] },
];
