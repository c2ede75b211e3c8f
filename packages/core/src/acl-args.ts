// Argument merging for ACL rules: selectors given over several SETUSER
// arguments (ACLMergeSelectorArguments). The rules inside the parentheses are
// split with util/sds-split-args.ts.

/**
 * ACLMergeSelectorArguments: "(+get" "~x)" become one "(+get ~x)" argument.
 * Returns the index of an unclosed selector's first argument instead on error.
 */
export function mergeSelectorArgs(args: readonly string[]): string[] | { unmatched: number } {
  const out: string[] = [];
  let open = -1;
  let selector = '';
  for (let j = 0; j < args.length; j++) {
    const op = args[j];
    if (op[0] === '(' && op[op.length - 1] !== ')') {
      selector = op;
      open = j;
      continue;
    }
    if (open !== -1) {
      selector += ` ${op}`;
      if (op[op.length - 1] === ')') {
        open = -1;
        out.push(selector);
      }
      continue;
    }
    out.push(op);
  }
  return open !== -1 ? { unmatched: open } : out;
}
