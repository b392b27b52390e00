// Property-based fuzzing of POST /v1/explain through app.inject() on the real app and glossary
// (RELIABILITY.md B2, B6). Random inputs may only ever get 200, 400, 413, 415 or 422; on 200 every
// offset slices to its text without splitting a surrogate pair, annotations are sorted by start,
// annotations of one concept never overlap, and the same input always gets the same body.
//
// CI runs 10,000 cases with a fixed seed. More on demand: FUZZ_RUNS=100000 (total cases, shared
// between the properties in the same proportions) and FUZZ_SEED=<n> for a different seed.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app as buildTestApp, corpus } from '../helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_505);
const TOTAL = Number(process.env.FUZZ_RUNS ?? 10_000);
if (!Number.isSafeInteger(SEED) || !Number.isSafeInteger(TOTAL) || TOTAL < 1) throw new Error('FUZZ_SEED and FUZZ_RUNS must be integers');
// Small limits so that generated inputs reach 413 and the character cap (422) without megabyte bodies.
const BODY_LIMIT = 16_384;
const MAX_TEXT_CHARS = 8_000;
const ALLOWED = new Set([200, 400, 413, 415, 422]);

/** Share of the cases each property gets. */
const SHARES = { unicodePlain: 0.2, unicodeJson: 0.2, corpusMutated: 0.3, jsonValues: 0.15, contentTypes: 0.15 } as const;
const runsOf = (share: number) => Math.max(1, Math.round(TOTAL * share));
/** Generous per-test budget: about 20 ms a case (a case is two injects of up to 16 KB). */
const timeoutFor = (runs: number) => Math.max(30_000, runs * 20);

const reports = corpus().map((r) => r.text);
const lines = [...new Set(reports.flatMap((t) => t.split(/\n+/)).map((l) => l.trim()).filter((l) => l.length > 0))];
const CUES = ['no', 'No', 'without', 'possible', 'Possible', 'not seen', 'negative for', 'cannot be excluded', 'no evidence of', 'likely', 'resolved'];
const ODD = ['\u200b', '\u200d', '\u202e', '\u00a0', '\ufeff', '\r\n', '\u0301', '\u{1f9b4}', '\u{1d400}', '\u2028', 'ﬁ', 'ß', 'İ', '\t'];

let app: FastifyInstance;
const histogram = new Map<number, number>();
const casesBy = new Map<string, number>();
let annotationsChecked = 0;
beforeAll(async () => {
  app = await buildTestApp({ BODY_LIMIT: String(BODY_LIMIT), MAX_TEXT_CHARS: String(MAX_TEXT_CHARS) });
});
afterAll(async () => {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  const statuses = Object.fromEntries([...histogram.entries()].sort(([a], [b]) => a - b));
  console.log(`fuzz: ${total} cases, seed ${SEED}, statuses ${JSON.stringify(statuses)}, by property ${JSON.stringify(Object.fromEntries(casesBy))}, annotations checked ${annotationsChecked}`);
  await app.close();
});

// ---------------------------------------------------------------------------------------------
// The invariants

