// Sentence segmentation over tokens: the scope of every ConText cue ends at a sentence boundary.
// A boundary follows ".", "!" or "?" (not in "3.5", after "vs", or in "? cord compression"), precedes a blank line, and
// precedes a line break unless the new line visibly continues the sentence (a lower-case word
// after a word or comma, as in hard-wrapped text).
import type { Token } from '../text/tokenize.js';

const END = new Set(['.', '!', '?']);
const DIGITS = /^\d+$/;
const LOWER_START = /^\p{Ll}/u;

/**
 * Whether token i is a question mark written before a term, as clinical notes do ("? cord compression",
 * "?spondylolysis"): at the start of a line, after white space or a colon, with a word after it on its
 * line. It questions what follows it and ends no sentence.
 */
export function isPrefixQuestion(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (t.key !== '?' || next === undefined || next.newlinesBefore > 0 || next.kind !== 'word') return false;
  return i === 0 || t.newlinesBefore > 0 || t.spaceBefore || tokens[i - 1]!.key === ':';
}

/** Sentence index of every token (a plain array: see `ints` in analyze.ts on typed arrays). */
export function sentenceIds(tokens: readonly Token[], noSentenceEnd: ReadonlySet<string>): number[] {
  const ids: number[] = [];
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0) {
      const prev = tokens[i - 1]!;
      let boundary = false;
      if (t.newlinesBefore >= 2) boundary = true;
      else if (t.newlinesBefore === 1) {
        const continues = LOWER_START.test(t.raw) && (prev.kind === 'word' || prev.key === ',');
        boundary = !continues;
      }
      if (!boundary && prev.kind === 'punct' && END.has(prev.key) && !isPrefixQuestion(tokens, i - 1)) {
        const before = tokens[i - 2];
        const decimal = prev.key === '.' && !t.spaceBefore && DIGITS.test(t.raw) && before !== undefined && DIGITS.test(before.raw);
        const abbreviation = prev.key === '.' && before !== undefined && !prev.spaceBefore && noSentenceEnd.has(before.key);
        boundary = !decimal && !abbreviation;
      }
      if (boundary) id++;
    }
    ids.push(id);
  }
  return ids;
}
