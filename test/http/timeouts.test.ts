// Slow clients on a real socket (RELIABILITY C2, C3): a body that drips in and headers sent byte by
// byte are cut near their deadlines, answered in the one error shape, while the server keeps answering
// everyone else and logs none of what the slow client sent.
import type { FastifyInstance } from 'fastify';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { app as buildTestApp } from '../helpers.js';

const SENTINEL = 'Ottoline Vandermeer-Quist MRN QZ-66120487 DOB 1949-11-02';
const FRAGMENTS = ['Vandermeer', 'QZ-66120487', '1949-11-02'];

// The server checks its connections every 500 ms (app.ts); "about a second" of slack covers that
// interval and a noisy shared machine.
const SLACK_MS = 1200;

interface Server {
  app: FastifyInstance;
  port: number;
  lines: string[];
}

async function listen(env: Record<string, string>): Promise<Server> {
  const lines: string[] = [];
  const app = await buildTestApp(env, createLogger('trace', { write: (line: string) => void lines.push(line) }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, port: (app.server.address() as AddressInfo).port, lines };
}

interface Cut {
  /** Milliseconds from the first byte sent until the server closed the connection. */
  ms: number;
  /** Everything the server wrote before closing. */
  received: string;
}

/**
 * Opens a socket, writes `head`, then `drip` every `everyMs` until the server closes the connection.
 * `open()` tells whether the connection is still up.
 */
function slowClient(port: number, head: string, drip: (i: number) => string, everyMs: number, giveUpMs: number): { cut: Promise<Cut>; open: () => boolean } {
  const socket: Socket = connect({ host: '127.0.0.1', port });
  const cut = new Promise<Cut>((resolve, reject) => {
    let received = '';
    let started = 0;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after ${giveUpMs} ms`));
    }, giveUpMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => {}); // a reset while writing is one way of being cut
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ ms: performance.now() - started, received });
    });
    socket.on('connect', () => {
      started = performance.now();
      if (head.length > 0) socket.write(head);
      let i = 0;
      timer = setInterval(() => {
        if (!socket.destroyed && socket.writable) socket.write(drip(i++));
      }, everyMs);
    });
  });
  return { cut, open: () => !socket.destroyed };
}

/** A normal request on its own connection; resolves with its status. */
async function normalRequest(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  await res.text();
  return res.status;
}

const errorShape = (raw: string) => {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], body: body.length > 0 ? JSON.parse(body) : undefined };
};

describe('slow-drip body (C2)', () => {
  const REQUEST_TIMEOUT_MS = 1000;
  let server: Server;
  beforeAll(async () => {
    server = await listen({ REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), HEADERS_TIMEOUT_MS: '5000', LOG_LEVEL: 'trace' });
  });
  afterAll(async () => server.app.close());

  it('is cut within REQUEST_TIMEOUT_MS + about a second, with a 408 in the one error shape', async () => {
    const body = JSON.stringify({ text: `${SENTINEL} `.repeat(200) });
    const head =
      'POST /v1/explain HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    // 10 bytes every 500 ms: the whole body would take minutes.
    const slow = slowClient(server.port, head, (i) => body.slice(i * 10, i * 10 + 10), 500, REQUEST_TIMEOUT_MS + 4000);

    // Meanwhile, other clients are served: the answer comes while the slow connection is still held.
    await new Promise((r) => setTimeout(r, 200));
    expect(slow.open()).toBe(true);
    expect(await normalRequest(server.port)).toBe(200);
    expect(slow.open()).toBe(true);

    const cut = await slow.cut;
    expect(cut.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(cut.ms).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
    const reply = errorShape(cut.received);
    expect(reply.statusLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(reply.body).toEqual({ statusCode: 408, code: 'REQUEST_TIMEOUT', error: 'Request Timeout', message: expect.any(String) });

    // The server is still fine afterwards.
    expect(await normalRequest(server.port)).toBe(200);
    // Nothing the slow client sent reached a log line, and the timeout itself was logged (by code).
    expect(server.lines.filter((l) => FRAGMENTS.some((f) => l.includes(f)))).toEqual([]);
    expect(server.lines.some((l) => JSON.parse(l).errCode === 'REQUEST_TIMEOUT')).toBe(true);
  });
});

describe('slow headers (C3)', () => {
  // HEADERS_TIMEOUT_MS well below REQUEST_TIMEOUT_MS: a cut near the former proves it is the one applied.
  const HEADERS_TIMEOUT_MS = 600;
  const REQUEST_TIMEOUT_MS = 4000;
  let server: Server;
  beforeAll(async () => {
    server = await listen({ REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS), LOG_LEVEL: 'trace' });
  });
  afterAll(async () => server.app.close());

  it('headers sent byte by byte are closed within HEADERS_TIMEOUT_MS + about a second', async () => {
    const head = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Patient: ${SENTINEL}\r\nX-Slow: ${'a'.repeat(10_000)}`;
    const slow = slowClient(server.port, '', (i) => head[i % head.length]!, 50, HEADERS_TIMEOUT_MS + 4000);

    await new Promise((r) => setTimeout(r, 100));
    expect(slow.open()).toBe(true);
    expect(await normalRequest(server.port)).toBe(200);

    const cut = await slow.cut;
    expect(cut.ms).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(cut.ms).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
    expect(cut.ms).toBeLessThan(REQUEST_TIMEOUT_MS);
    const reply = errorShape(cut.received);
    expect(reply.statusLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(reply.body).toMatchObject({ statusCode: 408, code: 'REQUEST_TIMEOUT' });

    expect(await normalRequest(server.port)).toBe(200);
    expect(server.lines.filter((l) => FRAGMENTS.some((f) => l.includes(f)))).toEqual([]);
  });
});
