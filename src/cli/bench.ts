// npm run bench: how much Backchat costs beyond HTTP and JSON (issue 6). Every figure is measured
// against a baseline taken in the same run, interleaved with it, so ratios hold on a noisy shared
// machine: explain() vs tokenize() in process, /v1/explain vs a bare Fastify route returning the same
// reply over HTTP. Also: a 50 KB report vs a 3 KB one (the 3 KB one timed both over and over and in
// rotation with the corpus: see measureInProcess), t(2n)/t(n) on worst-case shapes (RELIABILITY
// C5), start-up in fresh processes (as the server starts, from the engine snapshot, and compiling
// the glossary without it), and RSS after warm-up.
// Servers run in child processes (this file with --child) so that autocannon, here, does not share
// their event loop; in-process figures are the median of fresh processes too. Options: --duration S
// (per HTTP run; 10, or 2 with --quick), --connections N (50), --rounds N (HTTP rounds, order
// alternating; 2, or 1 with --quick), --quick (short everything, e.g. under --cpu-prof, which reaches
// the in-process children but not the servers), --only startup,inprocess,linearity,http,
// --corpus DIR (default ../shared/corpus).
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { loadEngine, type LoadedEngine } from '../engine-file.js';
import { loadGlossary } from '../glossary/loader.js';
import { explainBodySchema, explainReplySchema } from '../http/schemas.js';
import { serializerCompiler } from '../http/serializer.js';
import { compileEngine, type Engine } from '../pipeline/compile.js';
import { explain, type ExplainResult } from '../pipeline/explain.js';
import { tokenize } from '../pipeline/text/tokenize.js';
import { applyV8Settings, V8_FLAGS } from '../v8-settings.js';

const SELF = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const GLOSSARY = join(root, 'glossary');
const PHASES = ['startup', 'inprocess', 'linearity', 'http'] as const;
type Phase = (typeof PHASES)[number];

