// @redmoon/server: redmoon over RESP (TCP), for real Redis clients and tools.
export { listen, type ListenOptions, type RunningTcpServer } from './tcp-server.ts';
export { Connection, type ConnectionSocket } from './connection.ts';
export { RespParser, PROTOCOL_ERRORS, type ParseLimits } from './resp-parser.ts';
export {
  connectInMemory, attachInMemory, InMemorySocket, ServerEnd, type InMemoryPeer, type InMemoryAddress,
} from './duplex.ts';
export { runServerCli } from './server-cli.ts';
