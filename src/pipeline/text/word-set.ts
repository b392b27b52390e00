// A set of token keys, looked up by the hash the tokenizer already computed (Token.hash): the
// context step asks "is this token one of these words?" at every token, and a Set<string> would
// hash each freshly sliced key again.
import { hashKey, type Token } from './tokenize.js';

export class WordSet {
  private readonly slots: (string | undefined)[];
  private readonly mask: number;
  readonly size: number;

  constructor(words: Iterable<string>) {
    const unique = [...new Set(words)];
    let capacity = 8;
    while (capacity < unique.length * 4) capacity *= 2;
    this.slots = new Array<string | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    this.size = unique.length;
    for (const word of unique) {
      let slot = hashKey(word) & this.mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.slots[slot] = word;
    }
  }

  /** Whether the key is in the set; `hash` is `hashKey(key)` when the caller has it. */
  has(key: string, hash = hashKey(key)): boolean {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const word = this.slots[slot];
      if (word === undefined) return false;
      if (word === key) return true;
    }
  }

  /** Whether the token's key is in the set. */
  hasToken(token: Token): boolean {
    return this.has(token.key, token.hash);
  }
}
