// The playground: a static site (relative base, so any static host or a
// file-less local server can serve dist/). Core and Lua run in the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { isomorphicGuard } from './build/isomorphic-guard.ts';

/** Prints the total size of the emitted JS files, raw and gzipped (recorded in bench/RESULTS.md). */
function reportGzipSize(): Plugin {
  return {
    name: 'redmoon-gzip-size',
    apply: 'build',
    writeBundle(options, bundle) {
      let raw = 0;
      let gzip = 0;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const bytes = readFileSync(join(options.dir ?? 'dist', file.fileName));
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
      this.info(`JS total: ${(raw / 1000).toFixed(1)} kB, gzip ${(gzip / 1000).toFixed(1)} kB (gzip -9; 1 kB = 1000 bytes)`);
    },
  };
}

export default defineConfig({
  base: './',
  // fengari's luaconf.js reads process.env.FENGARICONF at load time; every other
  // use of process in fengari is behind `typeof process` checks (false in a page).
  define: { 'process.env.FENGARICONF': 'undefined' },
  // The dev server pre-bundles fengari with esbuild, where neither that define
  // nor the guard's resolveId applies: there fengari's process checks are
  // decided at bundling time instead (`process` is not the page's to look at).
  optimizeDeps: { esbuildOptions: { define: { 'process.env.FENGARICONF': 'undefined', process: 'undefined' } } },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  plugins: [isomorphicGuard(), reportGzipSize()],
});
