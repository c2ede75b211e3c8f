// ACL across connections: what happens to the other clients of a user whose
// rules change (channel revocation, DELUSER, CLIENT KILL USER), and rules
// changed by another client before an EXEC.
import type { MultiCase } from '../case.ts';

const cleanup = (...users: string[]): string[][] => [['ACL', 'DELUSER', ...users], ['ACL', 'LOG', 'RESET']];

export const cases: MultiCase[] = [
  {
    name: 'ACL: revoking a subscribed channel disconnects the subscriber',
    steps: [
      { c: 1, cmd: ['ACL', 'SETUSER', 'ps', 'on', 'nopass', '&ch', '&news.*', '+@all', '~*'] },
      { c: 0, cmd: ['AUTH', 'ps', 'x'] },
      { c: 0, cmd: ['SUBSCRIBE', 'ch'] },
      { c: 1, cmd: ['ACL', 'SETUSER', 'ps', '&other'] },
      { c: 1, cmd: ['PUBLISH', 'ch', 'still-here'] },
      { c: 1, cmd: ['ACL', 'SETUSER', 'ps', 'resetchannels', '&ch'] },
      { c: 1, cmd: ['PUBLISH', 'ch', 'still-here-2'] },
      { c: 1, cmd: ['ACL', 'SETUSER', 'ps', 'resetchannels', '&x'] },
      { c: 1, cmd: ['PUBLISH', 'ch', 'gone'] },
    ],
    cleanup: cleanup('ps'),
  },
  {
    name: 'ACL: a pattern subscriber needs the literal pattern',
    steps: [
      { c: 1, cmd: ['ACL', 'SETUSER', 'ps', 'on', 'nopass', '&news.*', '&a', '+@all', '~*'] },
      { c: 0, cmd: ['AUTH', 'ps', 'x'] },
      { c: 0, cmd: ['PSUBSCRIBE', 'news.*'] },
      { c: 1, cmd: ['ACL', 'SETUSER', 'ps', 'resetchannels', '&news.*'] },
      { c: 1, cmd: ['PUBLISH', 'news.1', 'kept'] },
      { c: 1, cmd: ['ACL', 'SETUSER', 'ps', 'resetchannels', '&news.1'] },
      { c: 1, cmd: ['PUBLISH', 'news.1', 'gone'] },
    ],
    cleanup: cleanup('ps'),
  },
  {
    name: 'ACL: DELUSER disconnects the user\'s clients',
    clients: 3,
    steps: [
      { c: 2, cmd: ['ACL', 'SETUSER', 'du', 'on', 'nopass', '+@all', '~*'] },
      { c: 0, cmd: ['AUTH', 'du', 'x'] },
      { c: 1, cmd: ['AUTH', 'du', 'x'] },
      { c: 2, cmd: ['ACL', 'DELUSER', 'du'] },
      { c: 2, cmd: ['CLIENT', 'LIST', 'ID', '$id0', '$id1'] },
    ],
    cleanup: cleanup('du'),
  },
  {
    name: 'ACL: DELUSER of the caller\'s own user answers, then closes',
    steps: [
      { c: 1, cmd: ['ACL', 'SETUSER', 'du', 'on', 'nopass', '+@all', '~*'] },
      { c: 0, cmd: ['AUTH', 'du', 'x'] },
      { c: 0, cmd: ['ACL', 'DELUSER', 'du'] },
      { c: 1, cmd: ['CLIENT', 'LIST', 'ID', '$id0'] },
    ],
    cleanup: cleanup('du'),
  },
  {
    name: 'ACL: CLIENT KILL USER',
    clients: 3,
    steps: [
      { c: 2, cmd: ['ACL', 'SETUSER', 'ku', 'on', 'nopass', '+@all', '~*'] },
      { c: 0, cmd: ['AUTH', 'ku', 'x'] },
      { c: 1, cmd: ['AUTH', 'ku', 'x'] },
      { c: 2, cmd: ['CLIENT', 'KILL', 'USER', 'ku'] },
      { c: 2, cmd: ['CLIENT', 'KILL', 'USER', 'ku'] },
      { c: 2, cmd: ['CLIENT', 'KILL', 'USER', 'nobody'] },
    ],
    cleanup: cleanup('ku'),
  },
  {
    name: 'ACL: rules changed by another client between MULTI and EXEC',
    steps: [
      { c: 1, cmd: ['ACL', 'SETUSER', 'mu', 'on', 'nopass', '+@all', '~*'] },
      { c: 0, cmd: ['AUTH', 'mu', 'x'] },
      { c: 0, cmd: ['MULTI'] },
      { c: 0, cmd: ['SET', 'a', '1'] },
      { c: 0, cmd: ['GET', 'a'] },
      { c: 1, cmd: ['ACL', 'SETUSER', 'mu', '-set'] },
      { c: 0, cmd: ['EXEC'] },
    ],
    cleanup: cleanup('mu'),
  },
  {
    name: 'ACL: a user turned off keeps its authenticated connections',
    steps: [
      { c: 1, cmd: ['ACL', 'SETUSER', 'ou', 'on', 'nopass', '+@all', '~*'] },
      { c: 0, cmd: ['AUTH', 'ou', 'x'] },
      { c: 1, cmd: ['ACL', 'SETUSER', 'ou', 'off'] },
      { c: 0, cmd: ['ACL', 'WHOAMI'] },
      { c: 0, cmd: ['AUTH', 'ou', 'x'] },
    ],
    cleanup: cleanup('ou'),
  },
];
