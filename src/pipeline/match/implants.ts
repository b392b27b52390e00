// A finding said "of" an implant is about the metal, not the body: "Fracture of the right L5 pedicle
// screw" is hardware failure, not a broken bone; "migration of the interbody cage" is the cage moving,
// not disc material. So is the bare word listed after a fault of the hardware: "No hardware loosening,
// fracture or migration" (but "sacral fracture" names a bone). The finding's data names what it means
// then (`onImplant`), the implant's says it is one (`implant`), and the fault's (`implantFault`).
import type { Concept } from '../../glossary/schema.js';
import type { Token } from '../text/tokenize.js';
import type { WordSet } from '../text/word-set.js';
import type { Mention } from './matcher.js';

/** Tokens between "of" and the implant: "the", a side, a level ("of the right L5 pedicle screw"). */
const MAX_BETWEEN = 5;
/** Marks that end the phrase: what comes after one of them is said of something else. */
const PHRASE_ENDS: ReadonlySet<string> = new Set([',', ';', ':', '.', '(', ')', '!', '?']);

/**
 * The mentions, with each finding said of an implant made the concept its data names for that.
 * `listJoiners` (cues.json) and commas stand between the items of a list.
 */
export function implantAspects(tokens: readonly Token[], mentions: readonly Mention[], concepts: ReadonlyMap<string, Concept>, listJoiners: WordSet): readonly Mention[] {
  let out: Mention[] | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    const target = m.concept?.onImplant;
    if (target === undefined) continue;
    if (tokens[m.to]?.key !== 'of') {
      // "No hardware loosening, fracture or migration": a list that opens on a fault of the hardware is
      // about it, as far as its bare words go ("sacral fracture", "disc migration" name the body).
      if (m.to - m.from !== 1) continue;
      let head = k;
      while (head > 0 && joinedInList(tokens, mentions[head - 1]!, mentions[head]!, listJoiners)) head--;
      const concept = concepts.get(target);
      if (head < k && mentions[head]!.concept?.implantFault === true && concept !== undefined) {
        out ??= [...mentions];
        out[k] = { ...m, conceptId: concept.id, concept };
      }
      continue;
    }
    // The next mention past levels, before a mark that ends the phrase.
    let j = k + 1;
    while (j < mentions.length && mentions[j]!.source === 'level') j++;
    const implant = mentions[j];
    if (implant?.concept?.implant !== true || implant.from - (m.to + 1) > MAX_BETWEEN) continue;
    let marked = false;
    for (let i = m.to + 1; i < implant.from && !marked; i++) marked = PHRASE_ENDS.has(tokens[i]!.key);
    const concept = concepts.get(target);
    if (marked || concept === undefined) continue;
    out ??= [...mentions];
    out[k] = { ...m, conceptId: concept.id, concept };
  }
  return out ?? mentions;
}

/** Whether two mentions are next to each other in a list: only commas and list joiners between. */
function joinedInList(tokens: readonly Token[], before: Mention, after: Mention, listJoiners: WordSet): boolean {
  if (after.from <= before.to) return false;
  for (let i = before.to; i < after.from; i++) if (tokens[i]!.key !== ',' && !listJoiners.hasToken(tokens[i]!)) return false;
  return true;
}
