// DESIGN.md: core and lua are isomorphic, and the browser build fails if one
// of them imports a Node built-in. This Vite plugin is that check, and it also
// keeps fengari's Node-only modules out of the page:
// - a core or lua source module (tests excluded: they never reach a bundle)
//   that imports a Node built-in, or uses Buffer, process or require, fails
//   the build;
// - fengari reaches `fs`, `os`, `path`, `child_process`, `tmp` and
//   `readline-sync` only from code behind `typeof process !== "undefined"`
//   checks (its io/os libraries, loadlib, lauxlib's file loading), which are
//   false in a page; those imports resolve to an empty module instead of
//   Vite's browser-external proxy, so the Node-only packages are not bundled.
//   Its one unguarded use, `process.env.FENGARICONF`, is replaced by `define`.
import { builtinModules } from 'node:module';
import type { Plugin } from 'vite';

const NODE_BUILTINS = new Set(builtinModules);
/** Node-only npm packages that fengari requires from its Node-only code paths. */
const FENGARI_NODE_PACKAGES = new Set(['tmp', 'readline-sync']);
const EMPTY_MODULE = '\0redmoon-node-only';
const ISOMORPHIC_SOURCE = /\/packages\/(core|lua)\/src\/(?!.*\.test\.ts$).*\.ts$/;
const FENGARI_MODULE = /\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(fengari|tmp|readline-sync)\//;

export function isNodeBuiltin(id: string): boolean {
  return id.startsWith('node:') || NODE_BUILTINS.has(id) || NODE_BUILTINS.has(id.split('/')[0]);
}

/** Source text without comments (they may well mention Buffer or process). */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/[^\n]*/g, '$1');
}

const FORBIDDEN_GLOBALS: [RegExp, string][] = [
  [/\bBuffer\b/, 'Buffer'],
  [/\bprocess\s*[.[]/, 'process'],
  [/\brequire\s*\(/, 'require()'],
  [/\b__dirname\b|\b__filename\b/, '__dirname/__filename'],
];

/** What makes a core/lua source module non-isomorphic, or null. */
export function nodeOnlyUse(code: string): string | null {
  const text = stripComments(code);
  for (const [pattern, name] of FORBIDDEN_GLOBALS) if (pattern.test(text)) return name;
  return null;
}

export interface GuardStats {
  /** Core and lua source modules that went through the check. */
  checked: number;
}

export function isomorphicGuard(stats: GuardStats = { checked: 0 }): Plugin {
  return {
    name: 'redmoon-isomorphic-guard',
    enforce: 'pre',
    resolveId(id, importer) {
      if (importer === undefined) return null;
      const path = importer.replaceAll('\\', '/');
      if (ISOMORPHIC_SOURCE.test(path) && isNodeBuiltin(id)) {
        this.error(`${importer} imports the Node built-in "${id}": core and lua must stay isomorphic (DESIGN.md)`);
      }
      if (FENGARI_MODULE.test(path) && (isNodeBuiltin(id) || FENGARI_NODE_PACKAGES.has(id))) return EMPTY_MODULE;
      return null;
    },
    load(id) {
      return id === EMPTY_MODULE ? 'export default {};' : null;
    },
    transform(code, id) {
      if (!ISOMORPHIC_SOURCE.test(id.replaceAll('\\', '/'))) return null;
      stats.checked++;
      const use = nodeOnlyUse(code);
      if (use !== null) this.error(`${id} uses ${use}: core and lua must stay isomorphic (DESIGN.md)`);
      return null;
    },
    buildEnd() {
      this.info(`isomorphic guard: ${stats.checked} core and lua modules checked, no Node built-ins`);
    },
  };
}
