// ACL: SETUSER rules and their canonical rendering (LIST, GETUSER), every
// NOPERM error, DRYRUN, LOG, AUTH / HELLO AUTH, scripts, MULTI, and the other
// subcommands. Users are deleted after each case (FLUSHALL keeps them).
import type { Case, Cmd, Step } from '../case.ts';

const setuser = (name: string, ...rules: string[]): Cmd => ['ACL', 'SETUSER', name, ...rules];

/** Back to the default user, then drop the case's users and the log. */
const cleanup = (...users: string[]): Cmd[] => [
  ['AUTH', 'default', 'x'],
  ...(users.length ? [['ACL', 'DELUSER', ...users]] : []),
  ['ACL', 'LOG', 'RESET'],
];

const acl = (name: string, users: string[], cmds: (Cmd | Step)[], extra: Partial<Case> = {}): Case => ({
  name, cmds, cleanup: cleanup(...users), ...extra,
});

/** Rule lists whose rendering (GETUSER and LIST) is compared. */
const RENDERINGS: string[][] = [
  [],
  ['on'],
  ['off'],
  ['on', 'off'],
  ['nopass'],
  ['>secret'],
  ['>a', '>b', '>a'],
  ['>a', '>b', '<a'],
  ['>a', 'resetpass'],
  ['nopass', '>x'],
  ['>x', 'nopass'],
  ['#' + 'a'.repeat(64)],
  ['#' + '0123456789abcdef'.repeat(4), '!' + '0123456789abcdef'.repeat(4)],
  ['>p', '<p'],
  ['~*'],
  ['allkeys'],
  ['~a', '~b*', '~a'],
  ['~a', 'resetkeys', '~c'],
  ['%R~r*'],
  ['%W~w*'],
  ['%RW~rw'],
  ['%WR~x'],
  ['%R~x', '%W~x'],
  ['%R~x', '~x'],
  ['%rw~low'],
  ['%R~*'],
  ['%RW~*'],
  ['%R'],
  ['~'],
  ['&*'],
  ['allchannels'],
  ['&ch1', '&ch*', '&ch1'],
  ['allchannels', 'resetchannels', '&x'],
  ['+@all'],
  ['allcommands'],
  ['nocommands'],
  ['-@all'],
  ['+get'],
  ['+GET'],
  ['+config|get', '+config|set', '-config|set'],
  ['+get', '-get'],
  ['+get', '+get'],
  ['+@all', '-get'],
  ['+@all', '-@string'],
  ['+@string', '-@string'],
  ['+@hash', '+@set', '-hset'],
  ['+@READ'],
  ['+config|get'],
  ['+config'],
  ['+config', '-config|set'],
  ['+config|get', '-config'],
  ['+client|id'],
  ['+select|0'],
  ['+select|0', '+select|1'],
  ['+select|0', '-select'],
  ['+select|0', '+select'],
  ['+@all', '+select|0'],
  ['+get', 'nocommands'],
  ['+get', 'allcommands', '-set'],
  ['on', 'reset'],
  ['on', '>p', '~k', '&c', '+get', 'reset'],
  ['skip-sanitize-payload'],
  ['sanitize-payload'],
  ['skip-sanitize-payload', 'sanitize-payload'],
  ['(+get ~k*)'],
  ['(+get', '~k*)'],
  ['(+get ~a) (+set ~b)'],
  ['(+get ~a)', '(+set ~b)', 'clearselectors'],
  ['(%R~r &ch +@read)'],
  ['(allkeys allchannels allcommands)'],
  ['()'],
  ['(', ')'],
  ['(+get "~a b")'],
  ['on', '>pw', '~cache:*', '%R~ro:*', '&news', '-@all', '+@read', '+set', '(+del ~tmp:*)'],
  [''],
  ['ON', 'NOPASS', 'AllKeys', 'AllChannels', 'AllCommands'],
];

const renderCases: Case[] = RENDERINGS.map((rules, i) =>
  acl(`render ${i}: ${rules.join(' ') || '(none)'}`, ['r-user'], [
    setuser('r-user', ...rules), ['ACL', 'GETUSER', 'r-user'], ['ACL', 'LIST'], ['ACL', 'USERS'],
  ]));

