// A token trie with leftmost-longest matching (the semantics of BurntSushi/aho-corasick's
// LeftmostLongest): scanning left to right, at each position the longest phrase that starts there
// wins, matches never overlap, and the scan resumes after the match. Cost is linear in the number
// of tokens times the longest phrase length, a constant of the glossary.
// Edges are keyed by the key ids of a KeyIds table rather than by strings: a token is looked up by
// its string once (in matchTokens), and every trie walk after that compares small integers.
import type { KeyIds } from './keys.js';

export interface TrieNode<V> {
  children: Map<number, TrieNode<V>>;
  /** The first child added and its key id (-1 for none): most nodes have one child, read without the Map. */
  firstId: number;
  firstChild: TrieNode<V> | undefined;
  values: V[];
}

const newNode = <V>(): TrieNode<V> => ({ children: new Map(), firstId: -1, firstChild: undefined, values: [] });

export class TokenTrie<V> {
  readonly root: TrieNode<V> = newNode();
  size = 0;
  /**
   * The root's children again, indexed by key id: every token position starts a walk at the root and
   * most go no further, so that first step is one array read rather than a Map lookup.
   */
  private readonly firsts: (TrieNode<V> | undefined)[] = [];

  /** @param ids the table that numbers this trie's keys; text must be numbered by the same table. */
  constructor(private readonly ids: KeyIds) {}

  /** Whether some phrase starts with the key id (most tokens start none). */
  starts(id: number): boolean {
    return id >= 0 && id < this.firsts.length && this.firsts[id] !== undefined;
  }

  /** The child of `node` along key id, if any. */
  step(node: TrieNode<V>, id: number): TrieNode<V> | undefined {
    if (node !== this.root) {
      if (node.firstId === id) return node.firstChild;
      return node.children.size > 1 ? node.children.get(id) : undefined;
    }
    return id >= 0 && id < this.firsts.length ? this.firsts[id] : undefined;
  }

  add(keys: readonly string[], value: V): void {
    let node = this.root;
    for (const key of keys) {
      const id = this.ids.intern(key);
      let child = node.children.get(id);
      if (child === undefined) {
        child = newNode<V>();
        node.children.set(id, child);
        if (node.firstId < 0) {
          node.firstId = id;
          node.firstChild = child;
        }
        if (node === this.root) {
          while (this.firsts.length < id) this.firsts.push(undefined);
          this.firsts[id] = child;
        }
      }
      node = child;
    }
    node.values.push(value);
    this.size++;
  }
}

export interface TrieHit<V> {
  /** Index of the first match token. */
  from: number;
  /** Index one past the last match token. */
  to: number;
  value: V;
}

export interface WalkOptions<V> {
  /** Alternative key id of each token (a typo correction), tried when the exact key has no edge; -1 for none. */
  alternatives?: readonly number[];
  /** Tokens a phrase may not continue onto (e.g. across a blank line). */
  blocked?: readonly boolean[];
  /**
   * Whether a value is acceptable for tokens [from, to) (e.g. case-sensitive abbreviations);
   * `corrected` tells whether the walk used an alternative (typo-corrected) key.
   */
  accept?: (value: V, from: number, to: number, corrected: boolean) => boolean;
}

/**
 * The longest phrase of the trie starting at token `from` (tokens given by key id), with the first
 * accepted value at that length. Called at most token positions, so it allocates nothing until it
 * has walked as far as it can.
 */
export function longestAt<V>(trie: TokenTrie<V>, ids: readonly number[], from: number, options: WalkOptions<V>): TrieHit<V> | undefined {
  const { alternatives, blocked, accept } = options;
  let bestTo = -1;
  let bestValue: V | undefined;
  let node: TrieNode<V> | undefined = trie.root;
  let corrected = false;
  for (let j = from; j < ids.length; j++) {
    if (j > from && blocked !== undefined && blocked[j] === true) break;
    let next = trie.step(node, ids[j]!);
    if (next === undefined && alternatives !== undefined) {
      const alt = alternatives[j]!;
      if (alt >= 0) {
        next = trie.step(node, alt);
        corrected = true;
      }
    }
    if (next === undefined) break;
    node = next;
    const values = node.values;
    if (values.length === 0) continue;
    if (accept === undefined) {
      bestTo = j + 1;
      bestValue = values[0];
      continue;
    }
    for (const v of values) {
      if (accept(v, from, j + 1, corrected)) {
        bestTo = j + 1;
        bestValue = v;
        break;
      }
    }
  }
  return bestTo < 0 ? undefined : { from, to: bestTo, value: bestValue! };
}
