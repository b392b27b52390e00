// The README's curl example is real: its reply is what the app answers today (but the glossary
// version, which changes with every glossary edit), and its quick start is the CI command.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app as buildTestApp, ROOT } from './helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('shows the real reply of its curl example', async () => {
    const text = /--data-binary '([^']+)'/.exec(readme)?.[1];
    const shown = /The real reply[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(text).toBeDefined();
    expect(shown).toBeDefined();
    const app = await buildTestApp();
    const res = await app.inject({ method: 'POST', url: '/v1/explain', headers: { 'content-type': 'text/plain' }, payload: text! });
    await app.close();
    const { glossaryVersion: _now, ...actual } = res.json();
    const { glossaryVersion: _then, ...expected } = JSON.parse(shown!);
    expect(actual).toEqual(expected);
  });

  it('has the two quick-start commands, and CI runs the test one', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm ci && npm test$/m);
  });
});
