// Compiles the context data (cue rules, severity and side words) into token tries once at start-up,
// and finds their occurrences in a text with the same leftmost-longest semantics as glossary forms:
// a longer pseudo-cue ("no change") always beats a shorter cue ("no"). Section headers are not here:
// they are report-section concepts, found by the matcher like any other term.
import type { CueData, ModifierData, Section } from '../../glossary/schema.js';
import { phraseKeys, type KeyIds, type MatchTokens, type SpellingMap } from '../match/keys.js';
import { longestAt, TokenTrie } from '../match/trie.js';
import { isDigit, type Token } from '../text/tokenize.js';
import { WordSet } from '../text/word-set.js';

export type CueKind = 'negated' | 'possible' | 'pseudo' | 'terminator' | 'stated' | 'location';
export type Direction = 'forward' | 'backward' | 'both' | 'none';

export interface CueRule {
  kind: CueKind;
  direction: Direction;
  phrase: string;
  /** For terminators: the one cue kind whose scope it ends (all kinds when absent). */
  only?: 'possible' | 'negated';
  /** A negation terminator that ends only a negation in mid-clause, right after the finding it denied (cues.json `negationTerminatorsAfterFinding`). */
  afterFinding?: true;
  /**
   * A linking possibility cue, which a negation before it in its clause overrides: any negation for an
   * infinitive ("to suggest"), one that opens the clause for the others ("suggestive of").
   */
  linking?: 'opening' | 'any';
  /** A negation that speaks of a change when "of" follows within a few words ("No further subsidence of the cage"). */
  change?: true;
  /** A negation of the alternative a report turns down ("rather than"): a hedge before it in its sentence makes it one too (cues.json `negated.alternative`). */
  alternative?: true;
  /** A possibility cue that never hedges a finding before it ("Follow-up of the haemangioma suggested." recommends). */
  forwardOnly?: true;
  /**
   * Whether the cue also decides the finding right before it, and where: only where the cue's clause
   * ends ('clause-end': "Basilar invagination absent.", "Infection is presumed."; not "The fracture is
   * presumed osteoporotic"), or wherever it ends ('always': "Biopsy is recommended", a history-only
   * "L3-4 decompression planned next month", a stated "Lymphoma, known").
   */
  before?: 'clause-end' | 'always';
  /** The one report section where the cue applies (plans: "awaiting ACDF" in the history). */
  section?: Section;
  /** A terminator that is a verb: right after a cue it follows the cue's subject and ends nothing ("No level demonstrates stenosis"). */
  verb?: true;
  /** A location that names an aspect of the term after it ("the age of the"): backward cues do not reach that term either. */
  aspect?: true;
  /** A forward negation whose scope ends at "with" ("Lack of osseous fusion with peri-screw lucency"). */
  endsAtWith?: true;
  /** A negation over a subject ("None of the screws show loosening"): the subject is there, what the negation says of it is not. */
  quantifier?: true;
  /** A hedge that denies a finding whose subject says it was only suspected ("The suspected extrusion is not confirmed"). */
  unconfirmed?: true;
  /** The answer of a form's field, which decides only the term before it where its clause ends ("Fracture: N", "Metastatic disease: Indeterminate."). */
  answer?: true;
}

/** Word lists the context step consults token by token (all from glossary/_context). */
export interface ContextWords {
  /** Between a finding and a modifier after it: "stenosis is moderate". */
  link: WordSet;
  /** Joining levels into one group: "L3-4 and L4-5". */
  joiners: WordSet;
  /** Opening a level heading: "At L4-5, ...". */
  heading: WordSet;
  /** Not counted as distance between a finding and its level: "at the L4-5 level". */
  near: WordSet;
  /** Opening a list item. */
  bullets: WordSet;
  /** A sentence with one of these speaks of the rest of the spine and takes no carried level: "No lesion elsewhere". */
  elsewhere: WordSet;
  /** The same of two words ("remaining levels"): by first word, the second words. */
  elsewherePairs: ReadonlyMap<string, ReadonlySet<string>>;
  /** The first words of `elsewherePairs`, looked up by key id before the map is read. */
  elsewhereFirst: WordSet;
  /** levels.json `relativeWords`, as token keys, each phrase's last word first ("adjacent to": ["to", "adjacent"]). */
  relative: readonly (readonly string[])[];
  /** Ending a line that leads into the next one ("Prior history of\nL4-5: ..."). */
  lead: WordSet;
  /** Units of a patient's age ("35 year old", "70 yo"), and those that need no "old" after them (text.json `ageWords`). */
  age: { units: WordSet; alone: WordSet };
}

