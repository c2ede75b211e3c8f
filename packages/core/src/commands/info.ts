// INFO (server.c genRedisInfoString): the sections, fields and formats of
// redis-server 7.0.15, with values from RedisServer's state.

/** The version redmoon emulates (REDIS_VERSION). */
export const REDIS_VERSION = '7.0.15';
