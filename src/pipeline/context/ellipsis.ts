// Shared head words: in "no spinal canal or neural foraminal stenosis" and "mild central canal and
// bilateral foraminal narrowing", the anatomy word before the conjunction borrows the narrowing word
// of the finding after it. Without this, a patient would read "spinal canal" as a plain body part
// and never see that the canal is (or is not) narrowed. Which anatomy stands for which finding, and
// which findings name a narrowing, is data (`narrowedAs`, `narrowing` in the concept files).
import type { Concept } from '../../glossary/schema.js';
import type { Mention } from '../match/matcher.js';
import type { Token } from '../text/tokenize.js';
import type { ContextWords } from './rules.js';

/** Tokens allowed between the anatomy word and the finding: a joiner first, then a few modifiers. */
const MAX_GAP = 4;

export interface SharedHeads {
  mentions: Mention[];
  /** For each expanded anatomy mention (by index), the index of the finding whose head it shares. */
  sharedWith: Map<number, number>;
}

/**
 * Returns the mentions with anatomy words that share a narrowing finding's head rewritten to that
 * finding's concept ("spinal canal" -> central canal stenosis). Right to left, so that lists chain:
 * "central canal, lateral recess or foraminal stenosis".
 */
export function expandSharedHeads(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  concepts: ReadonlyMap<string, Concept>,
  words: ContextWords,
): SharedHeads {
  const out = [...mentions];
  const sharedWith = new Map<number, number>();
  // The nearest narrowing finding to the right that a word here could share, and whether it is
  // itself an expanded anatomy word (then a comma may join too: "canal, recess or foraminal stenosis").
  let head: { mention: Mention; index: number; expanded: boolean } | undefined;
  for (let k = out.length - 1; k >= 0; k--) {
    const m = out[k]!;
    if (m.source !== 'glossary') continue;
    const concept = m.concept ?? concepts.get(m.conceptId);
    const target = concept?.narrowedAs;
    if (target !== undefined && head !== undefined && sharesHead(tokens, m, head.mention, head.expanded, words)) {
      out[k] = { ...m, conceptId: target, concept: concepts.get(target) };
      sharedWith.set(k, head.index);
      head = { mention: out[k]!, index: k, expanded: true };
    } else if (concept?.narrowing === true) {
      head = { mention: m, index: k, expanded: false };
    } else if (concept !== undefined && MODIFIER_CATEGORIES.has(concept.category)) {
      // "and bilateral foraminal narrowing": a side or severity word may stand in between.
    } else {
      head = undefined;
    }
  }
  return { mentions: out, sharedWith };
}

const MODIFIER_CATEGORIES = new Set(['descriptor', 'grading']);

function sharesHead(tokens: readonly Token[], anatomy: Mention, finding: Mention, expanded: boolean, words: ContextWords): boolean {
  const gap = finding.from - anatomy.to;
  if (gap < 1 || gap > MAX_GAP) return false;
  const first = tokens[anatomy.to]!;
  // A word joiner ("or", "and"); a comma only inside a list that ends in one ("canal, recess or
  // foraminal stenosis"): "central canal, mild foraminal stenosis" states two separate facts.
  if (first.newlinesBefore > 0 || !words.joiners.hasToken(first) || (first.kind !== 'word' && !expanded)) return false;
  for (let i = anatomy.to + 1; i < finding.from; i++) if (tokens[i]!.newlinesBefore > 0 || tokens[i]!.kind !== 'word') return false;
  return true;
}
