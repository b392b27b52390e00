// Typo tolerance for long words: a word of MIN_LENGTH or more letters that is not itself a known
// word may stand for a glossary word at Damerau (optimal string alignment) distance 1 with the same
// first letter, if every glossary word that close belongs to one concept. Candidates come from a deletion index
// (the SymSpell idea), so a lookup costs O(word length), never a scan of the vocabulary.

export const MIN_LENGTH = 7;
const LETTERS = /^[a-z]+$/;

/** Optimal string alignment distance, stopping early: returns 2 for anything beyond 1. */
export function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // deletion / insertion
}

/** Multiplier of the polynomial string hash below (an odd 32-bit constant). */
const B = 0x01000193;

/**
 * Hashes of a word and of each of its one-letter deletions, without building the deleted strings:
 * with h(s) = sum of s[j] * B^(len-1-j) (mod 2^32), deleting letter i gives
 * prefix(i) * B^(len-1-i) + suffix(i+1). Out[0] is the word's own hash, out[i+1] that of deletion i.
 * Hashes are cut to 30 bits: small integers, and never negative in the table.
 */
export function deletionHashes(word: string, out: number[]): void {
  const n = word.length;
  const suffix = new Array<number>(n + 1);
  suffix[n] = 0;
  let power = 1;
  for (let j = n - 1; j >= 0; j--) {
    suffix[j] = (suffix[j + 1]! + Math.imul(word.charCodeAt(j), power)) | 0;
    power = Math.imul(power, B);
  }
  out.length = n + 1;
  out[0] = suffix[0]! & 0x3fffffff;
  // powers[i] = B^(n-1-i), walked down from B^(n-1).
  let prefix = 0;
  let p = 1;
  for (let k = 0; k < n - 1; k++) p = Math.imul(p, B);
  const inverse = modInverse(B);
  for (let i = 0; i < n; i++) {
    out[i + 1] = (Math.imul(prefix, p) + suffix[i + 1]!) & 0x3fffffff;
    prefix = (Math.imul(prefix, B) + word.charCodeAt(i)) | 0;
    p = Math.imul(p, inverse);
  }
}

