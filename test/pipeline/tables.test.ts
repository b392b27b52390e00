// The lookup tables the pipeline's speed rests on must answer exactly what the plain structures they
// replace would: token hashes, the key-id table, the flat tries, word sets, the fuzzy index's
// deletion hashes, and the per-token arrays that change representation past LARGE elements.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deletionHashes } from '../../src/pipeline/match/fuzzy.js';
import { KeyIds } from '../../src/pipeline/match/keys.js';
import { longestAt, TokenTrie } from '../../src/pipeline/match/trie.js';
import { intList, ints, LARGE, LARGE_LIST, perToken, truncated } from '../../src/pipeline/text/per-token.js';
import { hashKey, tokenize } from '../../src/pipeline/text/tokenize.js';
import { WordSet } from '../../src/pipeline/text/word-set.js';
import { CORPUS, run } from '../helpers.js';

const reports = readdirSync(join(CORPUS, 'reports'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(CORPUS, 'reports', f), 'utf8'));
const odd = "L4\u20135 STENOSIS Schmorl\u2019s `quote` Ödem ＬＡＲＧＥ cafe\u0301 😀 A'B don't x'";

describe('token hashes', () => {
  it('every token carries hashKey(key), over the corpus and odd text', () => {
    for (const text of [...reports, odd]) {
      for (const t of tokenize(text)) expect(t.hash, t.raw).toBe(hashKey(t.key));
    }
  });

  it('are non-negative 30-bit integers (an Int32Array stores them unchanged)', () => {
    for (const key of ['', 'a', 'stenosis', "schmorl's", 'x'.repeat(100), ...tokenize(odd).map((t) => t.key)]) {
      expect(Number.isInteger(hashKey(key)) && hashKey(key) >= 0 && hashKey(key) < 2 ** 30, key).toBe(true);
    }
  });
});

describe('TokenTrie laid out flat', () => {
  // Phrases over a small vocabulary, with one word followed by many others (a node searched by
  // bisection) and phrases that are prefixes of others; checked against a plain scan of the phrases.
  // Each phrase holds two values, v and v + 1000, in that order; the walk accepts an odd v only in
  // its second form, so the order of values within a node shows in every hit.
  const vocabulary = Array.from({ length: 40 }, (_, i) => `w${i}`);
  let seed = 7;
  // (The high bits of a linear congruential generator: its low bits repeat with a short period.)
  const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), (seed >>> 16) % n);
  const phrases = new Map<string, number>();
  for (let i = 0; i < 30; i++) phrases.set(`w0 ${vocabulary[i + 1]}`, phrases.size);
  while (phrases.size < 300) {
    const words = Array.from({ length: 1 + random(4) }, () => vocabulary[random(12)]!);
    if (!phrases.has(words.join(' '))) phrases.set(words.join(' '), phrases.size);
  }
  const ids = new KeyIds(new Map());
  const trie = new TokenTrie<number>(ids);
  for (const [phrase, value] of phrases) {
    trie.add(phrase.split(' '), value);
    trie.add(phrase.split(' '), value + 1000);
  }
  for (const w of vocabulary) ids.intern(w);
  ids.seal();
  trie.freeze();

  it('finds the longest phrase at every position, as a scan of the phrases does', () => {
    const text = Array.from({ length: 3000 }, () => vocabulary[random(random(2) === 0 ? 12 : 40)]!);
    const keyIds = text.map((w) => ids.idOf(w));
    for (let from = 0; from < text.length; from++) {
      let expected: { to: number; value: number } | undefined;
      for (let to = from + 1; to <= Math.min(text.length, from + 4); to++) {
        const value = phrases.get(text.slice(from, to).join(' '));
        if (value !== undefined) expected = { to, value: value % 2 === 0 ? value : value + 1000 };
      }
      const hit = longestAt(trie, keyIds, from, { accept: (v) => v % 2 === 0 || v >= 1000 });
      expect(hit === undefined ? undefined : { to: hit.to, value: hit.value }, `at ${from}`).toEqual(expected);
      expect(trie.starts(keyIds[from]!)).toBe([...phrases.keys()].some((p) => p.split(' ')[0] === text[from]));
    }
  });

  it('takes no phrase once laid out', () => {
    expect(() => trie.add(['w1'], 0)).toThrow(/laid out/);
  });

  it('lays itself out on its first read when not frozen, and an empty trie starts nothing', () => {
    const lazy = new TokenTrie<string>(ids);
    lazy.add(['w1', 'w2'], 'pair');
    expect(longestAt(lazy, [ids.idOf('w1'), ids.idOf('w2')], 0, {})).toEqual({ from: 0, to: 2, value: 'pair' });
    const empty = new TokenTrie<string>(ids);
    expect(empty.starts(ids.idOf('w1'))).toBe(false);
    expect(longestAt(empty, [ids.idOf('w1')], 0, {})).toBeUndefined();
  });
});

