// A finding said "of" an implant is about the metal, not the body: "Fracture of the right L5 pedicle
// screw" is hardware failure, not a broken bone; "migration of the interbody cage" is the cage moving,
// not disc material. The finding's data names what it means then (`onImplant`), the implant's says
// it is one (`implant`).
import type { Concept } from '../../glossary/schema.js';
import type { Token } from '../text/tokenize.js';
import type { Mention } from './matcher.js';

/** Tokens between "of" and the implant: "the", a side, a level ("of the right L5 pedicle screw"). */
const MAX_BETWEEN = 5;
/** Marks that end the phrase: what comes after one of them is said of something else. */
const PHRASE_ENDS: ReadonlySet<string> = new Set([',', ';', ':', '.', '(', ')', '!', '?']);

/** The mentions, with each finding said of an implant made the concept its data names for that. */
export function implantAspects(tokens: readonly Token[], mentions: readonly Mention[], concepts: ReadonlyMap<string, Concept>): readonly Mention[] {
  let out: Mention[] | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    const target = m.concept?.onImplant;
    if (target === undefined || tokens[m.to]?.key !== 'of') continue;
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