const { values } = parseArgs({
  options: {
    duration: { type: 'string' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string' },
    only: { type: 'string', default: PHASES.join(',') },
    quick: { type: 'boolean', default: false },
    corpus: { type: 'string', default: join(root, '..', 'shared', 'corpus') },
    child: { type: 'string' },
    report: { type: 'string' },
  },
});
const quick = values.quick!;
// This process and every child (servers, baselines and measuring processes alike) run with the
// server's V8 settings, so that what is measured is what is deployed.
applyV8Settings();
const reportsDir = join(values.corpus!, 'reports');

// ---------------------------------------------------------------------------------------------
// Small helpers

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fix = (x: number, digits = 1): string => x.toFixed(digits);
const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const mb = (bytes: number): string => `${fix(bytes / 1e6, 0)} MB`;
const bytesOf = (s: string): number => Buffer.byteLength(s, 'utf8');
// Keeps results alive so no call can be optimised away.
let sink = 0;

/** Calls fn until `budgetMs` has passed (at least once); returns milliseconds per call. */
function perCall(fn: () => void, budgetMs: number): number {
  const start = performance.now();
  let calls = 0;
  let now = start;
  do {
    fn();
    calls++;
    now = performance.now();
  } while (now - start < budgetMs);
  return (now - start) / calls;
}

/** Times a and b back to back, b first when asked (alternating cancels drift); returns [a, b]. */
function pair<A, B>(a: () => A, b: () => B, bFirst: boolean): [A, B] {
  if (bFirst) {
    const tb = b();
    return [a(), tb];
  }
  const ta = a();
  return [ta, b()];
}

interface Row {
  section: string;
  metric: string;
  value: string;
  target?: string;
  /** undefined: informational; true/false: target met or missed. */
  ok?: boolean;
}
const rows: Row[] = [];
const summary: string[] = [];
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISS');

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag}: expected a positive whole number, got "${value}"`);
  return n;
}

function corpus(): { file: string; text: string }[] {
  return readdirSync(reportsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(reportsDir, file), 'utf8') }));
}

/** The corpus report closest to 3,000 bytes: the HTTP request body and the "3 KB" of the size ratio. */
function smallReport(reports: readonly { file: string; text: string }[]): { file: string; text: string } {
  return [...reports].sort((a, b) => Math.abs(bytesOf(a.text) - 3000) - Math.abs(bytesOf(b.text) - 3000))[0]!;
}

/** The reports concatenated in order, round and round, until the text reaches 50,000 bytes. */
function largeReport(reports: readonly { text: string }[]): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < 50_000; k = (k + 1) % reports.length) {
    parts.push(reports[k]!.text);
    size += bytesOf(reports[k]!.text) + 2;
  }
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Child processes: servers and fresh start-up timings. They talk to the parent over IPC.

type ChildKind = 'app' | 'bare' | 'startup' | 'compile' | 'inprocess';
type ChildMessage =
  | { type: 'listening'; port: number; fastify: string }
  | { type: 'memory'; rss: number }
  | { type: 'startup'; ms: number; from: LoadedEngine['from']; reason: string | undefined }
  | { type: 'compile'; loadMs: number; compileMs: number }
  | { type: 'inprocess'; figures: InProcessFigures; sink: number };

const send = (message: ChildMessage): void => void process.send!(message);

async function runChild(kind: ChildKind): Promise<void> {
  process.on('disconnect', () => process.exit(0));
  if (kind === 'startup') {
    // What the server does: the glossary read and validated, the engine restored from the snapshot
    // `npm run build` wrote (or compiled, if that snapshot is not of this glossary and code).
    const t0 = performance.now();
    const { from, reason } = loadEngine(GLOSSARY);
    send({ type: 'startup', ms: performance.now() - t0, from, reason });
    process.disconnect();
    return;
  }
  if (kind === 'compile') {
    const t0 = performance.now();
    const data = loadGlossary(GLOSSARY);
    const t1 = performance.now();
    compileEngine(data);
    send({ type: 'compile', loadMs: t1 - t0, compileMs: performance.now() - t1 });
    process.disconnect();
    return;
  }
  const { engine } = loadEngine(GLOSSARY);
  if (kind === 'inprocess') {
    const figures = measureInProcess(engine);
    send({ type: 'inprocess', figures, sink });
    process.disconnect();
    return;
  }
  const text = readFileSync(values.report!, 'utf8');
  // Precomputed once: the echo routes return exactly what /v1/explain returns for this body.
  const reply = explain(engine, { text });
  const app = kind === 'app' ? await realApp(engine, reply) : bareApp(reply);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  send({ type: 'listening', port: typeof address === 'object' && address !== null ? address.port : 0, fastify: app.version });
  process.on('message', (m) => {
    if (m !== 'memory') return;
    send({ type: 'memory', rss: process.memoryUsage().rss });
  });
}

/** The real app, with one route added: the same plugins, hooks, body validation and serializer as
 *  /v1/explain, returning the precomputed reply without running the pipeline. */
async function realApp(engine: Engine, reply: ExplainResult): Promise<FastifyInstance> {
  const app = await buildApp({ engine, config: loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }) });
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/echo',
    { schema: { hide: true, body: explainBodySchema, response: { 200: explainReplySchema } } },
    async () => reply,
  );
  return app;
}

/** The baseline: Fastify's JSON body parser and the same response serializer, nothing else. */
function bareApp(reply: ExplainResult): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setSerializerCompiler(serializerCompiler);
  app.post('/v1/explain', { schema: { response: { 200: explainReplySchema } } }, async () => reply);
  return app as unknown as FastifyInstance;
}

/**
 * This file again, in a fresh process, with the same loader (tsx). Profiler flags are passed on to
 * in-process measuring children only (so `--cpu-prof` profiles the pipeline), never to servers.
 */
function spawnChild(kind: ChildKind, report?: string): ChildProcess {
  const execArgv: string[] = [];
  const inherited = process.execArgv;
  for (let i = 0; i < inherited.length; i++) {
    const arg = inherited[i]!;
    // A fixed profile name would make the measuring processes overwrite each other's profiles.
    if (kind === 'inprocess' && /^--(cpu|heap)-prof/.test(arg) && !/^--(cpu|heap)-prof-name/.test(arg)) {
      execArgv.push(arg);
      continue;
    }
    if (/^--(cpu-prof|heap-prof|inspect)/.test(arg)) {
      if (/^--(cpu|heap)-prof-(dir|name|interval)$/.test(arg)) i++;
      continue;
    }
    execArgv.push(arg);
  }
  const args = ['--child', kind, '--corpus', values.corpus!, ...(report === undefined ? [] : ['--report', report]), ...(quick ? ['--quick'] : [])];
  return fork(SELF, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function nextMessage<T extends ChildMessage['type']>(child: ChildProcess, type: T): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: ChildMessage): void => {
      if (m.type !== type) return;
      child.off('message', onMessage).off('exit', onExit);
      resolve(m as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null): void => reject(new Error(`bench child exited (${code}) before sending "${type}"`));
    child.on('message', onMessage).once('exit', onExit);
  });
}

async function rssOf(child: ChildProcess): Promise<number> {
  const reply = nextMessage(child, 'memory');
  child.send('memory');
  return (await reply).rss;
}

// ---------------------------------------------------------------------------------------------
// Start-up: glossary load and compile, each in a fresh process (cold JIT, as at a real start).

async function benchStartup(): Promise<void> {
  const runs = quick ? 3 : 7;
  const load: number[] = [];
  const compile: number[] = [];
  const compiled: number[] = [];
  const startup: number[] = [];
  const sources = new Set<string>();
  // Alternating the two kinds of fresh process, so that drift on the machine touches both alike.
  for (let r = 0; r < runs; r++) {
    const child = spawnChild('startup');
    const m = await nextMessage(child, 'startup');
    await new Promise((resolve) => child.once('exit', resolve));
    startup.push(m.ms);
    sources.add(m.from === 'snapshot' ? 'restored from the snapshot' : `compiled (${m.reason})`);
    const other = spawnChild('compile');
    const c = await nextMessage(other, 'compile');
    await new Promise((resolve) => other.once('exit', resolve));
    load.push(c.loadMs);
    compile.push(c.compileMs);
    compiled.push(c.loadMs + c.compileMs);
  }
  const s = 'start-up';
  const spread = (xs: number[]): string => `median ${fix(median(xs))} ms (${fix(Math.min(...xs))}-${fix(Math.max(...xs))}, ${runs} fresh processes)`;
  rows.push({ section: s, metric: 'loadGlossary (read + validate)', value: spread(load) });
  rows.push({ section: s, metric: 'compileEngine (tries, fuzzy, rules)', value: spread(compile) });
  rows.push({ section: s, metric: 'load + compile (no snapshot)', value: spread(compiled) });
  const t = median(startup);
  rows.push({ section: s, metric: `start-up as the server does it: ${[...sources].join('; ')}`, value: spread(startup), target: '<= 300 ms', ok: t <= 300 });
  summary.push(`start-up ${fix(t, 0)} ms ${verdict(t <= 300)} (${fix(median(compiled), 0)} ms without the snapshot)`);
}

// ---------------------------------------------------------------------------------------------
// In process: corpus throughput against tokenize(), and a 50 KB report against a 3 KB one.

/** What one process measures in process; the parent takes the median over fresh processes. */
interface InProcessFigures {
  /** explain() and tokenize() over the corpus, MB/s, and tokenize time / explain time. */
  rate: number;
  tokenizeRate: number;
  ratio: number;
  /** ms per call: the 3 KB report in rotation with the corpus, the 50 KB report; their ratio. */
  smallMs: number;
  largeMs: number;
  size: number;
  /** The 3 KB report called over and over on its own, and the 50 KB report's cost over that (the target's measure). */
  smallAloneMs: number;
  sizeAlone: number;
  /** The 50 KB report's cost per byte over the corpus's cost per byte. */
  perByte: number;
  /** The 3 KB report repeated to 50 KB, called over and over, over the 3 KB report called over and over. */
  repeated: number;
  repeatedBytes: number;
  rss: number;
}

/**
 * Explain and tokenize over the corpus, and a 50 KB report against a 3 KB one. The corpus is timed in
 * rotation, each call on its own, as a server meets reports. The 3 KB report is timed both ways:
 * called over and over on its own (the target's measure) and where it falls in each corpus pass. The
 * two differ because the CPU learns a text called over and over: 23 copies of the 3 KB report in
 * rotation run as fast as the report alone, and still 1.6 x faster than the 23 corpus reports when
 * 8 MB of other data is read between calls, so it is the branch predictor's memory of that text,
 * not the data caches. A 50 KB text is too long to be learnt and costs the same either way. The
 * same 3 KB report repeated to 50 KB, against itself, shows the cost of length alone.
 */
function measureInProcess(engine: Engine): InProcessFigures {
  const reports = corpus();
  const texts = reports.map((r) => r.text);
  const corpusBytes = texts.reduce((n, t) => n + bytesOf(t), 0);
  const small = smallReport(reports);
  const smallIndex = reports.indexOf(small);
  const large = largeReport(reports);
  const largeBytes = bytesOf(large);
  const repeated = largeReport([small]);
  const explainOne = (text: string): void => void (sink += explain(engine, { text }).annotations.length);
  const tokenizePass = (): void => {
    for (const text of texts) sink += tokenize(text).length;
  };
  /** Corpus passes for about `budgetMs`: ms per pass, and per call of the 3 KB report within them. */
  const rotation = (budgetMs: number): { corpusMs: number; smallMs: number } => {
    let passes = 0;
    let corpusMs = 0;
    let smallMs = 0;
    const start = performance.now();
    do {
      for (let k = 0; k < texts.length; k++) {
        const t0 = performance.now();
        explainOne(texts[k]!);
        const ms = performance.now() - t0;
        corpusMs += ms;
        if (k === smallIndex) smallMs += ms;
      }
      passes++;
    } while (performance.now() - start < budgetMs);
    return { corpusMs: corpusMs / passes, smallMs: smallMs / passes };
  };
  const largeCall = (): void => explainOne(large);

  // Warm-up: let the JIT settle on every path before anything is timed.
  const warm = quick ? 300 : 1500;
  rotation(warm);
  perCall(tokenizePass, warm / 3);
  perCall(largeCall, warm / 3);
  const rss = process.memoryUsage().rss;

  // Interleaved rounds; each ratio is taken within its round, then the median over rounds.
  const rounds = quick ? 4 : 12;
  const figures: Omit<InProcessFigures, 'rss'>[] = [];
  for (let r = 0; r < rounds; r++) {
    const [{ corpusMs: eMs, smallMs }, tMs] = pair(() => rotation(400), () => perCall(tokenizePass, 150), r % 2 === 1);
    const [largeMs, smallAloneMs] = pair(() => perCall(largeCall, 200), () => perCall(() => explainOne(small.text), 150), r % 2 === 1);
    const [repeatedMs, smallAgainMs] = pair(() => perCall(() => explainOne(repeated), 200), () => perCall(() => explainOne(small.text), 150), r % 2 === 1);
    figures.push({
      rate: corpusBytes / 1e3 / eMs,
      tokenizeRate: corpusBytes / 1e3 / tMs,
      ratio: tMs / eMs,
      smallMs,
      largeMs,
      size: largeMs / smallMs,
      smallAloneMs,
      sizeAlone: largeMs / smallAloneMs,
      perByte: largeMs / largeBytes / (eMs / corpusBytes),
      repeated: repeatedMs / smallAgainMs,
      repeatedBytes: bytesOf(repeated),
    });
  }
  const med = (key: keyof Omit<InProcessFigures, 'rss'>): number => median(figures.map((f) => f[key]));
  return {
    rate: med('rate'),
    tokenizeRate: med('tokenizeRate'),
    ratio: med('ratio'),
    smallMs: med('smallMs'),
    largeMs: med('largeMs'),
    size: med('size'),
    smallAloneMs: med('smallAloneMs'),
    sizeAlone: med('sizeAlone'),
    perByte: med('perByte'),
    repeated: med('repeated'),
    repeatedBytes: med('repeatedBytes'),
    rss,
  };
}

/**
 * The in-process figures, measured in fresh processes one after another: within one process the
 * JIT's choices alone were seen to move throughput by 20% between runs, so the median of several
 * processes is reported, with the spread.
 */
async function benchInProcess(): Promise<void> {
  const runs = quick ? 1 : 3;
  const all: InProcessFigures[] = [];
  for (let r = 0; r < runs; r++) {
    const child = spawnChild('inprocess');
    const message = await nextMessage(child, 'inprocess');
    all.push(message.figures);
    sink += message.sink;
    await new Promise((resolve) => child.once('exit', resolve));
  }
  const med = (key: keyof InProcessFigures): number => median(all.map((f) => f[key]));
  const reports = corpus();
  const corpusBytes = reports.reduce((n, r) => n + bytesOf(r.text), 0);
  const small = smallReport(reports);
  const large = largeReport(reports);

  const s = 'in-process';
  const rate = med('rate');
  const rates = all.map((f) => f.rate);
  rows.push({
    section: s,
    metric: `explain() over the corpus (${reports.length} reports, ${int(corpusBytes)} B)`,
    value: `${fix(rate, 2)} MB/s (${fix(1000 * corpusBytes / 1e6 / rate / reports.length, 3)} ms per report; ${fix(Math.min(...rates), 2)}-${fix(Math.max(...rates), 2)} over ${runs} fresh process${runs === 1 ? '' : 'es'})`,
    target: '>= 20 MB/s',
    ok: rate >= 20,
  });
  rows.push({ section: s, metric: 'baseline: tokenize() over the same text', value: `${fix(med('tokenizeRate'), 2)} MB/s` });
  const ratio = med('ratio');
  rows.push({ section: s, metric: 'explain / tokenize throughput', value: `${fix(ratio, 3)} (explain costs ${fix(1 / ratio)} x tokenize)` });
  const sMs = med('smallMs');
  const lMs = med('largeMs');
  const size = med('size');
  const sizeFactor = bytesOf(large) / bytesOf(small.text);
  const sizeAlone = med('sizeAlone');
  rows.push({
    section: s,
    metric: `3 KB report (${small.file}, ${int(bytesOf(small.text))} B)`,
    value: `${fix(med('smallAloneMs'), 3)} ms per call over and over; ${fix(sMs, 3)} ms in rotation with the corpus`,
  });
  rows.push({
    section: s,
    metric: `50 KB report (corpus concatenated, ${int(bytesOf(large))} B)`,
    value: `${fix(lMs, 2)} ms per call = ${fix(bytesOf(large) / 1e3 / lMs, 2)} MB/s`,
  });
  rows.push({
    section: s,
    metric: '50 KB / 3 KB cost per call',
    value: `${fix(sizeAlone, 1)} x for ${fix(sizeFactor, 1)} x the bytes (${fix(sizeAlone / sizeFactor, 2)} per byte)`,
    target: '<= 20 x',
    ok: sizeAlone <= 20,
  });
  rows.push({
    section: s,
    metric: '50 KB / 3 KB, the 3 KB in rotation',
    value: `${fix(size, 1)} x (${fix(size / sizeFactor, 2)} per byte)`,
  });
  // The 50 KB text is the whole corpus, the 3 KB one a single report: their ratio mixes size with
  // content. Per byte against the same reports one at a time, the size effect is shown alone.
  rows.push({
    section: s,
    metric: '50 KB cost per byte / corpus cost per byte (same text)',
    value: `${fix(med('perByte'), 2)} (1.00 = linear)`,
  });
  const repeatedFactor = med('repeatedBytes') / bytesOf(small.text);
  rows.push({
    section: s,
    metric: `3 KB report repeated to ${int(med('repeatedBytes'))} B / the 3 KB report`,
    value: `${fix(med('repeated'), 1)} x for ${fix(repeatedFactor, 1)} x the bytes (${fix(med('repeated') / repeatedFactor, 2)} per byte; 1.00 = linear)`,
  });
  rows.push({ section: s, metric: 'RSS of a measuring process after warm-up', value: mb(med('rss')) });
  summary.push(`corpus ${fix(rate, 2)} MB/s = ${fix(ratio, 3)} x tokenize ${verdict(rate >= 20)}`, `50KB/3KB ${fix(sizeAlone, 1)} x ${verdict(sizeAlone <= 20)} (${fix(size, 1)} x with the 3 KB in rotation)`);
}

// ---------------------------------------------------------------------------------------------
// Linearity (RELIABILITY C5): t(2n)/t(n) on worst-case shapes, doubling n from 1/32 of the text
// limit up to it; the worst ratio of the ladder is reported, since a cost can be super-linear over
// one range only (V8 hashes strings longer than 16,383 chars by length alone, which hides the cost
// of the fuzzy index's deletions on one huge word). A shape stops doubling once the next call would
// exceed the cap; its time at the limit is then projected from the last ratio.

interface Shape {
  name: string;
  unit: string;
  /** Not in C5's list: found by reading the pipeline (scans to sentence ends, groups per mention, long words). */
  extra?: boolean;
  /** Text before the repeated unit (a section header the unit then stays under). */
  head?: string;
}

/** The fastest of repeated calls over about `budgetMs`: on a shared machine noise only ever adds time. */
function fastestCall(fn: () => void, budgetMs: number): number {
  let best = Infinity;
  let calls = 0;
  const end = performance.now() + budgetMs;
  while (calls < 3 || performance.now() < end) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
    calls++;
  }
  return best;
}

function benchLinearity(engine: Engine): void {
  const maxN = quick ? 25_000 : loadConfig({}).MAX_TEXT_CHARS;
  const capMs = quick ? 500 : 3000;
  const abbreviations = [...new Set([...engine.concepts.values()].flatMap((c) => c.abbreviations))].sort();
  const glued = corpus().map((r) => r.text).join('').replace(/\s+/g, '');
  const shapes: Shape[] = [
    { name: 'one char repeated', unit: 'a' },
    { name: 'all abbreviations', unit: `${abbreviations.join(' ')} ` },
    { name: 'level tokens', unit: 'L4-5 ' },
    { name: 'no spaces (corpus)', unit: glued },
    { name: '16,383-letter words', unit: `${'a'.repeat(16_383)} `, extra: true },
    { name: 'findings, one sentence', unit: 'mild disc bulge at L4-5 and ', extra: true },
    { name: 'level + finding sentences', unit: 'L4-5 disc bulge. ', extra: true },
    // Backward scans per mention (stated facts, denied sides): brackets and graded words must not let them run on.
    { name: 'history findings in brackets', head: 'HISTORY: ', unit: '(sciatica) ', extra: true },
    { name: 'graded words after a negated side', head: 'No right ', unit: 'Modic 1 and ', extra: true },
    // Scans per cue and per comma: whether a hedge opens its clause, an "or" list ahead of "No level shows".
    { name: 'cues after a run of commas', head: `${','.repeat(2_000)} possible`, unit: ' no', extra: true },
    { name: '"No level shows" lists', unit: 'No level shows stenosis, bulge, ', extra: true },
  ];
  const s = 'linearity';
  let linear = 0;
  for (const shape of shapes) {
    const head = shape.head ?? '';
    const make = (n: number): string => (head + shape.unit.repeat(Math.ceil(n / shape.unit.length))).slice(0, n).toWellFormed();
    const points: { n: number; ms: number }[] = [];
    let projected: number | undefined;
    for (let n = maxN / 32; n <= maxN; n *= 2) {
      const text = make(n);
      const call = (): void => void (sink += explain(engine, { text }).annotations.length);
      const t0 = performance.now();
      call();
      const first = performance.now() - t0;
      // Slow calls are timed once; fast ones repeatedly, after that first (warming) call.
      const ms = first > 300 ? first : fastestCall(call, 300);
      points.push({ n, ms });
      const ratio = points.length > 1 ? ms / points[points.length - 2]!.ms : 2;
      if (n < maxN && ms * Math.max(2, ratio) > capMs) {
        projected = ms * Math.max(2, ratio) ** Math.log2(maxN / n);
        break;
      }
    }
    let worst = { n: points[0]!.n, ratio: 0 };
    for (let k = 1; k < points.length; k++) {
      const ratio = points[k]!.ms / points[k - 1]!.ms;
      if (ratio > worst.ratio) worst = { n: points[k - 1]!.n, ratio };
    }
    const last = points[points.length - 1]!;
    const ok = worst.ratio <= 2.5 && projected === undefined;
    if (ok) linear++;
    const at =
      projected === undefined
        ? `${fix(last.ms, 1)} ms at ${int(last.n)} chars`
        : `stopped at ${int(last.n)} chars (${fix(last.ms, 0)} ms); ${int(maxN)} projected ${fix(projected / 1000, 1)} s`;
    rows.push({
      section: s,
      metric: `${shape.name}${shape.extra === true ? ' (extra)' : ''}`,
      value: `worst t(2n)/t(n) ${fix(worst.ratio, 2)} at n=${int(worst.n)}; ${at}`,
      target: '<= 2.5',
      ok,
    });
  }
  summary.push(`linear ${linear}/${shapes.length} shapes ${verdict(linear === shapes.length)}`);
}

// ---------------------------------------------------------------------------------------------
// HTTP: autocannon against the real app and a bare Fastify route returning the same reply.

interface Target {
  name: string;
  url: string;
  runs: autocannon.Result[];
}

async function benchHttp(): Promise<void> {
  const duration = positive('--duration', values.duration ?? (quick ? '2' : '10'));
  const connections = positive('--connections', values.connections!);
  const rounds = positive('--rounds', values.rounds ?? (quick ? '1' : '2'));
  const warmup = quick ? 1 : 3;
  const small = smallReport(corpus());
  const body = JSON.stringify({ text: small.text });

  const appChild = spawnChild('app', join(reportsDir, small.file));
  const bareChild = spawnChild('bare', join(reportsDir, small.file));
  try {
    const [appUp, bareUp] = await Promise.all([nextMessage(appChild, 'listening'), nextMessage(bareChild, 'listening')]);
    const explainT: Target = { name: 'POST /v1/explain (real app)', url: `http://127.0.0.1:${appUp.port}/v1/explain`, runs: [] };
    const appEcho: Target = { name: 'same reply, app plugins, no pipeline', url: `http://127.0.0.1:${appUp.port}/v1/echo`, runs: [] };
    const bare: Target = { name: 'same reply, bare Fastify (baseline)', url: `http://127.0.0.1:${bareUp.port}/v1/explain`, runs: [] };
    const targets = [explainT, appEcho, bare];

    // The three must send the same bytes, or the comparison means nothing.
    const replies = await Promise.all(
      targets.map(async (t) => {
        const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        if (res.status !== 200) throw new Error(`${t.name}: status ${res.status}`);
        return res.text();
      }),
    );
    if (!replies.every((r) => r === replies[0])) throw new Error('the echo routes do not send the same reply as /v1/explain');

    const cannon = (url: string, seconds: number): Promise<autocannon.Result> =>
      autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: seconds });
    for (const t of targets) await cannon(t.url, warmup);
    const appWarm = await rssOf(appChild);
    const bareWarm = await rssOf(bareChild);
    for (let r = 0; r < rounds; r++) {
      for (const t of r % 2 === 0 ? targets : [...targets].reverse()) t.runs.push(await cannon(t.url, duration));
    }
    const appLoaded = await rssOf(appChild);

    const s = 'http';
    rows.push({
      section: s,
      metric: 'request / reply',
      value: `${small.file}: ${int(bytesOf(body))} B JSON in, ${int(bytesOf(replies[0]!))} B out; ${connections} connections, ${rounds} x ${duration} s each, order alternating`,
    });
    const rps = (t: Target): number => median(t.runs.map((x) => x.requests.average));
    const p = (t: Target, q: 'p50' | 'p99'): number => median(t.runs.map((x) => x.latency[q]));
    const bad = (t: Target): number => t.runs.reduce((n, x) => n + x.non2xx + x.errors, 0);
    for (const t of targets) {
      const tail = p(t, 'p99') / p(t, 'p50');
      const isExplain = t === explainT;
      rows.push({
        section: s,
        metric: t.name,
        value: `${int(rps(t))} req/s; p50 ${p(t, 'p50')} ms, p99 ${p(t, 'p99')} ms (p99/p50 ${fix(tail, 2)}); non-2xx+errors ${bad(t)}`,
        ...(isExplain ? { target: 'p99 <= 3 x p50', ok: tail <= 3 } : {}),
      });
    }
    const paired = (a: Target, b: Target): number => median(a.runs.map((x, k) => x.requests.average / b.runs[k]!.requests.average));
    const ratio = paired(explainT, bare);
    rows.push({ section: s, metric: 'explain / bare echo req/s', value: fix(ratio, 3), target: '>= 0.6 (aim 0.7)', ok: ratio >= 0.6 });
    rows.push({ section: s, metric: '  of which: app plugins / bare echo', value: fix(paired(appEcho, bare), 3) });
    rows.push({ section: s, metric: '  of which: explain / app echo (the pipeline alone)', value: fix(paired(explainT, appEcho), 3) });
    rows.push({ section: s, metric: 'Fastify version (app / bare)', value: `${appUp.fastify} / ${bareUp.fastify}` });
    rows.push({
      section: s,
      metric: 'RSS of the app server',
      value: `${mb(appWarm)} after warm-up, ${mb(appLoaded)} after load (bare server: ${mb(bareWarm)})`,
    });
    const tail = p(explainT, 'p99') / p(explainT, 'p50');
    summary.push(
      `HTTP ${int(rps(explainT))} req/s = ${fix(ratio, 2)} x bare ${int(rps(bare))} ${verdict(ratio >= 0.6)}`,
      `p99/p50 ${fix(tail, 1)} ${verdict(tail <= 3)}`,
      `RSS ${mb(appWarm)}`,
    );
  } finally {
    appChild.kill();
    bareChild.kill();
  }
}