describe('KeyIds after seal()', () => {
  const spelling = new Map([['disk', 'disc']]);
  const ids = new KeyIds(spelling);
  const words = ['disc', 'bulge', 'l4', '-', 'stenosis', "schmorl's"];
  for (const w of words) ids.intern(w);
  const before = new Map([...words, 'disk', 'unknown', ''].map((w) => [w, ids.idOf(w)]));
  ids.seal();

  it('answers as the Map did, with or without the hash', () => {
    for (const [w, id] of before) {
      expect(ids.idOf(w)).toBe(id);
      expect(ids.idOf(w, hashKey(w))).toBe(id);
    }
    expect(ids.idOf('disk')).toBe(ids.idOf('disc'));
    expect(ids.idOf('unknown')).toBe(-1);
  });

  it('finds the empty key (its FNV hash before the cut to 30 bits is above 2^31)', () => {
    const table = new KeyIds(new Map());
    const id = table.intern('');
    table.seal();
    expect(table.idOf('')).toBe(id);
  });

  it('takes no new keys once sealed, but a request table over it does', () => {
    expect(() => ids.intern('new')).toThrow(/sealed/);
    const request = new KeyIds(spelling, ids);
    const id = request.intern('pneumonia');
    expect(request.idOf('pneumonia')).toBe(id);
    expect(request.idOf('disk')).toBe(ids.idOf('disc'));
    expect(ids.idOf('pneumonia')).toBe(-1);
  });
});

describe('WordSet', () => {
  it('has() agrees with a Set over every token key of the corpus', () => {
    const keys = [...new Set(reports.flatMap((r) => tokenize(r).map((t) => t.key)))];
    const chosen = keys.filter((_, i) => i % 3 === 0);
    const set = new Set(chosen);
    const words = new WordSet(chosen);
    for (const r of reports) for (const t of tokenize(r)) expect(words.hasToken(t)).toBe(set.has(t.key));
    expect(words.has('')).toBe(false);
  });
});

describe('fuzzy deletion hashes', () => {
  // The same polynomial hash computed directly over a string.
  const direct = (s: string): number => {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(h, 0x01000193) + s.charCodeAt(i)) | 0;
    return h & 0x3fffffff;
  };

  it('hash every one-letter deletion as if the deleted string were built', () => {
    const out: number[] = [];
    for (const word of ['a', 'ab', 'stenosis', 'spondylolisthesis', 'x'.repeat(40), 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz']) {
      deletionHashes(word, out);
      expect(out).toHaveLength(word.length + 1);
      expect(out[0]).toBe(direct(word));
      for (let i = 0; i < word.length; i++) expect(out[i + 1], `${word} without ${i}`).toBe(direct(word.slice(0, i) + word.slice(i + 1)));
    }
  });
});