/** The inverse of an odd number modulo 2^32 (Newton's iteration). */
function modInverse(a: number): number {
  let x = a;
  for (let k = 0; k < 5; k++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x;
}

const BLOOM_LOG = 18;
const BLOOM_BITS = 1 << BLOOM_LOG;
const BLOOM_MASK = BLOOM_BITS - 1;
/** The Bloom filter's second bit: the top bits of the hash times a Fibonacci constant. */
const bloomSecond = (h: number): number => Math.imul(h, 0x9e3779b1) >>> (32 - BLOOM_LOG);
const setBit = (bits: Int32Array, i: number): void => void (bits[i >>> 5]! |= 1 << (i & 31));
const hasBit = (bits: Int32Array, i: number): boolean => (bits[i >>> 5]! & (1 << (i & 31))) !== 0;

const HEADS_LENGTH = Math.ceil(26 ** 3 / 32);
const TAILS_LENGTH = Math.ceil(26 ** 4 / 32);

const letter = (code: number): number => code - 97;
const isLetter = (code: number): boolean => code >= 97 && code <= 122;

/** A FuzzyIndex as plain data (an engine snapshot saves it): its words, tables and bit sets. */
export interface FuzzyParts {
  vocabulary: string[];
  /** Each target word and the concepts whose forms use it. */
  targets: [string, string[]][];
  table: Int32Array;
  lists: Int32Array;
  heads: Int32Array;
  tails: Int32Array;
  bloom: Int32Array;
  maxLength: number;
}

export class FuzzyIndex {
  /** The target words in the order of `targets`: the deletion lists name them by number. */
  private readonly words: string[];
  /**
   * The deletion index: the hash of each deletion variant -> the target words it may come from. Hash
   * collisions only add candidates, which withinOne then rules out. Open addressing over the hash,
   * two integers a slot: the hash and 1 + where its list starts in `lists` (0: an empty slot); a
   * list is a count and that many word numbers. Typed arrays, so a snapshot restores them as they are.
   */
  private readonly table: Int32Array;
  private readonly lists: Int32Array;
  private readonly mask: number;

  /**
   * @param vocabulary every word of every form: never corrected, and the targets of corrections
   * @param protectedWords ordinary words that are never corrected either (e.g. "interior")
   * @param parts the index as saved (FuzzyIndex.fromParts): its tables are taken, not built
   */
  constructor(
    readonly vocabulary: ReadonlySet<string>,
    /** Target words and the concepts whose forms use them. */
    readonly targets: ReadonlyMap<string, Iterable<string>>,
    readonly protectedWords: ReadonlySet<string>,
    parts?: FuzzyParts,
  ) {
    this.words = [...targets.keys()];
    if (parts !== undefined) {
      checkParts(parts, this.words.length);
      this.table = parts.table;
      this.lists = parts.lists;
      this.mask = parts.table.length / 2 - 1;
      this.heads.set(parts.heads);
      this.tails.set(parts.tails);
      this.bloom.set(parts.bloom);
      this.maxLength = parts.maxLength;
      return;
    }
    const byHash = new Map<number, number[]>();
    const hashes: number[] = [];
    this.words.forEach((word, w) => {
      if (word.length < MIN_LENGTH || !LETTERS.test(word)) return;
      this.maxLength = Math.max(this.maxLength, word.length);
      setBit(this.heads, headCode(word));
      setBit(this.tails, tailCode(word));
      deletionHashes(word, hashes);
      for (const h of hashes) {
        const list = byHash.get(h);
        if (list === undefined) byHash.set(h, [w]);
        else if (!list.includes(w)) list.push(w);
        setBit(this.bloom, h & BLOOM_MASK);
        setBit(this.bloom, bloomSecond(h));
      }
    });
    let capacity = 16;
    while (capacity < byHash.size * 2) capacity *= 2;
    this.table = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
    const lists: number[] = [];
    for (const [h, list] of byHash) {
      let slot = h & this.mask;
      while (this.table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.table[2 * slot] = h;
      this.table[2 * slot + 1] = lists.length + 1;
      lists.push(list.length, ...list);
    }
    this.lists = Int32Array.from(lists);
  }

  /** The index again from its parts, as `parts()` gave them. */
  static fromParts(parts: FuzzyParts, protectedWords: ReadonlySet<string>): FuzzyIndex {
    return new FuzzyIndex(new Set(parts.vocabulary), new Map(parts.targets), protectedWords, parts);
  }

  /** The index as plain data. */
  parts(): FuzzyParts {
    const targets = [...this.targets].map(([word, meanings]): [string, string[]] => [word, [...meanings]]);
    const { table, lists, heads, tails, bloom, maxLength } = this;
    return { vocabulary: [...this.vocabulary], targets, table, lists, heads, tails, bloom, maxLength };
  }

  // A word within distance 1 of a target of 7+ letters keeps the target's first 3 or last 3 letters
  // (one edit cannot touch both ends), and a correction keeps the first letter, so most ordinary
  // words are ruled out by two table reads: first three letters, or first letter + last three.
  // Bit sets, small enough to stay in cache between requests.
  private readonly heads = new Int32Array(HEADS_LENGTH);
  private readonly tails = new Int32Array(TAILS_LENGTH);
  /** A Bloom filter over the deletion hashes (2 bits each): most candidate hashes of an ordinary word
   *  are in no target's deletions, and are ruled out here without probing the table. */
  private readonly bloom = new Int32Array(BLOOM_BITS / 32);
  /** Longest target: a word more than one letter longer cannot be within distance 1 (and this keeps a
   *  16,000-letter "word" from costing 16,000 deletions). */
  private maxLength = 0;
  private readonly hashes: number[] = [];

  /** Whether a key is of a length some target could be a typo of (cheap: no lookups). */
  mayCorrect(key: string): boolean {
    return key.length >= MIN_LENGTH && key.length <= this.maxLength + 1;
  }

  /** The one glossary word this token key is a typo of, or undefined. */
  correct(key: string): string | undefined {
    const n = key.length;
    if (n < MIN_LENGTH || n > this.maxLength + 1) return undefined;
    for (let i = 0; i < n; i++) if (!isLetter(key.charCodeAt(i))) return undefined;
    if (!hasBit(this.heads, headCode(key)) && !hasBit(this.tails, tailCode(key))) return undefined;
    if (this.vocabulary.has(key) || this.protectedWords.has(key)) return undefined;
    const found = new Set<string>();
    const first = key.charCodeAt(0);
    const { table, lists, mask, words } = this;
    const consider = (h: number): void => {
      if (!hasBit(this.bloom, h & BLOOM_MASK) || !hasBit(this.bloom, bloomSecond(h))) return;
      for (let slot = h & mask; table[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
        if (table[2 * slot] !== h) continue;
        const at = table[2 * slot + 1]! - 1;
        for (let k = at + 1; k <= at + lists[at]!; k++) {
          const w = words[lists[k]!]!;
          if (w.charCodeAt(0) === first && withinOne(key, w)) found.add(w);
        }
        return;
      }
    };
    const hashes = this.hashes;
    deletionHashes(key, hashes);
    for (const h of hashes) consider(h);
    if (found.size === 0) return undefined;
    // Prefer words that are whole one-word forms of a concept; among those (or, failing them, among
    // the rest) the candidates must all mean one thing, else the typo is ambiguous and left alone.
    const whole = [...found].filter((w) => [...(this.targets.get(w) ?? [])].some((m) => !m.startsWith('~')));
    const pool = whole.length > 0 ? whole : [...found];
    const meanings = new Set<string>();
    for (const w of pool) for (const m of this.targets.get(w) ?? []) if (whole.length === 0 || !m.startsWith('~')) meanings.add(m);
    if (meanings.size !== 1) return undefined;
    return pool.sort()[0];
  }
}

/**
 * Throws a RangeError unless saved parts make an index a lookup can trust: a table of a power of two
 * slots with at least one empty (a probe stops there), lists inside `lists`, word numbers below
 * `words`, bit sets of their size. A bad snapshot then fails at start-up, not in a request.
 */
function checkParts(parts: FuzzyParts, words: number): void {
  const { table, lists } = parts;
  const slots = table.length / 2;
  const bad = (what: string): never => {
    throw new RangeError(`FuzzyIndex: ${what}`);
  };
  if (!Number.isInteger(slots) || slots < 1 || (slots & (slots - 1)) !== 0) bad('table size is not a power of two');
  let empty = false;
  for (let slot = 0; slot < slots; slot++) {
    const start = table[2 * slot + 1]!;
    if (start === 0) {
      empty = true;
      continue;
    }
    const at = start - 1;
    if (at < 0 || at >= lists.length || at + 1 + lists[at]! > lists.length) bad(`list of slot ${slot} out of range`);
    for (let k = at + 1; k <= at + lists[at]!; k++) if (lists[k]! < 0 || lists[k]! >= words) bad(`word ${lists[k]} out of range`);
  }
  if (!empty) bad('table has no empty slot');
  if (parts.heads.length !== HEADS_LENGTH || parts.tails.length !== TAILS_LENGTH || parts.bloom.length !== BLOOM_BITS / 32) bad('bit set of the wrong size');
}

const headCode = (w: string): number => (letter(w.charCodeAt(0)) * 26 + letter(w.charCodeAt(1))) * 26 + letter(w.charCodeAt(2));
const tailCode = (w: string): number => {
  const n = w.length;
  return ((letter(w.charCodeAt(0)) * 26 + letter(w.charCodeAt(n - 3))) * 26 + letter(w.charCodeAt(n - 2))) * 26 + letter(w.charCodeAt(n - 1));
};
