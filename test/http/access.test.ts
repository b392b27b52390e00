// Who gets in (RELIABILITY F1-F8, D4, C8): API keys on every /v1 route, open health and docs, the
// key checked before the body is read, per-key rate limits that also throttle failed attempts and
// ignore spoofed forwarding headers, a CORS allowlist, API-fit security headers on every response,
// and no routes or methods beyond the documented ones.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createHash } from 'node:crypto';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../src/errors.js';
import { keyChecker } from '../../src/http/security.js';
import { createLogger } from '../../src/logger.js';
import { app as buildTestApp } from '../helpers.js';

const KEY_A = 'bk_live_4c1d9e77a0f24b3c8e5d';
const KEY_B = 'bk_live_other_0b6f';
const KEYS = `${KEY_A},${KEY_B}`;
const keyId = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 8);
const REPORT = 'L4-5: broad-based disc bulge. No central canal stenosis.';
const OFF = { MAX_EVENT_LOOP_DELAY_MS: '0' };

/** One valid request per /v1 route; the inventory test below fails when a route is missing here. */
const V1_ROUTES: Record<string, InjectOptions> = {
  'POST /v1/explain': { method: 'POST', url: '/v1/explain', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ text: REPORT }) },
  'GET /v1/glossary': { method: 'GET', url: '/v1/glossary' },
  'GET /v1/glossary/{id}': { method: 'GET', url: '/v1/glossary/disc-bulge' },
};

const withHeaders = (request: InjectOptions, headers: Record<string, string | string[]>): InjectOptions => ({
  ...request,
  headers: { ...(request.headers as Record<string, string>), ...headers },
});
const withQuery = (request: InjectOptions, query: string): InjectOptions => ({ ...request, url: `${request.url as string}?${query}` });

/** Ways of not presenting a valid key. */
const ATTEMPTS: [name: string, (r: InjectOptions) => InjectOptions][] = [
  ['no header', (r) => r],
  ['empty authorization', (r) => withHeaders(r, { authorization: '' })],
  ['empty x-api-key', (r) => withHeaders(r, { 'x-api-key': '' })],
  ['Bearer and nothing', (r) => withHeaders(r, { authorization: 'Bearer ' })],
  ['Basic scheme with the key', (r) => withHeaders(r, { authorization: `Basic ${Buffer.from(`user:${KEY_A}`).toString('base64')}` })],
  ['Token scheme with the key', (r) => withHeaders(r, { authorization: `Token ${KEY_A}` })],
  ['the key without a scheme', (r) => withHeaders(r, { authorization: KEY_A })],
  ['wrong key of the same length', (r) => withHeaders(r, { authorization: `Bearer ${KEY_A.slice(0, -1)}X` })],
  ['the key minus its last character', (r) => withHeaders(r, { authorization: `Bearer ${KEY_A.slice(0, -1)}` })],
  ['the key plus one character', (r) => withHeaders(r, { 'x-api-key': `${KEY_A}0` })],
  ['one character', (r) => withHeaders(r, { 'x-api-key': 'b' })],
  ['600 characters', (r) => withHeaders(r, { 'x-api-key': KEY_A.repeat(30).slice(0, 600) })],
  ['8 KB key', (r) => withHeaders(r, { authorization: `Bearer ${'k'.repeat(8192)}` })],
  ['both keys in one header', (r) => withHeaders(r, { 'x-api-key': `${KEY_A},${KEY_B}` })],
  ['x-api-key sent twice', (r) => withHeaders(r, { 'x-api-key': [KEY_A, KEY_A] })],
  ['white space inside the key', (r) => withHeaders(r, { authorization: `Bearer ${KEY_A.slice(0, 8)} ${KEY_A.slice(8)}` })],
  ['the key padded with spaces (no trimming here)', (r) => withHeaders(r, { 'x-api-key': ` ${KEY_A} ` })],
  ['the key with a trailing tab after Bearer', (r) => withHeaders(r, { authorization: `Bearer ${KEY_A}\t` })],
  ['a key revoked from this deployment', (r) => withHeaders(r, { authorization: 'Bearer bk_live_revoked_2024' })],
  ['wrong authorization beside a right x-api-key', (r) => withHeaders(r, { authorization: 'Bearer nope', 'x-api-key': KEY_A })],
  ['the key in another header', (r) => withHeaders(r, { 'x-api-token': KEY_A, cookie: `api_key=${KEY_A}` })],
  ['the key in the query as api_key', (r) => withQuery(r, `api_key=${KEY_A}`)],
  ['the key in the query as access_token', (r) => withQuery(r, `access_token=${KEY_A}`)],
];

