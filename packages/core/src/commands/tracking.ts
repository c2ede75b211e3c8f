// CLIENT TRACKING / CACHING / GETREDIR / TRACKINGINFO (networking.c's
// clientCommand and addReplyTrackingInfo, Redis 7.0.15); the state and the
// invalidation messages live in tracking.ts.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { type Reply, bulk, bulks, error, int, map, OK, set } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import type { TrackingOptions } from '../tracking.ts';
import { argLL, eqi } from '../util/parse.ts';

/** CLIENT TRACKING (ON|OFF) [REDIRECT id] [BCAST] [PREFIX p ...] [OPTIN] [OPTOUT] [NOLOOP] */
function clientTracking(c: Client): Reply {
  const argv = c.argv;
  const tracking = c.server.tracking;
  let redirect = 0;
  const opts: TrackingOptions = { bcast: false, optin: false, optout: false, noloop: false };
  const prefixes: string[] = [];
  for (let j = 3; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const a = argv[j];
    if (eqi(a, 'redirect') && more > 0) {
      j++;
      if (redirect !== 0) fail(E.TRACKING_ONE_REDIRECT);
      redirect = argLL(argv[j]);
      // The target must exist now, though it may go away later.
      if (!c.server.clients.has(redirect)) fail(E.TRACKING_NO_REDIRECT_CLIENT);
    } else if (eqi(a, 'bcast')) {
      opts.bcast = true;
    } else if (eqi(a, 'optin')) {
      opts.optin = true;
    } else if (eqi(a, 'optout')) {
      opts.optout = true;
    } else if (eqi(a, 'noloop')) {
      opts.noloop = true;
    } else if (eqi(a, 'prefix') && more > 0) {
      prefixes.push(argv[++j]);
    } else {
      fail(E.SYNTAX);
    }
  }
  if (eqi(argv[2], 'off')) {
    tracking.disable(c);
    return OK;
  }
  if (!eqi(argv[2], 'on')) fail(E.SYNTAX);
  const st = c.tracking;
  if (!opts.bcast && prefixes.length !== 0) fail(E.TRACKING_PREFIX_NEEDS_BCAST);
  if (st !== null && st.bcast !== opts.bcast) fail(E.TRACKING_BCAST_SWITCH);
  if (opts.bcast && (opts.optin || opts.optout)) fail(E.TRACKING_OPT_WITH_BCAST);
  if (opts.optin && opts.optout) fail(E.TRACKING_OPTIN_AND_OPTOUT);
  if (st !== null && ((opts.optin && st.optout) || (opts.optout && st.optin))) fail(E.TRACKING_OPT_SWITCH);
  if (opts.bcast) {
    const overlap = tracking.prefixCollision(c, prefixes);
    if (overlap !== null) {
      if (!overlap.proceed) fail(overlap.error);
      // Redis replies with the error and then goes on (see prefixCollision).
      c.server.countError(overlap.error);
      c.onPush?.(error(overlap.error));
    }
  }
  tracking.enable(c, redirect, opts, prefixes);
  return OK;
}

/** CLIENT CACHING YES|NO: applies to the next command (or transaction) only. */
function clientCaching(c: Client): Reply {
  const st = c.tracking;
  if (st === null) fail(E.CACHING_NOT_TRACKING);
  const opt = c.argv[2];
  if (eqi(opt, 'yes')) {
    if (!st.optin) fail(E.CACHING_YES_NEEDS_OPTIN);
  } else if (eqi(opt, 'no')) {
    if (!st.optout) fail(E.CACHING_NO_NEEDS_OPTOUT);
  } else {
    fail(E.SYNTAX);
  }
  st.caching = true;
  return OK;
}

function clientGetredir(c: Client): Reply {
  return int(c.tracking === null ? -1 : c.tracking.redirect);
}

/** addReplyTrackingInfo: flags (a set), redirect, prefixes (in byte order). */
function clientTrackinginfo(c: Client): Reply {
  const st = c.tracking;
  const flags: string[] = [];
  if (st === null) {
    flags.push('off');
  } else {
    flags.push('on');
    if (st.bcast) flags.push('bcast');
    if (st.optin) {
      flags.push('optin');
      if (st.caching) flags.push('caching-yes');
    }
    if (st.optout) {
      flags.push('optout');
      if (st.caching) flags.push('caching-no');
    }
    if (st.noloop) flags.push('noloop');
    if (st.brokenRedirect) flags.push('broken_redirect');
  }
  const prefixes = st === null ? [] : [...st.prefixes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return map([
    [bulk('flags'), set(flags.map(bulk))],
    [bulk('redirect'), int(st === null ? -1 : st.redirect)],
    [bulk('prefixes'), bulks(prefixes)],
  ]);
}

export const trackingCommands: Record<string, Handler> = {
  'client|tracking': clientTracking,
  'client|caching': clientCaching,
  'client|getredir': clientGetredir,
  'client|trackinginfo': clientTrackinginfo,
};
