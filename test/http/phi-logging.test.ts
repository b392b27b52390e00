// Report text never reaches a log line or an error body (RELIABILITY A1-A4, B7). Every log line of the
// real app is captured at trace level while a unique sentinel (name + MRN + date) travels through every
// status path: in the body, as an object key, in the query string, in the path, in the authorization
// and x-api-key headers, and in the message of an error thrown by a test-only route. A negative
// control shows the same detector fires on a line that does contain the sentinel.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, type ErrorCode } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { app as buildTestApp } from '../helpers.js';

const NAME = 'Zebulon Quixotebury';
const MRN = 'QX88472913';
const DOB = '1957-03-14';
const SENTINEL = `${NAME} MRN ${MRN} DOB ${DOB}`;
/** Any one of these in a line is a leak: a partial quote of the report is still a leak. */
const FRAGMENTS = ['Zebulon', 'Quixotebury', MRN, DOB];
const REPORT = `Patient: ${SENTINEL}. L4-5: broad-based disc bulge with mild bilateral foraminal narrowing. No central canal stenosis.`;
const KEY = 'bk_live_7f3a9c2e51d84b6a';

/** Request-log fields (http/request-log.ts), error fields (http/error-handler.ts), start-up fields (server.ts). */
const ALLOWED_KEYS = new Set([
  'time', 'level', 'reqId', 'msg', 'method', 'route', 'status', 'ms', 'bytesIn', 'bytesOut', 'keyId',
  'errCode', 'errClass', 'errFastifyCode',
  'concepts', 'glossaryVersion', 'signal',
]);

const leaks = (text: string): boolean => FRAGMENTS.some((f) => text.includes(f));
const leakedLines = (lines: readonly string[]): string[] => lines.filter(leaks);
/** Keys outside the allowlist, and values that are not scalars (a nested object could carry anything). */
function unknownFields(lines: readonly string[]): string[] {
  const bad: string[] = [];
  for (const line of lines) {
    for (const [k, v] of Object.entries(JSON.parse(line) as Record<string, unknown>)) {
      if (!ALLOWED_KEYS.has(k) || (v !== null && typeof v === 'object')) bad.push(k);
    }
  }
  return bad;
}

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger('trace', { write: (line: string) => void lines.push(line) }) };
}

const json = (body: unknown): InjectOptions => ({ payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const enc = encodeURIComponent;

// One capture for every app below, as one process would have.
const { lines, logger } = capture();
let keyed: FastifyInstance; // API_KEYS set, small limits, a test-only failing route
let open: FastifyInstance; // no keys, a rate limit of 2 per minute
const responses: { name: string; res: LightMyRequestResponse }[] = [];

/** Error-message-carrying failures the test-only routes throw. */
class ReportError extends Error {
  constructor(readonly report: string) {
    super(`could not explain: ${report}`);
    this.name = `ReportError ${MRN}`; // even a name set from data must not be logged
  }
}

beforeAll(async () => {
  keyed = await buildTestApp({ API_KEYS: KEY, BODY_LIMIT: '4096', MAX_TEXT_CHARS: '2000', MAX_EVENT_LOOP_DELAY_MS: '0' }, logger);
  // Test-only routes: never part of the real app.
  keyed.post('/v1/test-only/throw', async (request) => {
    throw new ReportError((request.body as { text: string }).text);
  });
  keyed.post('/v1/test-only/throw-coded', async () => {
    throw Object.assign(new TypeError(`bad ${SENTINEL}`), { code: `${MRN}_CODE`, detail: SENTINEL, cause: new Error(SENTINEL) });
  });
  keyed.post('/v1/test-only/throw-string', async () => {
    throw `a thrown string: ${SENTINEL}`; // eslint-disable-line no-throw-literal
  });
  keyed.post('/v1/test-only/reject-later', (_request, reply) => {
    setImmediate(() => void reply.send(new Error(SENTINEL)));
  });
  keyed.post('/v1/test-only/throw-in-hook', { preHandler: async () => Promise.reject(new RangeError(SENTINEL)) }, async () => ({}));
  await keyed.ready();
  open = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '2', MAX_EVENT_LOOP_DELAY_MS: '0' }, logger);
});
afterAll(async () => {
  await keyed.close();
  await open.close();
});