const renderResp3: Case[] = [
  ['on', '>p', '~a', '%R~b', '&c', '+get'],
  ['(+get ~a)', '(+set %W~b &x)'],
  ['nopass', 'allkeys', 'allchannels', '+@all'],
].map((rules, i) => acl(`render resp3 ${i}`, ['r-user'], [setuser('r-user', ...rules), ['ACL', 'GETUSER', 'r-user']], { resp3: true }));

/** Refused rules: the error text, and the user left unchanged (or not created). */
const BAD_RULES: string[][] = [
  ['bogus'],
  ['+nosuch'],
  ['-nosuch'],
  ['+@nocat'],
  ['-@nocat'],
  ['+config|nosuch'],
  ['+config|get|x'],
  ['+config|'],
  ['-get|x'],
  ['#abc'],
  ['#' + 'A'.repeat(64)],
  ['!' + 'g'.repeat(64)],
  ['<nope'],
  ['~*', '~a'],
  ['allkeys', '%R~a'],
  ['&*', '&a'],
  ['%X~a'],
  ['%RR~a'],
  ['%~a'],
  ['(on)'],
  ['(+get'],
  ['(+get', '~a'],
  ['on', '(+get', '>x'],
  ['(nopass)'],
  ['(+nosuch)'],
  ['(~* ~a)'],
  ['on', '+get', 'bogus'],
  ['(+get ~a b)'],
];

const badCases: Case[] = BAD_RULES.map((rules, i) =>
  acl(`bad rule ${i}: ${rules.join(' ')}`, ['b-user'], [
    setuser('b-user', ...rules), ['ACL', 'GETUSER', 'b-user'],
    setuser('b-user', 'on', '~k'), setuser('b-user', ...rules), ['ACL', 'LIST'],
  ]));

/** A user allowed GET/SET/PUBLISH/SUBSCRIBE... on some keys and channels, then the commands run as it. */
const LIMITED = ['on', '>pw', '~k*', '%R~r*', '%W~w*', '&ch', '&news.*', '+get', '+set', '+publish', '+subscribe',
  '+psubscribe', '+ssubscribe', '+spublish', '+mget', '+mset', '+copy', '+lmove', '+eval', '+evalsha', '+multi', '+exec',
  '+discard', '+select|0', '+acl|whoami', '+client|id', '+ping', '+getex', '+append', '+object|encoding', '+sort'];

const PERMISSION_PROBES: Cmd[][] = [
  [['GET', 'k1'], ['GET', 'x'], ['SET', 'k1', 'v'], ['SET', 'x', 'v']],
  [['DEL', 'k1'], ['FLUSHALL'], ['KEYS', '*'], ['ACL', 'LIST'], ['CONFIG', 'GET', 'x']],
  [['GET', 'r1'], ['SET', 'r1', 'v'], ['GET', 'w1'], ['SET', 'w1', 'v'], ['APPEND', 'r1', 'x'], ['APPEND', 'w1', 'x']],
  [['GETEX', 'r1'], ['GETEX', 'k1'], ['GETEX', 'r1', 'PERSIST'], ['MGET', 'k1', 'k2'], ['MGET', 'k1', 'x']],
  [['MSET', 'k1', 'a', 'k2', 'b'], ['MSET', 'k1', 'a', 'z', 'b'], ['MSET', 'w1', 'a', 'r1', 'b']],
  [['COPY', 'k1', 'k2'], ['COPY', 'r1', 'w1'], ['COPY', 'w1', 'r1'], ['COPY', 'k1', 'x']],
  [['LMOVE', 'k1', 'k2', 'LEFT', 'RIGHT'], ['LMOVE', 'x', 'k2', 'LEFT', 'RIGHT'], ['LMOVE', 'k1', 'x', 'LEFT', 'RIGHT']],
  [['PUBLISH', 'ch', 'm'], ['PUBLISH', 'chx', 'm'], ['PUBLISH', 'news.a', 'm'], ['PUBLISH', 'news.*', 'm'], ['SPUBLISH', 'x', 'm']],
  [['SELECT', '0'], ['SELECT', '1'], ['select', '0'], ['PING'], ['ACL', 'WHOAMI'], ['ACL', 'USERS']],
  [['OBJECT', 'ENCODING', 'k1'], ['OBJECT', 'ENCODING', 'x'], ['OBJECT', 'FREQ', 'k1'], ['CLIENT', 'LIST']],
  [['SORT', 'k1'], ['SORT', 'x'], ['SORT', 'k1', 'STORE', 'x'], ['SORT', 'r1', 'STORE', 'w1'], ['SORT', 'k1', 'BY', 'nosort']],
  [['GET'], ['DEL'], ['NOSUCHCMD', 'a'], ['CONFIG', 'NOSUCH'], ['ACL', 'NOSUCH']],
  [['EVAL', 'return 1', '0'], ['EVAL', 'return 1', '1', 'x'], ['EVAL', 'return 1', '1', 'k1'], ['EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', '1', 'x']],
  [['SUBSCRIBE', 'x']],
  [['PSUBSCRIBE', 'news.*', 'x*']],
  [['SSUBSCRIBE', 'nope']],
  [{ cmd: ['SUBSCRIBE', 'ch', 'news.1'], replies: 2 }, ['PING']] as (Cmd | Step)[] as Cmd[],
  [['AUTH', 'default', 'x'], ['DEL', 'k1'], ['AUTH', 'p-user', 'pw'], ['DEL', 'k1']],
];

