// Bad inputs -> exact status and error code (RELIABILITY B1, B3-B6). Each row is a named input with
// the status the API promises for it: a 4xx in the one error shape, or a 200 whose annotations all
// slice to their text; never a 500, never a hang. test/http/app.test.ts holds the basic cases (one per
// error code); these are the variants around them.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors.js';
import { app as buildTestApp } from '../helpers.js';

const MAX_TEXT_CHARS = 2000;
const BODY_LIMIT = 4096;
const MAX_TERMS = 20;
// Shedding is off so a slow neighbour on a shared machine cannot turn an expected status into 503.
const SMALL = { BODY_LIMIT: String(BODY_LIMIT), MAX_TEXT_CHARS: String(MAX_TEXT_CHARS), MAX_TERMS: String(MAX_TERMS), MAX_EVENT_LOOP_DELAY_MS: '0' };
// Room for a 1 MB token and 100k-deep JSON, so they reach the parser and the pipeline.
const BIG = { BODY_LIMIT: String(4 * 1024 * 1024), MAX_TEXT_CHARS: String(2_000_000), MAX_EVENT_LOOP_DELAY_MS: '0' };

let small: FastifyInstance;
let big: FastifyInstance;
beforeAll(async () => {
  small = await buildTestApp(SMALL);
  big = await buildTestApp(BIG);
});
afterAll(async () => {
  await small.close();
  await big.close();
});

const REPORT = 'L4-5: broad-based disc bulge with mild bilateral foraminal narrowing. No central canal stenosis.';
const JSON_TYPE = 'application/json';

interface Row {
  name: string;
  /** The raw body, and its content type (undefined: no content-type header). */
  body?: string | Buffer;
  type?: string | string[];
  status: number;
  code?: ErrorCode;
  /** Which app: the small limits unless the row needs the big ones. */
  app?: 'big';
  /** For 200 rows: the text the offsets refer to, when the body is not JSON with a `text` field. */
  text?: string;
}

const json = (value: unknown): string => JSON.stringify(value);
const nested = (depth: number, open: string, close: string, inner = ''): string => open.repeat(depth) + inner + close.repeat(depth);
const terms = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, text: `clinic phrase ${i}` }));

