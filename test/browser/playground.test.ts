// The playground in a real browser (Debian's Chromium, headless, driven by
// playwright-core; no browser is ever downloaded). The test builds the page
// with Vite, which also runs the isomorphic guard over core and lua, serves
// dist/ on loopback, and checks the console, a script run with its redis.call
// trace, the debugger, persistence across a reload, and that the page makes
// no request after it loaded (it works offline).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from './static-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PLAYGROUND = join(ROOT, 'packages/playground');
const ARTIFACTS = join(ROOT, 'test/browser/artifacts');
const CHROMIUM = '/usr/bin/chromium';

let buildLog = '';
let site: StaticServer;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
/** Every request the browser made, and the ones made after the page had loaded. */
const requests: string[] = [];
let afterLoad: string[] | null = null;

async function loadPage(url: string): Promise<void> {
  afterLoad = null;
  await page.goto(url, { waitUntil: 'load' });
  await page.getByTestId('console-input').waitFor();
  afterLoad = [];
}

async function typeCommand(line: string): Promise<void> {
  const input = page.getByTestId('console-input');
  await input.fill(line);
  await input.press('Enter');
}

beforeAll(async () => {
  // The same build as `pnpm playground:build`.
  buildLog = execFileSync(process.execPath, [join(PLAYGROUND, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: PLAYGROUND,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  site = await serveStatic(join(PLAYGROUND, 'dist'));
  userDataDir = mkdtempSync(join(tmpdir(), 'redmoon-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  context.on('request', (req) => {
    requests.push(req.url());
    afterLoad?.push(req.url());
  });
  page = context.pages()[0] ?? (await context.newPage());
  await loadPage(`${site.origin}/`);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await site?.close();
  if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
});

describe('playground build', () => {
  it('bundles core and lua with no Node built-ins, under 300 KB of gzipped JS', () => {
    const guard = /isomorphic guard: (\d+) core and lua modules checked/.exec(buildLog);
    expect(guard, buildLog).not.toBeNull();
    expect(Number(guard![1])).toBeGreaterThan(50);
    const size = /JS total: [\d.]+ kB, gzip ([\d.]+) kB/.exec(buildLog);
    expect(size, buildLog).not.toBeNull();
    console.log(`playground bundle: ${size![0]}`);
    expect(Number(size![1])).toBeLessThan(300);
  });
});

describe('playground in Chromium', () => {
  it('console: SET, INCR, GET print as redis-cli prints them', async () => {
    await typeCommand('SET a 1');
    await typeCommand('INCR a');
    await typeCommand('GET a');
    const output = page.getByTestId('console-output');
    await expect.poll(() => output.textContent()).toContain('redmoon> GET a\n"2"\n');
    expect(await output.textContent()).toContain('redmoon> SET a 1\nOK\nredmoon> INCR a\n(integer) 2\n');
    // Tab completion and the syntax hint from COMMAND DOCS.
    await page.getByTestId('console-input').fill('zrangeb');
    await page.getByTestId('console-input').press('Tab');
    expect(await page.getByTestId('console-input').inputValue()).toBe('ZRANGEBYLEX ');
    expect(await page.getByTestId('console-hint').textContent()).toContain('ZRANGEBYLEX key min max [LIMIT offset count]');
    await page.getByTestId('console-input').fill('');
  });

  it('console: HELLO 3 switches to RESP3 replies; a multi-line paste runs each line', async () => {
    await typeCommand('HELLO 3');
    const output = page.getByTestId('console-output');
    await expect.poll(() => output.textContent()).toContain('1# "server" => "redis"\n2# "version" => "7.0.15"\n3# "proto" => (integer) 3\n');
    await typeCommand('HGETALL nokey');
    await expect.poll(() => output.textContent()).toContain('redmoon> HGETALL nokey\n(empty hash)\n');
    await typeCommand('HELLO 2');
    await page.getByTestId('console-input').evaluate((input) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'SET p 1\nINCR p\nGET p\n');
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => output.textContent()).toContain('redmoon> SET p 1\nOK\nredmoon> INCR p\n(integer) 2\nredmoon> GET p\n"2"\n');
    await typeCommand('DEL p');
  });

  it('EVAL shows the reply, redis.log and every redis.call with its reply', async () => {
    await page.getByTestId('keys-input').fill('counter');
    await page.getByTestId('args-input').fill('5');
    await page.getByTestId('run-eval').click();
    expect(await page.getByTestId('script-reply').textContent()).toBe('1) (integer) 5\n2) (integer) 10\n');
    const calls = await page.getByTestId('script-calls').locator('li').allTextContents();
    expect(calls).toEqual(['INCRBY counter 5(integer) 5\n', 'SET counter:double 10OK\n']);
    expect(await page.getByTestId('script-log').textContent()).toBe('[notice] counter is now 5');
  });

  it('debugger: a breakpoint, two steps, the locals and the current line', async () => {
    await page.locator('.gutter [data-line="3"]').click();
    await page.getByTestId('debug-start').click();
    const status = page.getByTestId('debug-status');
    expect(await status.textContent()).toBe('Stopped at line 1');
    await page.getByTestId('debug-continue').click();
    expect(await status.textContent()).toBe('Stopped at line 3');
    await page.getByTestId('debug-step').click();
    await page.getByTestId('debug-step').click();
    expect(await status.textContent()).toBe('Stopped at line 5');
    // The debugger runs on a copy of the data: counter was 5, INCRBY 5 made it 10 there.
    const locals = await page.getByTestId('debug-locals').locator('tr').allTextContents();
    expect(locals).toEqual(['current10', 'doubled20']);
    expect(await page.locator('.code-line.current').count()).toBe(1);
    expect(await page.locator('.line-number.current').textContent()).toBe('5');
    expect(await page.getByTestId('debug-transcript').textContent()).toContain('<redis> SET counter:double 20');
    await page.getByTestId('debug-continue').click();
    expect(await status.textContent()).toBe('The script ended. Reply: 1) (integer) 10\n2) (integer) 20');
  });

  it('FCALL loads the editor as a library and calls its function', async () => {
    await page.getByTestId('lua-editor').fill("#!lua name=demo\nredis.register_function('peek', function(keys, args)\n  return redis.call('GET', keys[1])\nend)\n");
    await page.getByTestId('keys-input').fill('a');
    await page.getByTestId('args-input').fill('');
    await page.getByTestId('run-fcall').click();
    expect(await page.getByTestId('function-input').inputValue()).toBe('peek');
    expect(await page.getByTestId('script-reply').textContent()).toBe('"2"\n');
    expect(await page.getByTestId('script-calls').locator('li').allTextContents()).toEqual(['GET a"2"\n']);
  });

  it('made no request after the page loaded, and none outside its origin', () => {
    expect(afterLoad).toEqual([]);
    for (const url of requests) expect(url.startsWith(`${site.origin}/`), url).toBe(true);
  });

  it('keeps the dataset across a reload, and the key browser shows it', async () => {
    await loadPage(`${site.origin}/`);
    const keyList = page.getByTestId('key-list');
    await expect.poll(() => keyList.locator('tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual(['a', 'counter', 'counter:double']);
    await keyList.locator('tr[data-key="a"]').click();
    expect(await page.getByTestId('key-value').textContent()).toBe('2');
    await typeCommand('GET a');
    await expect.poll(() => page.getByTestId('console-output').textContent()).toContain('"2"');
    await typeCommand('HSET h f1 v1 f2 v2');
    await keyList.locator('tr[data-key="h"]').click();
    await expect.poll(() => page.getByTestId('key-value').locator('td').allTextContents()).toEqual(['f1', 'v1', 'f2', 'v2']);
    expect(await page.getByTestId('key-detail').locator('h3').textContent()).toBe('h (hash)');
    await typeCommand('ZADD z 1.5 m1 2 m2');
    await keyList.locator('tr[data-key="z"]').click();
    await expect.poll(() => page.getByTestId('key-value').locator('td').allTextContents()).toEqual(['m1', '1.5', 'm2', '2']);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'playground.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`playground screenshot: ${shot}`);
    expect(afterLoad).toEqual([]);
  });

  it('a share link carries the script and the dataset', async () => {
    await page.getByTestId('share').click();
    const url = page.url();
    expect(url).toMatch(/#share=/);
    await page.getByTestId('reset').click();
    await expect.poll(() => page.getByTestId('key-list').locator('tr[data-key]').count()).toBe(0);
    await page.goto('about:blank');
    await loadPage(url);
    await expect.poll(() => page.getByTestId('key-list').locator('tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key'))))
      .toEqual(['a', 'counter', 'counter:double', 'h', 'z']);
    expect(await page.getByTestId('lua-editor').inputValue()).toContain("redis.register_function('peek'");
    expect(afterLoad).toEqual([]);
    for (const requested of requests) expect(requested.startsWith(`${site.origin}/`), requested).toBe(true);
  });

  it('TTLs count down in the key browser', async () => {
    await typeCommand('SET t x EX 100');
    const ttl = page.locator('.key-list tr[data-key="t"] td:nth-child(3)');
    await expect.poll(() => ttl.textContent()).toBe('100 s');
    await expect.poll(() => ttl.textContent(), { timeout: 4000 }).toBe('99 s');
  });

  it('imports a redmoon snapshot file in place of the dataset', async () => {
    const snapshot = { redmoon: 1, dbs: { 0: [{ key: 'imported', type: 'list', value: ['x', 'y'] }] } };
    await page.getByTestId('import-file').setInputFiles({ name: 'data.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(snapshot)) });
    const keyList = page.getByTestId('key-list');
    await expect.poll(() => keyList.locator('tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual(['imported']);
    await keyList.locator('tr[data-key="imported"]').click();
    await expect.poll(() => page.getByTestId('key-value').locator('td').allTextContents()).toEqual(['0', 'x', '1', 'y']);
    expect(await page.getByTestId('notice').textContent()).toBe('Imported data.json.');
  });
});
