// Load shedding (RELIABILITY D3/E7): when the event loop lags past MAX_EVENT_LOOP_DELAY_MS, API
// routes answer 503 in the one error shape with retry-after, liveness stays 200, and the service
// recovers once the loop is free again.
import { describe, expect, it } from 'vitest';
import { app as buildTestApp } from '../helpers.js';

const blockFor = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // Busy-wait: the event loop is blocked, as by a runaway handler.
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('load shedding', () => {
  it('sheds API requests with 503 while the event loop lags, keeps /healthz, then recovers', async () => {
    const app = await buildTestApp({ MAX_EVENT_LOOP_DELAY_MS: '50' });
    await app.ready();
    let shed: Awaited<ReturnType<typeof app.inject>> | undefined;
    // Block the loop repeatedly until the sampler has seen it (it samples about once a second).
    for (let attempt = 0; attempt < 8 && shed === undefined; attempt++) {
      blockFor(600);
      await sleep(20);
      const res = await app.inject({ url: '/v1/glossary/disc-bulge' });
      if (res.statusCode === 503) shed = res;
    }
    expect(shed?.statusCode).toBe(503);
    expect(shed?.json()).toMatchObject({ statusCode: 503, code: 'OVERLOADED' });
    expect(shed?.headers['retry-after']).toBe('5');
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    // Free again: within a few seconds the API answers 200.
    let recovered = false;
    for (let attempt = 0; attempt < 40 && !recovered; attempt++) {
      await sleep(250);
      recovered = (await app.inject({ url: '/v1/glossary/disc-bulge' })).statusCode === 200;
    }
    expect(recovered).toBe(true);
    await app.close();
  }, 30_000);
});
