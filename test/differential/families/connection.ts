// Random generators for the connection commands that are deterministic on one
// connection (SELECT is in the keyspace family, with the databases).
import type { Family } from '../random-gen.ts';

export const connectionFamily: Family = {
  name: 'connection',
  commands: [
    { name: 'ping', weight: 1, gen: (g) => ({ cmd: g.rng.chance(0.5) ? ['PING'] : ['PING', g.value()] }) },
    { name: 'echo', weight: 1, gen: (g) => ({ cmd: ['ECHO', g.value()] }) },
  ],
};