interface Annotation {
  start: number;
  end: number;
  text: string;
  conceptId: string;
  assertionCue: { text: string; start: number; end: number } | null;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when index i falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

function checkSpan(text: string, span: { start: number; end: number; text: string }, what: string): void {
  const where = `${what} [${span.start}, ${span.end})`;
  expect(Number.isInteger(span.start) && Number.isInteger(span.end), where).toBe(true);
  expect(span.start >= 0 && span.start < span.end && span.end <= text.length, `${where} out of range (length ${text.length})`).toBe(true);
  expect(text.slice(span.start, span.end), `${where} does not slice to its text`).toBe(span.text);
  expect(splitsPair(text, span.start) || splitsPair(text, span.end), `${where} splits a surrogate pair`).toBe(false);
}

/** The text the server analysed, decoded from the bytes the way Fastify does; undefined if no parser applies. */
function serverText(payload: string | Buffer, contentType: string | undefined): string | undefined {
  const media = contentType?.split(';')[0]?.trim().toLowerCase();
  const decoded = Buffer.from(payload).toString('utf8');
  if (media === 'text/plain') return decoded;
  if (media === 'application/json') {
    const parsed = JSON.parse(decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded) as { text?: unknown };
    return typeof parsed.text === 'string' ? parsed.text : undefined;
  }
  return undefined;
}

/** Sends one case twice (the second for determinism) and checks every invariant. */
async function check(property: string, payload: string | Buffer, contentType: string | undefined): Promise<void> {
  casesBy.set(property, (casesBy.get(property) ?? 0) + 1);
  const send = () =>
    app.inject({ method: 'POST', url: '/v1/explain', headers: contentType === undefined ? {} : { 'content-type': contentType }, payload });
  const res = await send();
  histogram.set(res.statusCode, (histogram.get(res.statusCode) ?? 0) + 1);
  expect(ALLOWED.has(res.statusCode), `status ${res.statusCode}`).toBe(true);

  const again = await send();
  expect(again.statusCode, 'same input, same status').toBe(res.statusCode);
  expect(again.body, 'same input, same body').toBe(res.body);

  const body = res.json() as { statusCode?: number; code?: string; annotations?: Annotation[] };
  if (res.statusCode !== 200) {
    expect(body.statusCode, 'error body statusCode = HTTP status').toBe(res.statusCode);
    expect(typeof body.code).toBe('string');
    return;
  }

  const text = serverText(payload, contentType);
  expect(text, `200 for a body no parser should accept (content type ${contentType})`).toBeTypeOf('string');
  expect(Array.isArray(body.annotations)).toBe(true);
  checkAnnotations(text!, body.annotations!);
  annotationsChecked += body.annotations!.length;
}

/** B6 and the ordering rules for one 200 reply; throws on the first violation. */
function checkAnnotations(text: string, annotations: Annotation[]): void {
  let previousStart = -1;
  const lastEndByConcept = new Map<string, number>();
  for (const a of annotations) {
    checkSpan(text, a, `annotation ${a.conceptId}`);
    if (a.assertionCue !== null) checkSpan(text, a.assertionCue, `cue of ${a.conceptId}`);
    expect(a.start >= previousStart, `annotations not sorted by start at ${a.start}`).toBe(true);
    previousStart = a.start;
    // Sorted by start, so one concept's spans overlap exactly when one starts before the previous ends.
    const lastEnd = lastEndByConcept.get(a.conceptId) ?? -1;
    expect(a.start >= lastEnd, `two ${a.conceptId} annotations overlap at ${a.start}`).toBe(true);
    lastEndByConcept.set(a.conceptId, Math.max(lastEnd, a.end));
  }
}

const params = (runs: number) => ({ numRuns: runs, seed: SEED, endOnFailure: true });

// ---------------------------------------------------------------------------------------------
// The generators

/** One "character" of arbitrary text: printable graphemes, any code point, controls, lone surrogates. */
const unit = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.constantFrom(...ODD), weight: 2 },
  { arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), weight: 1 },
);

/** Arbitrary Unicode, sometimes interleaved with real report lines so that the matcher has work to do. */
const unicodeText = fc.oneof(
  fc.string({ unit, maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(fc.oneof({ arbitrary: fc.constantFrom(...lines), weight: 2 }, { arbitrary: fc.string({ unit, maxLength: 20 }), weight: 3 }), { maxLength: 12 })
    .map((parts) => parts.join('')),
);

type Op =
  | { kind: 'cut'; from: number; to: number }
  | { kind: 'repeat'; times: number }
  | { kind: 'case'; mode: 'upper' | 'lower' | 'swap' }
  | { kind: 'strip-punctuation' }
  | { kind: 'shuffle'; seed: number }
  | { kind: 'insert'; at: number; word: string }
  | { kind: 'whitespace'; mode: 'crlf' | 'tabs' | 'nbsp' | 'collapse' };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), from: fraction, to: fraction }),
  fc.record({ kind: fc.constant('repeat' as const), times: fc.integer({ min: 2, max: 5 }) }),
  fc.record({ kind: fc.constant('case' as const), mode: fc.constantFrom('upper' as const, 'lower' as const, 'swap' as const) }),
  fc.record({ kind: fc.constant('strip-punctuation' as const) }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.integer() }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, word: fc.oneof(fc.constantFrom(...CUES), fc.constantFrom(...ODD), fc.string({ unit, maxLength: 4 })) }),
  fc.record({ kind: fc.constant('whitespace' as const), mode: fc.constantFrom('crlf' as const, 'tabs' as const, 'nbsp' as const, 'collapse' as const) }),
);

