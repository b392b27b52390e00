// The Dockerfile, checked by reading it (no Docker engine runs in CI): pinned base image, non-root
// user, production dependencies only, exec-form node command, health check. RELIABILITY G5-G8.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const lines = dockerfile.split('\n').filter((l) => !l.trim().startsWith('#'));
const args = new Map(lines.filter((l) => l.startsWith('ARG ')).map((l) => l.slice(4).split('=') as [string, string]));
const froms = lines.filter((l) => l.startsWith('FROM ')).map((l) => l.split(/\s+/)[1]!.replace(/^\$\{(\w+)\}$/, (_, name: string) => args.get(name) ?? ''));
const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

describe('Dockerfile', () => {
  it('pins every base image by digest', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const image of froms) expect(image).toMatch(/^node:\d+[\w.-]*@sha256:[0-9a-f]{64}$/);
  });
  it('runs as a non-root user in the final stage', () => expect(finalStage).toMatch(/^USER node$/m));
  it('installs production dependencies only for the final stage', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(finalStage).not.toMatch(/npm (ci|install)(?! --omit=dev)/);
  });
  it('writes the engine snapshot where the final stage copies dist from', () => {
    expect(dockerfile).toMatch(/^RUN npx tsc -p tsconfig\.json && node dist\/cli\/snapshot\.js$/m);
    expect(finalStage).toMatch(/^COPY --from=build .*\/app\/dist \.\/dist$/m);
  });
  it('starts node directly, in exec form', () => expect(finalStage).toMatch(/^CMD \["node", "dist\/server\.js"\]$/m));
  it('listens on all interfaces and checks /healthz', () => {
    expect(finalStage).toMatch(/HOST=0\.0\.0\.0/);
    expect(finalStage).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
  });
  it('ships a .dockerignore that keeps node_modules and secrets out', () => {
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8');
    expect(ignore).toMatch(/^node_modules$/m);
    expect(ignore).toMatch(/^\.git$/m);
  });
});

describe('runtime floor', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  it('engines.node is >= 20', () => expect(pkg.engines.node).toBe('>=20'));
  it('fastify >= 5.5.0 (earlier versions quoted malformed bodies in 400 replies)', () => {
    const [major, minor] = (lock.packages['node_modules/fastify'].version as string).split('.').map(Number);
    expect(major! > 5 || (major === 5 && minor! >= 5)).toBe(true);
  });
});
