// A token trie with leftmost-longest matching (the semantics of BurntSushi/aho-corasick's
// LeftmostLongest): scanning left to right, at each position the longest phrase that starts there
// wins, matches never overlap, and the scan resumes after the match. Cost is linear in the number
// of tokens times the longest phrase length, a constant of the glossary.
// Edges are keyed by the key ids of a KeyIds table rather than by strings: a token is looked up by
// its string once (in matchTokens), and every trie walk after that compares small integers.
// Phrases are added into a tree of Maps; at `freeze()` (or, failing that, the first read) the tree is
// laid out flat, in typed arrays (nodes numbered, edges sorted by key id). The glossary's tree of Maps
// took about 5.5 MB of heap, and a walk met it cold in every report; the flat layout takes about
// 0.45 MB, and a step reads two places in memory instead of an object, its Map and its array of values.
import type { ReadonlyInts } from '../text/per-token.js';
import type { KeyIds } from './keys.js';

/** A node while phrases are added. */
interface BuildNode<V> {
  /** Undefined for a leaf (most nodes are): no Map allocated per leaf at start-up. */
  children: Map<number, BuildNode<V>> | undefined;
  values: V[];
  /** Its number in the flat layout. */
  n: number;
}

/** A node of the flat trie: its number. */
export type TrieNode = number;

/** The root node. */
export const ROOT: TrieNode = 0;
/** No node (a step with no edge). */
export const NO_NODE: TrieNode = -1;

/** Nodes with more edges than this are searched by bisection, fewer by a scan. */
const SCAN_LIMIT = 8;

/** The flat trie: what `freeze()` lays out, and what an engine snapshot saves and restores. */
export interface TrieLayout<V> {
  /** Per node, four integers: first edge, edge count, first value, value count. */
  nodes: Int32Array;
  /** Per edge, two integers: key id and child node; a node's edges are sorted by key id. */
  edges: Int32Array;
  /** The root's child by key id (NO_NODE for none): most tokens start no phrase, and learn it here. */
  firsts: Int32Array;
  /** Values of all nodes, in node order. */
  values: V[];
}

export class TokenTrie<V> {
  /** The tree phrases are added to; dropped once the trie is laid out. */
  private root: BuildNode<V> | undefined = { children: undefined, values: [], n: 0 };
  private flat: TrieLayout<V> | undefined;
  size = 0;

  /** @param ids the table that numbers this trie's keys; text must be numbered by the same table. */
  constructor(private readonly ids: KeyIds) {}

  /**
   * A trie laid out already (from an engine snapshot); `ids` must number keys as the saved trie's
   * table did. Throws a RangeError if the arrays do not make a trie (every index in range), so a bad
   * snapshot fails here, at start-up, and not in a request.
   */
  static fromLayout<V>(ids: KeyIds, layout: TrieLayout<V>): TokenTrie<V> {
    const { nodes, edges, firsts, values } = layout;
    const nodeCount = nodes.length / 4;
    const edgeCount = edges.length / 2;
    const bad = (what: string): never => {
      throw new RangeError(`TokenTrie: ${what} out of range`);
    };
    if (!Number.isInteger(nodeCount) || nodeCount < 1 || !Number.isInteger(edgeCount)) bad('array length');
    for (let n = 0; n < nodeCount; n++) {
      const edge = nodes[4 * n]!;
      const count = nodes[4 * n + 1]!;
      const value = nodes[4 * n + 2]!;
      const valueCount = nodes[4 * n + 3]!;
      if (edge < 0 || count < 0 || edge + count > edgeCount || value < 0 || valueCount < 0 || value + valueCount > values.length) bad(`node ${n}`);
    }
    for (let e = 0; e < edgeCount; e++) if (edges[2 * e + 1]! <= ROOT || edges[2 * e + 1]! >= nodeCount) bad(`edge ${e}`);
    for (const child of firsts) if (child !== NO_NODE && (child <= ROOT || child >= nodeCount)) bad('first edge');
    const trie = new TokenTrie<V>(ids);
    trie.root = undefined;
    trie.flat = layout;
    trie.size = layout.values.length;
    return trie;
  }

  /** The flat arrays (laid out now if need be): read, never changed. */
  layout(): Readonly<TrieLayout<V>> {
    return this.flat ?? this.layOut();
  }

  add(keys: readonly string[], value: V): void {
    if (this.root === undefined) throw new Error('TokenTrie: phrase added after the trie was laid out');
    let node = this.root;
    for (const key of keys) {
      const id = this.ids.intern(key);
      const children = (node.children ??= new Map());
      let child = children.get(id);
      if (child === undefined) children.set(id, (child = { children: undefined, values: [], n: 0 }));
      node = child;
    }
    node.values.push(value);
    this.size++;
  }

