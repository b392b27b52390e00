// Per-request arrays, one element per token. Up to LARGE elements, integers are in
// plain arrays: made and collected in the young generation, cheaper than a typed array, whose
// memory lives outside the JS heap. Past LARGE, a plain array's backing store (8 bytes an element)
// is over 128 KB, a "large object" that V8 puts on freshly mapped pages of the old generation: a
// report of 100,000 characters made a few dozen of them per call, and cost 5 to 10 times what the
// same text cost at half the length (bench, linearity). There a typed array is used instead: its
// memory comes from malloc, which reuses it from call to call. Objects per token (the cue that starts
// at each token, the scope in force at each) are kept as a list and an index per token: `PerToken`.
// (Arrays per mention, and the reply's, stay plain arrays: a report has a few mentions per line, and
// only the longest texts have more than LARGE of them.)

/** The most elements a per-request plain array may have (128 KB of 8-byte elements, less headers). */
export const LARGE = 16_000;

/**
 * The most elements a plain array may reach by being written in order (by `push`, or index by index
 * from 0). V8 grows such an array to 1.5 times the length needed plus 16: past 15,044 elements the
 * next capacity is 22,583, a large object, whatever the final length. (An Int32Array of 15,000 or
 * of 16,000 elements costs the same; the plain array of 16,000 written in order cost ten times the
 * one of 12,500 in `matchTokens`.)
 */
export const LARGE_LIST = 15_000;

/** An array of integers indexed by position: a plain array when small, an Int32Array when large. */
export interface Ints {
  [index: number]: number;
  readonly length: number;
  fill(value: number, start?: number, end?: number): unknown;
}

/** The same, read-only. */
export interface ReadonlyInts {
  readonly [index: number]: number;
  readonly length: number;
}

/** `n` integers, all `fill`. */
export function ints(n: number, fill = 0): Ints {
  return n > LARGE ? new Int32Array(n).fill(fill) : new Array<number>(n).fill(fill);
}

/** Room for `n` integers, every one of which the caller sets before reading it (no fill to pay). */
export function unfilled(n: number): Ints {
  return n > LARGE ? new Int32Array(n) : new Array<number>(n);
}

/**
 * Room for up to `n` integers written in order from index 0: a plain array that each write extends
 * (and that stays free of holes) when small (up to LARGE_LIST), an Int32Array of n zeros when large.
 * Cut it with `truncated` to the count written.
 */
export function intList(n: number): Ints {
  return n > LARGE_LIST ? new Int32Array(n) : [];
}

/** The first `n` elements of `a`, which it may reuse: a plain array is cut, a typed array viewed. */
export function truncated(a: Ints, n: number): Ints {
  if (a instanceof Int32Array) return a.subarray(0, n);
  (a as number[]).length = n;
  return a;
}

/** Values at some tokens, read only. */
export interface ReadonlyPerToken<T> {
  /** The value at token i; undefined for none, or for an i out of range. */
  get(i: number): T | undefined;
}

/** Values at some tokens: the value starting at each token (a cue), or in force there (a scope). */
export interface PerToken<T> extends ReadonlyPerToken<T> {
  /** Sets the value at token i (in range) and returns it. */
  set(i: number, value: T): T;
}

/**
 * Room for values at `n` tokens. Up to LARGE tokens, a plain array of them. Past it, the values in a
 * list and, per token, its value's place in the list plus one (0 for none) in `ints`, so that no
 * array of n references is made; a value set again right after itself (a scope in force over a run
 * of tokens) takes no new place in the list. (Two classes rather than one with a branch: a process
 * that never sees a long text reads only the first, and its reads compile to an array access.)
 */
export function perToken<T>(n: number): PerToken<T> {
  return n > LARGE ? new IndexedValues<T>(n) : new DirectValues<T>(n);
}

class DirectValues<T> implements PerToken<T> {
  private readonly values: (T | undefined)[];

  constructor(n: number) {
    this.values = new Array<T | undefined>(n);
  }

  get(i: number): T | undefined {
    return this.values[i];
  }

  set(i: number, value: T): T {
    this.values[i] = value;
    return value;
  }
}

class IndexedValues<T> implements PerToken<T> {
  private readonly slots: Ints;
  private readonly values: T[] = [];

  constructor(n: number) {
    this.slots = ints(n);
  }

  get(i: number): T | undefined {
    const slot = this.slots[i];
    return slot === undefined || slot === 0 ? undefined : this.values[slot - 1];
  }

  set(i: number, value: T): T {
    const { values } = this;
    if (values.length === 0 || values[values.length - 1] !== value) values.push(value);
    this.slots[i] = values.length;
    return value;
  }
}
