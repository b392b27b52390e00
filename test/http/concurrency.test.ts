// No cross-talk between concurrent requests (RELIABILITY A7): many distinct reports, each with its
// own sentinel, in flight at once; every reply may only quote its own text.
import { describe, expect, it } from 'vitest';
import { app as buildTestApp, corpus } from '../helpers.js';

describe('concurrent requests', () => {
  it('each reply quotes only its own report', async () => {
    const app = await buildTestApp();
    const reports = corpus();
    const N = 200;
    const texts = Array.from({ length: N }, (_, i) => `Patient ZZSENTINEL${i}QQ. ${reports[i % reports.length]!.text} ZZSENTINEL${i}QQ disc bulge.`);
    const terms = (i: number) => [{ id: `t${i}`, text: `ZZSENTINEL${i}QQ` }];
    const replies = await Promise.all(
      texts.map((text, i) =>
        app.inject({ method: 'POST', url: '/v1/explain', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ text, terms: terms(i) }) }),
      ),
    );
    await app.close();
    let foreign = 0;
    replies.forEach((res, i) => {
      expect(res.statusCode).toBe(200);
      const body = res.body;
      for (const m of body.matchAll(/ZZSENTINEL(\d+)QQ/g)) if (Number(m[1]) !== i) foreign++;
      const own = res.json().annotations.filter((a: { category: string }) => a.category === 'custom');
      expect(own.map((a: { conceptId: string }) => a.conceptId)).toEqual([`t${i}`, `t${i}`]);
      for (const a of res.json().annotations) expect(texts[i]!.slice(a.start, a.end)).toBe(a.text);
    });
    expect(foreign).toBe(0);
  });
});
