// Turns phrases and text into match keys: the token keys a trie walks. Both sides go through the
// same function so that a form matches text whatever its case, dashes, hyphenation or disc/disk spelling.
import { intList, truncated, type ReadonlyInts } from '../text/per-token.js';
import { hashKey, tokenize, type Token } from '../text/tokenize.js';

/** Token-level spelling equivalences (e.g. "disk" -> "disc"), from glossary data. */
export type SpellingMap = ReadonlyMap<string, string>;

/**
 * A hyphen between two word tokens with no space around it ("disc-osteophyte", "T2-weighted")
 * is not significant for matching: it is dropped, so "disc-osteophyte" = "disc osteophyte".
 */
export function isJoiningHyphen(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'punct' || t.key !== '-' || t.spaceBefore) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return prev?.kind === 'word' && next?.kind === 'word' && !next.spaceBefore;
}

/**
 * Numbers match keys so that tries compare integers, not strings, and folds in the spelling map, so
 * that a token costs one string lookup in all. The engine's table is filled at start-up with every
 * key of every compiled phrase and never changes after; a request with its own terms numbers their
 * new keys in a child table that lives and dies with the request. A key no phrase uses has id -1.
 */
export class KeyIds {
  /** Phrase key (already spelled) -> id. */
  private readonly canonical = new Map<string, number>();
  /** Text key -> id of its spelled form. */
  private readonly lookup = new Map<string, number>();
  /** Phrase key of each id from `base` on. */
  private readonly keys: string[] = [];
  private readonly base: number;

  constructor(
    private readonly spelling: SpellingMap,
    private readonly parent?: KeyIds,
  ) {
    this.base = parent?.size ?? 0;
    if (parent === undefined) for (const [from, to] of spelling) this.lookup.set(from, this.intern(to));
  }

  get size(): number {
    return this.base + this.keys.length;
  }

  /**
   * The lookup table again, as open addressing over `hashKey` (which the tokenizer computes while it
   * scans): a token's id then costs no string hashing and no Map probe. Each slot holds a key's hash
   * and its entry, side by side, so a probe reads one place in memory and compares a string only
   * when the hashes agree: reports vary, and a table this size is rarely in the CPU's cache. Built by
   * `seal()`, after which the table takes no new keys.
   */
  private slots = new Int32Array(0);
  private mask = -1;
  /** Entries of the table, dense: slot -> entry + 1 (0 for an empty slot) -> text key and id. */
  private entryKeys: string[] = [];
  private entryIds = new Int32Array(0);

  /** Fixes the table: called once every phrase of the engine is compiled. */
  seal(): void {
    let size = 16;
    while (size < this.lookup.size * 2) size *= 2;
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    this.entryKeys = [...this.lookup.keys()];
    this.entryIds = Int32Array.from(this.lookup.values());
    this.entryKeys.forEach((key, entry) => {
      const hash = hashKey(key);
      let slot = hash & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = hash;
      this.slots[2 * slot + 1] = entry + 1;
    });
  }

  /** The id of a phrase key (spelling already applied), numbering it if new. */
  intern(key: string): number {
    let id = this.parent?.canonicalId(key) ?? this.canonical.get(key);
    if (id === undefined) {
      if (this.mask >= 0) throw new Error(`KeyIds: "${key}" added after the table was sealed`);
      id = this.size;
      this.keys.push(key);
      this.canonical.set(key, id);
      if (!this.spelling.has(key)) this.lookup.set(key, id);
    }
    return id;
  }

  private canonicalId(key: string): number | undefined {
    return this.canonical.get(key);
  }

  /** The id of a token's key after the spelling map, or -1; `hash` is `hashKey(textKey)`. */
  idOf(textKey: string, hash = hashKey(textKey)): number {
    if (this.parent !== undefined) {
      const id = this.parent.idOf(textKey, hash);
      return id >= 0 ? id : (this.lookup.get(textKey) ?? -1);
    }
    if (this.mask < 0) return this.lookup.get(textKey) ?? -1;
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = slots[2 * slot + 1]!;
      if (entry === 0) return -1;
      if (slots[2 * slot] === hash && this.entryKeys[entry - 1] === textKey) return this.entryIds[entry - 1]!;
    }
  }

  /** The phrase key an id stands for. */
  keyOf(id: number): string {
    return id < this.base ? this.parent!.keyOf(id) : this.keys[id - this.base]!;
  }
}

/**
 * The tokens the tries walk, as parallel arrays rather than an object per token (a report has
 * hundreds of tokens and every one is walked): joining hyphens removed, spelling variants mapped,
 * keys numbered.
 */
export interface MatchTokens {
  /** Index in the full token list of each match token. */
  readonly index: ReadonlyInts;
  /** The key id of each match token in the engine's (or the request's) KeyIds; -1 if no phrase uses it. */
  readonly id: ReadonlyInts;
  readonly length: number;
}

export function matchTokens(tokens: readonly Token[], ids: KeyIds): MatchTokens {
  const index = intList(tokens.length);
  const id = intList(tokens.length);
  let p = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (isJoiningHyphen(tokens, i)) continue;
    index[p] = i;
    const t = tokens[i]!;
    id[p++] = ids.idOf(t.key, t.hash);
  }
  return { index: truncated(index, p), id: truncated(id, p), length: p };
}

/** Match token p as written, NFKC-normalised, for case-sensitive comparisons. */
export function matchRaw(tokens: readonly Token[], m: MatchTokens, p: number): string {
  const t = tokens[m.index[p]!]!;
  return t.ascii ? t.raw : t.raw.normalize('NFKC');
}

const SIMPLE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** Match keys of a phrase, plus its variant with hyphenated words joined ("non-contrast" -> "noncontrast"). */
export function phraseKeys(phrase: string, spelling: SpellingMap): { keys: string[]; raws: string[] }[] {
  // Fast path for the common case, lower-case words and single spaces: no tokenizer needed.
  if (SIMPLE.test(phrase)) {
    const raws = phrase.split(' ');
    return [{ keys: raws.map((w) => spelling.get(w) ?? w), raws }];
  }
  const tokens = tokenize(phrase);
  const split = tokens.filter((_, i) => !isJoiningHyphen(tokens, i));
  const variants = [{ keys: split.map((t) => spelling.get(t.key) ?? t.key), raws: split.map((t) => (t.ascii ? t.raw : t.raw.normalize('NFKC'))) }];
  if (tokens.some((_, i) => isJoiningHyphen(tokens, i))) {
    const keys: string[] = [];
    const raws: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (isJoiningHyphen(tokens, i)) {
        const next = tokens[++i]!;
        keys[keys.length - 1] += next.key;
        raws[raws.length - 1] += next.raw;
      } else {
        keys.push(t.key);
        raws.push(t.raw);
      }
    }
    const joinedKeys = keys.map((k) => spelling.get(k) ?? k);
    variants.push({ keys: joinedKeys, raws });
  }
  return variants.filter((v) => v.keys.length > 0);
}