const permissionCases: Case[] = PERMISSION_PROBES.map((probe, i) =>
  acl(`permissions ${i}: ${(Array.isArray(probe[0]) ? probe[0] : (probe[0] as Step).cmd).join(' ')}`, ['p-user'], [
    ['SET', 'k1', 'a'], ['SET', 'r1', 'b'], ['SET', 'w1', 'c'], setuser('p-user', ...LIMITED), ['AUTH', 'p-user', 'pw'], ...probe,
  ]));

const selectorCases: Case[] = [
  acl('selectors: root or a selector may allow', ['s-user'], [
    setuser('s-user', 'on', 'nopass', '~a*', '+get', '(+set ~b*)', '(+del %W~c*)'), ['AUTH', 's-user', 'x'],
    ['GET', 'a1'], ['GET', 'b1'], ['SET', 'b1', 'v'], ['SET', 'a1', 'v'], ['DEL', 'c1'], ['DEL', 'a1'], ['DEL', 'c1', 'x'],
  ]),
  acl('selectors: most relevant error', ['s-user'], [
    setuser('s-user', 'on', 'nopass', '~a', '&c', '+get', '+publish', '(+mget ~b)', '(+publish &d)'), ['AUTH', 's-user', 'x'],
    ['MGET', 'a', 'b'], ['MGET', 'b', 'x'], ['PUBLISH', 'e', 'm'], ['PUBLISH', 'd', 'm'], ['GET', 'b'], ['SET', 'a', 'v'],
  ]),
  acl('selectors: read and write key permissions', ['s-user'], [
    ['SET', 'src', 'v'], setuser('s-user', 'on', 'nopass', '+@all', '%R~src', '%W~dst'), ['AUTH', 's-user', 'x'],
    ['GET', 'src'], ['SET', 'src', 'x'], ['COPY', 'src', 'dst'], ['GET', 'dst'], ['SET', 'dst', 'x'], ['DEL', 'dst'],
    ['EXISTS', 'src'], ['EXISTS', 'dst'], ['RENAME', 'src', 'dst'], ['TYPE', 'dst'],
  ]),
  acl('dryrun with selectors', ['s-user'], [
    setuser('s-user', '~a', '+get', '(+set ~b)'),
    ['ACL', 'DRYRUN', 's-user', 'get', 'a'], ['ACL', 'DRYRUN', 's-user', 'get', 'b'], ['ACL', 'DRYRUN', 's-user', 'set', 'b', 'v'],
    ['ACL', 'DRYRUN', 's-user', 'set', 'a', 'v'], ['ACL', 'DRYRUN', 's-user', 'del', 'a'],
  ]),
];

const DRYRUNS: Cmd[] = [
  ['get', 'k1'], ['get', 'x'], ['GET', 'x'], ['del', 'k1'], ['set', 'k1', 'v'], ['set', 'w1', 'v'], ['get', 'w1'],
  ['publish', 'ch', 'm'], ['publish', 'zz', 'm'], ['psubscribe', 'news.*'], ['psubscribe', 'news.a'], ['subscribe', 'news.a', 'zz'],
  ['select', '0'], ['select', '1'], ['config', 'get', 'x'], ['acl', 'whoami'], ['acl', 'list'], ['nosuch'], ['get'],
  ['config', 'nosuch'], ['mget', 'k1', 'x', 'k2'], ['object', 'encoding', 'x'], ['ping'], ['auth', 'a', 'b'], ['hello'],
];

