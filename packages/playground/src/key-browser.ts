// The key browser: the keys of the console's database with their types, TTLs
// counting down and sizes, and a type-aware view of the selected key. Sizes
// are MEMORY USAGE when the engine has it, else the DUMP payload's length
// (labelled so).
import { type Reply, formatDouble } from '@redmoon/core';
import { textFromBytes } from './bytes.ts';
import { button, el } from './dom.ts';
import type { PlaygroundEngine } from './engine.ts';

/** Keys listed at most (the browser is for small datasets). */
const MAX_KEYS = 500;

function text(r: Reply): string {
  if (r.t === 'bulk' || r.t === 'simple') return r.v;
  if (r.t === 'int') return String(r.v);
  // ZRANGE's scores, as RESP2 sends them.
  if (r.t === 'double') return r.text ?? formatDouble(r.v);
  return '';
}

/** The elements of an array reply (a map's flattened, as RESP2 sends it: HGETALL). */
function strings(r: Reply): string[] {
  if (r.t === 'map') return r.v.flatMap(([k, v]) => [text(k), text(v)]);
  return r.t === 'array' || r.t === 'set' ? r.v.map(text) : [];
}

function pairs(flat: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

function table(headers: string[], rows: string[][]): HTMLTableElement {
  return el('table', { className: 'value-table', 'data-testid': 'key-value' }, [
    el('tr', {}, headers.map((h) => el('th', {}, [h]))),
    ...rows.map((row) => el('tr', {}, row.map((cell) => el('td', {}, [textFromBytes(cell)])))),
  ]);
}

function ttlText(pttl: number): string {
  if (pttl === -1) return 'no expiry';
  if (pttl < 0) return 'expired';
  return pttl >= 10_000 ? `${Math.round(pttl / 1000)} s` : `${(pttl / 1000).toFixed(1)} s`;
}

export class KeyBrowser {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly title: HTMLElement;
  private selected: string | null = null;
  /** The TTL cells of the listed keys, for the countdown. */
  private ttlCells = new Map<string, HTMLElement>();

  constructor(private readonly engine: PlaygroundEngine) {
    this.title = el('h2', {}, ['Keys']);
    this.list = el('table', { className: 'key-list', 'data-testid': 'key-list' });
    this.detail = el('div', { className: 'key-detail', 'data-testid': 'key-detail' });
    this.root = el('section', { className: 'panel keys' }, [
      this.title,
      el('div', { className: 'toolbar' }, [button('Refresh', 'keys-refresh', () => this.refresh())]),
      this.list,
      this.detail,
    ]);
  }

  /**
   * Count the TTLs down (every second), from the database's expires without
   * running commands, so the countdown does not show in INFO commandstats.
   * A key past its expiry makes a full refresh (whose reads expire it lazily).
   */
  tickTtls(): void {
    const db = this.engine.server.dbs[this.engine.console.db.id];
    const now = this.engine.server.clock.now();
    for (const [key, cell] of this.ttlCells) {
      const at = db.expires.get(key);
      if (at === undefined) continue;
      if (at <= now) {
        this.refresh();
        return;
      }
      cell.textContent = ttlText(at - now);
    }
  }

  /** Re-read the keys, their types, TTLs and sizes (after every command). */
  refresh(): void {
    const db = this.engine.console.db.id;
    this.engine.read(['SELECT', String(db)]);
    this.title.textContent = `Keys (db ${db})`;
    const keys = strings(this.engine.read(['KEYS', '*'])).sort().slice(0, MAX_KEYS);
    const memoryUsage = keys.length > 0 && this.engine.read(['MEMORY', 'USAGE', keys[0]]).t !== 'error';
    const sizeHeader = memoryUsage
      ? el('th', {}, ['MEMORY USAGE'])
      : el('th', { title: 'MEMORY USAGE is not implemented: the length of the key\'s DUMP payload' }, ['DUMP bytes']);
    const header = el('tr', {}, [el('th', {}, ['key']), el('th', {}, ['type']), el('th', {}, ['TTL']), sizeHeader]);
    this.ttlCells.clear();
    const rows = keys.map((key) => {
      const type = this.engine.read(['TYPE', key]);
      const pttl = this.engine.read(['PTTL', key]);
      const size = this.engine.read(memoryUsage ? ['MEMORY', 'USAGE', key] : ['DUMP', key]);
      const row = el('tr', { className: key === this.selected ? 'selected' : '', 'data-key': textFromBytes(key) }, [
        el('td', { className: 'key-name' }, [textFromBytes(key)]),
        el('td', {}, [type.t === 'simple' ? type.v : '']),
        this.ttlCell(key, pttl.t === 'int' ? ttlText(Number(pttl.v)) : ''),
        el('td', {}, [size.t === 'bulk' ? String(size.v.length) : size.t === 'int' ? String(size.v) : '']),
      ]);
      row.addEventListener('click', () => {
        this.selected = key;
        this.refresh();
      });
      return row;
    });
    this.list.replaceChildren(header, ...rows);
    if (this.selected !== null && !keys.includes(this.selected)) this.selected = null;
    this.showDetail();
  }

  private ttlCell(key: string, text: string): HTMLElement {
    const cell = el('td', {}, [text]);
    this.ttlCells.set(key, cell);
    return cell;
  }

  private showDetail(): void {
    const key = this.selected;
    if (key === null) {
      this.detail.replaceChildren(el('p', { className: 'muted' }, ['Click a key to see its value.']));
      return;
    }
    const type = this.engine.read(['TYPE', key]);
    const name = type.t === 'simple' ? type.v : 'none';
    this.detail.replaceChildren(el('h3', {}, [`${textFromBytes(key)} (${name})`]), this.valueView(key, name));
  }

  private valueView(key: string, type: string): HTMLElement {
    switch (type) {
      case 'string': {
        const v = this.engine.read(['GET', key]);
        return el('pre', { className: 'string-value', 'data-testid': 'key-value' }, [v.t === 'bulk' ? textFromBytes(v.v) : '']);
      }
      case 'hash':
        return table(['field', 'value'], pairs(strings(this.engine.read(['HGETALL', key]))));
      case 'list':
        return table(['index', 'item'], strings(this.engine.read(['LRANGE', key, '0', '-1'])).map((item, i) => [String(i), item]));
      case 'set':
        return table(['member'], strings(this.engine.read(['SMEMBERS', key])).sort().map((m) => [m]));
      case 'zset':
        return table(['member', 'score'], pairs(strings(this.engine.read(['ZRANGE', key, '0', '-1', 'WITHSCORES']))));
      case 'stream': {
        const entries = this.engine.read(['XRANGE', key, '-', '+']);
        const rows = entries.t === 'array'
          ? entries.v.map((e) => {
            if (e.t !== 'array') return ['', ''];
            // Byte strings: table() decodes each cell.
            const fields = pairs(strings(e.v[1])).map(([f, v]) => `${f}=${v}`);
            return [strings(e)[0] ?? '', fields.join(' ')];
          })
          : [];
        return table(['id', 'fields'], rows);
      }
      default:
        return el('p', { className: 'muted' }, ['The key no longer exists.']);
    }
  }
}
