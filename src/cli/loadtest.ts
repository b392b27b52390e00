// npm run loadtest: sustained load on the real server (RELIABILITY.md D1, D2, D5 short form, D6).
// Starts the built server (dist/server.js, as production runs it) as a child process on 127.0.0.1 (loopback only; never another host), drives it
// with autocannon for --duration seconds (60) on --connections keep-alive connections (50), each
// request about 3 KB of real corpus report, and mixes in 1% oversized (> BODY_LIMIT, expect 413) and
// 1% malformed (expect 400) requests on short connections of their own. Every request carries a
// unique sentinel (name, record number, date); the server's log output is scanned for it. Samples the
// server's RSS at start, every 5 s and at the end, prints a table, then ONE summary line. Bounded:
// stops by itself, then shuts the server down with SIGTERM and reports its exit.
// Options: --duration S, --connections N, --oversized F, --malformed F (shares, default 0.01 each;
// 0 0 gives the baseline for D2), --corpus DIR. Server settings come from the environment as for
// npm start, except HOST/PORT (loopback, a free port) and the defaults LOG_LEVEL=info,
// RATE_LIMIT_PER_MINUTE=0.
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    oversized: { type: 'string', default: '0.01' },
    malformed: { type: 'string', default: '0.01' },
    corpus: { type: 'string', default: join(root, '..', 'shared', 'corpus') },
  },
});
const DURATION_S = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const OVERSIZED = Number(values.oversized);
const MALFORMED = Number(values.malformed);
for (const [name, v, ok] of [
  ['--duration', DURATION_S, DURATION_S > 0 && DURATION_S <= 3600],
  ['--connections', CONNECTIONS, Number.isInteger(CONNECTIONS) && CONNECTIONS > 0 && CONNECTIONS <= 1000],
  ['--oversized', OVERSIZED, OVERSIZED >= 0 && OVERSIZED <= 0.5],
  ['--malformed', MALFORMED, MALFORMED >= 0 && MALFORMED <= 0.5],
] as const) {
  if (!ok) {
    console.error(`loadtest: ${name} ${String(v)} is out of range`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// The server, as a child process on loopback

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const port = await freePort();
const env = {
  ...process.env,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '0',
  HOST: '127.0.0.1',
  PORT: String(port),
};
const config = loadConfig(env); // the same validation the server runs; tells us BODY_LIMIT
const child = spawn(process.execPath, [join('dist', 'server.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
const pid = child.pid!;
let exit: { code: number | null; signal: string | null } | undefined;
const exited = new Promise<void>((resolve) =>
  child.on('exit', (code, signal) => {
    exit = { code, signal };
    resolve();
  }),
);
// Safety net: whatever happens below, the child does not outlive this process.
process.on('exit', () => {
  if (exit === undefined) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const SENTINEL = 'ZQLOADSENTINEL';
const log = { bytes: 0, lines: 0, sentinelLines: 0, rest: '' };
const scan = (chunk: string) => {
  log.bytes += Buffer.byteLength(chunk);
  const parts = (log.rest + chunk).split('\n');
  log.rest = parts.pop()!;
  for (const line of parts) {
    log.lines++;
    if (line.includes(SENTINEL)) log.sentinelLines++;
  }
};
child.stdout.setEncoding('utf8').on('data', scan);
let stderr = '';
child.stderr.setEncoding('utf8').on('data', (d: string) => {
  scan(d);
  stderr += d;
});

async function ready(timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && exit === undefined) {
    const status = await new Promise<number>((resolve) =>
      http
        .get({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', () => resolve(0)),
    );
    if (status === 200) return true;
    await sleep(100);
  }
  return false;
}

if (!(await ready(60_000))) {
  console.error(`loadtest: the server did not become ready\n${stderr.slice(-2000)}`);
  child.kill('SIGKILL');
  process.exit(1);
}

/** Resident set size of the server process in MB (Linux /proc, else ps). */
function rssMb(): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number.parseInt(status.split('\n').find((line) => line.startsWith('VmRSS:'))?.slice(6).trim() ?? '', 10);
    if (Number.isFinite(kb)) return kb / 1024;
  } catch {
    // not Linux: fall through
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

// ---------------------------------------------------------------------------------------------
// The traffic

const reportsDir = join(values.corpus!, 'reports');
const reports = readdirSync(reportsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(reportsDir, f), 'utf8'));
// ~3 KB bodies: each report followed by the next ones until the text reaches 3,000 characters.
const texts = reports.map((_, i) => {
  let text = '';
  for (let k = i; text.length < 3_000; k++) text += `${reports[k % reports.length]}\n\n`;
  return text.slice(0, 3_400);
});
const oversizedPrefix = texts.join('').repeat(Math.ceil((config.BODY_LIMIT + 1024) / texts.join('').length) + 1).slice(0, config.BODY_LIMIT + 1024);
const sentinel = (n: number) => `\nPatient: Zelda Quixote ${SENTINEL}${n}, MRN ${SENTINEL}-${n}, DOB 11/11/1911.`;

// Valid traffic goes through autocannon on keep-alive connections. Bad traffic goes on connections
// of its own: the server answers a body it cannot read (413, unparsable JSON) with Connection:
// close, and autocannon, which ignores that header, would then pair later replies with the wrong
// requests and inflate every latency it reports. Bad requests are sent in step with the valid ones,
// so their shares of all requests are exact.
type Bad = 'oversized' | 'malformed';
const VALID_SHARE = 1 - OVERSIZED - MALFORMED;
let n = 0;
let validSent = 0;
const bad = {
  sent: { oversized: 0, malformed: 0 } as Record<Bad, number>,
  statuses: new Map<number, number>(),
  /** Oversized uploads cut by the server's close before the 413 was read (RELIABILITY pitfall 9). */
  uploadResets: 0,
  errors: 0,
  inFlight: 0,
  latencies: { oversized: [] as number[], malformed: [] as number[] } as Record<Bad, number[]>,
};

function validBody(): { type: string; body: string } {
  const id = n++;
  const text = texts[id % texts.length]! + sentinel(id);
  return id % 4 === 0 ? { type: 'text/plain; charset=utf-8', body: text } : { type: 'application/json', body: JSON.stringify({ text }) };
}

function badBody(kind: Bad, id: number): string {
  const text = texts[id % texts.length]! + sentinel(id);
  if (kind === 'oversized') return `{"text":${JSON.stringify(oversizedPrefix + sentinel(id))}}`;
  // Alternate truncated JSON and a wrong type: both are the caller's mistake (400).
  return id % 2 === 0 ? JSON.stringify({ text }).slice(0, 1_500) : JSON.stringify({ text: [text] });
}

function sendBad(kind: Bad): void {
  const id = n++;
  const body = badBody(kind, id);
  bad.sent[kind]++;
  bad.inFlight++;
  const t0 = performance.now();
  let replied = false;
  let settled = false;
  const settle = () => {
    if (!settled) bad.inFlight--;
    settled = true;
  };
  const req = http.request(
    { host: '127.0.0.1', port, path: '/v1/explain', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
    (res) => {
      replied = true;
      bad.statuses.set(res.statusCode ?? 0, (bad.statuses.get(res.statusCode ?? 0) ?? 0) + 1);
      res.resume();
      res.on('end', () => {
        bad.latencies[kind].push(performance.now() - t0);
        settle();
      });
      res.on('error', settle);
    },
  );
  req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
  req.on('error', (e: NodeJS.ErrnoException) => {
    // An oversized upload may still be writing when the 413 arrives and the server closes: ignore that.
    if (!replied) {
      if (kind === 'oversized' && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) bad.uploadResets++;
      else bad.errors++;
    }
    settle();
  });
  req.end(body);
}

const samples: { t: number; rss: number; responses: number }[] = [];
let responses = 0;
const started = performance.now();
const sample = () => samples.push({ t: (performance.now() - started) / 1000, rss: rssMb(), responses });
sample();
const sampler = setInterval(sample, 5_000);

let instance!: autocannon.Instance;
const done = new Promise<autocannon.Result>((resolve, reject) => {
  instance = autocannon(
    {
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      timeout: 10,
      requests: [
        {
          method: 'POST',
          path: '/v1/explain',
          setupRequest: (request) => {
            validSent++;
            const total = validSent / VALID_SHARE;
            while (bad.sent.oversized < Math.floor(total * OVERSIZED)) sendBad('oversized');
            while (bad.sent.malformed < Math.floor(total * MALFORMED)) sendBad('malformed');
            const { type, body } = validBody();
            // Fresh headers: autocannon adds Content-Length to this object.
            return { ...request, headers: { 'content-type': type }, body };
          },
        },
      ],
    },
    (err, result) => (err ? reject(err) : resolve(result)),
  );
});
instance.on('response', () => responses++);
// Bounded twice over: autocannon stops at --duration; this stops it if it does not.
const guard = setTimeout(() => instance.stop(), (DURATION_S + 30) * 1000);
const result = await done;
clearTimeout(guard);
for (let waited = 0; bad.inFlight > 0 && waited < 15_000; waited += 50) await sleep(50);
clearInterval(sampler);
sample();

// Graceful shutdown after the load, as a deployment would do it.
const stopAt = performance.now();
child.kill('SIGTERM');
const killer = setTimeout(() => child.kill('SIGKILL'), config.SHUTDOWN_TIMEOUT_MS + 5_000);
await exited;
clearTimeout(killer);
await sleep(50); // let the last stdout chunks arrive
if (log.rest.length > 0) scan('\n');
const shutdownMs = performance.now() - stopAt;

// ---------------------------------------------------------------------------------------------
// The report

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (x: number) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(1)} ms`);
const rss = samples.map((s) => s.rss);
const [rssStart, rssEnd, rssPeak] = [rss[0]!, rss.at(-1)!, Math.max(...rss)];
const afterWarmup = samples.find((s) => s.t >= Math.min(10, DURATION_S / 2))?.rss ?? rssStart;
const pct = (a: number, b: number) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}%`;
const mb = (x: number) => `${x.toFixed(1)} MB`;
const shutdown = exit?.code ?? exit?.signal ?? 'none';

const statusCounts = new Map<number, number>(bad.statuses);
for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCounts.set(Number(code), (statusCounts.get(Number(code)) ?? 0) + (count ?? 0));
const byClass = (c: number) => [...statusCounts].filter(([code]) => Math.floor(code / 100) === c).reduce((a, [, k]) => a + k, 0);
const badSent = bad.sent.oversized + bad.sent.malformed;
const validSentTotal = (result.requests as { sent?: number }).sent ?? result.requests.total;
const sent = validSentTotal + badSent;
const answered = [...statusCounts.values()].reduce((a, b) => a + b, 0);
const errors = result.errors + bad.errors;
const reqPerS = answered / result.duration;
const statuses = [...statusCounts].sort(([a], [b]) => a - b).map(([code, k]) => `${code}: ${k}`).join(', ');

console.log('\nRSS of the server process');
console.log('    t (s)        RSS   responses');
for (const s of samples) console.log(`${s.t.toFixed(1).padStart(9)} ${mb(s.rss).padStart(10)} ${String(s.responses).padStart(11)}`);

const rows: [string, string][] = [
  ['duration / connections', `${result.duration} s / ${CONNECTIONS} keep-alive (+ one short connection per bad request)`],
  ['requests sent', `${sent} (valid ${validSentTotal}, oversized ${bad.sent.oversized} > ${config.BODY_LIMIT} B, malformed ${bad.sent.malformed})`],
  ['responses', `${answered}: ${statuses}`],
  ['sent without a response', `${sent - answered} (valid requests in flight when autocannon stopped; oversized uploads cut before the 413 was read)`],
  ['2xx / 4xx / 5xx', `${byClass(2)} / ${byClass(4)} / ${byClass(5)}`],
  ['errors / timeouts', `${errors} / ${result.timeouts} (valid ${result.errors}, bad ${bad.errors})`],
  ['oversized uploads reset before the 413 was read', `${bad.uploadResets} of ${bad.sent.oversized} (client side; RELIABILITY pitfall 9)`],
  ['latency valid p50 / p99 / max', `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms (autocannon)`],
  ['latency oversized (413) p50 / p99', `${ms(percentile(bad.latencies.oversized, 50))} / ${ms(percentile(bad.latencies.oversized, 99))} (new connection each)`],
  ['latency malformed (400) p50 / p99', `${ms(percentile(bad.latencies.malformed, 50))} / ${ms(percentile(bad.latencies.malformed, 99))} (new connection each)`],
  ['throughput', `${reqPerS.toFixed(0)} responses/s (valid ${result.requests.average.toFixed(0)} req/s)`],
  ['RSS start / after warm-up / end / peak', `${mb(rssStart)} / ${mb(afterWarmup)} / ${mb(rssEnd)} / ${mb(rssPeak)}`],
  ['RSS drift start->end / warm-up->end', `${pct(rssStart, rssEnd)} / ${pct(afterWarmup, rssEnd)}`],
  ['server log', `${log.lines} lines, ${(log.bytes / Math.max(1, answered)).toFixed(0)} B per response`],
  ['sentinel in log lines', `${log.sentinelLines} of ${log.lines}`],
  ['shutdown after the load (SIGTERM)', `exit ${shutdown} in ${shutdownMs.toFixed(0)} ms`],
];
console.log('\nResults');
for (const [k, v] of rows) console.log(`  ${k.padEnd(48)} ${v}`);

console.log(
  `\nloadtest: ${result.duration} s x ${CONNECTIONS} conns, ~3 KB corpus reports + ${(OVERSIZED * 100).toFixed(0)}% oversized + ${(MALFORMED * 100).toFixed(0)}% malformed: ` +
    `sent ${sent}, 2xx ${byClass(2)}, 4xx ${byClass(4)}, 5xx ${byClass(5)}, errors ${errors}, timeouts ${result.timeouts} (+${bad.uploadResets} oversized uploads reset before reading the 413), ` +
    `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (valid), ${reqPerS.toFixed(0)} req/s, ` +
    `RSS start ${mb(rssStart)} end ${mb(rssEnd)} peak ${mb(rssPeak)} drift ${pct(rssStart, rssEnd)} (after warm-up ${pct(afterWarmup, rssEnd)}), ` +
    `sentinel in logs ${log.sentinelLines}/${log.lines} lines, shutdown exit ${shutdown}`,
);
process.exitCode = byClass(5) > 0 || log.sentinelLines > 0 || exit?.code !== 0 ? 1 : 0;
