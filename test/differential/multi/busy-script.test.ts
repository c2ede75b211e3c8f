// Transactions and a script running past busy-reply-threshold, on real
// redis-server 7.0.15 and on redmoon-server: the same scenario on both, the
// replies compared. redmoon answers other clients between the script's slices,
// whose length depends on the machine, so the scenario waits for events (the
// first BUSY, the EXEC reply) instead of sleeping, and ends the script with
// SCRIPT KILL at a chosen point.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseReply } from '../resp-reader.ts';
import { type MultiHarness, type Side, startMultiHarness, Wire } from './harness.ts';

/** A read-only loop that runs until SCRIPT KILL (plain Lua, so redmoon's slices stay short). */
const LOOP = 'local i = 0 while true do i = i + 1 end';

let h: MultiHarness;
beforeAll(async () => { h = await startMultiHarness(); });
afterAll(async () => { await h?.close(); });

/** Send a command and wait (up to 10 s) for its one reply. */
async function ask(w: Wire, argv: string[]): Promise<string> {
  w.take();
  w.send(argv);
  await w.waitFor(() => w.completeReplies() > 0, 10_000);
  return w.take();
}

/** Ask `argv` until the server answers BUSY: the script is running past the threshold. */
async function untilBusy(w: Wire, argv: string[]): Promise<string> {
  for (;;) {
    const r = await ask(w, argv);
    if (r.startsWith('-BUSY')) return r;
    await new Promise((res) => setTimeout(res, 5));
  }
}

/** The replies a scenario collected on one server. */
type Scenario = (side: Side, c0: Wire, c1: Wire) => Promise<string[]>;

async function onBoth(scenario: Scenario): Promise<[string[], string[]]> {
  const run = async (side: Side): Promise<string[]> => {
    await side.adminRequest(['FLUSHALL']);
    await side.adminRequest(['CONFIG', 'SET', 'busy-reply-threshold', '20']);
    const [c0, c1] = [await Wire.connect(side.port), await Wire.connect(side.port)];
    try {
      return await scenario(side, c0, c1);
    } finally {
      c0.close();
      c1.close();
      await side.adminRequest(['CONFIG', 'SET', 'busy-reply-threshold', '5000']);
    }
  };
  return Promise.all([run(h.redis), run(h.redmoon)]);
}

/** The error a killed script ends with names the script's sha: compare up to it. */
const withoutSha = (r: string): string => r.replace(/f_[0-9a-f]{40}/g, 'f_<sha>').replace(/script: [0-9a-f]{40}/g, 'script: <sha>');

describe('transactions and a slow script', () => {
  test('a slow script inside EXEC: others get BUSY, the killed script errors, the rest of EXEC runs', async () => {
    const [redis, redmoon] = await onBoth(async (_side, c0, c1) => {
      const out = [];
      for (const argv of [['MULTI'], ['SET', 'a', '1'], ['EVAL', LOOP, '0'], ['INCR', 'a']]) out.push(await ask(c0, argv));
      c0.take();
      c0.send(['EXEC']);
      out.push(await untilBusy(c1, ['GET', 'a']));
      out.push(await ask(c1, ['SCRIPT', 'KILL']));
      await c0.waitFor(() => c0.completeReplies() > 0, 10_000);
      out.push(withoutSha(c0.take()));
      out.push(await ask(c1, ['GET', 'a']));
      return out;
    });
    expect(redmoon).toEqual(redis);
    expect(redis[6]).toMatch(/^\*3\r\n\+OK\r\n-ERR Script killed by user with SCRIPT KILL\.\.\. script: <sha>.*\r\n:2\r\n$/);
  });

  test('MULTI from another client during the script: BUSY dooms it, EXEC is aborted with BUSY', async () => {
    const [redis, redmoon] = await onBoth(async (_side, c0, c1) => {
      const out = [];
      c0.send(['EVAL', LOOP, '0']);
      out.push(await untilBusy(c1, ['PING']));
      for (const argv of [['MULTI'], ['SET', 'a', '1'], ['WATCH', 'k'], ['EXEC'], ['EXEC'], ['WATCH', 'k'], ['SCRIPT', 'KILL']]) out.push(await ask(c1, argv));
      await c0.waitFor(() => c0.completeReplies() > 0, 10_000);
      out.push(withoutSha(c0.take()));
      for (const argv of [['MULTI'], ['EXISTS', 'a'], ['EXEC']]) out.push(await ask(c1, argv));
      return out;
    });
    expect(redmoon).toEqual(redis);
    expect(parseReply(redis[4]).line).toMatch(/^EXECABORT Transaction discarded because of: BUSY /);
  });
});
