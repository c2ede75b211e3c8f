// Redis's error strings, verbatim (DESIGN.md decision 5). Copied from the
// replies of redis-server 7.0.15; never edit one without checking the server.
import type { ErrorReply } from './reply.ts';

/** Thrown by handlers and argument parsers; dispatch turns it into the error reply. */
export class CommandError extends Error {
  constructor(readonly reply: string) {
    super(reply);
  }
}

export const E = {
  SYNTAX: 'ERR syntax error',
  WRONGTYPE: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  NOT_INTEGER: 'ERR value is not an integer or out of range',
  NOT_FLOAT: 'ERR value is not a valid float',
  OVERFLOW: 'ERR increment or decrement would overflow',
  NO_SUCH_KEY: 'ERR no such key',
  OUT_OF_RANGE: 'ERR index out of range',
  INVALID_DB: 'ERR DB index is out of range',
  INVALID_EXPIRE: (cmd: string) => `ERR invalid expire time in '${cmd}' command`,
  NOAUTH: 'NOAUTH Authentication required.',
  WRONGPASS: 'WRONGPASS invalid username-password pair or user is disabled.',
  AUTH_NO_PASSWORD:
    'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
  UNKNOWN_COMMAND: (name: string, args: string) =>
    `ERR unknown command '${name}', with args beginning with: ${args}`,
  UNKNOWN_SUBCOMMAND: (sub: string, container: string) =>
    `ERR unknown subcommand '${sub}'. Try ${container} HELP.`,
  WRONG_ARITY: (fullname: string) => `ERR wrong number of arguments for '${fullname}' command`,
  // processCommand: a RESP2 client with subscriptions may only run these.
  PUBSUB_CONTEXT: (fullname: string) =>
    `ERR Can't execute '${fullname}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
  // Transactions (multi.c, and processCommand's no-multi check).
  MULTI_NESTED: 'ERR MULTI calls can not be nested',
  EXEC_WITHOUT_MULTI: 'ERR EXEC without MULTI',
  DISCARD_WITHOUT_MULTI: 'ERR DISCARD without MULTI',
  WATCH_INSIDE_MULTI: 'ERR WATCH inside MULTI is not allowed',
  EXECABORT: 'EXECABORT Transaction discarded because of previous errors.',
  NOT_ALLOWED_IN_MULTI: 'ERR Command not allowed inside a transaction',
  // maxmemory (shared.oomerr).
  OOM: "OOM command not allowed when used memory > 'maxmemory'.",
  DENY_BLOCKING_SUBSCRIBE: (cmd: string) => `ERR ${cmd} isn't allowed for a DENY BLOCKING client`,
  // CLIENT TRACKING / CACHING (networking.c).
  TRACKING_ONE_REDIRECT: 'ERR A client can only redirect to a single other client',
  TRACKING_NO_REDIRECT_CLIENT: 'ERR The client ID you want redirect to does not exist',
  TRACKING_PREFIX_NEEDS_BCAST: 'ERR PREFIX option requires BCAST mode to be enabled',
  TRACKING_BCAST_SWITCH:
    "ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then re-enabling it with a different mode.",
  TRACKING_OPT_WITH_BCAST: 'ERR OPTIN and OPTOUT are not compatible with BCAST',
  TRACKING_OPTIN_AND_OPTOUT: "ERR You can't specify both OPTIN mode and OPTOUT mode",
  TRACKING_OPT_SWITCH:
    "ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then re-enabling it with a different mode.",
  CACHING_NOT_TRACKING: 'ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled',
  CACHING_YES_NEEDS_OPTIN: 'ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.',
  CACHING_NO_NEEDS_OPTOUT: 'ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.',
  STRING_TOO_LONG: 'ERR string exceeds maximum allowed size (proto-max-bulk-len)',
  NAN_OR_INF: 'ERR increment would produce NaN or Infinity',
  BIT_OFFSET: 'ERR bit offset is not an integer or out of range',
  SAME_OBJECT: 'ERR source and destination objects are the same',
  // String commands (t_string.c).
  OFFSET_OUT_OF_RANGE: 'ERR offset is out of range',
  DECREMENT_OVERFLOW: 'ERR decrement would overflow',
  LCS_NOT_STRINGS: 'ERR The specified keys must contain string values',
  LCS_IDX_AND_LEN: 'ERR If you want both the length and indexes, please just use IDX.',
  LCS_EXCEEDS_BULK_LEN: 'ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len',
  LCS_NO_MEMORY: 'ERR Insufficient memory, failed allocating transient memory for LCS',
  // Generic keyspace commands (db.c, expire.c, object.c).
  INVALID_CURSOR: 'ERR invalid cursor',
  INVALID_FIRST_DB: 'ERR invalid first DB index',
  INVALID_SECOND_DB: 'ERR invalid second DB index',
  EXPIRE_UNSUPPORTED_OPTION: (opt: string) => `ERR Unsupported option ${opt}`,
  EXPIRE_NX_AND_OTHERS: 'ERR NX and XX, GT or LT options at the same time are not compatible',
  EXPIRE_GT_AND_LT: 'ERR GT and LT options at the same time are not compatible',
  OBJECT_FREQ_NEEDS_LFU:
    'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
  OBJECT_IDLETIME_UNDER_LFU:
    'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
  INT_RANGE: 'ERR value is out of range, value must between -2147483648 and 2147483647',
  // Hashes and sets (t_hash.c, t_set.c) and the shared range parsers (object.c).
  LONG_RANGE: (min: string, max: string) => `ERR value is out of range, value must between ${min} and ${max}`,
  MUST_BE_POSITIVE: 'ERR value is out of range, must be positive',
  VALUE_OUT_OF_RANGE: 'ERR value is out of range',
  VALUE_NAN_OR_INF: 'ERR value is NaN or Infinity',
  HASH_VALUE_NOT_INTEGER: 'ERR hash value is not an integer',
  HASH_VALUE_NOT_FLOAT: 'ERR hash value is not a float',
  NUMKEYS_NOT_POSITIVE: 'ERR numkeys should be greater than 0',
  NUMKEYS_OVER_ARGS: "ERR Number of keys can't be greater than number of args",
  LIMIT_NEGATIVE: "ERR LIMIT can't be negative",
  // Connection and CLIENT (networking.c, server.c).
  NOPROTO: 'NOPROTO unsupported protocol version',
  HELLO_BAD_PROTO: 'ERR Protocol version is not an integer or out of range',
  HELLO_SYNTAX: (opt: string) => `ERR Syntax error in HELLO option '${opt}'`,
  HELLO_NOAUTH:
    'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time',
  BAD_CLIENT_NAME: 'ERR Client names cannot contain spaces, newlines or special characters.',
  UNKNOWN_CLIENT_TYPE: (t: string) => `ERR Unknown client type '${t}'`,
  INVALID_CLIENT_ID: 'ERR Invalid client ID',
  CLIENT_ID_POSITIVE: 'ERR client-id should be greater than 0',
  NO_SUCH_CLIENT: 'ERR No such client',
  NO_SUCH_USER: (u: string) => `ERR No such user '${u}'`,
  // ACL (acl.c getAclErrorMessage, script.c scriptVerifyACL, aclCommand).
  NOPERM_COMMAND: (fullname: string) => `NOPERM this user has no permissions to run the '${fullname}' command`,
  NOPERM_KEY: 'NOPERM this user has no permissions to access one of the keys used as arguments',
  NOPERM_CHANNEL: 'NOPERM this user has no permissions to access one of the channels used as arguments',
  NOPERM_EXEC: (reason: string) =>
    `NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. This command is no longer allowed for the following reason: ${reason}`,
  SCRIPT_NOPERM_COMMAND: "ERR The user executing the script can't run this command or subcommand",
  SCRIPT_NOPERM_KEY: "ERR The user executing the script can't access at least one of the keys mentioned in the command arguments",
  SCRIPT_NOPERM_CHANNEL: "ERR The user executing the script can't publish to the channel mentioned in the command",
  ACL_NO_FILE:
    'ERR This Redis instance is not configured to use an ACL file. You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a Redis configuration file set) in order to store users in the Redis configuration.',
  ACL_LOAD_OPEN_FAILED: (path: string, reason: string) => `ERR Error loading ACLs, opening file '${path}': ${reason}`,
  ACL_SAVE_FAILED: 'ERR There was an error trying to save the ACLs. Please check the server logs for more information',
  ACL_BAD_USERNAME: "ERR Usernames can't contain spaces or null characters",
  ACL_DELETE_DEFAULT: "ERR The 'default' user cannot be removed",
  ACL_UNKNOWN_CATEGORY: (cat: string) => `ERR Unknown category '${cat.slice(0, 128)}'`,
  ACL_GENPASS_BITS: 'ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096',
  ACL_DRYRUN_NO_USER: (u: string) => `ERR User '${u}' not found`,
  ACL_DRYRUN_NO_COMMAND: (cmd: string) => `ERR Command '${cmd}' not found`,
  // CONFIG SET (config.c).
  CONFIG_SET_UNKNOWN: (name: string) => `ERR Unknown option or number of arguments for CONFIG SET - '${name}'`,
  CONFIG_SET_FAILED: (name: string, why: string) => `ERR CONFIG SET failed (possibly related to argument '${name}') - ${why}`,
  // COMMAND GETKEYS (server.c getKeysSubcommandImpl).
  GETKEYS_INVALID_COMMAND: 'ERR Invalid command specified',
  GETKEYS_NO_KEYS: 'ERR The command has no key arguments',
  GETKEYS_BAD_ARITY: 'ERR Invalid number of arguments specified for command',
  GETKEYS_BAD_ARGS: 'ERR Invalid arguments specified for command',
  // addReplySubcommandSyntaxError: containers that parse their own subcommands (DEBUG).
  SUBCOMMAND_SYNTAX: (sub: string, cmd: string) =>
    `ERR unknown subcommand or wrong number of arguments for '${sub.slice(0, 128)}'. Try ${cmd} HELP.`,
  // DEBUG is a protected command (enable-debug-command).
  DEBUG_NOT_ALLOWED:
    'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.',
  // Sorted sets (t_zset.c).
  ZADD_NX_XX: 'ERR XX and NX options at the same time are not compatible',
  ZADD_GT_LT_NX: 'ERR GT, LT, and/or NX options at the same time are not compatible',
  ZADD_INCR_PAIRS: 'ERR INCR option supports a single increment-element pair',
  ZSET_NAN: 'ERR resulting score is not a number (NaN)',
  ZSET_MIN_MAX_NOT_FLOAT: 'ERR min or max is not a float',
  ZSET_LEX_RANGE: 'ERR min or max not valid string range item',
  ZRANGE_LIMIT_NEEDS_BY: 'ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX',
  ZRANGE_WITHSCORES_BYLEX: 'ERR syntax error, WITHSCORES not supported in combination with BYLEX',
  ZSET_WEIGHT_NOT_FLOAT: 'ERR weight value is not a float',
  ZSET_NEEDS_KEYS: (cmd: string) => `ERR at least 1 input key is needed for '${cmd}' command`,
  COUNT_POSITIVE: 'ERR count should be greater than 0',
  // Bitmaps (bitops.c).
  BIT_VALUE: 'ERR bit is not an integer or out of range',
  BITPOS_BIT: 'ERR The bit argument must be 1 or 0.',
  BITOP_NOT_ONE_KEY: 'ERR BITOP NOT must be called with a single source key.',
  BITFIELD_TYPE: 'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.',
  BITFIELD_OVERFLOW_TYPE: 'ERR Invalid OVERFLOW type specified',
  BITFIELD_RO_GET_ONLY: 'ERR BITFIELD_RO only supports the GET subcommand',
  // HyperLogLog (hyperloglog.c).
  HLL_WRONGTYPE: 'WRONGTYPE Key is not a valid HyperLogLog string value.',
  HLL_CORRUPTED: 'INVALIDOBJ Corrupted HLL object detected',
  PFDEBUG_NO_KEY: 'ERR The specified key does not exist',
  PFDEBUG_NOT_SPARSE: 'ERR HLL encoding is not sparse',
  PFDEBUG_UNKNOWN: (sub: string) => `ERR Unknown PFDEBUG subcommand '${sub}'`,
  PFSELFTEST_REGISTER: (i: number, want: number, got: number) => `TESTFAILED Register ${i} should be ${want} but is ${got}`,
  PFSELFTEST_NOT_SPARSE: 'TESTFAILED sparse encoding not used',
  PFSELFTEST_DISAGREE: 'TESTFAILED dense/sparse disagree',
  PFSELFTEST_ERROR: (card: number, abserr: number) => `TESTFAILED Too big error. card:${card} abserr:${abserr}`,
  // DUMP / RESTORE (cluster.c).
  BUSYKEY: 'BUSYKEY Target key name already exists.',
  RESTORE_BAD_TTL: 'ERR Invalid TTL value, must be >= 0',
  RESTORE_BAD_IDLETIME: 'ERR Invalid IDLETIME value, must be >= 0',
  RESTORE_BAD_FREQ: 'ERR Invalid FREQ value, must be >= 0 and <= 255',
  DUMP_PAYLOAD_INVALID: 'ERR DUMP payload version or checksum are wrong',
  BAD_DATA_FORMAT: 'ERR Bad data format',
  // Geo commands (geo.c).
  GEO_INVALID_LONLAT: (lon: string, lat: string) => `ERR invalid longitude,latitude pair ${lon},${lat}`,
  GEO_UNSUPPORTED_UNIT: 'ERR unsupported unit provided. please use M, KM, FT, MI',
  GEO_NEED_RADIUS: 'ERR need numeric radius',
  GEO_NEED_WIDTH: 'ERR need numeric width',
  GEO_NEED_HEIGHT: 'ERR need numeric height',
  GEO_NEGATIVE_RADIUS: 'ERR radius cannot be negative',
  GEO_NEGATIVE_BOX: 'ERR height or width cannot be negative',
  GEO_MEMBER_NOT_DECODED: 'ERR could not decode requested zset member',
  GEO_COUNT_POSITIVE: 'ERR COUNT must be > 0',
  GEO_ANY_NEEDS_COUNT: 'ERR the ANY argument requires COUNT argument',
  GEO_STORE_WITH: (what: string) => `ERR ${what} is not compatible with WITHDIST, WITHHASH and WITHCOORD options`,
  GEO_NEEDS_FROM: (cmd: string) => `ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ${cmd}`,
  GEO_NEEDS_BY: (cmd: string) => `ERR exactly one of BYRADIUS and BYBOX can be specified for ${cmd}`,
  // Streams (t_stream.c). Key and group names in the NOGROUP errors are already sanitized.
  STREAM_BAD_ID: 'ERR Invalid stream ID specified as stream command argument',
  STREAM_XADD_ZERO_ID: 'ERR The ID specified in XADD must be greater than 0-0',
  STREAM_EXHAUSTED: 'ERR The stream has exhausted the last possible ID, unable to add more items',
  STREAM_XADD_ID_TOO_SMALL: 'ERR The ID specified in XADD is equal or smaller than the target stream top item',
  STREAM_ELEMENTS_TOO_LARGE: 'ERR Elements are too large to be stored',
  STREAM_MAXLEN_AND_MINID: 'ERR syntax error, MAXLEN and MINID options at the same time are not compatible',
  STREAM_MAXLEN_NEGATIVE: 'ERR The MAXLEN argument must be >= 0.',
  STREAM_LIMIT_NEGATIVE: 'ERR The LIMIT argument must be >= 0.',
  STREAM_LIMIT_WITHOUT_STRATEGY: 'ERR syntax error, LIMIT cannot be used without specifying a trimming strategy',
  STREAM_XTRIM_NO_STRATEGY: 'ERR syntax error, XTRIM must be called with a trimming strategy',
  STREAM_LIMIT_WITHOUT_APPROX: 'ERR syntax error, LIMIT cannot be used without the special ~ option',
  STREAM_BAD_START: 'ERR invalid start ID for the interval',
  STREAM_BAD_END: 'ERR invalid end ID for the interval',
  // 7.0 says XREAD and '$' for XREADGROUP too.
  STREAM_UNBALANCED: "ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.",
  STREAM_GROUP_ONLY_XREADGROUP: 'ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.',
  STREAM_NOACK_ONLY_XREADGROUP: 'ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.',
  STREAM_MISSING_GROUP: 'ERR Missing GROUP option for XREADGROUP',
  STREAM_NOGROUP_XREADGROUP: (key: string, group: string) =>
    `NOGROUP No such key '${key}' or consumer group '${group}' in XREADGROUP with GROUP option`,
  STREAM_DOLLAR_IN_XREADGROUP:
    'ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.',
  STREAM_GT_OUTSIDE_XREADGROUP: 'ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.',
  STREAM_XGROUP_NO_KEY:
    'ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.',
  STREAM_NO_SUCH_GROUP: (group: string, key: string) => `NOGROUP No such consumer group '${group}' for key name '${key}'`,
  STREAM_NOGROUP: (key: string, group: string) => `NOGROUP No such key '${key}' or consumer group '${group}'`,
  STREAM_BUSYGROUP: 'BUSYGROUP Consumer Group name already exists',
  STREAM_ENTRIESREAD: 'ERR value for ENTRIESREAD must be positive or -1',
  STREAM_ENTRIES_ADDED_NEGATIVE: 'ERR entries_added must be positive',
  STREAM_XSETID_BELOW_GIVEN_MAXDEL: 'ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id',
  STREAM_XSETID_BELOW_TOP: 'ERR The ID specified in XSETID is smaller than the target stream top item',
  STREAM_XSETID_ADDED_BELOW_LENGTH: 'ERR The entries_added specified in XSETID is smaller than the target stream length',
  STREAM_XCLAIM_MIN_IDLE: 'ERR Invalid min-idle-time argument for XCLAIM',
  STREAM_XCLAIM_IDLE: 'ERR Invalid IDLE option argument for XCLAIM',
  STREAM_XCLAIM_TIME: 'ERR Invalid TIME option argument for XCLAIM',
  STREAM_XCLAIM_RETRYCOUNT: 'ERR Invalid RETRYCOUNT option argument for XCLAIM',
  STREAM_XCLAIM_OPTION: (opt: string) => `ERR Unrecognized XCLAIM option '${opt}'`,
  STREAM_XAUTOCLAIM_MIN_IDLE: 'ERR Invalid min-idle-time argument for XAUTOCLAIM',
  STREAM_COUNT_POSITIVE: 'ERR COUNT must be > 0',
  STREAM_BLOCK_IN_SCRIPT: (cmd: string) => `ERR ${cmd} command is not allowed with BLOCK option from scripts`,
  STREAM_BLOCKED_GROUP_GONE: 'NOGROUP the consumer group this client was blocked on no longer exists',
  /** An XREADGROUP client whose stream was deleted or replaced (unblockDeletedStreamReadgroupClients). */
  STREAM_BLOCKED_KEY_GONE: 'UNBLOCKED the stream key no longer exists',
  /** CLIENT UNBLOCK <id> ERROR. */
  UNBLOCKED_BY_CLIENT: 'UNBLOCKED client unblocked via CLIENT UNBLOCK',
  STREAM_XAUTOCLAIM_COUNT_TOO_HIGH: 'ERR Insufficient memory, failed allocating transient memory, COUNT too high.',
  TIMEOUT_NOT_INTEGER: 'ERR timeout is not an integer or out of range',
  TIMEOUT_NEGATIVE: 'ERR timeout is negative',
  TIMEOUT_NOT_FLOAT: 'ERR timeout is not a float or out of range',
  PAUSE_MODE: 'ERR CLIENT PAUSE mode must be WRITE or ALL',
  UNBLOCK_REASON: 'ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR',
} as const;

export const errorReply = (v: string): ErrorReply => ({ t: 'error', v });

/** Throw a Redis error; `never` so handlers can `return fail(...)` or use it in expressions. */
export function fail(msg: string): never {
  throw new CommandError(msg);
}
