// Server commands: TIME, LASTSAVE and CONFIG GET/SET/RESETSTAT/HELP.
import type { Case } from '../case.ts';

export const cases: Case[] = [
  { name: 'time', cmds: [{ cmd: ['TIME'], shape: true }, ['TIME', 'x']] },
  { name: 'time resp3', resp3: true, cmds: [{ cmd: ['TIME'], shape: true }] },
  { name: 'lastsave', cmds: [{ cmd: ['LASTSAVE'], shape: true }, ['LASTSAVE', 'x']] },
  {
    name: 'config get',
    cmds: [
      ['CONFIG', 'GET', 'hz'], ['CONFIG', 'GET', 'HZ'], ['CONFIG', 'GET', 'hz', 'hz'], ['CONFIG', 'GET', 'nosuch'],
      ['CONFIG', 'GET', 'lua-time-limit'], ['CONFIG', 'GET', 'busy-reply-threshold'],
      { cmd: ['CONFIG', 'GET', 'lazyfree-lazy-[su]*'], sort: 'pairs' }, { cmd: ['CONFIG', 'GET', '*lua*'], sort: 'pairs' },
      { cmd: ['CONFIG', 'GET', 'maxmemory-[ps]*'], sort: 'pairs' }, { cmd: ['CONFIG', 'GET', 'MAXMEMORY-POL?CY', 'hz'], sort: 'pairs' },
      ['CONFIG', 'GET', 'proto-max-bulk-len'], ['CONFIG', 'GET', 'notify-keyspace-events'], ['CONFIG', 'GET', 'requirepass'],
      ['CONFIG', 'GET'], ['CONFIG', 'GET', 'nosuch*'],
    ],
  },
  {
    name: 'config get resp3',
    resp3: true,
    cmds: [['CONFIG', 'GET', 'hz'], { cmd: ['CONFIG', 'GET', 'lazyfree-lazy-user-*'], sort: 'pairs' }, ['CONFIG', 'GET', 'nosuch']],
  },
  {
    name: 'config set',
    cmds: [
      ['CONFIG', 'SET', 'hz', '20'], ['CONFIG', 'GET', 'hz'], ['CONFIG', 'SET', 'hz', '600'], ['CONFIG', 'GET', 'hz'],
      ['CONFIG', 'SET', 'hz', '0'], ['CONFIG', 'GET', 'hz'], ['CONFIG', 'SET', 'hz', '-1'], ['CONFIG', 'SET', 'hz', 'x'],
      ['CONFIG', 'SET', 'HZ', '10'], ['CONFIG', 'SET', 'foo', 'bar'], ['CONFIG', 'SET', 'hz', '5', 'hz', '6'],
      ['CONFIG', 'SET', 'hz'], ['CONFIG', 'SET', 'hz', '5', 'foo', '1'], ['CONFIG', 'GET', 'hz'],
      ['CONFIG', 'SET', 'hz', '7', 'maxmemory', '1x'], ['CONFIG', 'GET', 'hz'],
      ['CONFIG', 'SET', 'maxmemory', '1mb'], ['CONFIG', 'GET', 'maxmemory'], ['CONFIG', 'SET', 'maxmemory', '2k'],
      ['CONFIG', 'GET', 'maxmemory'], ['CONFIG', 'SET', 'maxmemory', '1GB'], ['CONFIG', 'GET', 'maxmemory'],
      ['CONFIG', 'SET', 'maxmemory', '0'], ['CONFIG', 'SET', 'maxmemory-policy', 'foo'],
      ['CONFIG', 'SET', 'maxmemory-policy', 'ALLKEYS-LRU'], ['CONFIG', 'GET', 'maxmemory-policy'],
      ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'], ['CONFIG', 'SET', 'maxmemory-samples', '0'],
      ['CONFIG', 'SET', 'lazyfree-lazy-expire', 'maybe'], ['CONFIG', 'SET', 'lazyfree-lazy-expire', 'YES'],
      ['CONFIG', 'GET', 'lazyfree-lazy-expire'], ['CONFIG', 'SET', 'lazyfree-lazy-expire', 'no'],
      ['CONFIG', 'SET', 'lua-time-limit', '100'], ['CONFIG', 'GET', 'busy-reply-threshold'],
      ['CONFIG', 'SET', 'lua-time-limit', '5000', 'busy-reply-threshold', '5000'],
      ['CONFIG', 'SET', 'busy-reply-threshold', '5000'],
    ],
  },
  {
    name: 'config set notify-keyspace-events',
    cmds: [
      ['CONFIG', 'SET', 'notify-keyspace-events', 'Q'], ['CONFIG', 'SET', 'notify-keyspace-events', 'KEA'],
      ['CONFIG', 'GET', 'notify-keyspace-events'], ['CONFIG', 'SET', 'notify-keyspace-events', 'Kg$'],
      ['CONFIG', 'GET', 'notify-keyspace-events'], ['CONFIG', 'SET', 'notify-keyspace-events', ''],
      ['CONFIG', 'GET', 'notify-keyspace-events'],
    ],
  },
  { name: 'config resetstat and help', cmds: [['CONFIG', 'RESETSTAT'], ['CONFIG', 'RESETSTAT', 'x'], ['CONFIG', 'HELP'], ['CONFIG', 'FOO'], ['CONFIG']] },
];
