// Share links: the script, its KEYS/ARGV and a small dataset, encoded in the
// URL's hash (#share=<base64url of the JSON>), so that nothing leaves the page.
import type { Snapshot } from 'redmoon/snapshot';
import { bytesFromText } from './bytes.ts';
import type { ScriptState } from './script-panel.ts';

export interface SharedState {
  script: ScriptState;
  /** Left out when the dataset is too big for a link. */
  data: Snapshot | null;
}

/** Datasets up to this many JSON chars go into a link (URLs of a few tens of KB work everywhere). */
export const MAX_SHARED_DATA = 16_000;
const PREFIX = '#share=';

function base64url(text: string): string {
  return btoa(bytesFromText(text)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(code: string): string {
  const latin1 = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(latin1, (ch) => ch.charCodeAt(0)));
}

/** The hash for a state; the dataset is left out (dataIncluded false) when too big. */
export function shareHash(script: ScriptState, data: Snapshot): { hash: string; dataIncluded: boolean } {
  const dataJson = JSON.stringify(data);
  const dataIncluded = dataJson.length <= MAX_SHARED_DATA;
  const state: SharedState = { script, data: dataIncluded ? data : null };
  return { hash: PREFIX + base64url(JSON.stringify(state)), dataIncluded };
}

/** The state in a share hash, or null when the hash is not one. */
export function readShareHash(hash: string): SharedState | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const state = JSON.parse(fromBase64url(hash.slice(PREFIX.length))) as SharedState;
    if (typeof state?.script?.script !== 'string') return null;
    return state;
  } catch {
    return null;
  }
}
