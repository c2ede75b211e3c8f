// Geo unit tests: propagation forms and keyspace events (captured from
// redis-server 7.0.15's AOF and keyevent channel), and the geohash helpers on
// values checked against the server.
import { describe, expect, test } from 'vitest';
import { decodeScore, geohashScore, geohashString } from '../util/geohash.ts';
import { typeTestServer } from './type-test-server.ts';

describe('geo propagation and events', () => {
  test('GEOADD propagates as ZADD with the computed scores, and only when it changed something', () => {
    const { run, propagated, events } = typeTestServer();
    expect(run('GEOADD', 'Sicily', 'ch', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania')).toBe(':2\r\n');
    expect(run('GEOADD', 'Sicily', 'xx', '13.361389', '38.115556', 'Palermo')).toBe(':0\r\n');
    expect(run('GEOADD', 'Sicily', '180', '85.05112878', 'max')).toBe(':1\r\n');
    expect(propagated).toEqual([
      'zadd Sicily ch 3479099956230698 Palermo 3479447370796909 Catania',
      'zadd Sicily 13510798882111488 max',
    ]);
    expect(events).toEqual(['zadd Sicily', 'zadd Sicily']);
  });

  test('the STORE forms propagate as written, an empty result deletes the destination', () => {
    const { run, propagated, events, server } = typeTestServer();
    run('GEOADD', 'g', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania');
    propagated.length = 0;
    events.length = 0;
    const dirty = server.dirty;
    expect(run('geosearchstore', 'd', 'g', 'fromlonlat', '15', '37', 'byradius', '200', 'km')).toBe(':2\r\n');
    // One change per stored member, as Redis counts them.
    expect(server.dirty - dirty).toBe(2);
    expect(run('georadius', 'g', '15', '37', '200', 'km', 'store', 'd2')).toBe(':2\r\n');
    expect(run('georadius', 'g', '15', '37', '1', 'm', 'store', 'd2')).toBe(':0\r\n');
    expect(run('GEORADIUS_RO', 'g', '15', '37', '200', 'km')).toBe('*2\r\n$7\r\nPalermo\r\n$7\r\nCatania\r\n');
    expect(propagated).toEqual([
      'geosearchstore d g fromlonlat 15 37 byradius 200 km',
      'georadius g 15 37 200 km store d2',
      'georadius g 15 37 1 m store d2',
    ]);
    expect(events).toEqual(['geosearchstore d', 'georadiusstore d2', 'del d2']);
  });
});

describe('geohash helpers', () => {
  test('scores, decoded positions and geohash strings as redis-server prints them', () => {
    expect(geohashScore(13.361389, 38.115556)).toBe(3479099956230698n);
    expect(decodeScore(3479099956230698)).toEqual([13.361389338970184, 38.1155563954963]);
    expect(geohashString(...decodeScore(3479099956230698))).toBe('sqc8b49rny0');
  });

  test('scores outside the 52 bits decode as x86-64 converts them to uint64', () => {
    // 1e20 and anything from 2^64 on convert to 0: the first cell.
    expect(decodeScore(1e20)).toEqual(decodeScore(0));
    // A negative score wraps to the top bits: both coordinates clamp to the maximum.
    expect(decodeScore(-5)).toEqual([180, 85.05112878]);
  });
});
