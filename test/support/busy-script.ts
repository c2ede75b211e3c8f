// Shared by the TCP tests of long-running scripts and functions (script-kill,
// function-kill): a loop that keeps the server busy, bounded by the server's own
// clock so that a script nobody kills still ends.

/** Lua that loops for `seconds` of the server's TIME, after one write when asked. */
export const busyLoop = (seconds: number, write: boolean): string =>
  `${write ? "redis.call('set', 'written', '1') " : ''}local s = redis.call('time')[1] ` +
  `while redis.call('time')[1] - s < ${seconds} do end return 'done'`;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