  /** Whether some phrase starts with the key id (most tokens start none). */
  starts(id: number): boolean {
    const { firsts } = this.flat ?? this.layOut();
    return id >= 0 && id < firsts.length && firsts[id]! !== NO_NODE;
  }

  /** The child of `node` along key id, or NO_NODE. */
  step(node: TrieNode, id: number): TrieNode {
    const { nodes, edges, firsts } = this.flat ?? this.layOut();
    if (node === ROOT) return id >= 0 && id < firsts.length ? firsts[id]! : NO_NODE;
    let lo = nodes[4 * node]!;
    let hi = lo + nodes[4 * node + 1]!;
    if (hi - lo <= SCAN_LIMIT) {
      for (let e = lo; e < hi; e++) if (edges[2 * e] === id) return edges[2 * e + 1]!;
      return NO_NODE;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const key = edges[2 * mid]!;
      if (key === id) return edges[2 * mid + 1]!;
      if (key < id) lo = mid + 1;
      else hi = mid;
    }
    return NO_NODE;
  }

  /** How many phrases end at `node`. */
  valueCount(node: TrieNode): number {
    return (this.flat ?? this.layOut()).nodes[4 * node + 3]!;
  }

  /** The i-th value of the phrases ending at `node`, in the order they were added. */
  valueAt(node: TrieNode, i: number): V {
    const flat = this.flat ?? this.layOut();
    return flat.values[flat.nodes[4 * node + 2]! + i]!;
  }

  /** Lays the trie out flat now rather than on its first read (the engine's tries, at start-up). */
  freeze(): void {
    if (this.flat === undefined) this.layOut();
  }

  /** Numbers the nodes depth first (a phrase's nodes sit near each other) and fills the arrays. */
  private layOut(): TrieLayout<V> {
    // Children in key-id order, per node; the nodes in depth-first order.
    const NO_KIDS: [number, BuildNode<V>][] = [];
    const sorted = (node: BuildNode<V>): [number, BuildNode<V>][] => (node.children === undefined ? NO_KIDS : [...node.children].sort(([a], [b]) => a - b));
    const order: BuildNode<V>[] = [];
    const kids: [number, BuildNode<V>][][] = [];
    const stack = [this.root!];
    let edgeCount = 0;
    while (stack.length > 0) {
      const node = stack.pop()!;
      node.n = order.length;
      order.push(node);
      const children = sorted(node);
      kids.push(children);
      edgeCount += children.length;
      for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]![1]);
    }
    const nodes = new Int32Array(4 * order.length);
    const edges = new Int32Array(2 * edgeCount);
    const values: V[] = [];
    let edge = 0;
    for (let n = 0; n < order.length; n++) {
      const node = order[n]!;
      nodes[4 * n] = edge;
      nodes[4 * n + 1] = kids[n]!.length;
      nodes[4 * n + 2] = values.length;
      nodes[4 * n + 3] = node.values.length;
      for (const [id, child] of kids[n]!) {
        edges[2 * edge] = id;
        edges[2 * edge + 1] = child.n;
        edge++;
      }
      for (const value of node.values) values.push(value);
    }
    const rootKids = kids[ROOT]!;
    const firsts = new Int32Array(rootKids.length === 0 ? 0 : rootKids[rootKids.length - 1]![0] + 1).fill(NO_NODE);
    for (const [id, child] of rootKids) firsts[id] = child.n;
    this.flat = { nodes, edges, firsts, values };
    this.root = undefined;
    return this.flat;
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
  alternatives?: ReadonlyInts;
  /** Tokens a phrase may not continue onto (e.g. across a blank line): 1, else 0. */
  blocked?: ReadonlyInts;
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
export function longestAt<V>(trie: TokenTrie<V>, ids: ReadonlyInts, from: number, options: WalkOptions<V>): TrieHit<V> | undefined {
  const { alternatives, blocked, accept } = options;
  let bestTo = -1;
  let bestValue: V | undefined;
  let node = ROOT;
  let corrected = false;
  for (let j = from; j < ids.length; j++) {
    if (j > from && blocked !== undefined && blocked[j] === 1) break;
    let next = trie.step(node, ids[j]!);
    if (next === NO_NODE && alternatives !== undefined) {
      const alt = alternatives[j]!;
      if (alt >= 0) {
        next = trie.step(node, alt);
        corrected = true;
      }
    }
    if (next === NO_NODE) break;
    node = next;
    const count = trie.valueCount(node);
    if (count === 0) continue;
    if (accept === undefined) {
      bestTo = j + 1;
      bestValue = trie.valueAt(node, 0);
      continue;
    }
    for (let v = 0; v < count; v++) {
      const value = trie.valueAt(node, v);
      if (accept(value, from, j + 1, corrected)) {
        bestTo = j + 1;
        bestValue = value;
        break;
      }
    }
  }
  return bestTo < 0 ? undefined : { from, to: bestTo, value: bestValue! };
}
