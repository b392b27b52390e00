import { describe, expect, it } from 'vitest';
import { LARGE_LIST } from '../../src/pipeline/text/per-token.js';
import { tokenize } from '../../src/pipeline/text/tokenize.js';

describe('tokenize: offsets into the original text', () => {
  const cases: [string, string, string[]][] = [
    ['plain words', 'Mild disc bulge.', ['Mild', 'disc', 'bulge', '.']],
    ['level notation', 'L4-5: bulge', ['L4', '-', '5', ':', 'bulge']],
    ['en dash and non-breaking space', 'L4\u20135\u00a0disc', ['L4', '\u2013', '5', 'disc']],
    ['apostrophe inside a word', "Schmorl's node", ["Schmorl's", 'node']],
    ['curly apostrophe', 'Schmorl\u2019s node', ['Schmorl\u2019s', 'node']],
    ['CRLF line ends', 'FINDINGS:\r\nNo stenosis', ['FINDINGS', ':', 'No', 'stenosis']],
    ['non-ASCII letters', 'Ödem in der Bandscheibe', ['Ödem', 'in', 'der', 'Bandscheibe']],
    ['astral characters stay whole', 'disc 😀 bulge', ['disc', '😀', 'bulge']],
    ['combining marks', 'cafe\u0301 disc', ['cafe\u0301', 'disc']],
  ];
  it.each(cases)('%s', (_name, text, raws) => {
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.raw)).toEqual(raws);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });

  it('normalises keys: case, dashes, apostrophes', () => {
    expect(tokenize('STENOSIS \u2013 Schmorl\u2019s').map((t) => t.key)).toEqual(['stenosis', '-', "schmorl's"]);
  });

  it('counts line breaks before a token (CRLF is one)', () => {
    const tokens = tokenize('a\r\n\r\nb\nc');
    expect(tokens.map((t) => t.newlinesBefore)).toEqual([0, 2, 1]);
  });
});

describe('tokenize: texts of more than LARGE_LIST tokens (the list is kept in pieces, then joined)', () => {
  it.each([LARGE_LIST - 1, LARGE_LIST, LARGE_LIST + 1, 2 * LARGE_LIST, 3 * LARGE_LIST + 7])('%i tokens: every one, in order, at its offset', (n) => {
    const words = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `W${i}` : `w${i}`));
    const text = words.join(' ');
    const tokens = tokenize(text);
    expect(tokens.length).toBe(n);
    let start = 0;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      if (t.raw !== words[i] || t.start !== start || t.key !== words[i]!.toLowerCase() || t.spaceBefore !== i > 0) {
        expect({ i, raw: t.raw, start: t.start, key: t.key, spaceBefore: t.spaceBefore }).toEqual({ i, raw: words[i], start, key: words[i]!.toLowerCase(), spaceBefore: i > 0 });
      }
      start += words[i]!.length + 1;
    }
  });
});
