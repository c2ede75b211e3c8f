// Script: a Lua script bound to its SHA1, with redis-py's register_script
// semantics. run() sends EVALSHA; on NOSCRIPT it loads the script (SCRIPT LOAD)
// and retries. In an ioredis pipeline it queues EVALSHA and makes sure the
// script is loaded before the pipeline is sent. It runs on the server that
// created it, or on any client passed in: another createRedis() server, an
// ioredis client (redmoon/ioredis or real), or a node-redis client.
import { createHash } from 'node:crypto';
import type { Arg } from './args.ts';

/** Anything with a generic command method: createRedis() servers and ioredis clients (`call`), node-redis (`sendCommand`). */
export type ScriptTarget =
  | { call(command: string, ...args: Arg[]): Promise<unknown> }
  | { sendCommand(args: string[]): Promise<unknown> };

/** An ioredis pipeline (or MULTI): commands are queued, sent on exec(). */
export interface PipelineLike {
  evalsha(sha: string, numkeys: number, ...args: Arg[]): unknown;
  exec(...rest: unknown[]): Promise<unknown>;
}

export interface ScriptRun {
  keys?: Arg[];
  args?: Arg[];
  /** Where to run (default: the server that created the script). */
  client?: ScriptTarget;
}

/** Scripts a pipeline must have loaded before it runs, per pipeline. */
const pipelineScripts = new WeakMap<PipelineLike, Map<string, Script>>();

function send(target: ScriptTarget, argv: Arg[]): Promise<unknown> {
  if ('call' in target) return target.call(String(argv[0]), ...argv.slice(1));
  return target.sendCommand(argv.map((a) => (typeof a === 'string' ? a : Buffer.isBuffer(a) ? a.toString('latin1') : String(a))));
}

function isNoScript(e: unknown): boolean {
  return e instanceof Error && e.message.startsWith('NOSCRIPT');
}

export class Script {
  /** SHA1 of the script body, as SCRIPT LOAD returns it. */
  readonly sha: string;

  constructor(readonly lua: string | Buffer, private readonly owner: ScriptTarget) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  /** EVALSHA, loading the script and retrying once on NOSCRIPT. */
  async run(opts: ScriptRun = {}): Promise<unknown> {
    const target = opts.client ?? this.owner;
    const keys = opts.keys ?? [];
    const argv: Arg[] = ['EVALSHA', this.sha, keys.length, ...keys, ...(opts.args ?? [])];
    try {
      return await send(target, argv);
    } catch (e) {
      if (!isNoScript(e)) throw e;
      await this.load(target);
      return send(target, argv);
    }
  }

  /** SCRIPT LOAD on the target. */
  async load(target: ScriptTarget = this.owner): Promise<void> {
    await send(target, ['SCRIPT', 'LOAD', this.lua]);
  }

  /**
   * Queue EVALSHA in an ioredis pipeline (or multi()); before the pipeline is
   * sent, the scripts queued in it that the server lacks are loaded (SCRIPT
   * EXISTS, then SCRIPT LOAD), as redis-py's pipeline does, on the pipeline's
   * client (ioredis keeps it as `pipeline.redis`; `opts.client` overrides it).
   * Returns the pipeline.
   */
  queue<P extends PipelineLike>(pipeline: P, opts: ScriptRun = {}): P {
    const target = opts.client ?? (pipeline as { redis?: ScriptTarget }).redis ?? this.owner;
    const keys = opts.keys ?? [];
    pipeline.evalsha(this.sha, keys.length, ...keys, ...(opts.args ?? []));
    let scripts = pipelineScripts.get(pipeline);
    if (scripts === undefined) {
      scripts = new Map();
      pipelineScripts.set(pipeline, scripts);
      const exec = pipeline.exec.bind(pipeline);
      const loading = scripts;
      pipeline.exec = async (...rest: unknown[]) => {
        const all = [...loading.values()];
        const exists = (await send(target, ['SCRIPT', 'EXISTS', ...all.map((s) => s.sha)])) as number[];
        for (let i = 0; i < all.length; i++) if (!exists[i]) await all[i].load(target);
        return exec(...rest);
      };
    }
    scripts.set(this.sha, this);
    return pipeline;
  }
}