const dryrunCases: Case[] = [
  acl('dryrun', ['d-user'], [
    setuser('d-user', ...LIMITED), ...DRYRUNS.map((cmd): Cmd => ['ACL', 'DRYRUN', 'd-user', ...cmd]),
    ['ACL', 'DRYRUN', 'nobody', 'get', 'x'], ['ACL', 'DRYRUN', 'default', 'flushall'], ['ACL', 'DRYRUN', 'd-user'],
  ]),
  acl('dryrun resp3', ['d-user'], [
    setuser('d-user', '+get'), ['ACL', 'DRYRUN', 'd-user', 'get', 'x'], ['ACL', 'DRYRUN', 'd-user', 'del', 'x'],
  ], { resp3: true }),
  acl('dryrun of a disabled user', ['d-user'], [
    setuser('d-user', 'off', 'allkeys', '+get'), ['ACL', 'DRYRUN', 'd-user', 'get', 'x'],
  ]),
];

const authCases: Case[] = [
  acl('auth as a user', ['a-user'], [
    setuser('a-user', 'on', '>pw', '+@all', '~*'), ['AUTH', 'a-user', 'pw'], ['ACL', 'WHOAMI'], ['AUTH', 'a-user', 'bad'],
    ['ACL', 'WHOAMI'], ['AUTH', 'nobody', 'pw'], ['AUTH', 'default', 'x'], ['ACL', 'WHOAMI'],
  ]),
  acl('auth to a disabled user', ['a-user'], [
    setuser('a-user', 'off', '>pw', '+@all'), ['AUTH', 'a-user', 'pw'], setuser('a-user', 'on'), ['AUTH', 'a-user', 'pw'],
    ['ACL', 'WHOAMI'],
  ]),
  acl('auth nopass user accepts any password', ['a-user'], [
    setuser('a-user', 'on', 'nopass', '+acl|whoami'), ['AUTH', 'a-user', ''], ['ACL', 'WHOAMI'], ['AUTH', 'a-user', 'anything'],
  ]),
  acl('auth with several passwords', ['a-user'], [
    setuser('a-user', 'on', '>one', '>two', '+acl|whoami'), ['AUTH', 'a-user', 'one'], ['AUTH', 'a-user', 'two'],
    ['AUTH', 'default', 'x'], setuser('a-user', '<one'), ['AUTH', 'a-user', 'one'], ['AUTH', 'a-user', 'two'],
  ]),
  acl('auth user without passwords', ['a-user'], [setuser('a-user', 'on', '+@all'), ['AUTH', 'a-user', ''], ['AUTH', 'a-user', 'x']]),
  acl('auth with a hashed password', ['a-user'], [
    // sha256("pw")
    setuser('a-user', 'on', '#30c952fab122c3f9759f02a6d95c3758b246b4fee239957b2d4fee46e26170c4', '+acl|whoami'),
    ['AUTH', 'a-user', 'pw'], ['ACL', 'WHOAMI'],
  ]),
  acl('auth binary password', ['a-user'], [
    setuser('a-user', 'on', '>\x00\xff\r\n', '+acl|whoami'), ['AUTH', 'a-user', '\x00\xff\r\n'], ['ACL', 'WHOAMI'],
    ['ACL', 'GETUSER', 'a-user'],
  ]),
  acl('hello auth', ['a-user'], [
    setuser('a-user', 'on', '>pw', '+@all', '~*'), { cmd: ['HELLO', '2', 'AUTH', 'a-user', 'pw'], shape: true },
    ['ACL', 'WHOAMI'], ['HELLO', '2', 'AUTH', 'a-user', 'bad'], ['HELLO', '3', 'AUTH', 'nobody', 'x'], ['ACL', 'WHOAMI'],
  ]),
  acl('hello auth to a user without hello', ['a-user'], [
    setuser('a-user', 'on', '>pw', '+get'), { cmd: ['HELLO', '2', 'AUTH', 'a-user', 'pw', 'SETNAME', 'n'], shape: true },
    { cmd: ['HELLO', '2'], shape: true }, ['CLIENT', 'GETNAME'], ['GET', 'k'],
  ]),
  acl('auth with two arguments against a default user password', [], [
    setuser('default', '>dpw'), ['AUTH', 'dpw'], ['AUTH', 'wrong'], ['AUTH', 'default', 'dpw'],
    setuser('default', 'nopass'), ['AUTH', 'x'], ['ACL', 'LIST'],
  ]),
  acl('requirepass sets the default user', [], [
    ['CONFIG', 'SET', 'requirepass', 'rp'], ['ACL', 'LIST'], ['ACL', 'GETUSER', 'default'], ['AUTH', 'rp'], ['AUTH', 'bad'],
    ['CONFIG', 'SET', 'requirepass', ''], ['ACL', 'LIST'], ['CONFIG', 'GET', 'requirepass'],
  ]),
  acl('setuser default password does not change requirepass', [], [
    setuser('default', '>zz'), ['CONFIG', 'GET', 'requirepass'], ['ACL', 'LIST'], setuser('default', 'nopass'), ['ACL', 'LIST'],
  ]),
  acl('client list and client info show the user', ['a-user'], [
    setuser('a-user', 'on', 'nopass', '+@all', '~*'), ['AUTH', 'a-user', 'x'],
    { cmd: ['EVAL', "return string.match(redis.call('CLIENT','INFO'), 'user=[^ ]*')", '0'] },
    ['CLIENT', 'KILL', 'USER', 'nobody'], ['CLIENT', 'KILL', 'USER', 'a-user', 'SKIPME', 'yes'],
  ]),
];