export interface ContextRules {
  words: ContextWords;
  cues: TokenTrie<CueRule>;
  sectionDefaults: Partial<Record<Section, 'present' | 'absent' | 'possible'>>;
  shortSections: ReadonlySet<Section>;
  severity: TokenTrie<string>;
  side: TokenTrie<string>;
  /** Severity values mildest first (modifiers.json `severityScale`). */
  severityScale: readonly string[];
  /** Side letters of dictated shorthand, as written ("R", "L") -> side value (modifiers.json `sideLetters`). */
  sideLetters: ReadonlyMap<string, string>;
  /** The key ids of the side letters, so that a report's tokens are checked as integers. */
  sideLetterIds: readonly number[];
  /** Words after which a side letter is no side ("L spine"). */
  sideLettersNotBefore: WordSet;
  /** Side values a severity may grade side by side (modifiers.json `gradedSides`). */
  gradedSides: ReadonlySet<string>;
  /** After these, a stated word opens a clause of its own that a hedge before it does not reach (cues.json `statedOpeners`). */
  statedOpeners: WordSet;
  /** After a negation terminator, a word that names something known (cues.json `knownAfter`: ", consistent with the ..."). */
  knownAfter: WordSet;
  /** cues.json `subjectPlaceWords`, `subjectVerbs`, `clauseVerbs`, `existenceWords`, `listJoiners`, `yesAnswers` (see the schema). */
  subjectPlaceWords: WordSet;
  subjectVerbs: WordSet;
  /** cues.json `limitingWords`, `purposeWords`, `persistWords`, `timeWords`, `changeWords`, `tumourMarkerWords` (see the schema). */
  /** cues.json `reasonCues`, by phrase. */
  reasonCues: ReadonlySet<string>;
  limitingWords: WordSet;
  purposeWords: WordSet;
  persistWords: WordSet;
  timeWords: WordSet;
  /** cues.json `sizeWords`. */
  sizeWords: WordSet;
  changeWords: WordSet;
  /** cues.json `otherTimeWords`, `gradeGoesOnWords` (see the schema). */
  otherTimeWords: WordSet;
  gradeGoesOnWords: WordSet;
  tumourMarkerWords: WordSet;
  clauseVerbs: WordSet;
  existenceWords: WordSet;
  yesAnswers: WordSet;
  /** cues.json `openingForward`: by phrase, the forward cue a backward one becomes where it opens its clause. */
  openingForward: ReadonlyMap<string, CueRule>;
  /** cues.json `predicateForward`: by phrase, the forward hedge a backward one becomes right before a term that says what the finding is. */
  predicateForward: ReadonlyMap<string, CueRule>;
  listJoiners: WordSet;
  /** Side values that name both sides, one worse (modifiers.json `asymmetricSides`). */
  asymmetricSides: ReadonlySet<string>;
}

export interface RuleHit<V> {
  /** First token, as an index into the full token list. */
  from: number;
  /** One past the last token. */
  to: number;
  value: V;
}

