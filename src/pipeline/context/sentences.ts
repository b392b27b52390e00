// Sentence segmentation over tokens: the scope of every ConText cue ends at a sentence boundary.
// A boundary follows ".", "!" or "?" (not in "3.5" or after "vs"), precedes a blank line, and
// precedes a line break unless the new line visibly continues the sentence (a lower-case word
// after a word or comma, as in hard-wrapped text).
import type { Token } from '../text/tokenize.js';

const END = new Set(['.', '!', '?']);
const DIGITS = /^\d+$/;
const LOWER_START = /^\p{Ll}/u;

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
      if (!boundary && prev.kind === 'punct' && END.has(prev.key)) {
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