/** A small deterministic generator for the shuffle, so a failing case replays from its seed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function apply(text: string, o: Op): string {
  switch (o.kind) {
    case 'cut': {
      const [a, b] = [Math.floor(o.from * text.length), Math.floor(o.to * text.length)].sort((x, y) => x - y);
      return text.slice(a, b);
    }
    case 'repeat':
      return text.repeat(o.times);
    case 'case':
      if (o.mode === 'upper') return text.toUpperCase();
      if (o.mode === 'lower') return text.toLowerCase();
      return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    case 'strip-punctuation':
      return text.replace(/\p{P}/gu, '');
    case 'shuffle': {
      const parts = text.split(/(\s+)/);
      const words = parts.filter((_, i) => i % 2 === 0);
      const random = lcg(o.seed);
      for (let i = words.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [words[i], words[j]] = [words[j]!, words[i]!];
      }
      return parts.map((p, i) => (i % 2 === 0 ? words[i / 2] : p)).join('');
    }
    case 'insert': {
      const at = Math.floor(o.at * text.length);
      return `${text.slice(0, at)} ${o.word} ${text.slice(at)}`;
    }
    case 'whitespace':
      if (o.mode === 'crlf') return text.replace(/\n/g, '\r\n');
      if (o.mode === 'tabs') return text.replace(/ {2,}/g, '\t');
      if (o.mode === 'nbsp') return text.replace(/ /g, '\u00a0');
      return text.replace(/\s+/g, ' ');
  }
}

const mutatedReport = fc
  .record({ report: fc.integer({ min: 0, max: reports.length - 1 }), ops: fc.array(op, { minLength: 1, maxLength: 5 }) })
  .map(({ report, ops }) => ops.reduce(apply, reports[report]!));

/** Caller terms whose text is taken from the report itself, so that they match. */
const termsFor = (text: string) =>
  fc.array(
    fc.record({
      id: fc.oneof(fc.constantFrom('t1', 't2', 't3'), fc.string({ unit, minLength: 1, maxLength: 8 })),
      from: fraction,
      length: fc.integer({ min: 1, max: 30 }),
    }),
    { maxLength: 4 },
  ).map((ts) =>
    ts.map(({ id, from, length }) => {
      const at = Math.floor(from * text.length);
      return { id, text: text.slice(at, at + length) };
    }),
  );

const asJson = (text: string) =>
  fc.oneof(
    fc.constant(JSON.stringify({ text })),
    termsFor(text).map((terms) => JSON.stringify({ text, terms })),
  );

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8'];
const PLAIN_TYPES = ['text/plain', 'text/plain; charset=utf-8', 'TEXT/PLAIN', 'text/plain;charset="utf-8"', 'text/plain; charset=us-ascii'];

/** Hand-built JSON objects so that keys such as __proto__ and duplicate keys survive into the body. */
const jsonKey = fc.oneof(fc.constantFrom('text', 'terms', '__proto__', 'constructor', 'prototype', 'id', ''), fc.string({ maxLength: 8 }));
const rawObject = fc
  .array(fc.tuple(jsonKey, fc.oneof(fc.jsonValue({ maxDepth: 3 }), unicodeText)), { maxLength: 5 })
  .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);
const jsonBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.json({ maxDepth: 5 }),
  rawObject,
  fc.record({ text: fc.oneof(unicodeText, fc.jsonValue({ maxDepth: 2 })), terms: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: ['text'] }).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v).slice(0, -1)),
);

const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(...JSON_TYPES, ...PLAIN_TYPES),
    fc.constantFrom(
      'application/xml',
      'text/html',
      'text/csv',
      'application/octet-stream',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/problem+json',
      'application/json-seq',
      'text/plain; charset=latin1',
      'text/plain; charset=utf-16',
      'application/json; charset=utf-16le',
      'application/json; charset=iso-8859-1',
      'text/plainx',
      'application/jsonx',
      'application',
      '*/*',
      ' ',
      ';',
    ),
    fc.stringMatching(/^[a-zA-Z*]{1,12}\/[a-zA-Z0-9+.*-]{1,16}( ?; ?[a-zA-Z-]{1,8}=("[a-zA-Z0-9-]{0,10}"|[a-zA-Z0-9-]{0,10}))?$/),
  ),
  { nil: undefined, freq: 8 },
);

