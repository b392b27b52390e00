// Every route and every error status through app.inject() on the real app and real glossary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiDocument } from '../../src/cli/openapi-document.js';
import { app as buildTestApp, engine, ROOT } from '../helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ BODY_LIMIT: '4096', MAX_TEXT_CHARS: '2000' });
});
afterAll(async () => app.close());

const REPORT = 'L4-5: broad-based disc bulge with mild bilateral neural foraminal narrowing. No central canal stenosis.';

const post = (payload: string | object, contentType = 'application/json', url = '/v1/explain') =>
  app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

describe('POST /v1/explain', () => {
  it('explains a JSON body', async () => {
    const res = await post({ text: REPORT });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.glossaryVersion).toBe(engine().version);
    const stenosis = body.annotations.find((a: { text: string }) => a.text === 'central canal stenosis');
    expect(stenosis).toMatchObject({ conceptId: 'central-canal-stenosis', assertion: 'absent', assertionCue: { text: 'No' }, levels: ['L4-L5'] });
    const bulge = body.annotations.find((a: { conceptId: string }) => a.conceptId === 'disc-bulge');
    expect(bulge).toMatchObject({ assertion: 'present', levels: ['L4-L5'] });
    for (const a of body.annotations) expect(REPORT.slice(a.start, a.end)).toBe(a.text);
    const starts = body.annotations.map((a: { start: number }) => a.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });

  it('explains a text/plain body, as curl --data-binary sends it', async () => {
    const res = await post(REPORT, 'text/plain');
    expect(res.statusCode).toBe(200);
    expect(res.json().annotations.length).toBeGreaterThan(3);
  });

  it('accepts charset=utf-8', async () => {
    expect((await post(REPORT, 'text/plain; charset=utf-8')).statusCode).toBe(200);
  });

  it('matches caller-supplied terms with the same analysis', async () => {
    const res = await post({ text: 'No Tarlov-like thing. Possible sacral bump at S1.', terms: [{ id: 'clinic-42', text: 'sacral bump' }] });
    expect(res.statusCode).toBe(200);
    const term = res.json().annotations.find((a: { conceptId: string }) => a.conceptId === 'clinic-42');
    expect(term).toMatchObject({ text: 'sacral bump', category: 'custom', term: 'sacral bump', assertion: 'possible', levels: ['S1'] });
  });

  it('sets no-store and security headers', async () => {
    const res = await post({ text: REPORT });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('errors: one shape, status = statusCode, no input echoed', () => {
  const cases: [string, () => Promise<{ statusCode: number; json: () => { statusCode: number; code: string; message: string } }>, number, string][] = [
    ['malformed JSON', () => post('{"text": "SENTINEL'), 400, 'INVALID_JSON'],
    ['empty JSON body', () => post(''), 400, 'EMPTY_BODY'],
    ['missing text', () => post({ terms: [] }), 400, 'INVALID_BODY'],
    ['text is a number', () => post({ text: 123 }), 400, 'INVALID_BODY'],
    ['text is an array', () => post({ text: ['SENTINEL'] }), 400, 'INVALID_BODY'],
    ['unknown field', () => post({ text: 'x', SENTINELkey: 1 }), 400, 'INVALID_BODY'],
    ['query string on explain', () => post({ text: 'x' }, 'application/json', '/v1/explain?text=SENTINEL'), 400, 'QUERY_NOT_ALLOWED'],
    ['body over the limit', () => post({ text: 'x'.repeat(5000) }), 413, 'BODY_TOO_LARGE'],
    ['XML body', () => post('<text>SENTINEL</text>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['non-UTF-8 charset', () => post('SENTINEL', 'text/plain; charset=latin1'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['empty text', () => post({ text: '' }), 422, 'TEXT_EMPTY'],
    ['white space only', () => post({ text: ' \n\t ' }), 422, 'TEXT_EMPTY'],
    ['text over MAX_TEXT_CHARS', () => post({ text: 'a '.repeat(1001) }), 422, 'TEXT_TOO_LONG'],
    ['NUL byte', () => post({ text: 'disc\u0000bulge SENTINEL' }), 422, 'TEXT_CONTROL_CHARACTERS'],
    ['lone surrogate', () => post({ text: 'disc \ud800 bulge' }), 422, 'TEXT_INVALID_UNICODE'],
    ['duplicate term ids', () => post({ text: 'x', terms: [{ id: 'a', text: 'b' }, { id: 'a', text: 'c' }] }), 422, 'DUPLICATE_TERM_ID'],
    ['unknown route', () => app.inject({ method: 'GET', url: '/v1/nope' }), 404, 'NOT_FOUND'],
    ['unknown concept', () => app.inject({ method: 'GET', url: '/v1/glossary/no-such-thing' }), 404, 'CONCEPT_NOT_FOUND'],
    ['wrong method on explain', () => app.inject({ method: 'DELETE', url: '/v1/explain' }), 404, 'NOT_FOUND'],
  ];
  it.each(cases)('%s', async (_name, send, status, code) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body).toEqual({ statusCode: status, code, error: expect.any(String), message: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain('SENTINEL');
  });
});

describe('glossary routes', () => {
  it('lists every concept', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/glossary' });
    expect(res.statusCode).toBe(200);
    expect(res.json().count).toBe(engine().concepts.size);
  });
  it('filters by surface form', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/glossary?q=foramina' });
    expect(res.json().concepts.map((c: { id: string }) => c.id)).toContain('neural-foramen');
  });
  it('returns one concept', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/glossary/disc-bulge' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'disc-bulge', category: 'degeneration' });
  });
});

describe('health, readiness, docs', () => {
  it('GET /healthz', async () => expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' }));
  it('GET /readyz', async () => {
    const res = await app.inject({ url: '/readyz' });
    expect(res.json()).toMatchObject({ status: 'ready', concepts: engine().concepts.size });
  });
  it('GET /openapi.json', async () => {
    const res = await app.inject({ url: '/openapi.json' });
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/v1/explain', '/v1/glossary', '/v1/glossary/{id}', '/healthz', '/readyz']));
  });
  it('GET /docs serves Swagger UI', async () => {
    const res = await app.inject({ url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
  it('the committed openapi/openapi.json matches the app (run npm run openapi)', async () => {
    expect(readFileSync(join(ROOT, 'openapi', 'openapi.json'), 'utf8')).toBe(await openapiDocument(engine()));
  });
});

describe('real socket', () => {
  it('serves /v1/explain over HTTP (supertest)', async () => {
    await app.ready();
    const res = await request(app.server).post('/v1/explain').set('content-type', 'text/plain').send(REPORT);
    expect(res.status).toBe(200);
    expect(res.body.annotations.some((a: { conceptId: string }) => a.conceptId === 'disc-bulge')).toBe(true);
  });
});