export function compileRules(
  cues: CueData,
  modifiers: ModifierData,
  spelling: SpellingMap,
  ids: KeyIds,
  shortSections: readonly Section[],
  words: ContextWords,
): ContextRules {
  const cueTrie = new TokenTrie<CueRule>(ids);
  const addCue = (phrases: readonly string[], rule: Omit<CueRule, 'phrase'>): void => {
    for (const phrase of phrases) {
      for (const { keys } of phraseKeys(phrase, spelling)) cueTrie.add(keys, { ...rule, phrase });
    }
  };
  addCue(cues.negated.forward, { kind: 'negated', direction: 'forward' });
  addCue(cues.negated.backward, { kind: 'negated', direction: 'backward' });
  addCue(cues.negated.change, { kind: 'negated', direction: 'forward', change: true });
  addCue(cues.negated.endsAtWith, { kind: 'negated', direction: 'forward', endsAtWith: true });
  addCue(cues.negated.quantifier, { kind: 'negated', direction: 'forward', quantifier: true });
  addCue(cues.negated.trailing, { kind: 'negated', direction: 'forward', before: 'clause-end' });
  addCue(cues.negated.after, { kind: 'negated', direction: 'none', before: 'clause-end' });
  addCue(cues.negated.alternative, { kind: 'negated', direction: 'forward', alternative: true });
  addCue(cues.possible.forward, { kind: 'possible', direction: 'forward' });
  addCue(cues.possible.linking, { kind: 'possible', direction: 'forward', linking: 'opening' });
  addCue(cues.possible.linkingInfinitives, { kind: 'possible', direction: 'forward', linking: 'any' });
  addCue(cues.possible.forwardOnly, { kind: 'possible', direction: 'forward', forwardOnly: true });
  addCue(cues.possible.backward, { kind: 'possible', direction: 'backward' });
  addCue(cues.possible.trailing, { kind: 'possible', direction: 'none', before: 'always' });
  addCue(cues.possible.after, { kind: 'possible', direction: 'none', before: 'clause-end' });
  addCue(cues.possible.unconfirmed, { kind: 'possible', direction: 'backward', unconfirmed: true });
  addCue(cues.possible.bidirectional, { kind: 'possible', direction: 'both' });
  addCue(cues.historyOnly, { kind: 'possible', direction: 'forward', section: 'history' });
  addCue(cues.historyAfter, { kind: 'possible', direction: 'forward', section: 'history', before: 'always' });
  addCue(cues.answers.negated, { kind: 'negated', direction: 'none', answer: true });
  addCue(cues.answers.possible, { kind: 'possible', direction: 'none', answer: true });
  addCue(cues.pseudo, { kind: 'pseudo', direction: 'none' });
  addCue(cues.terminators, { kind: 'terminator', direction: 'none' });
  addCue(cues.verbTerminators, { kind: 'terminator', direction: 'none', verb: true });
  addCue(cues.possibleTerminators, { kind: 'terminator', direction: 'none', only: 'possible' });
  addCue(cues.negationTerminators, { kind: 'terminator', direction: 'none', only: 'negated' });
  addCue(cues.negationTerminatorsAfterFinding, { kind: 'terminator', direction: 'none', only: 'negated', afterFinding: true });
  addCue(cues.stated, { kind: 'stated', direction: 'none' });
  const { prefixes, tests, phrases } = cues.statedAfter;
  addCue([...phrases, ...prefixes.flatMap((prefix) => tests.map((test) => `${prefix} ${test}`))], { kind: 'stated', direction: 'none', before: 'always' });
  addCue(cues.locations, { kind: 'location', direction: 'none' });
  addCue(cues.aspects, { kind: 'location', direction: 'none', aspect: true });
  cueTrie.freeze();

  const valueTrie = (table: Record<string, string[]>): TokenTrie<string> => {
    const trie = new TokenTrie<string>(ids);
    for (const [value, phrases] of Object.entries(table)) {
      for (const phrase of phrases) for (const { keys } of phraseKeys(phrase, spelling)) trie.add(keys, value);
    }
    trie.freeze();
    return trie;
  };

  return {
    words,
    cues: cueTrie,
    sectionDefaults: cues.sectionDefaults,
    shortSections: new Set(shortSections),
    severity: valueTrie(modifiers.severity),
    side: valueTrie(modifiers.side),
    severityScale: modifiers.severityScale,
    gradedSides: new Set(modifiers.gradedSides),
    sideLetters: new Map(Object.entries(modifiers.sideLetters.letters)),
    sideLetterIds: [...new Set(Object.keys(modifiers.sideLetters.letters).map((letter) => ids.intern(spelling.get(letter.toLowerCase()) ?? letter.toLowerCase())))],
    sideLettersNotBefore: new WordSet(modifiers.sideLetters.notBefore),
    statedOpeners: new WordSet(cues.statedOpeners),
    knownAfter: new WordSet(cues.knownAfter),
    subjectPlaceWords: new WordSet(cues.subjectPlaceWords),
    subjectVerbs: new WordSet(cues.subjectVerbs),
    reasonCues: new Set(cues.reasonCues),
    limitingWords: new WordSet(cues.limitingWords),
    purposeWords: new WordSet(cues.purposeWords),
    persistWords: new WordSet(cues.persistWords),
    timeWords: new WordSet(cues.timeWords),
    sizeWords: new WordSet(cues.sizeWords),
    changeWords: new WordSet(cues.changeWords),
    otherTimeWords: new WordSet(cues.otherTimeWords),
    gradeGoesOnWords: new WordSet(cues.gradeGoesOnWords),
    tumourMarkerWords: new WordSet(cues.tumourMarkerWords),
    clauseVerbs: new WordSet(cues.clauseVerbs),
    existenceWords: new WordSet(cues.existenceWords),
    yesAnswers: new WordSet(cues.yesAnswers),
    openingForward: new Map(cues.openingForward.map((phrase) => [phrase, { kind: 'negated', direction: 'forward', phrase }])),
    predicateForward: new Map(cues.predicateForward.map((phrase) => [phrase, { kind: 'possible', direction: 'forward', phrase }])),
    listJoiners: new WordSet(cues.listJoiners),
    asymmetricSides: new Set(modifiers.asymmetricSides),
  };
}

