// Bad configuration fails fast (RELIABILITY.md E6): the real server refuses to start, exits
// non-zero, names every bad variable at once, and never prints a value (API_KEYS holds secrets).
import { afterEach, describe, expect, it } from 'vitest';
import { killIfRunning, startServer, type ServerChild } from './child.js';

const SECRET = 'sk-live-SECRETSENTINEL-7f3a';

describe('E6: invalid environment', () => {
  const started: ServerChild[] = [];
  afterEach(() => started.forEach(killIfRunning));

  it.each([
    ['PORT=abc, LOG_LEVEL=nonsense, with API_KEYS set', { PORT: 'abc', LOG_LEVEL: 'nonsense' }, ['PORT', 'LOG_LEVEL']],
    ['values that carry the secret themselves', { PORT: SECRET, LOG_LEVEL: SECRET, BODY_LIMIT: SECRET, SHUTDOWN_TIMEOUT_MS: `-${SECRET}` }, ['PORT', 'LOG_LEVEL', 'BODY_LIMIT', 'SHUTDOWN_TIMEOUT_MS']],
    ['numbers out of range', { PORT: '70000', MAX_TEXT_CHARS: '0', RATE_LIMIT_PER_MINUTE: '-1', TRUST_PROXY: 'not-an-address' }, ['PORT', 'MAX_TEXT_CHARS', 'RATE_LIMIT_PER_MINUTE', 'TRUST_PROXY']],
  ] as [string, Record<string, string>, string[]][])('%s', async (_name, env, names) => {
    const server = await startServer({ API_KEYS: `${SECRET},other-${SECRET}`, ...env }, { port: 1 });
    started.push(server);
    const exit = await server.exited;
    expect(exit.signal).toBeNull();
    expect(exit.code).not.toBe(0);
    expect(exit.code).toEqual(expect.any(Number));
    const output = server.output();
    for (const name of names) expect(output).toContain(name);
    expect(output).not.toContain('SECRETSENTINEL');
    expect(output).not.toContain('Server listening');
  }, 60_000);
});
