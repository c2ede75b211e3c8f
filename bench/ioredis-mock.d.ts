// The part of ioredis-mock's API that bench/eval.ts and bench/clients.ts use (the package ships no types).
declare module 'ioredis-mock' {
  export default class RedisMock {
    eval(script: string, numkeys: number, ...args: string[]): Promise<unknown>;
    evalsha(sha: string, numkeys: number, ...args: string[]): Promise<unknown>;
    set(key: string, value: string): Promise<unknown>;
    get(key: string): Promise<string | null>;
    disconnect(): void;
  }
}