/**
 * The side hits with the side letters of dictated shorthand added ("mod R foraminal stenosis"): a
 * letter as written, on its own, before a word on its line that is no number and none of `notBefore`,
 * or at the end of an item ("mod R, mod L").
 * The letters' hits come after the others, not in text order (`byToken` needs no order).
 */
export function withSideLetters(rules: ContextRules, tokens: readonly Token[], mtokens: MatchTokens, sides: RuleHit<string>[]): RuleHit<string>[] {
  const letterIds = rules.sideLetterIds;
  if (letterIds.length === 0) return sides;
  let out = sides;
  // (Key ids, not the tokens themselves: most tokens are never read.)
  const { index, id: ids } = mtokens;
  // The side hits are in text order: one cursor finds the one that may cover a letter.
  let h = 0;
  for (let p = 0; p < ids.length; p++) {
    if (!letterIds.includes(ids[p]!)) continue;
    const i = index[p]!;
    if (i + 1 >= tokens.length) continue;
    const t = tokens[i]!;
    const value = rules.sideLetters.get(t.raw);
    // (A word of its own on the left too: not "T/L junction", "L=R".)
    if (value === undefined || (i > 0 && !t.spaceBefore && t.newlinesBefore === 0)) continue;
    const next = tokens[i + 1]!;
    // (Before a word, or at the end of an item: "mod R, mod L", "none on the L.")
    const itemEnd = next.key === ',' || next.key === '.' || next.key === ';' || next.key === ')';
    if (next.newlinesBefore > 0 || (next.kind !== 'word' && !itemEnd) || isDigit(next.key.charCodeAt(0)) || rules.sideLettersNotBefore.hasToken(next)) continue;
    // (Not inside a side phrase: "L>R".)
    while (h < sides.length && sides[h]!.to <= i) h++;
    if (h < sides.length && sides[h]!.from <= i) continue;
    if (out === sides) out = [...sides];
    out.push({ from: i, to: i + 1, value });
  }
  return out;
}

export interface RuleHits {
  cues: RuleHit<CueRule>[];
  severity: RuleHit<string>[];
  side: RuleHit<string>[];
}

/**
 * Leftmost-longest occurrences of the cue, severity and side phrases, as token ranges of the full token
 * list. One pass over the tokens serves the three tries: each keeps its own cursor (where its last
 * match ended), so each finds exactly what a scan of its trie alone would find.
 */
export function findRuleHits(rules: ContextRules, mtokens: MatchTokens): RuleHits {
  const hits: RuleHits = { cues: [], severity: [], side: [] };
  const options = {};
  const { index, id: ids } = mtokens;
  /** The match of `trie` at p, if any, recorded in `out`; returns where that trie may match next. */
  const matchAt = <V>(trie: TokenTrie<V>, out: RuleHit<V>[], p: number): number => {
    const hit = longestAt(trie, ids, p, options);
    if (hit === undefined) return p + 1;
    out.push({ from: index[p]!, to: index[hit.to - 1]! + 1, value: hit.value });
    return hit.to;
  };
  let cueFrom = 0;
  let severityFrom = 0;
  let sideFrom = 0;
  for (let p = 0; p < mtokens.length; p++) {
    const id = ids[p]!;
    if (id < 0) continue;
    if (p >= cueFrom && rules.cues.starts(id)) cueFrom = matchAt(rules.cues, hits.cues, p);
    if (p >= severityFrom && rules.severity.starts(id)) severityFrom = matchAt(rules.severity, hits.severity, p);
    if (p >= sideFrom && rules.side.starts(id)) sideFrom = matchAt(rules.side, hits.side, p);
  }
  return hits;
}
