// Types of the generated command table (see scripts/gen-command-table.ts).

export interface ArgSpec {
  name: string;
  type: 'key' | 'string' | 'integer' | 'double' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';
  token?: string;
  optional?: boolean;
  multiple?: boolean;
  multiple_token?: boolean;
  since?: string;
  deprecated_since?: string;
  key_spec_index?: number;
  arguments?: ArgSpec[];
}

export interface KeySpec {
  notes?: string;
  flags: string[];
  begin_search: { index?: { pos: number }; keyword?: { keyword: string; startfrom: number }; unknown?: null };
  find_keys: {
    range?: { lastkey: number; step: number; limit: number };
    keynum?: { keynumidx: number; firstkey: number; step: number };
    unknown?: null;
  };
}

export interface CommandSpec {
  name: string;
  arity: number;
  group: string;
  since: string;
  summary: string;
  complexity?: string;
  flags?: string[];
  acl?: string[];
  tips?: string[];
  keySpecs?: KeySpec[];
  args?: ArgSpec[];
  history?: [string, string][];
  docFlags?: string[];
  deprecatedSince?: string;
  replacedBy?: string;
  subcommands?: Record<string, CommandSpec>;
}
