// Sentence segmentation over tokens: the scope of every ConText cue ends at a sentence boundary.
// A boundary follows ".", "!" or "?" (not in "3.5", after "vs", or in "? cord compression"),
// precedes a question mark written before a term, precedes a blank line, and precedes a line break
// unless the new line visibly continues the sentence: a lower-case word after a comma, after or
// before a word that joins (text.json `lineJoiners`: "... of\n", "\nwith ..."), or after a word where
// the line was full, as in hard-wrapped text (its first word would not have fitted on the line before;
// the paragraph's longest line, if at least MIN_WRAP_WIDTH long, is taken as the wrap width). Dictated
// text that puts one statement on each line ("no cord oedema\ndural tail present") is split at every
// line.
import { intList, unfilled, type Ints, type ReadonlyInts } from '../text/per-token.js';
import type { Token } from '../text/tokenize.js';

const END = new Set(['.', '!', '?']);
const DIGITS = /^\d+$/;
const LOWER_START = /^\p{Ll}/u;
/** A lower-case word or a number: what continues a sentence after shorthand ("ca. 8 mm"). */
const CONTINUES_AFTER_SHORTHAND = /^[\p{Ll}\d]/u;

/** The narrowest line width taken for hard wrapping: a paragraph of shorter lines is one statement per line ("no cord oedema\ndural tail present"). */
const MIN_WRAP_WIDTH = 50;
/** Tokens after which a question mark opens a question rather than ends one ("HISTORY: ? mets", "Back pain, ? disc"). */
const OPENERS = new Set([':', ',', ';', '.', '(', '-', '?']);
/** A word with a capital and then a lower-case letter ("Back"); "L3" and "MRI" are not. */
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/**
 * Whether token i is a question mark written before a term, as clinical notes do ("? cord compression",
 * "?spondylolysis"): with a word after it on its line, and at the start of a line or after an opener,
 * or after a space when the next word is not capitalised or follows with no space ("focus at L2 ?
 * haemangioma", "pain ?Andersson lesion"; but "Spinal mets ? Back pain for 3 months" asks about the mets). It questions what follows it, and starts a sentence.
 */
export function isPrefixQuestion(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (t.key !== '?' || next === undefined || next.newlinesBefore > 0 || next.kind !== 'word') return false;
  if (i === 0 || t.newlinesBefore > 0 || OPENERS.has(tokens[i - 1]!.key)) return true;
  // ("new thoracic pain ?Andersson lesion": a mark written onto its word questions that word.)
  return t.spaceBefore && (!next.spaceBefore || !CAPITALISED.test(next.raw));
}

/** Sentence index of every token. */
export function sentenceIds(
  tokens: readonly Token[],
  noSentenceEnd: ReadonlySet<string>,
  beforeLower: ReadonlySet<string> = new Set(),
  joiners: LineJoiners = NO_JOINERS,
): ReadonlyInts {
  const ids = intList(tokens.length);
  const wrapWidth = paragraphWidths(tokens);
  let id = 0;
  let lineStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0) {
      const prev = tokens[i - 1]!;
      let boundary = false;
      if (t.newlinesBefore >= 2 || isPrefixQuestion(tokens, i)) boundary = true;
      else if (t.newlinesBefore === 1) {
        const lower = LOWER_START.test(t.raw);
        const joined = prev.key === ',' || (prev.kind === 'word' && (joiners.end.has(prev.key) || joiners.start.has(t.key)));
        const width = wrapWidth[i]!;
        const wrapped = prev.kind === 'word' && width >= MIN_WRAP_WIDTH && prev.end - tokens[lineStart]!.start + 1 + (t.end - t.start) > width;
        boundary = !(lower && (joined || wrapped));
      }
      if (!boundary && prev.kind === 'punct' && END.has(prev.key) && !isPrefixQuestion(tokens, i - 1)) {
        const before = tokens[i - 2];
        const decimal = prev.key === '.' && !t.spaceBefore && DIGITS.test(t.raw) && before !== undefined && DIGITS.test(before.raw);
        // (Some shorthand ends a sentence unless a lower-case word or a number follows: "Sl. disc bulge",
        // "ca. 8 mm", but "... is sev. Cord ...".)
        const abbreviation = prev.key === '.' && before !== undefined && !prev.spaceBefore && (noSentenceEnd.has(before.key) || (beforeLower.has(before.key) && CONTINUES_AFTER_SHORTHAND.test(t.raw)));
        boundary = !decimal && !abbreviation;
      }
      if (boundary) id++;
    }
    if (t.newlinesBefore > 0) lineStart = i;
    ids[i] = id;
  }
  return ids;
}

/** Words that join a line to the next one: at the end of the first (text.json `lineJoiners.end`) or the start of the next (`lineJoiners.start`). */
export interface LineJoiners {
  end: ReadonlySet<string>;
  start: ReadonlySet<string>;
}
const NO_JOINERS: LineJoiners = { end: new Set(), start: new Set() };

/**
 * Per token, the width its paragraph (lines between blank lines) was hard-wrapped at: the length of
 * its longest line, in characters; 0 where the paragraph is not hard-wrapped, because some line in it
 * was broken before a lower-case word that would have fitted on it ("alignment is maintained\nthe
 * cord ...": one statement per line, however long the other lines are).
 */
function paragraphWidths(tokens: readonly Token[]): Ints {
  // (Every element is set below, paragraph by paragraph.)
  const widths = unfilled(tokens.length);
  if (tokens.length === 0) return widths;
  // Each line as [first token, last token], paragraph by paragraph.
  let paragraph = 0;
  let lines: number[] = [];
  let lineStart = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const t = tokens[i];
    if (i < tokens.length && t!.newlinesBefore === 0) continue;
    lines.push(lineStart, i - 1);
    lineStart = i;
    if (i < tokens.length && t!.newlinesBefore === 1) continue;
    let widest = 0;
    for (let l = 0; l < lines.length; l += 2) widest = Math.max(widest, tokens[lines[l + 1]!]!.end - tokens[lines[l]!]!.start);
    let ragged = false;
    for (let l = 2; l < lines.length && !ragged; l += 2) {
      const first = tokens[lines[l]!]!;
      const last = tokens[lines[l - 1]!]!;
      const length = last.end - tokens[lines[l - 2]!]!.start;
      ragged = last.kind === 'word' && LOWER_START.test(first.raw) && length + 1 + (first.end - first.start) <= widest;
    }
    widths.fill(ragged ? 0 : widest, paragraph, i);
    paragraph = i;
    lines = [];
  }
  return widths;
}