const VALID: [name: string, Record<string, string>][] = [
  ['authorization: Bearer', { authorization: `Bearer ${KEY_A}` }],
  ['authorization: bearer (the scheme is case-insensitive)', { authorization: `bearer ${KEY_B}` }],
  ['x-api-key', { 'x-api-key': KEY_B }],
];

const expectError = (res: LightMyRequestResponse, code: Parameters<typeof errorBody>[0]) => {
  expect(res.statusCode).toBe(errorBody(code).statusCode);
  expect(res.json()).toEqual(errorBody(code));
};

describe('API keys (F1-F3, F8)', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  let handled = 0;
  beforeAll(async () => {
    app = await buildTestApp({ API_KEYS: KEYS, BODY_LIMIT: String(64 * 1024), ...OFF }, createLogger('trace', { write: (l: string) => void lines.push(l) }));
    // Counts requests that got past every onRequest hook into a route (404s included).
    app.addHook('preHandler', async () => void handled++);
    await app.ready();
  });
  afterAll(async () => app.close());

  it('the /v1 route inventory is the one tested here', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const inventory = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(inventory.sort()).toEqual(Object.keys(V1_ROUTES).sort());
  });

  const matrix = Object.entries(V1_ROUTES).flatMap(([route, request]) => ATTEMPTS.map(([attempt, make]) => [`${route} with ${attempt}`, make(request)] as const));
  it.each(matrix)('%s -> 401, no handler runs', async (_name, request) => {
    const before = handled;
    const res = await app.inject(request);
    expectError(res, 'UNAUTHORIZED');
    expect(handled).toBe(before);
  });

  const valid = Object.entries(V1_ROUTES).flatMap(([route, request]) => VALID.map(([how, headers]) => [`${route} with ${how}`, withHeaders(request, headers)] as const));
  it.each(valid)('%s -> 200', async (_name, request) => {
    const before = handled;
    const res = await app.inject(request);
    expect(res.statusCode).toBe(200);
    expect(handled).toBe(before + 1);
  });

  const paths: [string, string][] = [
    ['percent-encoded v', '/%761/glossary'],
    ['percent-encoded path letter', '/v1/%67lossary'],
    ['doubled inner slash', '/v1//glossary'],
    ['dot segment', '/x/../v1/glossary'],
    ['trailing slash', '/v1/glossary/'],
    ['unknown /v1 route', '/v1/nope'],
  ];
  it.each(paths)('a path trick is no way in: %s -> 401', async (_name, url) => {
    const before = handled;
    expectError(await app.inject({ url }), 'UNAUTHORIZED');
    expect(handled).toBe(before);
  });

  it.each(['/healthz', '/readyz', '/openapi.json', '/docs/', '/docs/json'])('%s stays open without a key', async (url) => {
    expect((await app.inject({ url })).statusCode).toBe(200);
  });

  it('a 10 MiB body without a key is refused with 401, not 413 (F2)', async () => {
    const res = await app.inject({ ...V1_ROUTES['POST /v1/explain'], payload: Buffer.alloc(10 * 1024 * 1024, 'a') });
    expectError(res, 'UNAUTHORIZED');
  });

  it('over a socket, the 401 comes back although the declared 10 MiB body was never sent (F2)', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (c: string) => {
        received += c;
        if (received.includes('\r\n\r\n') && received.endsWith('}')) socket.destroy();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      socket.write(`POST /v1/explain HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`);
      setTimeout(() => socket.destroy(), 5000).unref();
    });
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
    expect(JSON.parse(reply.split('\r\n\r\n')[1]!)).toEqual(errorBody('UNAUTHORIZED'));
  });

  it('logs carry the key id of successes and the outcome of failures, never a raw key (F8)', () => {
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    const secrets = [KEY_A, KEY_B, KEY_A.slice(0, -1), 'bk_live_revoked_2024', Buffer.from(`user:${KEY_A}`).toString('base64')];
    expect(lines.filter((l) => secrets.some((s) => l.includes(s)))).toEqual([]);
    const ok = parsed.filter((l) => l.status === 200 && String(l.route).startsWith('/v1/'));
    expect(ok.length).toBe(valid.length);
    expect(new Set(ok.map((l) => l.keyId))).toEqual(new Set([keyId(KEY_A), keyId(KEY_B)]));
    const refused = parsed.filter((l) => l.status === 401);
    expect(refused.length).toBeGreaterThanOrEqual(matrix.length);
    for (const l of refused) expect(l).toMatchObject({ errCode: 'UNAUTHORIZED' });
    expect(refused.every((l) => l.keyId === undefined)).toBe(true);
  });
});

