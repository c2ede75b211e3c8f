// The playground: a static site (relative base, so any static host or a
// file-less local server can serve dist/). Core and Lua run in the page.
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { isomorphicGuard } from './build/isomorphic-guard.ts';

/** Prints the total gzipped size of the emitted JS (recorded in bench/RESULTS.md). */
function reportGzipSize(): Plugin {
  return {
    name: 'redmoon-gzip-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      let raw = 0;
      let gzip = 0;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        raw += file.code.length;
        gzip += gzipSync(file.code, { level: 9 }).length;
      }
      this.info(`JS total: ${(raw / 1024).toFixed(1)} KB, gzip ${(gzip / 1024).toFixed(1)} KB`);
    },
  };
}

export default defineConfig({
  base: './',
  // fengari's luaconf.js reads process.env.FENGARICONF at load time; every other
  // use of process in fengari is behind `typeof process` checks (false in a page).
  define: { 'process.env.FENGARICONF': 'undefined' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  plugins: [isomorphicGuard(), reportGzipSize()],
});
