// The `bit` library against replies captured from redis-server 7.0.15:
// each script was run there as EVAL <script> 0. Errors are shown without the
// " script: <sha>, on @user_script:1." suffix Redis appends.
import { describeReplies } from './describe-replies.ts';

describeReplies('bit', [
  ["return bit.tobit(2^32+5)", ":5\r\n"],
  ["return bit.tohex(-1)", "$8\r\nffffffff\r\n"],
  ["return bit.tohex(255, -4)", "$4\r\n00FF\r\n"],
  ["return bit.tohex(255, 4)", "$4\r\n00ff\r\n"],
  ["return bit.tohex(255, 20)", "$8\r\n000000ff\r\n"],
  ["return bit.tohex(0x12345678)", "$8\r\n12345678\r\n"],
  ["return bit.tohex(0x12345678, 2)", "$2\r\n78\r\n"],
  ["return {bit.tobit(0xffffffff), bit.tobit(2^31), bit.tobit(-2^31-1), bit.tobit(1.5), bit.tobit(2.5), bit.tobit(-1.5), bit.tobit(3.5)}", "*7\r\n:-1\r\n:-2147483648\r\n:2147483647\r\n:2\r\n:2\r\n:-2\r\n:4\r\n"],
  ["return {bit.bnot(0), bit.bnot(-1), bit.bnot(5)}", "*3\r\n:-1\r\n:0\r\n:-6\r\n"],
  ["return {bit.band(0xff, 0x0f, 0x3), bit.bor(1, 2, 4, 8), bit.bxor(5, 3), bit.band(7), bit.bor(), 1}", "-ERR user_script:1: bad argument #1 to 'bor' (number expected, got no value)\r\n"],
  ["return bit.bor()", "-ERR user_script:1: bad argument #1 to 'bor' (number expected, got no value)\r\n"],
  ["return {bit.lshift(1, 31), bit.lshift(1, 32), bit.lshift(1, 33), bit.rshift(-1, 28), bit.arshift(-256, 4), bit.arshift(256, 4), bit.rshift(-1, 0)}", "*7\r\n:-2147483648\r\n:1\r\n:2\r\n:15\r\n:-16\r\n:16\r\n:-1\r\n"],
  ["return {bit.rol(0x12345678, 8), bit.ror(0x12345678, 8), bit.rol(1, 0), bit.ror(1, 0), bit.rol(1, 32), bit.rol(-1, 5)}", "*6\r\n:878082066\r\n:2014458966\r\n:1\r\n:1\r\n:1\r\n:-1\r\n"],
  ["return {bit.bswap(0x12345678), bit.bswap(1), bit.bswap(-1)}", "*3\r\n:2018915346\r\n:16777216\r\n:-1\r\n"],
  ["return bit.tobit(\"12\")", ":12\r\n"],
  ["return bit.tobit(\"abc\")", "-ERR user_script:1: bad argument #1 to 'tobit' (number expected, got string)\r\n"],
  ["return bit.tobit()", "-ERR user_script:1: bad argument #1 to 'tobit' (number expected, got no value)\r\n"],
  ["return bit.band(1, \"x\")", "-ERR user_script:1: bad argument #2 to 'band' (number expected, got string)\r\n"],
  ["return bit.tohex(1, \"x\")", "-ERR user_script:1: bad argument #2 to 'tohex' (number expected, got string)\r\n"],
  ["return bit.tohex(65535, 0)", "$0\r\n\r\n"],
  ["return bit.tobit(2^53)", ":0\r\n"],
  ["return bit.tobit(-2^53)", ":0\r\n"],
  ["return bit.tobit(2^60+3)", ":0\r\n"],
  ["return bit.tobit(1/0)", ":0\r\n"],
  ["return bit.tobit(0/0)", ":0\r\n"],
  ["return bit.tohex(\"0x10\")", "$8\r\n00000010\r\n"],
  ["return bit.lshift(1, -1)", ":-2147483648\r\n"],
  ["return bit.tobit(nil)", "-ERR user_script:1: bad argument #1 to 'tobit' (number expected, got nil)\r\n"],
  ["return bit.tobit({})", "-ERR user_script:1: bad argument #1 to 'tobit' (number expected, got table)\r\n"],
  ["return bit.tobit(0)", ":0\r\n"],
  ["return bit.tohex(-1, -8)", "$8\r\nFFFFFFFF\r\n"],
  ["return bit.tohex(3, -1)", "$1\r\n3\r\n"],
]);
