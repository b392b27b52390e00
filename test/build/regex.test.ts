// No regular expression in the code can backtrack super-linearly (RELIABILITY C4): every regex
// literal in src/ is checked by redos-detector. Glossary data is never compiled into regexes (forms
// are matched by a token trie), so the literals are all there is to check.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isSafe } from 'redos-detector';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// A regex literal: "/.../flags" after an operator, a bracket, a comma or "return".
const LITERAL = /(?:^|[(,=:[!&|?{};]|return)\s*\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[*])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])*)\/([dgimsuvy]*)/gm;

const literals = files(join(ROOT, 'src')).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(LITERAL)].map((m) => ({ file: file.slice(ROOT.length), source: m[1]!, flags: m[2]! })),
);

describe('regular expressions in src/', () => {
  it('are found (the scanner works)', () => expect(literals.length).toBeGreaterThan(20));

  it('all compile', () => {
    for (const l of literals) expect(() => new RegExp(l.source, l.flags), `${l.file}: /${l.source}/`).not.toThrow();
  });

  it('none can backtrack catastrophically (redos-detector)', () => {
    const unsafe = literals.filter((l) => !isSafe(new RegExp(l.source, l.flags.replace(/[gy]/g, ''))).safe).map((l) => `${l.file}: /${l.source}/${l.flags}`);
    expect(unsafe).toEqual([]);
  });

  it('the detector catches the classic shapes', () => {
    expect(isSafe(/^(a+)+$/).safe).toBe(false);
    expect(isSafe(/^(\w*)*x$/).safe).toBe(false);
    expect(isSafe(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).safe).toBe(true);
  });
});
