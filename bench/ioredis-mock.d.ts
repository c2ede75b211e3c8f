// The part of ioredis-mock's API that bench/eval.ts uses (the package ships no types).
declare module 'ioredis-mock' {
  export default class RedisMock {
    eval(script: string, numkeys: number, ...args: string[]): Promise<unknown>;
    evalsha(sha: string, numkeys: number, ...args: string[]): Promise<unknown>;
    disconnect(): void;
  }
}