const anyPayload = fc.oneof(
  unicodeText,
  mutatedReport,
  jsonBody,
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc.constantFrom('', ' ', '{}', 'null', '[]', '""', '{"text":"disc bulge"}'),
  fc.constantFrom(...reports),
);

// ---------------------------------------------------------------------------------------------
// The properties

describe('fuzz POST /v1/explain (fast-check through inject)', () => {
  const r = {
    unicodePlain: runsOf(SHARES.unicodePlain),
    unicodeJson: runsOf(SHARES.unicodeJson),
    corpusMutated: runsOf(SHARES.corpusMutated),
    jsonValues: runsOf(SHARES.jsonValues),
    contentTypes: runsOf(SHARES.contentTypes),
  };

  it(`arbitrary Unicode as text/plain (${r.unicodePlain} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(unicodeText, fc.constantFrom(...PLAIN_TYPES), (text, type) => check('unicodePlain', text, type)),
      params(r.unicodePlain),
    );
  }, timeoutFor(r.unicodePlain));

  it(`arbitrary Unicode inside JSON, with and without caller terms (${r.unicodeJson} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(unicodeText.chain(asJson), fc.constantFrom(...JSON_TYPES), (body, type) => check('unicodeJson', body, type)),
      params(r.unicodeJson),
    );
  }, timeoutFor(r.unicodeJson));

  it(`corpus reports cut, repeated, case-flipped, stripped, shuffled, with cues inserted (${r.corpusMutated} cases)`, async () => {
    const delivery = fc.oneof(
      fc.tuple(mutatedReport, fc.constantFrom(...PLAIN_TYPES)),
      fc.tuple(mutatedReport.chain(asJson), fc.constantFrom(...JSON_TYPES)),
    );
    await fc.assert(
      fc.asyncProperty(delivery, ([body, type]) => check('corpusMutated', body, type)),
      params(r.corpusMutated),
    );
  }, timeoutFor(r.corpusMutated));

  it(`random JSON values as the body (${r.jsonValues} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(jsonBody, fc.constantFrom(...JSON_TYPES), (body, type) => check('jsonValues', body, type)),
      params(r.jsonValues),
    );
  }, timeoutFor(r.jsonValues));

  it(`random bodies under random content types (${r.contentTypes} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(anyPayload, contentType, (body, type) => check('contentTypes', body, type)),
      params(r.contentTypes),
    );
  }, timeoutFor(r.contentTypes));

  it('ran every planned case, reached every allowed status and checked annotations', () => {
    const total = [...histogram.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(Object.values(r).reduce((a, b) => a + b, 0));
    for (const status of ALLOWED) expect(histogram.get(status) ?? 0, `no case got ${status}`).toBeGreaterThan(0);
    expect(annotationsChecked).toBeGreaterThan(TOTAL);
  });
});

describe('the invariant checker can fail (negative controls)', () => {
  const ok = (start: number, end: number, text: string, conceptId = 'disc-bulge'): Annotation => ({ start, end, text, conceptId, assertionCue: null });
  const text = 'a \u{1f9b4} disc bulge, disc bulge';
  it('accepts a correct reply', () => {
    expect(() => checkAnnotations(text, [ok(5, 15, 'disc bulge'), ok(17, 27, 'disc bulge'), ok(22, 27, 'bulge', 'bulge')])).not.toThrow();
  });
  it.each([
    ['a span that does not slice to its text', [ok(5, 15, 'disc bulgE')]],
    ['an empty span', [ok(5, 5, '')]],
    ['a span past the end', [ok(17, 40, text.slice(17, 40))]],
    ['a span that splits a surrogate pair', [ok(0, 3, text.slice(0, 3))]],
    ['a cue that does not slice to its text', [{ ...ok(5, 15, 'disc bulge'), assertionCue: { text: 'no', start: 0, end: 2 } }]],
    ['annotations out of order', [ok(17, 27, 'disc bulge'), ok(5, 15, 'disc bulge')]],
    ['two overlapping annotations of one concept', [ok(5, 15, 'disc bulge'), ok(10, 15, 'bulge')]],
  ] as [string, Annotation[]][])('rejects %s', (_name, annotations) => {
    expect(() => checkAnnotations(text, annotations)).toThrow();
  });
});