// ---------------------------------------------------------------------------------------------

function printTable(): void {
  const cols = [
    ['section', ...rows.map((r) => r.section)],
    ['metric', ...rows.map((r) => r.metric)],
    ['value', ...rows.map((r) => r.value)],
    ['target', ...rows.map((r) => r.target ?? '')],
    ['', ...rows.map((r) => (r.ok === undefined ? '' : verdict(r.ok)))],
  ];
  const widths = cols.map((c) => Math.max(...c.map((x) => x.length)));
  const line = (k: number): string => cols.map((c, j) => c[k]!.padEnd(widths[j]!)).join(' | ').trimEnd();
  console.log(line(0));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (let k = 1; k <= rows.length; k++) console.log(line(k));
}

async function main(): Promise<void> {
  const only = new Set(values.only!.split(',').map((x) => x.trim()));
  const unknown = [...only].filter((x) => !(PHASES as readonly string[]).includes(x));
  if (unknown.length > 0) throw new Error(`--only: unknown phase(s) ${unknown.join(', ')} (known: ${PHASES.join(', ')})`);
  const run = (phase: Phase): boolean => only.has(phase);
  const cpu = cpus();
  const loadBefore = loadavg()[0]!;
  console.log(
    `bench: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ` +
      `${process.execArgv.some((a) => a.includes('tsx')) ? 'tsx' : 'node'} runtime, V8 ${V8_FLAGS.join(' ')} (as the server), load average ${fix(loadBefore, 2)}${quick ? ', --quick' : ''}`,
  );

  // Start-up first: its fresh processes run while this one is still idle.
  if (run('startup')) await benchStartup();
  if (run('inprocess')) await benchInProcess();
  if (run('linearity')) benchLinearity(compileEngine(loadGlossary(GLOSSARY)));
  if (run('http')) await benchHttp();

  console.log();
  printTable();
  console.log(`\nload average ${fix(loadBefore, 2)} before, ${fix(loadavg()[0]!, 2)} after; sink ${sink > 0 ? 'ok' : 'empty'}`);
  console.log(`summary: ${summary.join('; ')}`);
}

const CHILDREN: readonly string[] = ['app', 'bare', 'startup', 'compile', 'inprocess'] satisfies ChildKind[];
if (values.child === undefined) await main();
else if (CHILDREN.includes(values.child)) await runChild(values.child as ChildKind);
else throw new Error(`--child: unknown kind "${values.child}"`);
