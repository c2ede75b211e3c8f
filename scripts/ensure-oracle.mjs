// Makes sure the oracle (Debian's redis-server 7.0.15) is installed before the
// tests run: the differential suites compare redmoon against it byte for byte.
// Also Debian's Chromium, which the playground's browser test drives (a test
// never downloads a browser of its own).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const need = ['redis-server', 'redis-cli', 'redis-benchmark'];

const packages = [];
if (!need.every(have)) packages.push('redis-server', 'redis-tools');
if (!existsSync('/usr/bin/chromium')) packages.push('chromium');
if (packages.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo'];
  console.log(`installing what the tests need with apt-get: ${packages.join(' ')}`);
  const run = (args) => execFileSync(sudo.length ? 'sudo' : args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...packages]);
}
const version = execFileSync('redis-server', ['--version'], { encoding: 'utf8' });
if (!version.includes('v=7.0.15')) {
  console.error(`The oracle must be redis-server 7.0.15; found: ${version.trim()}`);
  process.exit(1);
}
// Debian starts a system redis on 6379 after install; the tests never use it.