const logCases: Case[] = [
  acl('log shape after refusals', ['l-user'], [
    ['ACL', 'LOG', 'RESET'], setuser('l-user', 'on', '>pw', '~k', '&c', '+get', '+publish', '+acl|log'), ['AUTH', 'l-user', 'pw'],
    ['GET', 'x'], ['DEL', 'k'], ['PUBLISH', 'd', 'm'], ['AUTH', 'l-user', 'bad'], ['AUTH', 'l-user', 'pw'],
    { cmd: ['ACL', 'LOG'], shape: true }, { cmd: ['ACL', 'LOG', '2'], shape: true }, { cmd: ['ACL', 'LOG', '0'], shape: true },
  ]),
  acl('log grouping counts repeats', ['l-user'], [
    ['ACL', 'LOG', 'RESET'], setuser('l-user', 'on', '>pw', '+get', '+acl|log'), ['AUTH', 'l-user', 'pw'],
    ['DEL', 'k'], ['DEL', 'k'], ['DEL', 'j'], ['GET', 'x'],
    { cmd: ['EVAL', "local l = redis.pcall('ACL','LOG') return 1", '0'] },
    { cmd: ['ACL', 'LOG'], shape: true },
  ]),
  acl('log arguments', [], [
    ['ACL', 'LOG', 'RESET'], ['ACL', 'LOG'], ['ACL', 'LOG', 'x'], ['ACL', 'LOG', '-1'], ['ACL', 'LOG', '1', '2'],
    ['ACL', 'LOG', 'reset'], ['ACL', 'LOG', '99999999999999999999'], ['ACL', 'LOG', '1.5'],
  ]),
  acl('log auth failures', [], [
    ['ACL', 'LOG', 'RESET'], ['AUTH', 'nobody', 'x'], ['AUTH', 'nobody', 'x'], ['HELLO', '2', 'AUTH', 'who', 'x'],
    { cmd: ['ACL', 'LOG'], shape: true },
  ]),
  acl('log resp3 shape', ['l-user'], [
    ['ACL', 'LOG', 'RESET'], setuser('l-user', 'on', 'nopass'), ['AUTH', 'l-user', 'x'], ['GET', 'k'], ['AUTH', 'default', 'x'],
    { cmd: ['ACL', 'LOG'], shape: true },
  ], { resp3: true }),
  acl('log max len', ['l-user'], [
    ['ACL', 'LOG', 'RESET'], setuser('l-user', 'on', 'nopass'), ['AUTH', 'l-user', 'x'], ['GET', 'a'], ['SET', 'b', 'c'],
    ['DEL', 'd'], ['AUTH', 'default', 'x'], { cmd: ['ACL', 'LOG'], shape: true },
  ], { config: { 'acllog-max-len': '2' } }),
];

