// Tokenizer that keeps offsets: every token records where it sits in the ORIGINAL text, so
// annotations can be reported as half-open UTF-16 indices into what the caller sent.
// Normalisation (case, Unicode dashes, apostrophes, NFKC) happens per token, in `key`,
// never by rewriting the text, which is what keeps the map back to the original offsets exact.

import { LARGE_LIST } from './per-token.js';

export type TokenKind = 'word' | 'punct';

const WORD = 1;
const ASCII = 2;
const SPACE = 4;
const NEWLINE_SHIFT = 3;
const MAX_NEWLINES = 2 ** 27 - 1;

/**
 * One token. Small on purpose (five fields, the rest derived): a report's tokens are walked by every
 * step, and how many of them fit in the CPU's cache shows in every step's cost.
 */
export class Token {
  constructor(
    /** Index into the original text of the first UTF-16 code unit. */
    readonly start: number,
    /** The token exactly as written. */
    readonly raw: string,
    /** Lower-cased, NFKC-normalised form used for matching; dashes are "-", apostrophes "'". */
    readonly key: string,
    /** `hashKey(key)`, computed while scanning, so that looking the key up needs no string hashing. */
    readonly hash: number,
    /** Kind, ASCII, space before and line breaks before, packed. */
    private readonly bits: number,
  ) {}

  /** Half-open end index into the original text. */
  get end(): number {
    return this.start + this.raw.length;
  }

  get kind(): TokenKind {
    return (this.bits & WORD) !== 0 ? 'word' : 'punct';
  }

  /** True when the token is plain ASCII (its key needs no Unicode normalisation). */
  get ascii(): boolean {
    return (this.bits & ASCII) !== 0;
  }

  /** True when white space separates this token from the previous one. */
  get spaceBefore(): boolean {
    return (this.bits & SPACE) !== 0;
  }

  /** Number of line breaks between the previous token and this one. */
  get newlinesBefore(): number {
    return this.bits >>> NEWLINE_SHIFT;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Cuts a 32-bit hash to 30 bits, non-negative: an Int32Array stores it unchanged (so a table compares
 * hashes as they are), and V8 keeps it unboxed even in builds whose small integers have 31 bits.
 */
const SMALL = 0x3fffffff;

/** FNV-1a over the UTF-16 code units of a key, cut to 30 bits (a non-negative small integer). */
export function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h & SMALL;
}

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;

function isWordChar(code: number, ch: string): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 128) return false;
  return /[\p{L}\p{N}\p{M}]/u.test(ch);
}

function isSpace(code: number): boolean {
  // ASCII white space, NBSP, the Unicode space separators, line/paragraph separators, BOM, NEL.
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** An ASCII digit's character code. */
export const isDigit = (code: number): boolean => code >= 48 && code <= 57;

const isApostrophe = (ch: string | undefined): boolean => ch === "'" || ch === '\u2019' || ch === '\u2018';

/** Normalises one token for matching. */
export function tokenKey(raw: string, ascii = false): string {
  if (ascii) return raw === '`' ? "'" : raw.toLowerCase();
  return raw.normalize('NFKC').toLowerCase().replace(DASHES, '-').replace(APOSTROPHES, "'");
}

/**
 * Splits text into word tokens (runs of letters, digits and combining marks, with inner
 * apostrophes as in "Schmorl's") and single-character punctuation tokens. White space separates
 * tokens and is not a token. Linear in the length of the text.
 */
export function tokenize(text: string): Token[] {
  // Past LARGE_LIST tokens, the list is kept in pieces of LARGE_LIST and joined once at the end:
  // grown by `push`, it would be copied into a new large object at every growth step (100,000
  // characters of "Modic 1 and", 25,000 tokens: 77 ns a token against 50 in pieces and 22-27 for
  // texts of fewer tokens; see per-token.ts).
  let tokens: Token[] = [];
  let pieces: Token[][] | undefined;
  const n = text.length;
  let i = 0;
  let newlines = 0;
  let space = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (code === 10 || code === 0x2028 || code === 0x2029 || code === 0x85) newlines++;
      else if (code === 13 && text.charCodeAt(i + 1) !== 10) newlines++;
      space = true;
      i++;
      continue;
    }
    const start = i;
    let ascii = code < 128;
    // A surrogate pair is one character: never split it.
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    let kind: TokenKind;
    // The key's hash, for ASCII words (whose key is the lower-cased text); others hash their key below.
    let h = ascii ? Math.imul(FNV_OFFSET ^ (code >= 65 && code <= 90 ? code + 32 : code), FNV_PRIME) : 0;
    // Whether an ASCII word has capitals: if not, its key is its text (no toLowerCase to pay).
    let upper = code >= 65 && code <= 90;
    if (isWordChar(code, code < 128 ? '' : text.slice(i, i + width))) {
      kind = 'word';
      i += width;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c < 128) {
          // ASCII letters and digits: the common case, no string slicing.
          if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) {
            h = Math.imul(h ^ c, FNV_PRIME);
            i++;
            continue;
          }
          if (c >= 65 && c <= 90) {
            h = Math.imul(h ^ (c + 32), FNV_PRIME);
            upper = true;
            i++;
            continue;
          }
          if (c === 39 && i + 1 < n && isWordChar(text.charCodeAt(i + 1), text[i + 1] ?? '')) {
            h = Math.imul(h ^ c, FNV_PRIME);
            i++;
            continue;
          }
          break;
        }
        ascii = false;
        const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        const next = text.slice(i, i + w);
        if (isWordChar(c, next)) {
          i += w;
        } else if (isApostrophe(next) && i + 1 < n && isWordChar(text.charCodeAt(i + 1), text[i + 1] ?? '')) {
          i += 1;
        } else {
          break;
        }
      }
    } else {
      kind = 'punct';
      i += width;
    }
    const raw = text.slice(start, i);
    let key: string;
    let hash: number;
    if (ascii && kind === 'word') {
      key = upper ? raw.toLowerCase() : raw;
      hash = h & SMALL;
    } else {
      key = ascii && raw !== '`' ? raw : tokenKey(raw, ascii);
      hash = hashKey(key);
    }
    // (Line breaks are counted up to 2^27, far beyond any text the service accepts, to keep bits a small integer.)
    const bits = (kind === 'word' ? WORD : 0) | (ascii ? ASCII : 0) | (space ? SPACE : 0) | (Math.min(newlines, MAX_NEWLINES) << NEWLINE_SHIFT);
    if (tokens.length === LARGE_LIST) {
      (pieces ??= []).push(tokens);
      tokens = [];
    }
    tokens.push(new Token(start, raw, key, hash, bits));
    newlines = 0;
    space = false;
  }
  if (pieces === undefined) return tokens;
  pieces.push(tokens);
  return ([] as Token[]).concat(...pieces);
}