describe('keyChecker (F3)', () => {
  const check = keyChecker([KEY_A, 'x', 'k'.repeat(300)]);
  it('returns null, without throwing, for wrong keys of every length from 0 to 5000', () => {
    for (let n = 0; n <= 5000; n++) {
      const wrong = 'q'.repeat(n);
      expect(check(wrong)).toBeNull();
      expect(check(`${KEY_A}${wrong}`.slice(0, n))).toBe(n === KEY_A.length ? keyId(KEY_A) : null);
    }
    expect(check(undefined)).toBeNull();
    expect(check('\ud800\u0000\uffff')).toBeNull();
  });
  it('returns the id of each configured key, which is not part of the key', () => {
    expect(check(KEY_A)).toBe(keyId(KEY_A));
    expect(check('x')).toBe(keyId('x'));
    expect(check('k'.repeat(300))).toBe(keyId('k'.repeat(300)));
    expect(KEY_A).not.toContain(keyId(KEY_A));
  });
  it('with no keys configured, nothing matches', () => {
    expect(keyChecker([])(KEY_A)).toBeNull();
  });
});

describe('rate limit per key (D4, F4)', () => {
  const LIMIT = 3;
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ API_KEYS: KEYS, RATE_LIMIT_PER_MINUTE: String(LIMIT), ...OFF });
  });
  afterAll(async () => app.close());
  const glossary = (headers: Record<string, string>, remoteAddress = '127.0.0.1') => app.inject({ url: '/v1/glossary/disc-bulge', headers, remoteAddress });

  it(`request ${LIMIT + 1} with one key is 429 with retry-after and rate headers; other keys are unaffected`, async () => {
    for (let i = 1; i <= LIMIT; i++) {
      const res = await glossary({ authorization: `Bearer ${KEY_A}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBe(String(LIMIT));
      expect(res.headers['x-ratelimit-remaining']).toBe(String(LIMIT - i));
    }
    const over = await glossary({ authorization: `Bearer ${KEY_A}` });
    expectError(over, 'RATE_LIMITED');
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.headers['x-ratelimit-limit']).toBe(String(LIMIT));
    expect(over.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(over.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    // The same client with the other key has its own bucket.
    const other = await glossary({ 'x-api-key': KEY_B });
    expect(other.statusCode).toBe(200);
    expect(other.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1));
    // Health is never limited.
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('repeated 401s from one address are throttled; valid keys and other addresses are not (F4)', async () => {
    const address = '10.1.2.3';
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await glossary({ authorization: `Bearer guess-${i}` }, address)).statusCode);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429, 429]);
    expect((await glossary({ 'x-api-key': KEY_B }, address)).statusCode).toBe(200);
    expect((await glossary({ authorization: 'Bearer guess' }, '10.1.2.4')).statusCode).toBe(401);
  });
});

describe('forwarded headers (F5)', () => {
  const spoofed = (app: FastifyInstance, i: number, remoteAddress = '127.0.0.1') =>
    app.inject({ url: '/v1/glossary/disc-bulge', remoteAddress, headers: { 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `198.51.100.${i}`, forwarded: `for=192.0.2.${i}` } });
  const statuses = async (env: Record<string, string>, remote: (i: number) => string) => {
    const app = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '2', ...env, ...OFF });
    const out: number[] = [];
    for (let i = 1; i <= 3; i++) out.push((await spoofed(app, i, remote(i))).statusCode);
    await app.close();
    return out;
  };

  it('by default a spoofed X-Forwarded-For does not change the rate-limit bucket', async () => {
    expect(await statuses({}, () => '127.0.0.1')).toEqual([200, 200, 429]);
  });

  it('X-Forwarded-For from an address that is not a trusted proxy is ignored', async () => {
    expect(await statuses({ TRUST_PROXY: '10.0.0.1' }, () => '127.0.0.1')).toEqual([200, 200, 429]);
  });

  it('X-Forwarded-For from a trusted proxy names the client (one bucket per client)', async () => {
    expect(await statuses({ TRUST_PROXY: '127.0.0.1' }, () => '127.0.0.1')).toEqual([200, 200, 200]);
  });

  it('control: the same requests from three real addresses land in three buckets', async () => {
    expect(await statuses({}, (i) => `10.9.0.${i}`)).toEqual([200, 200, 200]);
  });
});

describe('CORS (F6)', () => {
  const LISTED = 'https://clinic.example';
  const UNLISTED = ['https://evil.example', 'null', 'http://clinic.example', 'https://clinic.example.evil.example', `${LISTED}:8443`];
  let app: FastifyInstance;
  let keyed: FastifyInstance;
  let closed: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ CORS_ORIGINS: `${LISTED},https://other-clinic.example`, ...OFF });
    keyed = await buildTestApp({ CORS_ORIGINS: LISTED, API_KEYS: KEYS, ...OFF });
    closed = await buildTestApp(OFF);
  });
  afterAll(async () => {
    await app.close();
    await keyed.close();
    await closed.close();
  });
  const preflight = (target: FastifyInstance, origin: string) =>
    target.inject({
      method: 'OPTIONS',
      url: '/v1/explain',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });

  it('a listed origin gets access-control-allow-origin, never credentials', async () => {
    const res = await app.inject({ url: '/v1/glossary/disc-bulge', headers: { origin: LISTED } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(LISTED);
    expect(String(res.headers.vary)).toMatch(/origin/i);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it.each(UNLISTED)('unlisted origin %s gets no access-control-allow-origin', async (origin) => {
    const res = await app.inject({ url: '/v1/glossary/disc-bulge', headers: { origin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a preflight from a listed origin is answered', async () => {
    const res = await preflight(app, LISTED);
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(LISTED);
    expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
    expect(String(res.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it.each(UNLISTED)('a preflight from unlisted origin %s is refused (404, no CORS headers)', async (origin) => {
    const res = await preflight(app, origin);
    expectError(res, 'NOT_FOUND');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('with API keys on, a preflight (which carries no key) from a listed origin is still answered', async () => {
    const res = await preflight(keyed, LISTED);
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(LISTED);
    // ...and the 401 of the real request is readable by the page, so it can ask for a key.
    const refused = await keyed.inject({ method: 'POST', url: '/v1/explain', headers: { origin: LISTED } });
    expectError(refused, 'UNAUTHORIZED');
    expect(refused.headers['access-control-allow-origin']).toBe(LISTED);
    expect((await preflight(keyed, 'https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('without CORS_ORIGINS no origin is allowed and preflights are 404', async () => {
    const res = await closed.inject({ url: '/v1/glossary/disc-bulge', headers: { origin: LISTED } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await preflight(closed, LISTED);
    expectError(pre, 'NOT_FOUND');
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('security headers on every response (F7) and closed methods (C8)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ API_KEYS: KEYS, RATE_LIMIT_PER_MINUTE: '30', BODY_LIMIT: '2048', MAX_TEXT_CHARS: '1000', ...OFF });
    app.get('/v1/test-only/fail', async () => {
      throw new Error('test-only failure');
    });
    await app.ready();
  });
  afterAll(async () => app.close());
  const K = { authorization: `Bearer ${KEY_A}` };
  const explain = (payload: string, type = 'application/json', headers: Record<string, string> = K) =>
    app.inject({ method: 'POST', url: '/v1/explain', headers: { ...headers, 'content-type': type }, payload });

  const responses: [string, () => Promise<LightMyRequestResponse>, number][] = [
    ['200 explain', () => explain(JSON.stringify({ text: REPORT })), 200],
    ['200 glossary', () => app.inject({ url: '/v1/glossary/disc-bulge', headers: K }), 200],
    ['200 healthz', () => app.inject({ url: '/healthz' }), 200],
    ['400 invalid JSON', () => explain('{'), 400],
    ['401 no key', () => explain(JSON.stringify({ text: REPORT }), 'application/json', {}), 401],
    ['404 unknown route', () => app.inject({ url: '/nope' }), 404],
    ['413 body too large', () => explain(JSON.stringify({ text: 'a'.repeat(3000) })), 413],
    ['415 latin1 (refused in a hook)', () => explain(REPORT, 'text/plain; charset=latin1'), 415],
    ['415 XML (refused by the parser)', () => explain(`<t>${REPORT}</t>`, 'application/xml'), 415],
    ['422 empty text', () => explain(JSON.stringify({ text: ' ' })), 422],
    ['500 a failing route', () => app.inject({ url: '/v1/test-only/fail', headers: K }), 500],
  ];
  it.each(responses)('%s', async (_name, send, status) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers.server).toBeUndefined();
  });

  it('429 from the rate limit carries them too', async () => {
    let res: LightMyRequestResponse | undefined;
    for (let i = 0; i < 31; i++) res = await app.inject({ url: '/v1/glossary/disc-bulge', headers: { 'x-api-key': KEY_B } });
    expect(res!.statusCode).toBe(429);
    expect(res!.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res!.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res!.headers['cache-control']).toBe('no-store');
    expect(res!.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  const METHODS = ['OPTIONS', 'PUT', 'DELETE', 'PATCH', 'GET', 'TRACE'] as const;
  it.each(METHODS)('%s /v1/explain with a valid key -> 404 in the one error shape (C8)', async (method) => {
    const res = await app.inject({ method, url: '/v1/explain', headers: K });
    expectError(res, 'NOT_FOUND');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('the documented routes are all there is (C8)', async () => {
    const plain = await buildTestApp(OFF);
    const doc = (await plain.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    await plain.close();
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(['GET /healthz', 'GET /readyz', 'GET /v1/glossary', 'GET /v1/glossary/{id}', 'POST /v1/explain']);
  });
});
