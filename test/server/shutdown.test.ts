// Graceful shutdown and crash handling of the real server process (RELIABILITY.md E1, E2, E5):
// SIGTERM under keep-alive load finishes every request already accepted and exits 0; a hung
// close or a second signal exits non-zero promptly; an error outside any request is logged
// without its message and exits non-zero. Each request carries a sentinel that must never be printed.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '../helpers.js';
import { V8_FLAGS } from '../../src/v8-settings.js';
import {
  killIfRunning,
  openInFlightRequest,
  SENTINEL,
  sentinelLine,
  startServer,
  waitForLog,
  waitReady,
  waitRefused,
  type Exit,
  type RawResponse,
  type ServerChild,
} from './child.js';

const reports = corpus().map((r) => r.text);
const ERROR_SHAPE = { statusCode: 503, code: expect.any(String), error: expect.any(String), message: expect.any(String) };
const FAULT = './test/server/fixtures/fault.ts';

// ---------------------------------------------------------------------------------------------
// E1 under load

type Outcome = 'ok' | 'closing-503' | 'other-status' | 'refused' | 'reset-unaccepted' | 'reset-accepted';

interface Sent {
  id: number;
  /** http.request() was called before SIGTERM was sent. */
  beforeSignal: boolean;
  /** The server showed it had the request: it answered 100 Continue or sent a status line. */
  accepted: boolean;
  /** ...and it did so before SIGTERM was sent. */
  acceptedBeforeSignal: boolean;
  status?: number;
  body?: string;
  error?: string;
  outcome?: Outcome;
}

const CONNECTIONS = 32;
const SHUTDOWN_TIMEOUT_MS = 5_000;

/** Keep-alive load on CONNECTIONS sockets; half of them send `expect: 100-continue`, so acceptance is observable. */
async function sigtermUnderLoad() {
  const server = await startServer({ LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });
  await waitReady(server);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const sent: Sent[] = [];
  let signalled = false;
  let exitedAt: number | undefined;
  void server.exited.then((e) => (exitedAt = e.at));

  const send = (expectContinue: boolean): Promise<Sent> => {
    const record: Sent = { id: sent.length, beforeSignal: !signalled, accepted: false, acceptedBeforeSignal: false };
    const accept = () => {
      if (!record.accepted) record.acceptedBeforeSignal = !signalled;
      record.accepted = true;
    };
    sent.push(record);
    const body = JSON.stringify({ text: reports[record.id % reports.length]! + sentinelLine(record.id) });
    return new Promise((resolve) => {
      const finish = (outcome: Outcome) => {
        record.outcome ??= outcome;
        resolve(record);
      };
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/v1/explain',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(expectContinue ? { expect: '100-continue' } : {}),
          },
        },
        (res) => {
          accept();
          record.status = res.statusCode;
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => {
            record.body = text;
            finish(res.statusCode === 200 ? 'ok' : res.statusCode === 503 ? 'closing-503' : 'other-status');
          });
          res.on('error', (e: NodeJS.ErrnoException) => {
            record.error = e.code ?? e.message;
            finish('reset-accepted');
          });
        },
      );
      req.on('continue', () => {
        accept();
        req.end(body);
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        record.error = e.code ?? e.message;
        finish(e.code === 'ECONNREFUSED' ? 'refused' : record.accepted ? 'reset-accepted' : 'reset-unaccepted');
      });
      if (!expectContinue) req.end(body);
    });
  };

  // Each worker keeps one request in flight on its connection until the listener refuses it.
  const deadline = performance.now() + 30_000;
  const workers = Array.from({ length: CONNECTIONS }, async (_, w) => {
    while (performance.now() < deadline) {
      const r = await send(w % 2 === 0);
      if (r.outcome === 'refused' || exitedAt !== undefined) return;
    }
  });

  // Let the load run until a few hundred requests are done, then signal mid-load.
  while (sent.filter((r) => r.outcome !== undefined).length < 300 && performance.now() < deadline) await sleep(20);
  const inFlight = sent.filter((r) => r.outcome === undefined);
  signalled = true;
  const signalAt = performance.now();
  server.process.kill('SIGTERM');
  const exit = await server.exited;
  await Promise.all(workers);
  agent.destroy();
  return { server, sent, inFlight, exit, exitMs: exit.at - signalAt };
}

