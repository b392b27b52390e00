// An engine restored from its snapshot is the engine compiled from the glossary: the same arrays,
// the same key numbers, the same typo corrections, and the same replies on every corpus report and
// on texts that reach the parts a snapshot restores (abbreviations, typos, plurals, caller terms).
import { beforeAll, describe, expect, it } from 'vitest';
import type { GlossaryData } from '../../src/glossary/schema.js';
import { loadGlossary } from '../../src/glossary/loader.js';
import { compileEngine, type Engine } from '../../src/pipeline/compile.js';
import { explain } from '../../src/pipeline/explain.js';
import { restoreEngine, snapshotOf, SnapshotMismatch, type EngineSnapshot } from '../../src/pipeline/snapshot.js';
import { corpus, GLOSSARY_DIR } from '../helpers.js';

let data: GlossaryData;
let compiled: Engine;
let snapshot: EngineSnapshot;
let restored: Engine;

beforeAll(() => {
  data = loadGlossary(GLOSSARY_DIR);
  compiled = compileEngine(data);
  snapshot = snapshotOf(compiled, data);
  // (A copy: the snapshot shares the compiled engine's arrays, and a restore that reused them could not differ.)
  restored = restoreEngine(data, structuredClone(snapshot));
});

const keysOf = (e: Engine): string[] => Array.from({ length: e.matcher.ids.size }, (_, id) => e.matcher.ids.keyOf(id));

describe('restoreEngine(snapshotOf(engine))', () => {
  it('numbers every key as the compiled engine does', () => {
    expect(keysOf(restored)).toEqual(keysOf(compiled));
    expect(keysOf(restored).length).toBeGreaterThan(5000);
  });

  it('has the same trie, array for array and value for value', () => {
    const a = compiled.matcher.trie.layout();
    const b = restored.matcher.trie.layout();
    expect(b.nodes).not.toBe(a.nodes);
    expect(b.nodes).toEqual(a.nodes);
    expect(b.edges).toEqual(a.edges);
    expect(b.firsts).toEqual(a.firsts);
    expect(b.values).toEqual(a.values);
    expect(restored.matcher.trie.size).toBe(compiled.matcher.trie.size);
  });

  it('has the same fuzzy index and typo corrections', () => {
    expect(restored.matcher.fuzzy.parts()).toEqual(compiled.matcher.fuzzy.parts());
    expect(restored.matcher.corrections).toEqual(compiled.matcher.corrections);
    for (const [typo, word] of [
      ['spondylolisthesiss', 'spondylolisthesis'],
      ['foraminall', 'foraminal'],
      ['osteophyts', 'osteophyte'],
      ['stenoosis', 'stenosis'],
    ] as const) {
      expect(compiled.matcher.fuzzy.correct(typo), typo).toBe(word);
      expect(restored.matcher.fuzzy.correct(typo), typo).toBe(word);
    }
  });

  it('keeps the conflicts the linter reports', () => expect(restored.conflicts).toEqual(compiled.conflicts));

  it('gives the same reply on every corpus report', () => {
    const reports = corpus();
    expect(reports.length).toBeGreaterThan(10);
    for (const r of reports) expect(explain(restored, { text: r.text }), r.name).toEqual(explain(compiled, { text: r.text }));
  });

  it.each([
    ['abbreviations, case-sensitive', 'DDD at L4-5. No AND. Mild DJD, no HNP.'],
    ['typos', 'Mild foraminall stenoosis at L4-5 with spondylolisthesiss.'],
    ['generated plurals', 'Two disc bulges and several Schmorl nodes.'],
    ['an all-caps line', 'IMPRESSION:\nNO SIGNIFICANT CANAL STENOSIS AND NO CORD COMPRESSION.'],
  ])('gives the same reply: %s', (_name, text) => {
    const reply = explain(restored, { text });
    expect(reply.annotations.length).toBeGreaterThan(0);
    expect(reply).toEqual(explain(compiled, { text }));
  });

  it('gives the same reply with caller terms', () => {
    const input = { text: 'Tarlov cyst at S2; known grumbling disc.', terms: [{ id: 'grumbling', text: 'grumbling disc', explanation: 'A clinic term.' }] };
    expect(explain(restored, input)).toEqual(explain(compiled, input));
  });
});

describe('a snapshot that does not fit', () => {
  it('of another glossary version is refused', () => {
    expect(() => restoreEngine({ ...data, version: 'other' }, snapshot)).toThrow(SnapshotMismatch);
  });

  it('whose keys would be numbered differently is refused', () => {
    const keys = [...snapshot.keys];
    keys[keys.length - 1] = keys[keys.length - 2]!;
    expect(() => restoreEngine(data, { ...snapshot, keys })).toThrow(SnapshotMismatch);
  });

  it('missing a key is refused', () => {
    expect(() => restoreEngine(data, { ...snapshot, keys: snapshot.keys.slice(0, -1) })).toThrow(SnapshotMismatch);
  });

  it.each([
    ['an edge to no node', (s: EngineSnapshot) => s.trie.edges.fill(1 << 30, 1, 2)],
    ['a node whose values run past the end', (s: EngineSnapshot) => s.trie.nodes.fill(1 << 30, 2, 3)],
    ['a typo table with no empty slot', (s: EngineSnapshot) => s.fuzzy.table.fill(1, 0)],
    ['a typo list naming no word', (s: EngineSnapshot) => s.fuzzy.lists.fill(1 << 30)],
    ['a bit set of the wrong size', (s: EngineSnapshot) => void (s.fuzzy.bloom = s.fuzzy.bloom.subarray(1))],
    ['a correction to no key', (s: EngineSnapshot) => s.corrections.fill(1 << 30, 0, 1)],
    ['a raw token list too many', (s: EngineSnapshot) => s.raws.push(['X'])],
    ['trie values that are not pairs', (s: EngineSnapshot) => void (s.trie.values = s.trie.values.subarray(1))],
  ])('with %s is refused at start-up, not met in a request', (_name, spoil) => {
    const bad = structuredClone(snapshot);
    spoil(bad);
    expect(() => restoreEngine(data, bad)).toThrow();
    expect(() => restoreEngine(data, structuredClone(snapshot))).not.toThrow();
  });

  it('naming a concept the glossary does not have is refused', () => {
    const values = snapshot.trie.values.slice();
    values[0] = data.concepts.length;
    expect(() => restoreEngine(data, { ...snapshot, trie: { ...snapshot.trie, values } })).toThrow(SnapshotMismatch);
  });

  it('is never made of an engine compiled from other data', () => {
    expect(() => snapshotOf(compiled, { ...data, version: 'other' })).toThrow(SnapshotMismatch);
  });
});
