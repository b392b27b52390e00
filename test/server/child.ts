// Runs the real server (`node --import tsx src/server.ts`) as a child process on a free loopback
// port, for the shutdown, crash and start-up tests; collects everything it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../helpers.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() when the exit was seen. */
  at: number;
}

export interface ServerChild {
  process: ChildProcess;
  port: number;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines printed so far (pino writes one object a line to stdout). */
  logLines(): Record<string, unknown>[];
  exited: Promise<Exit>;
}

/** A port that was free a moment ago (the server cannot print a port it chose itself before we need it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the server with only PATH/HOME inherited plus `env`; `preload` adds `--import` modules (test fixtures). */
export async function startServer(env: Record<string, string>, { preload = [] as string[], port }: { preload?: string[]; port?: number } = {}): Promise<ServerChild> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), 'src/server.ts'], {
    cwd: ROOT,
    // An IPC channel only for fixtures that listen on it: it would otherwise hold the process open.
    stdio: preload.length > 0 ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(chosen), ...env },
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
  return {
    process: child,
    port: chosen,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    exited,
  };
}

/** Resolves when GET /readyz answers 200; rejects if the process exits first or after `timeoutMs`. */
export async function waitReady(server: ServerChild, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let gone = false;
  void server.exited.then(() => (gone = true));
  while (performance.now() < deadline) {
    if (gone) throw new Error(`server exited before it was ready:\n${server.output()}`);
    const status = await new Promise<number>((resolve) => {
      http
        .get({ host: '127.0.0.1', port: server.port, path: '/readyz', agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', () => resolve(0));
    });
    if (status === 200) return;
    await sleep(50);
  }
  throw new Error(`server not ready within ${timeoutMs} ms:\n${server.output()}`);
}

/** Resolves when a log line satisfies `match`. */
export async function waitForLog(server: ServerChild, match: (line: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (server.logLines().some(match)) return;
    await sleep(10);
  }
  throw new Error(`log line not seen within ${timeoutMs} ms:\n${server.output()}`);
}

/** Resolves once connecting to the port is refused: the listener is closed. */
export async function waitRefused(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.on('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
    });
    if (refused) return;
    await sleep(10);
  }
  throw new Error(`port ${port} still accepting after ${timeoutMs} ms`);
}

/** Cleanup for afterEach/afterAll: kills the child we started if a test left it running. */
export function killIfRunning(server: ServerChild | undefined): void {
  if (server !== undefined && server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
}

/**
 * Opens a raw connection and sends the headers of a POST /v1/explain with `expect: 100-continue`;
 * resolves once the server answers 100 Continue, i.e. it has parsed the request and it is in flight.
 * The caller sends the body (and anything pipelined after it) with `socket.write` and reads the
 * replies with `responses()` once the server has closed the connection.
 */
export async function openInFlightRequest(port: number, body: string): Promise<{ socket: net.Socket; responses: () => Promise<RawResponse[]> }> {
  const socket = net.connect({ host: '127.0.0.1', port });
  let received = Buffer.alloc(0);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => undefined);
  socket.on('data', (d: Buffer) => (received = Buffer.concat([received, d])));
  await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  socket.write(
    `POST /v1/explain HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nexpect: 100-continue\r\n\r\n`,
  );
  const deadline = performance.now() + 10_000;
  while (!received.toString('latin1').includes('\r\n\r\n')) {
    if (performance.now() > deadline) throw new Error('no 100 Continue');
    await sleep(5);
  }
  return {
    socket,
    responses: async () => {
      await closed;
      return parseResponses(received);
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits the bytes of one HTTP/1.1 connection into its responses (content-length bodies only). */
export function parseResponses(bytes: Buffer): RawResponse[] {
  const out: RawResponse[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headEnd = bytes.indexOf('\r\n\r\n', at, 'latin1');
    if (headEnd < 0) break;
    const [statusLine, ...headerLines] = bytes.toString('latin1', at, headEnd).split('\r\n');
    const status = Number(statusLine!.split(' ')[1]);
    const headers = Object.fromEntries(
      headerLines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers['content-length'] ?? 0);
    const body = bytes.toString('utf8', headEnd + 4, headEnd + 4 + length);
    at = headEnd + 4 + length;
    if (status !== 100) out.push({ status, headers, body });
  }
  return out;
}

/** A report line carrying a per-request sentinel: a name, record number and date that must never be printed. */
export const SENTINEL = 'ZQSENTINEL';
export const sentinelLine = (n: number | string) => `\nPatient: Zelda Quixote ${SENTINEL}${n}, MRN ${SENTINEL}-${n}, DOB 11/11/1911.`;
