// Turns phrases and text into match keys: the token keys a trie walks. Both sides go through the
// same function so that a form matches text whatever its case, dashes, hyphenation or disc/disk spelling.
import { tokenize, type Token } from '../text/tokenize.js';

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

export interface MatchToken {
  /** Index in the full token list. */
  index: number;
  key: string;
  raw: string;
}

/** The tokens the tries walk: joining hyphens removed, spelling variants mapped. */
export function matchTokens(tokens: readonly Token[], spelling: SpellingMap): MatchToken[] {
  const out: MatchToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isJoiningHyphen(tokens, i)) continue;
    const t = tokens[i]!;
    out.push({ index: i, key: spelling.get(t.key) ?? t.key, raw: t.ascii ? t.raw : t.raw.normalize('NFKC') });
  }
  return out;
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
  const split = matchTokens(tokens, spelling);
  const variants = [{ keys: split.map((t) => t.key), raws: split.map((t) => t.raw) }];
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