const scriptCases: Case[] = [
  acl('script redis.call refused', ['e-user'], [
    setuser('e-user', 'on', 'nopass', '~k*', '&ch', '+eval', '+get', '+set', '+publish'), ['AUTH', 'e-user', 'x'],
    ['EVAL', "return redis.call('get','k1')", '0'], ['EVAL', "return redis.call('get','x')", '0'],
    ['EVAL', "return redis.call('del','k1')", '0'], ['EVAL', "return redis.call('publish','zz','m')", '0'],
    ['EVAL', "return redis.call('publish','ch','m')", '0'], ['EVAL', "return redis.pcall('del','k1')", '0'],
    ['EVAL', "local r = redis.pcall('get','x') return r['err']", '0'],
  ]),
  acl('script acl_check_cmd', ['e-user'], [
    setuser('e-user', 'on', 'nopass', '~k*', '+eval', '+get', '+config|get', '+select|0'), ['AUTH', 'e-user', 'x'],
    ['EVAL', "return redis.acl_check_cmd('get','k1')", '0'], ['EVAL', "return redis.acl_check_cmd('get','x')", '0'],
    ['EVAL', "return redis.acl_check_cmd('del','k1')", '0'], ['EVAL', "return redis.acl_check_cmd('nosuch')", '0'],
    ['EVAL', "return redis.acl_check_cmd('config','get','x')", '0'], ['EVAL', "return redis.acl_check_cmd('config','set','x','y')", '0'],
    ['EVAL', "return redis.acl_check_cmd('select','0')", '0'], ['EVAL', "return redis.acl_check_cmd('select','1')", '0'],
    ['EVAL', 'return redis.acl_check_cmd()', '0'],
  ]),
  acl('script acl_check_cmd as default', [], [
    ['EVAL', "return redis.acl_check_cmd('flushall')", '0'], ['EVAL', "return redis.acl_check_cmd('config','nosuch')", '0'],
  ]),
  {
    ...acl('function redis.call refused', ['f-user'], [
      ['FUNCTION', 'LOAD', "#!lua name=acllib\nredis.register_function('f', function(keys, args) return redis.call('del', 'k') end)\n" +
        "redis.register_function('g', function(keys, args) return redis.call('get', 'x') end)\n" +
        "redis.register_function('h', function(keys, args) return redis.acl_check_cmd('del', 'k') end)"],
      setuser('f-user', 'on', 'nopass', '~k*', '+@all', '-del'), ['AUTH', 'f-user', 'x'],
      ['FCALL', 'f', '0'], ['FCALL', 'g', '0'], ['FCALL', 'h', '0'], ['FCALL', 'g', '1', 'x'], ['FCALL_RO', 'g', '0'],
    ]),
    cleanup: [...cleanup('f-user'), ['FUNCTION', 'DELETE', 'acllib']],
  },
  acl('script keys checked at eval', ['e-user'], [
    setuser('e-user', 'on', 'nopass', '~k*', '+eval', '+fcall'), ['AUTH', 'e-user', 'x'],
    ['EVAL', 'return 1', '1', 'k1'], ['EVAL', 'return 1', '2', 'k1', 'z'], ['EVAL', 'return 1', '0', 'z'],
  ]),
];

const multiCases: Case[] = [
  acl('multi: refused command aborts exec', ['m-user'], [
    setuser('m-user', 'on', 'nopass', '~*', '+multi', '+exec', '+discard', '+get', '+set'), ['AUTH', 'm-user', 'x'],
    ['MULTI'], ['SET', 'a', '1'], ['DEL', 'a'], ['GET', 'a'], ['EXEC'], ['GET', 'a'],
  ]),
  acl('multi: refused key', ['m-user'], [
    setuser('m-user', 'on', 'nopass', '~a', '+multi', '+exec', '+get'), ['AUTH', 'm-user', 'x'],
    ['MULTI'], ['GET', 'a'], ['GET', 'b'], ['EXEC'],
  ]),
  acl('multi: rules changed before exec', ['m-user'], [
    setuser('m-user', 'on', 'nopass', '~*', '+@all'), ['AUTH', 'm-user', 'x'], ['ACL', 'LOG', 'RESET'],
    ['MULTI'], setuser('m-user', '-get'), ['GET', 'a'], ['SET', 'a', '1'], ['EXEC'], ['GET', 'a'],
    ['AUTH', 'default', 'x'], { cmd: ['ACL', 'LOG'], shape: true },
  ]),
  acl('multi: keys and channels changed before exec', ['m-user'], [
    setuser('m-user', 'on', 'nopass', '~a', '&c', '+@all'), ['AUTH', 'm-user', 'x'],
    ['MULTI'], setuser('m-user', 'resetkeys', 'resetchannels', '~b'), ['GET', 'a'], ['PUBLISH', 'c', 'm'], ['GET', 'b'], ['EXEC'],
  ]),
  acl('multi: exec itself refused', ['m-user'], [
    setuser('m-user', 'on', 'nopass', '~*', '+multi', '+get'), ['AUTH', 'm-user', 'x'], ['MULTI'], ['GET', 'a'], ['EXEC'], ['GET', 'a'],
  ]),
];

