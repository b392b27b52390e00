// An engine's compiled concepts as plain data, and the engine again from that data. Compiling the
// glossary's ten thousand forms into the trie is most of start-up; the server restores them from a
// snapshot written at build time instead (src/engine-file.ts reads and writes the file). Pure: the
// restored engine is the compiled one, array for array, which test/pipeline/snapshot.test.ts checks.
import type { GlossaryData } from '../glossary/schema.js';
import { assembleEngine, type Engine } from './compile.js';
import { FuzzyIndex, type FuzzyParts } from './match/fuzzy.js';
import { KeyIds } from './match/keys.js';
import { NO_RAWS, type FormConflict, type FormEntry } from './match/matcher.js';
import { TokenTrie } from './match/trie.js';

// A trie value is two integers: its concept's index in the glossary's concept list, and these flags.
const CASE_SENSITIVE = 1;
const HEADER = 2;
const FUZZY = 4;
const CAPS_WORD = 8;

export interface EngineSnapshot {
  /** The glossary version the snapshot was compiled from: restoring it onto any other is refused. */
  glossaryVersion: string;
  /** Every key of the engine's table, in id order. */
  keys: string[];
  /** The trie's arrays; its values as pairs of integers (concept, flags). */
  trie: { nodes: Int32Array; edges: Int32Array; firsts: Int32Array; values: Int32Array };
  /** The raw tokens of each case-sensitive value, in the order of the values. */
  raws: string[][];
  fuzzy: FuzzyParts;
  corrections: Int32Array;
  conflicts: FormConflict[];
}

export class SnapshotMismatch extends Error {
  override name = 'SnapshotMismatch';
}

/** The compiled concepts of an engine compiled from `data`, as plain data. */
export function snapshotOf(engine: Engine, data: GlossaryData): EngineSnapshot {
  if (engine.version !== data.version) throw new SnapshotMismatch('the engine was not compiled from this glossary');
  const index = new Map(data.concepts.map((c, k) => [c.id, k]));
  const { trie, ids, fuzzy, corrections } = engine.matcher;
  const layout = trie.layout();
  const values = new Int32Array(2 * layout.values.length);
  const raws: string[][] = [];
  layout.values.forEach((e, v) => {
    if (e.source !== 'glossary' || e.concept === undefined) throw new SnapshotMismatch(`a value of source "${e.source}" in the engine's trie`);
    values[2 * v] = index.get(e.conceptId)!;
    values[2 * v + 1] = (e.caseSensitive ? CASE_SENSITIVE : 0) | (e.header ? HEADER : 0) | (e.fuzzy ? FUZZY : 0) | (e.capsWord ? CAPS_WORD : 0);
    if (e.caseSensitive) raws.push([...e.raws]);
    else if (e.raws.length > 0) throw new SnapshotMismatch('raw tokens on a form that is not case-sensitive');
  });
  return {
    glossaryVersion: data.version,
    keys: Array.from({ length: ids.size }, (_, id) => ids.keyOf(id)),
    trie: { nodes: layout.nodes, edges: layout.edges, firsts: layout.firsts, values },
    raws,
    fuzzy: fuzzy.parts(),
    corrections,
    conflicts: engine.conflicts.map((c) => ({ key: c.key, conceptIds: [...c.conceptIds] })),
  };
}

/**
 * The engine compiled from `data`, from a snapshot of it. Throws SnapshotMismatch if the snapshot is
 * not of this glossary (or not whole), a RangeError if its arrays do not make a trie or typo index.
 */
export function restoreEngine(data: GlossaryData, snapshot: EngineSnapshot): Engine {
  if (snapshot.glossaryVersion !== data.version) throw new SnapshotMismatch(`snapshot of glossary ${snapshot.glossaryVersion}, not ${data.version}`);
  const spelling = new Map(Object.entries(data.text.spelling));
  const ids = new KeyIds(spelling);
  // Numbered again in the same order, every key gets its old id (the spelling map's come first, as they did).
  snapshot.keys.forEach((key, id) => {
    if (ids.intern(key) !== id) throw new SnapshotMismatch(`key ${id} numbered differently`);
  });
  const { concepts } = data;
  const saved = snapshot.trie.values;
  if (saved.length % 2 !== 0) throw new SnapshotMismatch('trie values are not pairs');
  const values = new Array<FormEntry>(saved.length / 2);
  let r = 0;
  for (let v = 0; v < values.length; v++) {
    const concept = concepts[saved[2 * v]!];
    const flags = saved[2 * v + 1]!;
    if (concept === undefined) throw new SnapshotMismatch(`no concept ${saved[2 * v]}`);
    const caseSensitive = (flags & CASE_SENSITIVE) !== 0;
    const raws = caseSensitive ? snapshot.raws[r++] : NO_RAWS;
    if (raws === undefined) throw new SnapshotMismatch('fewer raw token lists than case-sensitive values');
    values[v] = { conceptId: concept.id, concept, caseSensitive, raws, source: 'glossary', header: (flags & HEADER) !== 0, fuzzy: (flags & FUZZY) !== 0, capsWord: (flags & CAPS_WORD) !== 0 };
  }
  if (r !== snapshot.raws.length) throw new SnapshotMismatch('more raw token lists than case-sensitive values');
  for (const c of snapshot.corrections) if (c < -1 || c >= snapshot.keys.length) throw new SnapshotMismatch(`correction ${c} out of range`);
  const { nodes, edges, firsts } = snapshot.trie;
  const trie = TokenTrie.fromLayout<FormEntry>(ids, { nodes, edges, firsts, values });
  const fuzzy = FuzzyIndex.fromParts(snapshot.fuzzy, new Set(data.text.fuzzyProtected));
  const engine = assembleEngine(data, { spelling, ids, trie, fuzzy, conflicts: snapshot.conflicts, corrections: snapshot.corrections });
  // The rules number their keys too; a key the snapshot did not have means other code compiled it.
  if (ids.size !== snapshot.keys.length || snapshot.corrections.length !== ids.size) throw new SnapshotMismatch('the key table differs');
  return engine;
}
