// The playground page: console, Lua editor with debugger, key browser, and the
// dataset kept in localStorage (export/import as a redmoon snapshot file, share
// links in the URL hash). Everything runs in the page; it makes no requests.
import type { Snapshot } from 'redmoon/snapshot';
import { readCommandHelp } from './command-help.ts';
import { ConsoleView } from './console.ts';
import { button, el } from './dom.ts';
import { PlaygroundEngine } from './engine.ts';
import { KeyBrowser } from './key-browser.ts';
import { ScriptPanel } from './script-panel.ts';
import { readShareHash, shareHash } from './share.ts';
import './style.css';

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const storage = localStore();
const engine = new PlaygroundEngine(storage);
const shared = readShareHash(location.hash);
if (shared?.data) engine.replaceDataset(shared.data);
else engine.restore();

const consoleView = new ConsoleView(engine, readCommandHelp(engine.server), storage);
const scriptPanel = new ScriptPanel(engine, shared?.script ?? null, storage);
const keys = new KeyBrowser(engine);
const notice = el('span', { className: 'notice', 'data-testid': 'notice' });

let savePending = false;
engine.onChange(() => {
  if (savePending) return;
  savePending = true;
  // Once per burst of commands (a multi-line paste), before the page can be left.
  queueMicrotask(() => {
    savePending = false;
    engine.save();
    keys.refresh();
  });
});

function download(): void {
  const blob = new Blob([JSON.stringify(engine.snapshot(), null, 2)], { type: 'application/json' });
  const a = el('a', { href: URL.createObjectURL(blob), download: 'redmoon-snapshot.json' });
  a.click();
  URL.revokeObjectURL(a.href);
}

const fileInput = el('input', { type: 'file', accept: '.json,application/json', className: 'hidden', 'data-testid': 'import-file' });
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file === undefined) return;
  file.text().then((text) => {
    try {
      engine.replaceDataset(JSON.parse(text) as Snapshot);
      notice.textContent = `Imported ${file.name}.`;
    } catch (e) {
      notice.textContent = `Not a redmoon snapshot: ${(e as Error).message}`;
    }
    fileInput.value = '';
  });
});

function share(): void {
  const { hash, dataIncluded } = shareHash(scriptPanel.state(), engine.snapshot());
  history.replaceState(null, '', hash);
  void navigator.clipboard?.writeText(location.href).catch(() => undefined);
  notice.textContent = dataIncluded
    ? 'The link in the address bar holds the script and the dataset.'
    : 'The dataset is too big for a link: the link holds the script only.';
}

function reset(): void {
  engine.replaceDataset({ redmoon: 1, dbs: {} });
  notice.textContent = 'The dataset is empty.';
}

document.getElementById('app')!.replaceChildren(
  el('header', {}, [
    el('h1', {}, ['redmoon playground']),
    el('span', { className: 'muted' }, ['Redis 7.0 and its Lua scripting, running in this page']),
    el('div', { className: 'toolbar' }, [
      button('Export', 'export', download),
      button('Import', 'import', () => fileInput.click()),
      button('Share link', 'share', share),
      button('Empty dataset', 'reset', reset),
      fileInput,
      notice,
    ]),
  ]),
  el('main', {}, [consoleView.root, scriptPanel.root, keys.root]),
);
keys.refresh();
// TTLs count down.
setInterval(() => keys.tickTtls(), 1000);
consoleView.focus();