const deleteCases: Case[] = [
  acl('deluser', ['x1', 'x2'], [
    setuser('x1'), setuser('x2'), ['ACL', 'DELUSER', 'x1', 'nosuch', 'x1'], ['ACL', 'USERS'], ['ACL', 'DELUSER', 'default'],
    ['ACL', 'DELUSER', 'x2', 'default'], ['ACL', 'USERS'], ['ACL', 'DELUSER', 'nosuch'], ['ACL', 'DELUSER'],
  ]),
  acl('users order', ['b', 'a', 'B', 'aa', '_'], [
    setuser('b'), setuser('a'), setuser('B'), setuser('aa'), setuser('_'), ['ACL', 'USERS'], ['ACL', 'LIST'],
  ]),
  acl('setuser bad names', [], [
    setuser('a b'), setuser('a\x00b'), setuser('tab\t'), setuser(''), ['ACL', 'USERS'], ['ACL', 'SETUSER'],
  ]),
  acl('setuser modifies in place', ['m'], [
    setuser('m', 'on', '~a'), setuser('m', '~b', '+get'), ['ACL', 'GETUSER', 'm'], setuser('m', 'bogus'), ['ACL', 'GETUSER', 'm'],
  ]),
  acl('getuser', [], [['ACL', 'GETUSER', 'default'], ['ACL', 'GETUSER', 'nosuch'], ['ACL', 'GETUSER'], ['ACL', 'GETUSER', 'a', 'b']]),
  acl('getuser default resp3', [], [['ACL', 'GETUSER', 'default'], ['ACL', 'GETUSER', 'nosuch']], { resp3: true }),
  acl('whoami', [], [['ACL', 'WHOAMI'], ['ACL', 'WHOAMI', 'x'], ['acl', 'whoami']]),
  acl('help', [], [['ACL', 'HELP'], ['ACL', 'help'], ['ACL', 'HELP', 'x'], ['ACL'], ['ACL', 'NOSUCH']]),
  acl('cat', [], [['ACL', 'CAT'], ['ACL', 'CAT', 'nosuch'], ['ACL', 'CAT', 'a', 'b'], ['ACL', 'CAT', '']]),
  ...['set', 'sortedset', 'list', 'hash', 'string', 'bitmap', 'hyperloglog', 'geo', 'stream', 'pubsub', 'blocking', 'transaction', 'HASH']
    .map((cat) => acl(`cat ${cat}`, [], [{ cmd: ['ACL', 'CAT', cat], sort: true }])),
  acl('genpass', [], [
    { cmd: ['ACL', 'GENPASS'], shape: true }, { cmd: ['ACL', 'GENPASS', '1'], shape: true }, { cmd: ['ACL', 'GENPASS', '5'], shape: true },
    { cmd: ['ACL', 'GENPASS', '4096'], shape: true }, ['ACL', 'GENPASS', '0'], ['ACL', 'GENPASS', '-1'], ['ACL', 'GENPASS', '4097'],
    ['ACL', 'GENPASS', 'x'], ['ACL', 'GENPASS', '1', '2'],
  ]),
  acl('load and save without an acl file', [], [['ACL', 'LOAD'], ['ACL', 'SAVE'], ['ACL', 'LOAD', 'x'], ['ACL', 'SAVE', 'x']]),
  acl('noauth before the default user password', [], [
    setuser('default', 'resetpass', '>dp'), ['AUTH', 'dp'], setuser('default', 'nopass'),
  ]),
  acl('acl-pubsub-default allchannels', ['c-user'], [
    setuser('c-user'), ['ACL', 'GETUSER', 'c-user'], setuser('c-user', 'reset'), ['ACL', 'LIST'], setuser('c-user', '(+get)'),
    ['ACL', 'LIST'],
  ], { config: { 'acl-pubsub-default': 'allchannels' } }),
];

export const cases: Case[] = [
  ...renderCases, ...renderResp3, ...badCases, ...permissionCases, ...selectorCases, ...dryrunCases, ...authCases,
  ...logCases, ...scriptCases, ...multiCases, ...deleteCases,
];
