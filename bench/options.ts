// Shared by the benches: `--<option> <positive integer>` pairs over a defaults
// object (--mock-ops sets mockOps).
export function parseIntOptions<T extends Record<string, number>>(argv: string[], defaults: T): T {
  const opts: Record<string, number> = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
    const value = Number(argv[i + 1]);
    if (!(name in opts)) throw new Error(`unknown option ${argv[i]}`);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`bad value for ${argv[i]}: ${argv[i + 1]}`);
    opts[name] = value;
  }
  return opts as T;
}