describe('replies share nothing across requests', () => {
  it('editing one reply leaves the next one alone', () => {
    const first = run('Disc bulge.');
    for (const a of first.annotations) {
      a.side.push('left');
      a.levels.push('L9-L9');
      a.grades.push({ severity: 'mild', side: ['left'] });
    }
    for (const s of first.summary) for (const f of s.findings) f.side.push('left');
    const next = run('Mild foraminal stenosis. Spinal canal is normal.');
    for (const a of next.annotations) {
      expect(a.side).toEqual([]);
      expect(a.levels).toEqual([]);
      expect(a.grades).toEqual([]);
    }
  });
});

describe('per-token arrays, on both sides of LARGE_LIST and LARGE', () => {
  const sizes = [0, 1, 7, LARGE_LIST, LARGE_LIST + 1, LARGE, LARGE + 1, 3 * LARGE];

  it('ints(n, fill) holds n integers, each readable and writable, and nothing past n', () => {
    for (const n of sizes) {
      for (const fill of [0, -1, 7]) {
        const a = ints(n, fill);
        expect(a.length, `n=${n}`).toBe(n);
        if (n === 0) continue;
        expect([a[0], a[n - 1]]).toEqual([fill, fill]);
        a[n - 1] = (a[n - 1]! | 64) - 1;
        expect(a[n - 1]).toBe((fill | 64) - 1);
        expect(a[n]).toBeUndefined();
      }
    }
  });

  it('intList(n) written in order, then truncated, holds exactly what was written', () => {
    for (const n of sizes) {
      for (const written of [0, Math.floor(n / 2), n]) {
        const list = intList(n);
        for (let p = 0; p < written; p++) list[p] = p * 3 - 5;
        const cut = truncated(list, written);
        expect(cut.length, `n=${n}, written=${written}`).toBe(written);
        expect(Array.from({ length: written }, (_, p) => cut[p])).toEqual(Array.from({ length: written }, (_, p) => p * 3 - 5));
        expect(cut[written]).toBeUndefined();
      }
    }
  });

  it('perToken(n) answers what a plain array would, set for set, with runs of one value and overwrites', () => {
    for (const n of sizes) {
      const values = perToken<{ v: number }>(n);
      const plain = new Array<{ v: number } | undefined>(n);
      const a = { v: 1 };
      const b = { v: 2 };
      // A run of a, a hole, b, a again (a value the list has had before), overwrites, both ends.
      const writes: [number, { v: number }][] = [[0, a], [1, a], [2, a], [4, b], [5, a], [2, b], [n - 1, b], [n - 1, a]];
      for (const [i, v] of writes) {
        if (i < 0 || i >= n) continue;
        expect(values.set(i, v)).toBe(v);
        plain[i] = v;
      }
      for (let i = -1; i <= Math.min(n, 8); i++) expect(values.get(i), `n=${n}, i=${i}`).toBe(plain[i]);
      expect(values.get(n - 1)).toBe(plain[n - 1]);
      expect(values.get(n)).toBeUndefined();
    }
  });

  it('a report repeated past LARGE tokens is explained the same in every repetition (the long-text representations)', () => {
    // Blank lines end sentences and level headings, so each copy stands alone; the copies together
    // have more than LARGE tokens and mentions, which switches every per-token array to its other form.
    const report = 'L4-5: Mild broad-based disc bulge with no central canal stenosis. Possible small annular fissure.\nL5-S1: Severe left foraminal narrowing, mild on the right.\n\n';
    const one = run(report).annotations;
    const copies = Math.ceil((2 * LARGE) / tokenize(report).length);
    const many = run(report.repeat(copies)).annotations;
    expect(one.length).toBeGreaterThan(10);
    expect(tokenize(report.repeat(copies)).length).toBeGreaterThan(LARGE);
    expect(many.length).toBe(one.length * copies);
    for (let c = 0; c < copies; c++) {
      const shift = c * report.length;
      const copy = many.slice(c * one.length, (c + 1) * one.length).map((a) => ({ ...a, start: a.start - shift, end: a.end - shift, assertionCue: a.assertionCue === null ? null : { ...a.assertionCue, start: a.assertionCue.start - shift, end: a.assertionCue.end - shift } }));
      expect(copy, `copy ${c}`).toEqual(one);
    }
  });
});