describe('E1: SIGTERM during keep-alive load (real server process)', () => {
  let run: Awaited<ReturnType<typeof sigtermUnderLoad>>;
  /** In flight at SIGTERM and already accepted: 100 Continue seen before the signal, no reply yet. */
  let acceptedInFlight: Sent[];
  beforeAll(async () => {
    run = await sigtermUnderLoad();
    acceptedInFlight = run.inFlight.filter((r) => r.acceptedBeforeSignal);
  }, 60_000);
  afterAll(() => {
    killIfRunning(run?.server);
    if (run === undefined) return;
    const count = (o: Outcome, among = run.sent) => among.filter((r) => r.outcome === o).length;
    const outcomes = (among: Sent[]) => `200 ${count('ok', among)}, 503 ${count('closing-503', among)}, reset before acceptance ${count('reset-unaccepted', among)}`;
    console.log(
      `shutdown: ${run.sent.length} requests on ${CONNECTIONS} keep-alive connections; ` +
        `in flight at SIGTERM ${run.inFlight.length} (${outcomes(run.inFlight)}), of which accepted before SIGTERM ${acceptedInFlight.length} (${outcomes(acceptedInFlight)}); ` +
        `all: 200 ${count('ok')}, 503 while closing ${count('closing-503')}, other status ${count('other-status')}, refused ${count('refused')}, ` +
        `reset before acceptance ${count('reset-unaccepted')}, reset after acceptance ${count('reset-accepted')}; exit code ${run.exit.code} after ${Math.round(run.exitMs)} ms`,
    );
  });

  it('had requests in flight, some already accepted, when SIGTERM was sent', () => {
    expect(run.inFlight.length).toBeGreaterThan(0);
    expect(acceptedInFlight.length).toBeGreaterThan(0);
  });

  it('completed with 200 every request the server had accepted before SIGTERM', () => {
    expect(run.sent.filter((r) => r.acceptedBeforeSignal && r.outcome !== 'ok')).toEqual([]);
  });

  it('reset no request the server had accepted (100 Continue or a status line seen)', () => {
    expect(run.sent.filter((r) => r.outcome === 'reset-accepted')).toEqual([]);
  });

  it('refused new connections once closing: the load ran into the closed listener', () => {
    expect(run.sent.filter((r) => r.outcome === 'refused').length).toBeGreaterThan(0);
  });

  it('answered with 200, or with 503 in the one error shape while closing', () => {
    expect(run.sent.filter((r) => r.outcome === 'other-status').map((r) => r.status)).toEqual([]);
    for (const r of run.sent.filter((s) => s.outcome === 'closing-503')) expect(JSON.parse(r.body!)).toEqual(ERROR_SHAPE);
  });

  it('delivered every reply the server logged', () => {
    const lines = run.server.logLines();
    const logged200 = lines.filter((l) => l.msg === 'request' && l.route === '/v1/explain' && l.status === 200).length;
    const logged503 = lines.filter((l) => l.status === 503 || (l.res as { statusCode?: number } | undefined)?.statusCode === 503).length;
    expect(run.sent.filter((r) => r.status === 200).length).toBe(logged200);
    expect(run.sent.filter((r) => r.status === 503).length).toBe(logged503);
  });

  it('exited 0 by itself within SHUTDOWN_TIMEOUT_MS + 2 s', () => {
    expect(run.exit).toMatchObject({ code: 0, signal: null });
    expect(run.exitMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 2_000);
  });

  it('ran with the V8 settings of the service, named in its start-up line', () => {
    expect(run.server.logLines()).toContainEqual(expect.objectContaining({ msg: expect.stringMatching(/^glossary loaded/), v8Flags: [...V8_FLAGS] }));
  });

  it('printed no report text', () => {
    expect(run.server.output()).toContain('shutting down');
    expect(run.server.output()).not.toContain(SENTINEL);
  });
});

// ---------------------------------------------------------------------------------------------
// E1, deterministic: a request whose body arrives after SIGTERM, with a second one pipelined behind it

