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

export class FuzzyIndex {
  // Deletion variant -> the word (or words) it comes from; a plain string for the common single case.
  private readonly deletions = new Map<string, string | string[]>();

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
    for (const word of targets.keys()) {
      if (word.length < MIN_LENGTH || !LETTERS.test(word)) continue;
      this.maxLength = Math.max(this.maxLength, word.length);
      this.heads.add(word.slice(0, 3));
      this.tails.add(word[0] + word.slice(-3));
      this.index(word, word);
      for (let i = 0; i < word.length; i++) this.index(word.slice(0, i) + word.slice(i + 1), word);
    }
  }

  private index(key: string, word: string): void {
    const have = this.deletions.get(key);
    if (have === undefined) this.deletions.set(key, word);
    else if (typeof have === 'string') {
      if (have !== word) this.deletions.set(key, [have, word]);
    } else if (!have.includes(word)) have.push(word);
  }

  // A word within distance 1 of a target of 7+ letters keeps the target's first 3 or last 3 letters
  // (one edit cannot touch both ends), and a correction keeps the first letter, so most ordinary
  // words are ruled out by two set lookups: first three letters, or first letter + last three.
  private readonly heads = new Set<string>();
  private readonly tails = new Set<string>();
  /** Longest target: a word more than one letter longer cannot be within distance 1 (and this keeps a
   *  16,000-letter "word" from costing 16,000 deletions). */
  private maxLength = 0;

  /** The one glossary word this token key is a typo of, or undefined. */
  correct(key: string): string | undefined {
    if (key.length < MIN_LENGTH || !LETTERS.test(key) || this.vocabulary.has(key) || this.protectedWords.has(key)) {
      return undefined;
    }
    if (key.length > this.maxLength + 1) return undefined;
    if (!this.heads.has(key.slice(0, 3)) && !this.tails.has(key[0] + key.slice(-3))) return undefined;
    const found = new Set<string>();
    const consider = (k: string): void => {
      const words = this.deletions.get(k);
      if (words === undefined) return;
      if (typeof words === 'string') {
        if (words[0] === key[0] && withinOne(key, words)) found.add(words);
      } else for (const w of words) if (w[0] === key[0] && withinOne(key, w)) found.add(w);
    };
    consider(key);
    for (let i = 0; i < key.length; i++) consider(key.slice(0, i) + key.slice(i + 1));
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
