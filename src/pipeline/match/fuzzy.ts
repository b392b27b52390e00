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
 * Hashes are cut to 30 bits so that they are small integers in a Map.
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

const letter = (code: number): number => code - 97;
const isLetter = (code: number): boolean => code >= 97 && code <= 122;

export class FuzzyIndex {
  // Hash of a deletion variant -> the word (or words) it may come from; a plain string for the
  // common single case. Hash collisions only add candidates, which withinOne then rules out.
  private readonly deletions = new Map<number, string | string[]>();

  /**
   * @param vocabulary every word of every form: never corrected, and the targets of corrections
   * @param protectedWords ordinary words that are never corrected either (e.g. "interior")
   */
  constructor(
    private readonly vocabulary: ReadonlySet<string>,
    /** Target words and the concepts whose forms use them. */
    private readonly targets: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly protectedWords: ReadonlySet<string>,
  ) {
    const hashes: number[] = [];
    for (const word of targets.keys()) {
      if (word.length < MIN_LENGTH || !LETTERS.test(word)) continue;
      this.maxLength = Math.max(this.maxLength, word.length);
      setBit(this.heads, headCode(word));
      setBit(this.tails, tailCode(word));
      deletionHashes(word, hashes);
      for (const h of hashes) {
        this.index(h, word);
        setBit(this.bloom, h & BLOOM_MASK);
        setBit(this.bloom, bloomSecond(h));
      }
    }
  }

  private index(key: number, word: string): void {
    const have = this.deletions.get(key);
    if (have === undefined) this.deletions.set(key, word);
    else if (typeof have === 'string') {
      if (have !== word) this.deletions.set(key, [have, word]);
    } else if (!have.includes(word)) have.push(word);
  }

  // A word within distance 1 of a target of 7+ letters keeps the target's first 3 or last 3 letters
  // (one edit cannot touch both ends), and a correction keeps the first letter, so most ordinary
  // words are ruled out by two table reads: first three letters, or first letter + last three.
  // Bit sets, small enough to stay in cache between requests.
  private readonly heads = new Int32Array(Math.ceil(26 ** 3 / 32));
  private readonly tails = new Int32Array(Math.ceil(26 ** 4 / 32));
  /** A Bloom filter over the deletion hashes (2 bits each): most candidate hashes of an ordinary word
   *  are in no target's deletions, and are ruled out here without probing the large Map. */
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
    const consider = (h: number): void => {
      if (!hasBit(this.bloom, h & BLOOM_MASK) || !hasBit(this.bloom, bloomSecond(h))) return;
      const words = this.deletions.get(h);
      if (words === undefined) return;
      if (typeof words === 'string') {
        if (words.charCodeAt(0) === first && withinOne(key, words)) found.add(words);
      } else for (const w of words) if (w.charCodeAt(0) === first && withinOne(key, w)) found.add(w);
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

const headCode = (w: string): number => (letter(w.charCodeAt(0)) * 26 + letter(w.charCodeAt(1))) * 26 + letter(w.charCodeAt(2));
const tailCode = (w: string): number => {
  const n = w.length;
  return ((letter(w.charCodeAt(0)) * 26 + letter(w.charCodeAt(n - 3))) * 26 + letter(w.charCodeAt(n - 2))) * 26 + letter(w.charCodeAt(n - 1));
};