describe('E1: a request in flight at SIGTERM, with another pipelined behind it on the same connection', () => {
  let server: ServerChild | undefined;
  afterEach(() => killIfRunning(server));

  it('finishes the in-flight request, answers the pipelined one with 200 or a 503 in the one shape, then exits 0', async () => {
    server = await startServer({ LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', SHUTDOWN_TIMEOUT_MS: '10000' });
    await waitReady(server);
    const first = JSON.stringify({ text: reports[0]! + sentinelLine('first') });
    const second = JSON.stringify({ text: reports[1]! + sentinelLine('second') });
    const conn = await openInFlightRequest(server.port, first);

    const signalAt = performance.now();
    server.process.kill('SIGTERM');
    await waitRefused(server.port); // the server is closing: its listener is gone
    conn.socket.write(first);
    conn.socket.write(
      `POST /v1/explain HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(second)}\r\n\r\n${second}`,
    );
    const replies: RawResponse[] = await conn.responses();
    const exit: Exit = await server.exited;

    expect(replies[0]?.status).toBe(200);
    expect(JSON.parse(replies[0]!.body).annotations.length).toBeGreaterThan(0);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalAt).toBeLessThan(10_000 + 2_000);
    expect(server.output()).not.toContain(SENTINEL);
    expect(replies.length).toBeLessThanOrEqual(2);
    if (replies[1] !== undefined) {
      expect([200, 503]).toContain(replies[1].status);
      if (replies[1].status === 503) expect(JSON.parse(replies[1].body)).toEqual(ERROR_SHAPE);
    }
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// E2: a close that hangs, and a second signal

describe('E2: shutdown is bounded', () => {
  let server: ServerChild | undefined;
  afterEach(() => killIfRunning(server));

  // A request whose body never comes keeps app.close() waiting; REQUEST_TIMEOUT_MS is long enough not to cut it first.
  const hungServer = async (shutdownMs: number) => {
    server = await startServer({ LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', SHUTDOWN_TIMEOUT_MS: String(shutdownMs), REQUEST_TIMEOUT_MS: '120000' });
    await waitReady(server);
    const conn = await openInFlightRequest(server.port, JSON.stringify({ text: reports[0]! + sentinelLine('hung') }));
    return { server, conn };
  };

  it('exits non-zero within SHUTDOWN_TIMEOUT_MS + 1 s when an in-flight request never finishes', async () => {
    const delay = 1_000;
    const { server: s, conn } = await hungServer(delay);
    const signalAt = performance.now();
    s.process.kill('SIGTERM');
    const exit = await s.exited;
    conn.socket.destroy();
    expect(exit.signal).toBeNull();
    expect(exit.code).not.toBe(0);
    expect(exit.code).toEqual(expect.any(Number));
    // It waited for the request (the timer cannot fire early), but not past the bound.
    expect(exit.at - signalAt).toBeGreaterThanOrEqual(delay / 2);
    expect(exit.at - signalAt).toBeLessThan(delay + 1_000);
    expect(s.logLines()).toContainEqual(expect.objectContaining({ level: 50, msg: 'shutdown timed out, exiting' }));
    expect(s.output()).not.toContain(SENTINEL);
  }, 60_000);

  it.each(['SIGTERM', 'SIGINT'] as const)('exits non-zero within 1 s of a second signal (%s) while draining', async (second) => {
    const { server: s, conn } = await hungServer(60_000);
    s.process.kill('SIGTERM');
    await waitForLog(s, (l) => l.msg === 'shutting down');
    await waitRefused(s.port);
    const secondAt = performance.now();
    s.process.kill(second);
    const exit = await s.exited;
    conn.socket.destroy();
    expect(exit.signal).toBeNull();
    expect(exit.code).not.toBe(0);
    expect(exit.code).toEqual(expect.any(Number));
    expect(exit.at - secondAt).toBeLessThan(1_000);
    expect(s.logLines()).toContainEqual(expect.objectContaining({ level: 50, msg: 'second signal while shutting down, exiting', signal: second }));
    expect(s.output()).not.toContain(SENTINEL);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// E5: errors outside any request

describe('E5: an error outside any request is logged without its message and exits non-zero', () => {
  let server: ServerChild | undefined;
  afterEach(() => killIfRunning(server));

  it.each(['unhandled-rejection', 'uncaught-exception', 'two-rejections', 'rejection-without-reason'] as const)('%s', async (fault) => {
    server = await startServer({ LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', SHUTDOWN_TIMEOUT_MS: '5000' }, { preload: [FAULT] });
    await waitReady(server);
    const sentinel = `${SENTINEL}-${fault}`;
    server.process.send({ fault, sentinel });
    const exit = await server.exited;
    expect(exit.signal).toBeNull();
    expect(exit.code).not.toBe(0);
    expect(exit.code).toEqual(expect.any(Number));
    const errClass = fault === 'rejection-without-reason' ? 'undefined' : 'Error';
    expect(server.logLines()).toContainEqual(expect.objectContaining({ level: 50, msg: 'shutting down after an unexpected error', errClass }));
    expect(server.output()).not.toContain(SENTINEL);
  }, 60_000);
});