const ROWS: Row[] = [
  // Malformed JSON
  { name: 'JSON cut inside a string', body: '{"text": "disc bul', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'JSON cut after a key', body: '{"text":', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'a lone opening brace', body: '{', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'trailing comma', body: '{"text": "disc bulge",}', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'single-quoted JSON', body: "{'text': 'disc bulge'}", type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'two JSON objects back to back', body: '{"text":"a"}{"text":"b"}', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'NaN literal', body: '{"text": NaN}', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'raw control character inside a JSON string', body: '{"text": "disc\u0001bulge"}', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'white space only as a JSON body', body: '  \n ', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'JSON null', body: 'null', type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a JSON string instead of an object', body: json(REPORT), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a JSON array holding the object', body: json([{ text: REPORT }]), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  // Empty bodies
  { name: 'empty text/plain body', body: '', type: 'text/plain', status: 422, code: 'TEXT_EMPTY' },
  { name: 'no body and no content type', status: 400, code: 'INVALID_BODY' },
  // Content types
  { name: 'JSON without a content type', body: json({ text: REPORT }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'multipart form', body: '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\ndisc\r\n--x--', type: 'multipart/form-data; boundary=x', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'urlencoded form', body: 'text=disc+bulge', type: 'application/x-www-form-urlencoded', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'octet stream', body: REPORT, type: 'application/octet-stream', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'text/html', body: `<p>${REPORT}</p>`, type: 'text/html', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a +json type', body: json({ text: REPORT }), type: 'application/merge-patch+json', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a look-alike type, application/jsonx', body: json({ text: REPORT }), type: 'application/jsonx', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a garbage content type', body: json({ text: REPORT }), type: ';;;', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'upper-case content type', body: json({ text: REPORT }), type: 'APPLICATION/JSON', status: 200 },
  { name: 'JSON sent as text/plain is the report itself', body: json({ text: REPORT }), type: 'text/plain', status: 200, text: json({ text: REPORT }) },
  // Duplicate content-type (inject passes both values; over a socket Node keeps the first, see below)
  { name: 'duplicate content-type, JSON first', body: json({ text: REPORT }), type: [JSON_TYPE, 'text/plain'], status: 200 },
  { name: 'two types in one content-type header', body: json({ text: REPORT }), type: `${JSON_TYPE}, text/plain`, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  // Charsets: UTF-8 under any spelling is fine, anything else is 415
  { name: 'charset=utf-8 on JSON', body: json({ text: REPORT }), type: `${JSON_TYPE}; charset=utf-8`, status: 200 },
  { name: 'charset=UTF8', body: json({ text: REPORT }), type: `${JSON_TYPE}; charset=UTF8`, status: 200 },
  { name: 'charset="utf-8" quoted', body: json({ text: REPORT }), type: `${JSON_TYPE}; charset="utf-8"`, status: 200 },
  { name: 'charset=us-ascii', body: REPORT, type: 'text/plain; charset=us-ascii', status: 200, text: REPORT },
  { name: 'charset=latin1 on JSON', body: json({ text: REPORT }), type: `${JSON_TYPE}; charset=latin1`, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'charset=ISO-8859-1', body: REPORT, type: 'text/plain; charset=ISO-8859-1', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'charset=utf-16', body: Buffer.from(json({ text: REPORT }), 'utf16le'), type: `${JSON_TYPE}; charset=utf-16`, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'charset=utf-16le on text', body: Buffer.from(REPORT, 'utf16le'), type: 'text/plain; charset=utf-16le', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'charset=windows-1252', body: REPORT, type: 'text/plain; charset=windows-1252', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  // Bytes that are not UTF-8 decode to U+FFFD, one per bad byte, as every WHATWG decoder does
  { name: 'Latin-1 bytes labelled UTF-8', body: Buffer.from('Herr M\u00fcller: disc bulge at L4-5.', 'latin1'), type: 'text/plain', status: 200, text: 'Herr M\ufffdller: disc bulge at L4-5.' },
  // Prototype poisoning: refused by the JSON parser (onProtoPoisoning / onConstructorPoisoning: error)
  { name: '__proto__ at the top level', body: '{"text": "disc bulge", "__proto__": {"isAdmin": true}}', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: '__proto__ inside a term', body: '{"text": "disc bulge", "terms": [{"id": "a", "text": "b", "__proto__": {"x": 1}}]}', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: '__proto__ spelt with escapes', body: '{"text": "disc bulge", "\\u005f_proto__": {"x": 1}}', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'constructor.prototype', body: '{"text": "disc bulge", "constructor": {"prototype": {"x": 1}}}', type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: 'constructor without prototype is just an unknown key', body: '{"text": "disc bulge", "constructor": {}}', type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: '__proto__ and constructor as words in the text', body: json({ text: `${REPORT} __proto__ constructor.prototype` }), type: JSON_TYPE, status: 200 },
  // Wrong types (no coercion: B3)
  { name: 'text is null', body: json({ text: null }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'text is an object', body: json({ text: { value: REPORT } }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'text is a boolean', body: json({ text: true }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'text is an array of two strings', body: json({ text: [REPORT, REPORT] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'text is a numeric string', body: json({ text: '12345' }), type: JSON_TYPE, status: 200 },
  { name: 'terms is an object', body: json({ text: REPORT, terms: { id: 'a', text: 'b' } }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'terms is a string', body: json({ text: REPORT, terms: 'disc' }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'terms is null', body: json({ text: REPORT, terms: null }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a term without id', body: json({ text: REPORT, terms: [{ text: 'disc' }] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a term without text', body: json({ text: REPORT, terms: [{ id: 'a' }] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a term id that is a number', body: json({ text: REPORT, terms: [{ id: 1, text: 'disc' }] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a term that is a string', body: json({ text: REPORT, terms: ['disc'] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'an empty term text', body: json({ text: REPORT, terms: [{ id: 'a', text: '' }] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a white-space term text', body: json({ text: REPORT, terms: [{ id: 'a', text: '   ' }] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a term text over 200 characters', body: json({ text: REPORT, terms: [{ id: 'a', text: 'x'.repeat(201) }] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a NUL in a term text', body: json({ text: REPORT, terms: [{ id: 'a', text: 'disc\u0000' }] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a lone surrogate in a term text', body: json({ text: REPORT, terms: [{ id: 'a', text: 'disc\ud800' }] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  // Extra keys
  { name: 'an extra key in a term', body: json({ text: REPORT, terms: [{ id: 'a', text: 'disc', weight: 2 }] }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'an extra key that differs only in case', body: json({ text: REPORT, Text: REPORT }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'an empty key', body: json({ text: REPORT, '': 1 }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: 'a duplicate text key (last one wins, as in JSON.parse)', body: '{"text": 1, "text": "disc bulge"}', type: JSON_TYPE, status: 200, text: 'disc bulge' },
  // Empty and white-space text
  { name: 'text of no-break and em spaces', body: json({ text: '\u00a0\u2003\u3000' }), type: JSON_TYPE, status: 422, code: 'TEXT_EMPTY' },
  { name: 'text of a BOM only', body: json({ text: '\ufeff' }), type: JSON_TYPE, status: 422, code: 'TEXT_EMPTY' },
  { name: 'text/plain of CRLFs only', body: '\r\n\r\n', type: 'text/plain', status: 422, code: 'TEXT_EMPTY' },
  { name: 'text of a zero-width space only (not white space in JS)', body: json({ text: '\u200b' }), type: JSON_TYPE, status: 200 },
  // Length: characters (UTF-16 code units) against MAX_TEXT_CHARS, bytes against BODY_LIMIT
  { name: 'text of exactly MAX_TEXT_CHARS', body: json({ text: 'disc bulge '.repeat(200).slice(0, MAX_TEXT_CHARS) }), type: JSON_TYPE, status: 200 },
  { name: 'text of MAX_TEXT_CHARS + 1', body: json({ text: 'disc bulge '.repeat(200).slice(0, MAX_TEXT_CHARS) + 'x' }), type: JSON_TYPE, status: 422, code: 'TEXT_TOO_LONG' },
  { name: '1001 emoji: 2002 code units, under BODY_LIMIT', body: json({ text: '\u{1F9B4}'.repeat(1001) }), type: JSON_TYPE, status: 422, code: 'TEXT_TOO_LONG' },
  { name: 'text under MAX_TEXT_CHARS, body over BODY_LIMIT (escaped)', body: '{"text": "' + '\\u00e9'.repeat(700) + '"}', type: JSON_TYPE, status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'text over MAX_TEXT_CHARS and body over BODY_LIMIT: 413 first', body: json({ text: 'a'.repeat(5000) }), type: 'text/plain', status: 413, code: 'BODY_TOO_LARGE' },
  // Control characters: tab, LF, VT, FF, CR are white space; other C0 controls and DEL are refused
  ...(
    [
      ['SOH', '\u0001'],
      ['backspace', '\u0008'],
      ['ESC (a terminal escape sequence)', '\u001b[31m'],
      ['unit separator', '\u001f'],
      ['DEL', '\u007f'],
    ] as const
  ).map(([label, ch]): Row => ({ name: `control character ${label}`, body: json({ text: `disc ${ch} bulge` }), type: JSON_TYPE, status: 422, code: 'TEXT_CONTROL_CHARACTERS' })),
  { name: 'a raw NUL byte in a text/plain body', body: Buffer.from(`disc\u0000bulge`, 'utf8'), type: 'text/plain', status: 422, code: 'TEXT_CONTROL_CHARACTERS' },
  { name: 'tab, vertical tab and form feed', body: json({ text: `L4-5:\tdisc\u000bbulge\u000c${REPORT}` }), type: JSON_TYPE, status: 200 },
  { name: 'C1 controls (NEL, CSI) are accepted as text', body: json({ text: `${REPORT}\u0085disc bulge\u009b` }), type: JSON_TYPE, status: 200 },
  // Unicode oddities
  { name: 'a lone low surrogate', body: json({ text: `disc bulge \udc00 at L4-5` }), type: JSON_TYPE, status: 422, code: 'TEXT_INVALID_UNICODE' },
  { name: 'a reversed surrogate pair', body: json({ text: `disc bulge \udc00\ud800` }), type: JSON_TYPE, status: 422, code: 'TEXT_INVALID_UNICODE' },
  { name: 'a high surrogate at the very end', body: json({ text: `${REPORT}\ud83e` }), type: JSON_TYPE, status: 422, code: 'TEXT_INVALID_UNICODE' },
  { name: 'valid surrogate pairs around terms', body: json({ text: `\u{1F9B4}disc bulge\u{1F9B4} at L4-5 \u{1F600}` }), type: JSON_TYPE, status: 200 },
  { name: 'a BOM before the JSON', body: `\ufeff${json({ text: REPORT })}`, type: JSON_TYPE, status: 200 },
  { name: 'a BOM at the start of a text/plain body is kept in the text', body: `\ufeff${REPORT}`, type: 'text/plain', status: 200, text: `\ufeff${REPORT}` },
  { name: 'a BOM inside the text', body: json({ text: `disc\ufeff bulge at L4-5\ufeff` }), type: JSON_TYPE, status: 200 },
  { name: 'right-to-left override', body: json({ text: `\u202e${REPORT}\u202c L5-S1 \u2067disc\u2069 bulge` }), type: JSON_TYPE, status: 200 },
  { name: 'CRLF line endings', body: json({ text: 'FINDINGS:\r\nL4-5: disc bulge.\r\nL5-S1: no stenosis.\r\n' }), type: JSON_TYPE, status: 200 },
  { name: 'CR-only line endings in text/plain', body: 'IMPRESSION:\rL4-5 disc bulge.\rNo stenosis.', type: 'text/plain', status: 200, text: 'IMPRESSION:\rL4-5 disc bulge.\rNo stenosis.' },
  { name: 'combining marks and a ZWJ sequence', body: json({ text: `dis\u0301c bulge \u{1F469}\u200d\u2695\ufe0f L4-5` }), type: JSON_TYPE, status: 200 },
  // Size and depth (big app: limits high enough for the input to be parsed and processed)
  { name: '1 MB single token of one letter', app: 'big', body: json({ text: 'a'.repeat(1 << 20) }), type: JSON_TYPE, status: 200 },
  { name: '1 MB single token of glossary words run together', app: 'big', body: json({ text: 'discbulgeforaminalstenosisL45'.repeat(36_200) }), type: JSON_TYPE, status: 200 },
  { name: '1 MB single token as text/plain', app: 'big', body: 'x'.repeat(1 << 20), type: 'text/plain', status: 200, text: 'x'.repeat(1 << 20) },
  { name: '100k nested arrays in an extra field', app: 'big', body: `{"text": "disc bulge", "deep": ${nested(100_000, '[', ']')}}`, type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: '100k nested arrays as the text', app: 'big', body: `{"text": ${nested(100_000, '[', ']')}}`, type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: '100k nested objects in an extra field', app: 'big', body: `{"text": "disc bulge", "deep": ${nested(100_000, '{"a":', '}', '1')}}`, type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
  { name: '__proto__ 100k levels deep', app: 'big', body: `{"text": "disc bulge", "deep": ${nested(100_000, '{"a":', '}', '{"__proto__": {"x": 1}}')}}`, type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: '100k unclosed arrays', app: 'big', body: `{"text": ${'['.repeat(100_000)}`, type: JSON_TYPE, status: 400, code: 'INVALID_JSON' },
  { name: '100k brackets as text/plain are just text', app: 'big', body: nested(100_000, '[', ']'), type: 'text/plain', status: 200, text: nested(100_000, '[', ']') },
  { name: 'MAX_TERMS terms', body: json({ text: 'disc bulge, clinic phrase 3.', terms: terms(MAX_TERMS) }), type: JSON_TYPE, status: 200 },
  { name: 'MAX_TERMS + 1 terms', body: json({ text: REPORT, terms: terms(MAX_TERMS + 1) }), type: JSON_TYPE, status: 422, code: 'TOO_MANY_TERMS' },
  { name: '10,000 terms', app: 'big', body: json({ text: REPORT, terms: terms(10_000) }), type: JSON_TYPE, status: 422, code: 'TOO_MANY_TERMS' },
  { name: '100,000 empty objects as terms', app: 'big', body: json({ text: REPORT, terms: Array.from({ length: 100_000 }, () => ({})) }), type: JSON_TYPE, status: 400, code: 'INVALID_BODY' },
];

/** "No hang": generous, since machines are shared; the real figures are milliseconds. */
const NO_HANG_MS = 10_000;

describe('bad inputs -> exact status and code (B1)', () => {
  it('names are unique', () => {
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
  });

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const headers: InjectOptions['headers'] = row.type === undefined ? {} : { 'content-type': row.type };
    const started = performance.now();
    const res = await (row.app === 'big' ? big : small).inject({
      method: 'POST',
      url: '/v1/explain',
      headers,
      ...(row.body === undefined ? {} : { payload: row.body }),
    });
    expect(performance.now() - started).toBeLessThan(NO_HANG_MS);
    expect(res.statusCode).toBe(row.status);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json();
    if (row.status === 200) {
      const text = row.text ?? (JSON.parse((row.body as string).replace(/^\ufeff/, '')) as { text: string }).text;
      for (const a of body.annotations as { start: number; end: number; text: string }[]) {
        expect(0 <= a.start && a.start < a.end && a.end <= text.length).toBe(true);
        expect(text.slice(a.start, a.end)).toBe(a.text);
        expect(a.text.isWellFormed()).toBe(true);
      }
    } else {
      expect(body).toEqual({ statusCode: row.status, code: row.code, error: expect.any(String), message: expect.any(String) });
    }
  });

  it('the text/plain report of Latin-1 bytes is read as U+FFFD, one per bad byte', async () => {
    const res = await small.inject({ method: 'POST', url: '/v1/explain', headers: { 'content-type': 'text/plain' }, payload: Buffer.from('M\u00fcller disc bulge', 'latin1') });
    const bulge = res.json().annotations.find((a: { conceptId: string }) => a.conceptId === 'disc-bulge');
    expect(bulge).toMatchObject({ start: 7, end: 17 });
  });

  it('the BOM of a text/plain body counts in the offsets', async () => {
    const res = await small.inject({ method: 'POST', url: '/v1/explain', headers: { 'content-type': 'text/plain' }, payload: '\ufeffdisc bulge' });
    expect(res.json().annotations[0]).toMatchObject({ start: 1, end: 11, text: 'disc bulge' });
  });
});

describe('over a real socket: duplicate content-type, and requests Node refuses before Fastify sees them', () => {
  let port: number;
  beforeAll(async () => {
    await small.listen({ host: '127.0.0.1', port: 0 });
    port = (small.server.address() as AddressInfo).port;
  });

  /** Sends raw bytes and resolves with the status code and the body of the reply. */
  const raw = (request: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (c: string) => (received += c));
      socket.on('error', reject);
      socket.on('close', () =>
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0), body: received.split('\r\n\r\n')[1] ?? '' }),
      );
      socket.write(request);
    });
  const post = (typeHeaders: string, body: string) =>
    raw(`POST /v1/explain HTTP/1.1\r\nHost: 127.0.0.1\r\n${typeHeaders}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);

  const duplicates: [string, string, string, number][] = [
    ['JSON first, text/plain second: the first wins', 'Content-Type: application/json\r\nContent-Type: text/plain\r\n', json({ text: REPORT }), 200],
    ['XML first, JSON second: the first wins', 'Content-Type: application/xml\r\nContent-Type: application/json\r\n', json({ text: REPORT }), 415],
    ['charset latin1 first, utf-8 second', 'Content-Type: text/plain; charset=latin1\r\nContent-Type: text/plain; charset=utf-8\r\n', REPORT, 415],
  ];
  it.each(duplicates)('duplicate content-type, %s', async (_name, typeHeaders, body, status) => {
    expect((await post(typeHeaders, body)).status).toBe(status);
  });

  const refused: [string, string, number, ErrorCode][] = [
    ['headers over 16 KB', `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'HEADERS_TOO_LARGE'],
    ['a request line that is not HTTP', 'HELLO WORLD\r\n\r\n', 400, 'BAD_REQUEST'],
    ['a NUL in a header value', 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: a\u0000b\r\n\r\n', 400, 'BAD_REQUEST'],
    ['both Content-Length and chunked', 'POST /v1/explain HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n4\r\ndisc\r\n0\r\n\r\n', 400, 'BAD_REQUEST'],
  ];
  it.each(refused)('%s -> the one error shape', async (_name, request, status, code) => {
    const reply = await raw(request);
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toEqual({ statusCode: status, code, error: expect.any(String), message: expect.any(String) });
  });
});
