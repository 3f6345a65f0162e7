// Proxies on loopback for the tests, from well-kept server libraries rather than our own handshake
// code (so the client's side is checked against someone else's reading of the protocols): SOCKS5
// from @pondwader/socks5-server, HTTP CONNECT from `proxy`. Each records what it was asked to
// connect to, which is how a test proves that the traffic went through it.

import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, type Server, type Socket, connect, createServer as createTcpServer } from 'node:net';
import { createServer as createSocksServer, defaultConnectionHandler } from '@pondwader/socks5-server';
import { createProxy } from 'proxy';

export interface ProxyRequest {
  readonly host: string;
  readonly port: number;
  /** The user name the client gave, if any. */
  readonly username?: string;
}

export interface TestProxy {
  readonly port: number;
  /** Every connection asked for, in order, whether the proxy allowed it or not. */
  readonly requests: ProxyRequest[];
  close(): Promise<void>;
}

export interface SocksProxyOptions {
  readonly credentials?: { readonly username: string; readonly password: string };
  /** Names only the proxy knows (its own DNS): a client that reaches them resolved them at the proxy. */
  readonly names?: Readonly<Record<string, string>>;
  /** Refuses every connection after the handshake (the SOCKS5 reply "connection not allowed"). */
  readonly refuse?: boolean;
}

function listening(server: Server, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function closing(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startSocksProxy(options: SocksProxyOptions = {}): Promise<TestProxy> {
  const requests: ProxyRequest[] = [];
  const socks = createSocksServer(options.credentials ? { auth: options.credentials } : {});
  socks.setRulesetValidator((connection) => {
    requests.push({ host: connection.destAddress, port: connection.destPort, ...(connection.username && { username: connection.username }) });
    return !options.refuse;
  });
  socks.setConnectionHandler((connection, sendStatus) => {
    connection.destAddress = options.names?.[connection.destAddress] ?? connection.destAddress;
    return defaultConnectionHandler(connection, sendStatus);
  });
  // The library's own listener keeps its address to itself: ours hands it each connection.
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => socks._handleConnection(socket));
  const port = await listening(server, sockets);
  return { port, requests, close: () => closing(server, sockets) };
}

export interface HttpProxyOptions {
  readonly credentials?: { readonly username: string; readonly password: string };
}

export async function startHttpProxy(options: HttpProxyOptions = {}): Promise<TestProxy> {
  const requests: ProxyRequest[] = [];
  const server = createProxy(createHttpServer());
  const expected = options.credentials && `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`;
  server.authenticate = (request: IncomingMessage) => expected === undefined || request.headers['proxy-authorization'] === expected;
  server.prependListener('connect', (request: IncomingMessage) => {
    const [host = '', port = ''] = (request.url ?? '').split(/:(?=\d+$)/);
    const authorization = request.headers['proxy-authorization'];
    const username = authorization ? Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString().split(':')[0] : undefined;
    requests.push({ host, port: Number(port), ...(username && { username }) });
  });
  const sockets = new Set<Socket>();
  const port = await listening(server, sockets);
  return { port, requests, close: () => closing(server, sockets) };
}

/** Whether connecting to `port` on loopback is refused (nothing listens there). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/**
 * A port on loopback where nothing listens: connecting to it is refused. A low port, below the
 * range the system hands out for `listen(0)`: a port just released there could be taken by a server
 * another test starts meanwhile (it happened), one below 1024 cannot.
 */
export async function closedPort(): Promise<number> {
  for (let port = 1; port < 1024; port++) if (await refused(port)) return port;
  const server = createTcpServer();
  const sockets = new Set<Socket>();
  const port = await listening(server, sockets);
  await closing(server, sockets);
  return port;
}