type Case = [name: string, app: () => FastifyInstance, request: InjectOptions, status: number, code?: ErrorCode];
const K = { 'x-api-key': KEY };
const withKey = (o: InjectOptions): InjectOptions => ({ ...o, headers: { ...(o.headers as object), ...K } });
const post = (url: string, o: InjectOptions): InjectOptions => ({ method: 'POST', url, ...o });

const CASES: Case[] = [
  // 200
  ['200 JSON report', () => keyed, withKey(post('/v1/explain', json({ text: REPORT }))), 200],
  ['200 custom terms named after the patient', () => keyed, withKey(post('/v1/explain', json({ text: REPORT, terms: [{ id: MRN, text: NAME, explanation: SENTINEL }] }))), 200],
  ['200 text/plain report', () => keyed, withKey(post('/v1/explain', { payload: REPORT, headers: { 'content-type': 'text/plain; charset=utf-8' } })), 200],
  ['200 sentinel as a glossary query value', () => keyed, withKey({ method: 'GET', url: `/v1/glossary?q=${enc(SENTINEL)}` }), 200],
  ['200 sentinel in authorization and cookie when keys are off', () => open, post('/v1/explain', { ...json({ text: REPORT }), headers: { 'content-type': 'application/json', authorization: `Bearer ${SENTINEL}`, cookie: `patient=${enc(SENTINEL)}` } }), 200],
  // 400
  ['400 sentinel as an object key', () => keyed, withKey(post('/v1/explain', json({ text: 'disc bulge', [SENTINEL]: REPORT }))), 400, 'INVALID_BODY'],
  ['400 sentinel as a key inside a term', () => keyed, withKey(post('/v1/explain', json({ text: 'disc bulge', terms: [{ id: 'a', text: 'b', [SENTINEL]: 1 }] }))), 400, 'INVALID_BODY'],
  ['400 sentinel as a nested key', () => keyed, withKey(post('/v1/explain', json({ text: { [SENTINEL]: { [MRN]: DOB } } }))), 400, 'INVALID_BODY'],
  ['400 text as an array', () => keyed, withKey(post('/v1/explain', json({ text: [REPORT] }))), 400, 'INVALID_BODY'],
  ['400 truncated JSON', () => keyed, withKey(post('/v1/explain', { payload: `{"text": "${REPORT}`, headers: { 'content-type': 'application/json' } })), 400, 'INVALID_JSON'],
  ['400 JSON with a stray token', () => keyed, withKey(post('/v1/explain', { payload: `{"text": ${SENTINEL}}`, headers: { 'content-type': 'application/json' } })), 400, 'INVALID_JSON'],
  ['400 __proto__ key beside the report', () => keyed, withKey(post('/v1/explain', { payload: `{"text": "${REPORT}", "__proto__": {"${SENTINEL}": 1}}`, headers: { 'content-type': 'application/json' } })), 400, 'INVALID_JSON'],
  ['400 sentinel in the explain query string', () => keyed, withKey(post(`/v1/explain?note=${enc(SENTINEL)}`, json({ text: REPORT }))), 400, 'QUERY_NOT_ALLOWED'],
  ['400 sentinel as a query key', () => keyed, withKey({ method: 'GET', url: `/v1/glossary?${enc(SENTINEL)}=1` }), 400, 'INVALID_QUERY'],
  // 401
  ['401 sentinel as the bearer token', () => keyed, post('/v1/explain', { ...json({ text: REPORT }), headers: { 'content-type': 'application/json', authorization: `Bearer ${MRN}` } }), 401, 'UNAUTHORIZED'],
  ['401 sentinel as the whole authorization value', () => keyed, post('/v1/explain', { ...json({ text: REPORT }), headers: { 'content-type': 'application/json', authorization: SENTINEL } }), 401, 'UNAUTHORIZED'],
  ['401 sentinel as x-api-key', () => keyed, post('/v1/explain', { ...json({ text: REPORT }), headers: { 'content-type': 'application/json', 'x-api-key': SENTINEL } }), 401, 'UNAUTHORIZED'],
  ['401 no key, report in query', () => keyed, { method: 'GET', url: `/v1/glossary?q=${enc(SENTINEL)}` }, 401, 'UNAUTHORIZED'],
  // 404
  ['404 sentinel in an unknown /v1 path', () => keyed, withKey(post(`/v1/${enc(SENTINEL)}?${enc(SENTINEL)}=${enc(SENTINEL)}`, json({ text: REPORT }))), 404, 'NOT_FOUND'],
  ['404 sentinel as a concept id', () => keyed, withKey({ method: 'GET', url: `/v1/glossary/${enc(SENTINEL)}` }), 404, 'CONCEPT_NOT_FOUND'],
  ['404 sentinel in a path outside /v1', () => keyed, { method: 'GET', url: `/${enc(SENTINEL)}?${enc(MRN)}=${enc(SENTINEL)}` }, 404, 'NOT_FOUND'],
  // 413, 415
  ['413 report over BODY_LIMIT', () => keyed, withKey(post('/v1/explain', json({ text: `${REPORT} `.repeat(60) }))), 413, 'BODY_TOO_LARGE'],
  ['415 report as XML', () => keyed, withKey(post('/v1/explain', { payload: `<text>${REPORT}</text>`, headers: { 'content-type': 'application/xml' } })), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['415 report in latin1', () => keyed, withKey(post('/v1/explain', { payload: REPORT, headers: { 'content-type': 'text/plain; charset=latin1' } })), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['415 report as a form', () => keyed, withKey(post('/v1/explain', { payload: `text=${enc(REPORT)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  // 422
  ['422 report with a NUL', () => keyed, withKey(post('/v1/explain', json({ text: `${REPORT}\u0000` }))), 422, 'TEXT_CONTROL_CHARACTERS'],
  ['422 report with a lone surrogate', () => keyed, withKey(post('/v1/explain', json({ text: `${REPORT}\ud800` }))), 422, 'TEXT_INVALID_UNICODE'],
  ['422 report over MAX_TEXT_CHARS', () => keyed, withKey(post('/v1/explain', { payload: `${REPORT} `.repeat(20), headers: { 'content-type': 'text/plain' } })), 422, 'TEXT_TOO_LONG'],
  ['422 terms sharing an id', () => keyed, withKey(post('/v1/explain', json({ text: REPORT, terms: [{ id: MRN, text: NAME }, { id: MRN, text: DOB }] }))), 422, 'DUPLICATE_TERM_ID'],
  // 429: the open app allows 2 a minute from one address; the 200 case above was the first.
  ['200 second request within the rate limit', () => open, post('/v1/explain', json({ text: REPORT })), 200],
  ['429 third request within a minute', () => open, post(`/v1/explain?${enc(SENTINEL)}`, json({ text: REPORT })), 429, 'RATE_LIMITED'],
  // 500, from test-only routes
  ['500 error whose message quotes the report', () => keyed, withKey(post('/v1/test-only/throw', json({ text: REPORT }))), 500, 'INTERNAL'],
  ['200 the next request after a 500 (B7)', () => keyed, withKey(post('/v1/explain', json({ text: REPORT }))), 200],
  ['500 error with the report in code, cause and an extra field', () => keyed, withKey(post('/v1/test-only/throw-coded', json({ text: REPORT }))), 500, 'INTERNAL'],
  ['500 a thrown string', () => keyed, withKey(post('/v1/test-only/throw-string', json({ text: REPORT }))), 500, 'INTERNAL'],
  ['500 an error sent later from a callback', () => keyed, withKey(post('/v1/test-only/reject-later', json({ text: REPORT }))), 500, 'INTERNAL'],
  ['500 a rejection in a hook', () => keyed, withKey(post('/v1/test-only/throw-in-hook', json({ text: REPORT }))), 500, 'INTERNAL'],
  ['200 still serving after every 500 (B7)', () => keyed, withKey(post('/v1/explain', json({ text: REPORT }))), 200],
];

describe('a sentinel through every status path (A1, A3, A4)', () => {
  const pid = process.pid;
  // In order: the rate-limit and B7 cases depend on the requests before them.
  it.each(CASES)('%s', async (name, target, request, status, code) => {
    const res = await target().inject(request);
    responses.push({ name, res });
    expect(res.statusCode).toBe(status);
    if (code !== undefined) {
      expect(res.json()).toEqual(errorBody(code));
      expect(leaks(res.body)).toBe(false);
    }
    expect(leaks(JSON.stringify(res.headers))).toBe(false);
    expect(process.pid).toBe(pid);
  });

  it('every status path was exercised', () => {
    const statuses = new Set(responses.map((r) => r.res.statusCode));
    expect([...statuses].sort()).toEqual([200, 400, 401, 404, 413, 415, 422, 429, 500]);
    expect(responses).toHaveLength(CASES.length);
  });

  it('the sentinel is in no log line, at trace level', () => {
    expect(lines.length).toBeGreaterThanOrEqual(CASES.length);
    expect(leakedLines(lines)).toEqual([]);
    console.info(`sentinel in ${leakedLines(lines).length} of ${lines.length} log lines over ${responses.length} requests`);
  });

  it('the sentinel is in no error body (A3)', () => {
    const errors = responses.filter((r) => r.res.statusCode >= 400);
    expect(errors.filter((r) => leaks(r.res.body)).map((r) => r.name)).toEqual([]);
    console.info(`sentinel in 0 of ${errors.length} error bodies`);
  });

  it('every log line carries only allowlisted, scalar fields (A4)', () => {
    expect(unknownFields(lines)).toEqual([]);
  });

  it('one request line per request, plus one error line per 500, each with its status and error code', () => {
    const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requestLines.map((l) => l.status)).toEqual(responses.map((r) => r.res.statusCode));
    expect(requestLines.map((l) => l.errCode ?? null)).toEqual(CASES.map((c) => c[4] ?? null));
    const failed = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request failed');
    expect(failed).toHaveLength(CASES.filter((c) => c[3] === 500).length);
    expect(failed.map((l) => l.errClass)).toEqual(['ReportError', 'TypeError', 'string', 'Error', 'RangeError']);
    for (const l of failed) expect(l).toMatchObject({ level: 50, errCode: 'INTERNAL' });
    // A code that data set is not a known error code, so it is not logged.
    expect(failed.every((l) => l.errFastifyCode === undefined)).toBe(true);
    const perRequest = new Map<string, number>();
    for (const l of lines) {
      const id = (JSON.parse(l) as { reqId?: string }).reqId;
      if (id !== undefined) perRequest.set(id, (perRequest.get(id) ?? 0) + 1);
    }
    expect(Math.max(...perRequest.values())).toBeLessThanOrEqual(2);
  });
});

describe('negative control (A2): the detector fires when a line does carry the sentinel', () => {
  it('a deliberately leaky route in a separate app is caught by both checks', async () => {
    const control = capture();
    const leaky = await buildTestApp({ MAX_EVENT_LOOP_DELAY_MS: '0' }, control.logger);
    leaky.post('/v1/test-only/leaky', async (request) => {
      const { text } = request.body as { text: string };
      request.log.info(`explaining ${text}`); // a message string: redact never sees it
      request.log.info({ note: text }, 'explaining'); // an unlisted field
      request.log.info({ text }, 'explaining'); // redacted by the second net: not a leak
      throw new Error(text);
    });
    const res = await leaky.inject(post('/v1/test-only/leaky', json({ text: REPORT })));
    await leaky.close();
    // The real error handler still keeps the 500 body generic.
    expect(res.json()).toEqual(errorBody('INTERNAL'));
    expect(leakedLines(control.lines)).toHaveLength(2);
    // Both unlisted fields are flagged, the redacted one too: the allowlist does not rely on redact.
    expect(unknownFields(control.lines)).toEqual(['note', 'text']);
    expect(control.lines.some((l) => l.includes('"text":"[redacted]"'))).toBe(true);
    console.info(`negative control detected: yes (${leakedLines(control.lines).length} leaked lines)`);
  });

  it('the sentinel logged through a second logger is caught', () => {
    const control = capture();
    control.logger.warn({ reqId: 'x' }, `patient ${NAME}`);
    control.logger.error({ errCode: 'INTERNAL' }, `MRN ${MRN}`);
    expect(leakedLines(control.lines)).toHaveLength(2);
  });
});
