// The context step: a ConText-style engine (Harkema et al. 2009) over sentences. For every mention
// it decides what the report says about it: assertion (present / absent / possible, with the cue
// that decided it), severity, side, spine levels and report section. The rules are data
// (glossary/_context); the algorithm and its scopes are here:
// - a forward cue governs the mentions after it up to the end of its sentence or a terminator;
//   a backward cue governs the mentions before it back to the start of the sentence or a terminator;
//   a verb terminator right after a cue follows its subject ("No level demonstrates stenosis") up to a
//   comma; a possibility cue right after a finding that ends its clause hedges that finding
//   ("Metastasis unlikely.", "(hemangioma likely)") unless a negation in its clause decides ("No
//   L4-5 canal stenosis likely."); plans are cues of the history only ("awaiting ACDF");
// - a comma followed by a severity word ("No fracture, mild bulge"), or "and" or "with" after a
//   finding ("no canal stenosis and moderate foraminal stenosis"), also ends a forward scope, since a
//   negated list does not grade its items (but a range of grades, "no ... moderate or severe ...", or
//   what a lesion would cause, "no disc herniation with severe canal stenosis", is denied);
// - pseudo-cues ("no change") are matched and ignored, so they hide the cue words inside them;
// - the nearest governing cue wins; on a tie, negation wins; a linking possibility cue ("suggestive
//   of") leaves in charge a negation that opens its clause ("No X suggestive of Y"), and an infinitive
//   ("to suggest") any negation before it in its clause ("X without Y to suggest Z");
// - an uncued finding takes its section's default (the history's: possible, the reason for the exam)
//   unless a stating word puts it as a fact ("status post microdiscectomy", "known discitis") or it is
//   background by its data (a diagnosis already made, an operation: "HISTORY: Breast cancer.");
// - a finding graded side by side ("severe right and mild left") gets a grade per side;
// - places (cues.json `locations`: "of the", "in the", "around", "displacing the") keep a forward cue
//   off the term right after them, past side words, levels and other non-finding words; a cue inside
//   brackets that hold a finding reaches neither out of them nor back before them; a section header
//   ends every scope, like a sentence; cues with no scope of their own ("is recommended") hedge only
//   the subject of their clause; a backward cue on a colon with no finding before it reads forward
//   ("HISTORY: Nil previous surgery"); spine levels are never denied or doubted (explain.ts).
import type { Section } from '../../glossary/schema.js';
import type { MatchTokens } from '../match/keys.js';
import { levelRank } from '../match/levels.js';
import { NO_NODE, ROOT } from '../match/trie.js';
import { isHeaderPosition, type Mention } from '../match/matcher.js';
import { ints, perToken, type Ints, type PerToken, type ReadonlyInts, type ReadonlyPerToken } from '../text/per-token.js';
import { isDigit, type Token } from '../text/tokenize.js';
import { findRuleHits, withSideLetters, type ContextRules, type ContextWords, type CueRule, type RuleHit } from './rules.js';
import { isPrefixQuestion } from './sentences.js';

export type Assertion = 'present' | 'absent' | 'possible';

export interface Cue {
  text: string;
  start: number;
  end: number;
}

/**
 * The severity of one side, when a report grades the sides differently ("severe right and mild left"),
 * or of some levels, when it grades level by level ("mild at L3-4, moderate at L4-5").
 */
export interface Grade {
  severity: string;
  side: string[];
  /** The levels this grade is given at, for grades level by level; absent for grades by side. */
  levels?: string[] | undefined;
}

export interface MentionContext {
  assertion: Assertion;
  assertionCue: Cue | null;
  /** The severity; the most severe of `grades` when the sides are graded differently. */
  severity: string | null;
  grades: Grade[];
  side: string[];
  levels: string[];
  section: Section;
}

/** What the context step needs to know about each mention beyond its position. */
export interface MentionRole {
  /** The section a report-section header starts, for header mentions. */
  section?: Section | undefined;
  /** Findings get severity and appear in the per-level summary. */
  finding: boolean;
  /** Whether side and levels are attached (findings, anatomy, caller terms). */
  located: boolean;
  /** A term that states its own polarity ("no abnormality"): always present (`alwaysPresent` in its data). */
  alwaysPresent?: boolean | undefined;
  /** A lesion other findings follow from ("disc herniation": `lesion` in its data). */
  lesion?: boolean | undefined;
  /** Named in the history with no cue, background rather than the question of the exam (`background` in its data). */
  background?: boolean | undefined;
  /** A procedure, device or treatment (category `postoperative`): in the history, what it was "for" was there ("Hemilaminectomy for synovial cyst"). */
  treatment?: boolean | undefined;
  /** Outside the spine: no spine level is attached (`extraspinal` in its data). */
  extraspinal?: boolean | undefined;
  /** A finding that takes no severity: its name says its kind, not how much (`ungraded` in its data). */
  ungraded?: boolean | undefined;
}

const MODIFIER_WINDOW = 6;
const IN = 1;
const START = 2;
const END = 4;
const LESION = 8;
/** The last token of a finding in the clinical history. */
const HISTORY_END = 16;
/** A token of a level group ("L4-5", "L3-4 and L4-5"). */
const LEVEL = 32;
/** A token of a mention that is no finding (a body part, a descriptor, a level): "the traversing left L5 nerve root". */
const OTHER = 64;
/** The last token of a treatment's mention (`treatment` in its role). */
const TREATMENT_END = 128;
const BIDIRECTIONAL_WINDOW = 4;
/** Punctuation that ends a clause of grades ("..., severe on the right."). */
const CLAUSE_ENDS: ReadonlySet<string> = new Set(['.', ';', ')', '!', '?']);
const SEMICOLON: ReadonlySet<string> = new Set([';']);
/** Marks between a subject and its verb that say the clause is not one: "Possible lesion at T9, seen ... and not confirmed". */
const CLAUSE_MARKS: ReadonlySet<string> = new Set([',', ';', '(', ')']);
/** Words between a subject and a negation that make the negation another clause's: "... that was not seen". */
const NOT_IN_SUBJECT: ReadonlySet<string> = new Set(['that', 'which', 'who', 'whose', 'where', 'and', 'but', 'while', 'whereas', 'although']);
/** Words that open a relative clause. */
const RELATIVE_WORDS: ReadonlySet<string> = new Set(['that', 'which', 'who']);
/** Words that name a cause before a finding ("secondary to disc bulge"): what follows grades the first finding. */
const CAUSE_WORDS: ReadonlySet<string> = new Set(['to', 'from', 'by', 'of']);
/** Words that may stand between a stating cue and a finding ("history of lumbar L4-5 microdiscectomy": one). */
const STATED_WORDS = 3;
/** Words that may stand between a negation and a finding for a hedge after the finding not to undo it ("No enhancing mass is suggested"). */
const NEGATION_NEAR_WORDS = 3;
/**
 * The most tokens any scan from a mention or cue reads (stated facts, grades, denied sides, the hedge
 * after a finding, an "or" ahead, whether a cue opens its clause): their word windows alone would
 * let brackets, commas or levels run on, and each scan is per mention or cue.
 */
const SCAN_LIMIT = 24;
/** Words a modifier after a finding may be this many words away ("stenosis is moderate"); also the steps a place word is looked for back from a term. */
const FORWARD_MODIFIER_WINDOW = 4;
/** "There is", "there are": a clause that says something is there, before its subject (grammar, not vocabulary). */
const EXISTENTIAL = 'there';
const COPULAS: ReadonlySet<string> = new Set(['is', 'are']);
/** Finite forms of "be" and "have", which make a clause of what stands before them (grammar, not vocabulary). */
const FINITE_VERBS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had']);
/** Articles, which stand before the subject of a clause (grammar, not vocabulary). */
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);
/** Demonstratives, which stand before a noun ("at this level"; grammar, not vocabulary). */
const DEMONSTRATIVES: ReadonlySet<string> = new Set(['this', 'that', 'these', 'those', 'each', 'both']);
/** A present participle ("abutting", "compressing"): a verb form of grammar, not vocabulary. */
const PARTICIPLE = /^\p{L}{3,}ing$/u;
/** An adverb, as far as the subject of a clause goes ("The previously suspected ..."). */
const ADVERB = /^\p{L}{3,}ly$/u;
/** A past participle ("narrowed", "compressed"): a finding a copula makes the predicate of its subject. */
const PAST_PARTICIPLE = /^\p{L}{3,}ed$/u;
/** Tokens at most between a negated subject and its verb: "No level of the cervical spine shows ...". */
const SUBJECT_PLACE_TOKENS = 10;

type Hits = ReadonlyPerToken<RuleHit<string>>;
/** Read-only stand-in for a token-indexed array with no hits (every index reads undefined). */
const NO_HITS: Hits = perToken(0);

/**
 * The nearest governing cues of each kind at a position. Made only by `scopeOf`, so that every scope
 * has one shape: the sweeps and the per-mention decisions read these at every token and mention,
 * and objects of several shapes made those reads measurably slower.
 */
interface Scope {
  readonly neg: RuleHit<CueRule> | undefined;
  readonly pos: RuleHit<CueRule> | undefined;
  /** Whether `neg` opens its sentence or clause ("No marrow abnormality to suggest metastasis"). */
  readonly negOpens: boolean;
  /**
   * Whether no comma or "and" has come since `neg`: after one, a linking cue starts a clause of its
   * own ("... with no retropulsion, suggestive of an acute fracture").
   */
  readonly negNear: boolean;
  /** Whether `pos` is a linking cue that `neg` governs: then `neg` decides, for every term after it. */
  readonly linked: boolean;
}

const scopeOf = (neg: RuleHit<CueRule> | undefined, pos: RuleHit<CueRule> | undefined, negOpens = false, negNear = false, linked = false): Scope => ({
  neg,
  pos,
  negOpens,
  negNear,
  linked,
});
const EMPTY: Scope = scopeOf(undefined, undefined);
/** The scope with its hedge ended and its negation as it was. */
const withoutHedge = (scope: Scope): Scope => scopeOf(scope.neg, undefined, scope.negOpens, scope.negNear);
/** The common answers inside this step, shared rather than allocated per mention; NONE never
 *  leaves it (replies get arrays of their own). */
const PRESENT: Readonly<{ assertion: Assertion; cue: Cue | null }> = Object.freeze({ assertion: 'present', cue: null });
const NONE: string[] = [];
const NO_GRADES: Grade[] = [];
/** The question mark written before a term ("? cord compression"), as a forward possibility cue. */
const PREFIX_QUESTION: CueRule = { kind: 'possible', direction: 'forward', phrase: '?' };

/** The first index of a sorted array whose item is no longer `before` (binary search). */
function lowerBound<T>(items: { readonly [index: number]: T; readonly length: number }, before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the negation of a scope governs a linking possibility cue met now: any negation before it
 * in its clause for an infinitive ("without rim enhancement to suggest abscess"), only one that
 * opens the clause for the others ("No marrow abnormality suggestive of metastasis", but "lesion
 * with no enhancement concerning for schwannoma": possible).
 */
function governsLink(scope: Scope, rule: CueRule): boolean {
  if (scope.neg === undefined || !scope.negNear) return false;
  return rule.linking === 'any' || (rule.linking === 'opening' && scope.negOpens);
}

/** The scope after a sweep passes a cue: a terminator ends scopes, a cue of the sweep's direction opens one. */
function passCue(scope: Scope, hit: RuleHit<CueRule>, direction: 'forward' | 'backward'): Scope {
  const rule = hit.value;
  if (rule.kind === 'terminator') {
    if (rule.only === 'possible') return scope.neg === undefined ? EMPTY : scopeOf(scope.neg, undefined, scope.negOpens, scope.negNear);
    if (rule.only === 'negated') return scope.pos === undefined ? EMPTY : scopeOf(undefined, scope.pos);
    return EMPTY;
  }
  if (rule.direction !== direction && rule.direction !== 'both') return scope;
  if (rule.kind === 'negated') return scopeOf(hit, scope.pos, scope.negOpens, scope.negNear, scope.linked);
  if (rule.kind === 'possible') return scopeOf(scope.neg, hit, scope.negOpens, scope.negNear, scope.linked);
  return scope;
}

interface HeaderSpan {
  from: number;
  to: number;
}

/** Hits indexed by their first token and by their last token. */
function byToken(hits: readonly RuleHit<string>[], n: number): [Hits, Hits] {
  if (hits.length === 0) return [NO_HITS, NO_HITS];
  const startAt = perToken<RuleHit<string>>(n);
  const endAt = perToken<RuleHit<string>>(n);
  for (const h of hits) {
    startAt.set(h.from, h);
    endAt.set(h.to - 1, h);
  }
  return [startAt, endAt];
}

/** One or two digits: the number of a numbered list item ("1.", "12)"). */
const isListNumber = (raw: string): boolean => (raw.length === 1 || raw.length === 2) && isDigit(raw.charCodeAt(0)) && (raw.length === 1 || isDigit(raw.charCodeAt(1)));

/** A negation inside a finding's list of grades: the sides it denies, and the severity and sides graded beside it. */
interface DeniedSides {
  denied: string[];
  severity: string;
  sides: string[];
  /** The levels graded beside a negation of others ("L3-4 none; L4-5 mild"): the finding's levels. */
  levels?: string[] | undefined;
}

/** Grades given level by level, and every level the finding is at (some of them may have no grade). */
interface LevelGrades {
  grades: Grade[];
  levels: string[];
  /** The token after the last grade read (past its level and sides). */
  end: number;
}

interface LevelGroup {
  from: number;
  to: number;
  levels: string[];
  /** Whether `levels` is already deduplicated and in spine order (true after a merge). */
  merged: boolean;
}

export function analyzeContext(
  text: string,
  tokens: readonly Token[],
  mtokens: MatchTokens,
  sentences: ReadonlyInts,
  mentions: readonly Mention[],
  roles: readonly MentionRole[],
  rules: ContextRules,
): MentionContext[] {
  const { cues: cueHits, severity: severityHits, side: sideWords } = findRuleHits(rules, mtokens);
  const sideHits = withSideLetters(rules, tokens, mtokens, sideWords);

  // Token-indexed lookups, so each scope walk is a plain loop over tokens.
  const n = tokens.length;
  /** The forward cue spelled exactly by tokens [from, to), if any. */
  const cueBefore = (from: number, to: number): RuleHit<CueRule> | undefined => {
    const trie = rules.cues;
    let node = ROOT;
    // Binary search (this runs once per straddling pseudo-cue or colon cue: a scan would be quadratic).
    const { index, id } = mtokens;
    for (let p = lowerBound(index, (i) => i < from); p < index.length && index[p]! < to; p++) {
      node = trie.step(node, id[p]!);
      if (node === NO_NODE) return undefined;
    }
    for (let v = 0; v < trie.valueCount(node); v++) {
      const rule = trie.valueAt(node, v);
      if (rule.direction === 'forward' || rule.direction === 'both') return { from, to, value: rule };
    }
    return undefined;
  };
  // Per token: inside a finding (IN), where a finding starts (START) and ends (END), whether it is a
  // lesion (LESION, `lesion` in its data), the tokens of other mentions (OTHER) and, once sections and
  // level groups are known, where a history finding ends (HISTORY_END) and the tokens of level groups
  // (LEVEL), as bits.
  const finding = ints(n + 1);
  mentions.forEach((m, k) => {
    if (roles[k]!.treatment === true) finding[m.to - 1]! |= TREATMENT_END;
    if (!roles[k]!.finding) {
      for (let i = m.from; i < m.to; i++) finding[i]! |= OTHER;
      return;
    }
    const bits = roles[k]!.lesion === true ? IN | LESION : IN;
    for (let i = m.from; i < m.to; i++) finding[i]! |= bits;
    finding[m.from]! |= START;
    finding[m.to - 1]! |= END;
  });
  const sections = sectionsOf(tokens, sentences, mentions, roles, rules);
  const cueAt = perToken<RuleHit<CueRule>>(n);
  const cueEndAt = perToken<RuleHit<CueRule>>(n);
  /** The index of the mention starting at token j, or -1 (mentions are sorted by where they start). */
  const mentionFrom = (j: number): number => {
    const at = lowerBound(mentions, (x) => x.from < j);
    return mentions[at]?.from === j ? at : -1;
  };
  /** Back from token j past levels, sides, words that only say where, and times ("ACDF at C5/6 in 2018", "2 years ago", "radiotherapy to T10"): the token before them. */
  const pastWhereBack = (j: number): number => {
    let k = j;
    while (
      k > 0 &&
      k > j - SCAN_LIMIT &&
      sentences[k] === sentences[j] &&
      ((finding[k]! & (IN | OTHER)) === OTHER || (finding[k]! & LEVEL) !== 0 || sideEndAt.get(k) !== undefined || rules.words.near.hasToken(tokens[k]!) || rules.timeWords.hasToken(tokens[k]!) || tokens[k]!.key === 'to' || isDigit(tokens[k]!.key.charCodeAt(0)))
    )
      k--;
    return k;
  };
  /** Whether a treatment's mention ends at token j. */
  const treatmentEndsAt = (j: number): boolean => (finding[j]! & TREATMENT_END) !== 0;
  /**
   * Whether tokens [from, to) are at most four markers of a tumour's type between a word and what it
   * qualifies ("Metastatic ER/PR positive breast carcinoma", "HER2+"): abbreviations in capitals,
   * "positive" or "negative", and the marks between them.
   */
  const qualifiesNext = (from: number, to: number): boolean => {
    // (Not in a line written in capitals: "CORD COMPRESSION IN PT WITH MYELOMA".)
    if (to - from > 4 || (to > from && tokens[from - 1]!.raw.toUpperCase() === tokens[from - 1]!.raw)) return false;
    for (let j = from; j < to; j++) {
      const t = tokens[j]!;
      if (t.key === '/' || t.key === '-' || t.key === '+' || rules.tumourMarkerWords.hasToken(t)) continue;
      if (t.kind !== 'word' || t.raw.length > 5 || t.raw.toUpperCase() !== t.raw || t.raw.toLowerCase() === t.raw) return false;
    }
    return true;
  };
  // The sentence of the last hedge so far (cue hits come in text order).
  let hedgedSentence = -1;
  for (let h of cueHits) {
    // "? cord compression": a question mark before a term questions what follows it.
    if (h.value.kind === 'possible' && h.to - h.from === 1 && isPrefixQuestion(tokens, h.from)) h = { from: h.from, to: h.to, value: PREFIX_QUESTION };
    // "Favoured to represent fibrosis rather than recurrent disc": after a hedge, the alternative turned
    // down is the less likely one, not ruled out ("in keeping with phlegmon rather than abscess" is).
    if (h.value.alternative === true && hedgedSentence === sentences[h.from]) h = { from: h.from, to: h.to, value: { kind: 'possible', direction: 'forward', phrase: h.value.phrase } };
    if (h.value.kind === 'possible') hedgedSentence = sentences[h.from]!;
    // "Previous surgery: nil" denies what comes before the colon; "HISTORY: Nil previous surgery" and
    // "L5-S1: nil stenosis" what follows it: a backward cue that opens on a colon with no finding
    // before it, and a word after it in its sentence, is the forward cue after the colon ("Fracture:
    // nil acute." stays backward).
    if (h.value.direction === 'backward' && tokens[h.from]!.key === ':' && h.from > 0 && (finding[h.from - 1]! & IN) === 0 && h.to < n && tokens[h.to]!.kind === 'word' && sentences[h.to] === sentences[h.from]) {
      h = cueBefore(h.from + 1, h.to) ?? h;
    }
    // "Resolved L3 marrow oedema.": a backward negation that opens its clause before a word denies what follows.
    if (h.value.direction === 'backward' && rules.openingForward.size > 0 && h.to < n && (tokens[h.to]!.kind === 'word' || tokens[h.to]!.key === ':') && sentences[h.to] === sentences[h.from]) {
      const before = h.from === 0 || sentences[h.from - 1] !== sentences[h.from] ? '.' : tokens[h.from - 1]!.key;
      const forward = rules.openingForward.get(h.value.phrase);
      if (forward !== undefined && (before === '.' || before === ':' || before === ';' || before === ')')) h = { from: h.from, to: h.to, value: forward };
    }
    // "The T6 compression fracture is likely osteoporotic": a hedge right before a term that says what
    // the finding is hedges that term (not a level: "Stenosis is likely L4-5"); one right before a
    // participle hedges what the finding does, not the finding ("The disc bulge is likely causing mild
    // canal stenosis", as "likely contributing to").
    if (h.value.direction === 'backward' && rules.predicateForward.size > 0 && h.to < n && sentences[h.to] === sentences[h.from]) {
      const forward = rules.predicateForward.get(h.value.phrase);
      const term = forward === undefined ? -1 : mentionFrom(h.to);
      if ((term >= 0 && mentions[term]!.level === undefined) || (forward !== undefined && PARTICIPLE.test(tokens[h.to]!.key))) h = { from: h.from, to: h.to, value: forward! };
    }
    cueAt.set(h.from, h);
    cueEndAt.set(h.to - 1, h);
  }
  const [severityAt, severityEndAt] = byToken(severityHits, n);
  // A side word inside an anatomy or finding mention names that structure ("neural foraminal"),
  // not the side of a finding.
  let located = sideHits;
  /** Side words that open a finding's mention and are its own ("levoscoliosis", "bilateral pars defects"), by the concept of that finding. */
  const ownSides = new Map<RuleHit<string>, string>();
  if (sideHits.length > 0) {
    const coverTo = ints(n, -1);
    const coverFrom = ints(n, -1);
    const coverBy = ints(n, -1);
    mentions.forEach((m, k) => {
      if (!roles[k]!.located) return;
      for (let i = m.from; i < m.to; i++) {
        coverFrom[i] = m.from;
        coverTo[i] = m.to;
        coverBy[i] = k;
      }
    });
    // (One that opens the mention is its side: "bilateral pars defects", and that mention's only:
    // not "thoracolumbar" in "thoracolumbar dextroconvex scoliosis".)
    located = sideHits.filter((h) => {
      const inside = coverTo[h.from]! >= h.to && coverFrom[h.from]! <= h.from;
      if (!inside) return true;
      const own = coverFrom[h.from] === h.from && (coverTo[h.from] === h.to || rules.gradedSides.has(h.value));
      // (A finding's own side only: "foraminal" in "right foraminal hernia" is the foramen's, and the hernia's too.)
      if (own && (finding[h.from]! & IN) !== 0) ownSides.set(h, mentions[coverBy[h.from]!]!.conceptId);
      return own;
    });
  }
  const [sideAt, sideEndAt] = byToken(located, n);
  /** Whether a side hit is another finding's own, which `m` does not take (it may, when it names the same thing: "Mild scoliosis convex to the right"). */
  const ownedElsewhere = (h: RuleHit<string>, m: Mention): boolean => {
    const owner = ownSides.get(h);
    return owner !== undefined && owner !== m.conceptId;
  };

  mentions.forEach((m, k) => {
    if (roles[k]!.finding && sections.sectionOf[k] === 'history') finding[m.to - 1]! |= HISTORY_END;
  });
  const { groups, headingOf, carryOf } = levelStructure(tokens, sentences, mentions, sections.headerAt, rules.words);
  for (const g of groups) for (let i = g.from; i < g.to; i++) finding[i]! |= LEVEL;

  const cueOf = (h: RuleHit<CueRule>): Cue => {
    const start = tokens[h.from]!.start;
    const end = tokens[h.to - 1]!.end;
    return { text: text.slice(start, end), start, end };
  };

  /** Whether a clause ends just before token i: at the end of a sentence, or at a "," or clause-ending mark. */
  const endsClause = (i: number): boolean => {
    const t = tokens[i];
    return t === undefined || sentences[i] !== sentences[i - 1] || t.key === ',' || CLAUSE_ENDS.has(t.key);
  };

  const isScopeBreak = (i: number): boolean => {
    const cue = cueAt.get(i);
    return cue !== undefined && cue.value.kind === 'terminator';
  };

  // Words before each token (distances to cues), and content words before it (distances to levels:
  // "at", "of", "the" between a finding and its level do not make the level farther away).
  const wordsBefore = ints(n + 1);
  const contentBefore = ints(n + 1);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const word = t.kind === 'word';
    wordsBefore[i + 1] = wordsBefore[i]! + (word ? 1 : 0);
    contentBefore[i + 1] = contentBefore[i]! + (word && !rules.words.near.hasToken(t) ? 1 : 0);
  }

  // Cue scopes in one linear sweep each way (scanning from every mention back to its sentence start
  // would be quadratic in a long sentence). fwd[i]: the nearest negated and possible forward cues whose
  // scope reaches a mention starting at token i; bwd[i]: the nearest backward cues reachable from a
  // mention ending just before token i. A possibility-only terminator ("with") clears only `pos`.
  // Whether a cue starting at token `from` opens its sentence or clause: only punctuation or a section
  // header before it, back to the sentence start or a ";" or ":".
  const opensClause = (from: number): boolean => {
    for (let k = from - 1; k >= 0 && sentences[k] === sentences[from]; k--) {
      // (A longer run of punctuation is not read to its end: each cue reads this.)
      if (k < from - SCAN_LIMIT) return false;
      const t = tokens[k]!;
      if (t.key === ';' || t.key === ':') return true;
      if (t.kind === 'word' && sections.headerAt[k] !== 1) return false;
    }
    return true;
  };
  /**
   * Whether token i is a grade that starts a new item with no mark before it, right before its own
   * finding past sides and levels ("No herniation mild facet arthropathy", "no acute fx\nmild DDD");
   * not a grade written after its finding ("Canal stenosis moderate due to disc bulge", "No canal
   * stenosis severe enough to cause nerve root compression"), nor one before another name of the same
   * finding ("Scoliosis mild dextroconvex thoracic").
   */
  const startsUnmarkedItem = (i: number): boolean => {
    if (i === 0 || (finding[i - 1]! & END) === 0) return false;
    // (A size opens an item like a grade: "L3-4 no stenosis small disc bulge".)
    const graded = severityAt.get(i)?.to ?? (rules.sizeWords.hasToken(tokens[i]!) ? i + 1 : undefined);
    if (graded === undefined) return false;
    let j = graded;
    for (let steps = 0; j < n && steps < FORWARD_MODIFIER_WINDOW && (finding[j]! & IN) === 0; steps++) {
      if (sideAt.get(j) !== undefined) j = sideAt.get(j)!.to;
      else if ((finding[j]! & LEVEL) !== 0) j++;
      else break;
    }
    // (Not before a participle, which says what the finding does: "Disc extrusion large left paracentral compressing the S1 root".)
    if ((finding[j]! & START) === 0 || PARTICIPLE.test(tokens[j]!.key)) return false;
    // (The finding before ends at token i - 1: it is the last mention that starts before i.)
    const before = mentions[lowerBound(mentions, (x) => x.from < i) - 1];
    return before === undefined || mentions[mentionFrom(j)]?.conceptId !== before.conceptId;
  };
  /**
   * Whether token i starts a graded item, which a negated list does not have: "No fracture, mild disc
   * bulge", "no canal stenosis and (or with) moderate foraminal stenosis", "none of which have edema,
   * and moderate facet arthropathy". Not a range of grades, which spells out what is denied ("no disc
   * herniation with moderate or severe nerve root compression"), nor after "with" what a lesion would
   * cause ("no disc herniation with severe canal stenosis": `lesion` in its data).
   */
  const startsGradedItem = (i: number, key: string): boolean => {
    if (key !== ',' && !((key === 'and' || key === 'with') && i > 0 && (finding[i - 1]! & END) !== 0)) return false;
    const severity = severityAt.get(key === ',' && tokens[i + 1]?.key === 'and' ? i + 2 : i + 1);
    // (After "and" a range is an item of its own: "no stenosis and mild or moderate facet arthropathy".)
    if (severity === undefined || (key !== 'and' && tokens[severity.to]?.key === 'or')) return false;
    if (key !== 'with' || (finding[i - 1]! & LESION) === 0) return true;
    // ("No focal protrusion with mild diffuse disc bulging": another lesion is a finding of its own.)
    let j = severity.to;
    while (j < n && j < severity.to + FORWARD_MODIFIER_WINDOW && (finding[j]! & START) === 0) j++;
    return (finding[j]! & LESION) !== 0;
  };
  /**
   * Whether a hedge goes on past a negation terminator (", consistent with"): when it opens its clause
   * or follows a comma ("Questionable marrow edema, consistent with fracture", "..., likely
   * myelomalacia, consistent with myelopathy"; but "... and a probable abscess, consistent with
   * discitis"), and the terminator names nothing known ("..., consistent with the / clinical / known ...").
   */
  const hedgeGoesOn = (pos: RuleHit<CueRule>, terminator: RuleHit<CueRule>): boolean =>
    (opensClause(pos.from) || tokens[pos.from - 1]?.key === ',') && !(terminator.to < n && rules.knownAfter.hasToken(tokens[terminator.to]!));
  /** Whether `word` comes in the `limit` tokens from `from`, before a comma or the end of the clause. */
  const wordAhead = (from: number, word: string, limit: number): boolean => {
    for (let j = from; j < n && j < from + limit && sentences[j] === sentences[from]; j++) {
      const key = tokens[j]!.key;
      if (key === word) return true;
      if (key === ',' || CLAUSE_ENDS.has(key)) return false;
    }
    return false;
  };
  /**
   * Whether tokens [from, to) only say where: levels, words that name no finding, and words such as
   * "at", "above", "of the" ("No level above L4 shows ...", "No level of the cervical spine shows
   * ..."); at most SUBJECT_PLACE_TOKENS of them. An empty run is one.
   */
  const placeOnlyBetween = (from: number, verb: RuleHit<CueRule>): boolean => {
    const to = verb.from;
    if (to - from > SUBJECT_PLACE_TOKENS) return false;
    // (A body part only before a verb with an object: "No level of the cervical spine shows ...";
    // "No CSF is seen around the cord due to severe stenosis" denies the CSF only.)
    const copula = tokens[to]!.key === 'is' || tokens[to]!.key === 'are';
    for (let i = from; i < to; i++) {
      if ((finding[i]! & LEVEL) !== 0 || (!copula && (finding[i]! & (OTHER | IN)) === OTHER)) continue;
      const t = tokens[i]!;
      if (!rules.words.near.hasToken(t) && !rules.subjectPlaceWords.hasToken(t)) return false;
    }
    return true;
  };
  /**
   * Whether a mention is the subject of a quantifier before it: before the subject's verb ("None of the
   * cord lesions enhance", "None of the disc bulges or protrusions cause stenosis", "None of the exiting
   * nerve roots are compressed"); with no verb in its clause, the first term after it, past levels,
   * words that only say where and up to three other words ("None of the visualised screws ...").
   */
  const quantifiedBy = (cue: RuleHit<CueRule>, m: Mention): boolean => {
    // (The first verb after "that" or "which" is a relative clause's: "None of the lesions that were seen on CT enhance".)
    let relative = false;
    for (let j = cue.to; j < n && j < cue.to + SCAN_LIMIT && sentences[j] === sentences[cue.from]; j++) {
      const t = tokens[j]!;
      if (CLAUSE_ENDS.has(t.key)) break;
      if (RELATIVE_WORDS.has(t.key)) relative = true;
      else if (rules.clauseVerbs.hasToken(t) || rules.subjectVerbs.hasToken(t) || cueAt.get(j)?.value.verb === true) {
        if (relative) {
          while (j + 1 < n && (rules.clauseVerbs.hasToken(tokens[j + 1]!) || rules.existenceWords.hasToken(tokens[j + 1]!))) j++;
          relative = false;
          continue;
        }
        // (A verb that says whether the subject is there at all denies the subject: "None of the previously
        // described disc protrusions are seen", "... persist".)
        return m.from < j && !saysExistence(j);
      }
    }
    // (With no such verb: up to three words, then terms joined by "or", "and" or commas, with their levels
    // and words that say where; the first other word is the verb: "None of the protrusions or extrusions migrate".)
    let words = 0;
    let terms = false;
    for (let j = cue.to; j < m.from; j++) {
      const bits = finding[j]!;
      const t = tokens[j]!;
      if ((bits & LEVEL) !== 0 || rules.words.near.hasToken(t) || rules.subjectPlaceWords.hasToken(t) || (terms && (t.key === 'or' || t.key === 'and' || t.key === ','))) continue;
      const at = (bits & (IN | OTHER)) !== 0 ? mentionFrom(j) : -1;
      if (at >= 0 && (roles[at]!.located || roles[at]!.finding)) {
        terms = true;
        j = mentions[at]!.to - 1;
      } else if (!terms && words++ < 3 && t.kind === 'word' && cueAt.get(j) === undefined && !rules.clauseVerbs.hasToken(t)) {
        // (A term that is neither a finding nor a part of the body is one of the words: "visualised".)
        if (at >= 0) j = mentions[at]!.to - 1;
      } else return false;
    }
    return true;
  };
  /** Whether the verb at token j, or the word after it, says whether something is there at all ("are seen", "remain"). */
  const saysExistence = (j: number): boolean =>
    rules.existenceWords.hasToken(tokens[j]!) || rules.persistWords.hasToken(tokens[j]!) || (j + 1 < n && (rules.existenceWords.hasToken(tokens[j + 1]!) || rules.persistWords.hasToken(tokens[j + 1]!)));
  /**
   * Whether a negation after a mention is its clause's own verb: nothing between but places, terms that
   * are no finding and words ("described on CT"), no mark, relative word or conjunction ("that was not
   * seen on the prior study", "and the L2 lesion is not seen"), and it names no side ("on the left is
   * not seen on the right") and no earlier study after it ("not present on the immediate postoperative scan").
   */
  const deniesSubject = (m: Mention, verb: RuleHit<CueRule>): boolean => {
    if (verb.from - m.to > SCAN_LIMIT || deniesOtherSide(verb, NONE)) return false;
    for (let j = m.to; j < verb.from; j++) {
      if ((finding[j]! & IN) !== 0 || CLAUSE_MARKS.has(tokens[j]!.key) || NOT_IN_SUBJECT.has(tokens[j]!.key)) return false;
    }
    for (let j = verb.to; j < n && j < verb.to + 5 && !endsClause(j); j++) if (rules.limitingWords.hasToken(tokens[j]!)) return false;
    return true;
  };
  /**
   * Whether a forward hedge is part of the subject that a mention opens, right before it ("The
   * (previously) suspected pars defect", "Possible fracture"): it opens its clause, past an article and
   * adverbs, and at most three words come between.
   */
  const hedgesSubject = (hedge: RuleHit<CueRule>, m: Mention): boolean => {
    if (hedge.value.direction !== 'forward' || hedge.to > m.from || wordsBefore[m.from]! - wordsBefore[hedge.to]! > 3) return false;
    let j = hedge.from;
    while (j > 0 && sentences[j - 1] === sentences[j] && (ARTICLES.has(tokens[j - 1]!.key) || ADVERB.test(tokens[j - 1]!.key))) j--;
    return opensClause(j);
  };
  /** Whether "or", "and" or "nor" and then an article follow token i in its clause ("..., a synovial cyst or an abscess"). */
  const articleListAhead = (i: number): boolean => {
    for (let j = i; j + 1 < n && j < i + SCAN_LIMIT && sentences[j] === sentences[i]; j++) {
      const key = tokens[j]!.key;
      if (CLAUSE_ENDS.has(key)) return false;
      if ((key === 'or' || key === 'and' || key === 'nor') && ARTICLES.has(tokens[j + 1]!.key)) return true;
    }
    return false;
  };
  /**
   * Whether a clause of its own starts at token i: a term, then a verb ("is", "are", "noted",
   * "seen" ...), before an "or" or "nor" (a list that goes on: "No fracture, dislocation or
   * subluxation is seen"), a comma (after "and") or the end of the clause; at most SCAN_LIMIT tokens.
   */
  const newClauseAhead = (i: number, afterAnd: boolean): boolean => {
    let subjectFound = false;
    // Whether the terms so far are joined by "and" as a list ("and the T10 haemangioma" is a new subject).
    let listAnd = afterAnd && !ARTICLES.has(tokens[i]?.key ?? '');
    for (let j = i; j < n && j < i + SCAN_LIMIT && sentences[j] === sentences[i]; j++) {
      const key = tokens[j]!.key;
      if ((finding[j]! & LEVEL) !== 0) continue; // ("Schmorl's nodes at T11 and T12 are noted")
      if (key === 'and') {
        listAnd = true;
        continue;
      }
      if (key === 'or' || key === 'nor' || CLAUSE_ENDS.has(key) || (afterAnd && key === ',') || (key === ',' && !subjectFound)) return false;
      if ((finding[j]! & (IN | OTHER)) !== 0) subjectFound = true;
      else if (subjectFound && (rules.clauseVerbs.hasToken(tokens[j]!) || cueAt.get(j)?.value.verb === true)) {
        // (After a list joined by "and", a verb that says whether something is seen at all keeps it
        // denied: "No disc herniation and nerve root compression is identified", "No disc herniation,
        // stenosis and nerve root compression are seen"; but "No fracture, vertebral body height and
        // alignment are maintained".)
        return !listAnd || (!rules.existenceWords.hasToken(tokens[j]!) && cueAt.get(j)?.value.verb !== true && !(j + 1 < n && rules.existenceWords.hasToken(tokens[j + 1]!)));
      } else if (!subjectFound && cueAt.get(j) !== undefined && cueAt.get(j)!.value.kind !== 'pseudo') return false;
    }
    return false;
  };
  /** Whether a finding's token lies in [from, to) (at most SCAN_LIMIT tokens are read). */
  const findingBetween = (from: number, to: number): boolean => {
    for (let i = Math.max(from, to - SCAN_LIMIT); i < to; i++) if ((finding[i]! & IN) !== 0) return true;
    return to - from > SCAN_LIMIT;
  };
  /** Whether "of" follows a change cue within three words ("No further subsidence of the cage", "no further height loss of T12"). */
  const speaksOfChange = (cue: RuleHit<CueRule>): boolean => wordAhead(cue.to, 'of', 4);
  /** Whether "or" comes before the end of the clause that starts after token i ("A, B or C"). */
  const orAhead = (i: number): boolean => wordAhead(i + 1, 'or', SCAN_LIMIT);
  /**
   * Whether a stated fact ends the hedge in force: a question mark's always ("? cord compression,
   * known metastases"), a plan's always ("MRI for staging of known myeloma"), any other after a
   * comma or one of the `statedOpeners` ("Awaiting MRI, known lymphoma"; but "possibly sequela of
   * prior Scheuermann disease").
   */
  const statedEndsHedge = (pos: RuleHit<CueRule>, stated: RuleHit<CueRule>): boolean =>
    pos.value === PREFIX_QUESTION || pos.value.section !== undefined || (stated.from > 0 && rules.statedOpeners.hasToken(tokens[stated.from - 1]!));
  // A negation whose scope went on past a verb ("No level shows ..."): a comma ends it, unless a list
  // goes on; a hedge that did ("The disc possibly demonstrates ..."): a comma or "and" ends it.
  let subject: RuleHit<CueRule> | undefined;
  let subjectHedge: RuleHit<CueRule> | undefined;
  // A negation kept past its verb for a linking infinitive (see below): the next terminator ends it.
  let linkedAfterVerb = false;
  const fwd = perToken<Scope>(n + 1);
  let scope: Scope = EMPTY;
  // Scopes in force where a bracket opens: a cue inside it does not reach past it ("Small protrusion
  // (no stenosis) with mild facet arthropathy"), while one before it reaches in and on.
  // A bracket with no finding in it ("Small (possible) annular fissure") is a cue of the sentence: what
  // it opens goes on. `outsideTerms` holds, per open bracket, the count of finding tokens before it.
  const outside: Scope[] = [];
  const outsideTerms: number[] = [];
  let terms = 0;
  for (let i = 0; i <= n; i++) {
    // (A section header starts afresh too: "... r/o HNP TECHNIQUE: Sag T1" pasted on one line.)
    if (i > 0 && i < n && (sentences[i] !== sentences[i - 1] || (sections.headerAt[i] === 1 && sections.headerAt[i - 1] !== 1))) {
      scope = EMPTY;
      subject = subjectHedge = undefined;
      linkedAfterVerb = false;
      outside.length = outsideTerms.length = 0;
    }
    fwd.set(i, scope);
    if (i === n) break;
    const ended = cueEndAt.get(i);
    const key = tokens[i]!.key;
    if ((finding[i]! & IN) !== 0) terms++;
    if (key === '(') {
      outside.push(scope);
      outsideTerms.push(terms);
    } else if (key === ')' && outside.length > 0) {
      const outer = outside.pop()!;
      if (outsideTerms.pop()! < terms) scope = outer;
      continue;
    }
    // "? cord compression, known metastases": a question mark before a term questions its clause only.
    if (scope.pos?.value === PREFIX_QUESTION && key === ',') scope = withoutHedge(scope);
    // ("Lack of osseous fusion with peri-screw lucency": what comes with a lack is there.)
    else if (key === 'with' && scope.neg?.value.endsAtWith === true) scope = scopeOf(undefined, scope.pos);
    else if (scope.pos !== undefined && ended?.value.kind === 'stated' && statedEndsHedge(scope.pos, ended)) scope = withoutHedge(scope);
    // "HISTORY: No fever, known discitis L3-4": a fact stated after a comma is not denied.
    // (Not in a list that goes on: "No fever, weight loss, prior malignancy or IV drug use".)
    if (key === ',' && scope.neg !== undefined && cueAt.get(i + 1)?.value.kind === 'stated' && !orAhead(i)) scope = scopeOf(undefined, scope.pos);
    // "No level demonstrates stenosis": a verb right after a negation follows its subject and ends
    // nothing (up to a comma: "No level shows stenosis, disc bulges noted at L4-5").
    // ("None of the screws shows loosening": the same after a quantifier, whatever its subject.)
    if (ended !== undefined && ended.value.verb === true && scope.neg !== undefined && (scope.neg.value.quantifier === true || placeOnlyBetween(scope.neg.to, ended))) {
      subject = scope.neg;
    } else if (ended !== undefined && ended.value.verb === true && scope.pos !== undefined && scope.pos.to === ended.from) {
      subjectHedge = scope.pos;
    } else if (startsUnmarkedItem(i)) {
      // (A new item ends a negation; a hedge before goes on: "Query cord compression severe myelopathy".
      // The item's first word, its grade, is in it: "mild" in "No herniation mild facet arthropathy".)
      fwd.set(i, (scope = scopeOf(undefined, scope.pos)));
    } else if (startsGradedItem(i, key)) {
      fwd.set(i, (scope = EMPTY));
    } else if ((key === ',' || key === 'and') && scope.neg !== undefined && scope.neg !== subject && newClauseAhead(i + 1, key === 'and')) {
      // "No Modic change, endplate irregularity is present at L5-S1", "There is no pathologic fracture
      // and vertebral body heights are preserved": a finding with a verb of its own opens a new clause.
      scope = scopeOf(undefined, scope.pos);
    } else if ((key === ',' || key === 'and') && scope.pos !== undefined && scope.neg === undefined && scope.pos.value.direction !== 'backward' && newClauseAhead(i + 1, key === 'and')) {
      // "Possible annular fissure and the cord is compressed": nor does a hedge reach a clause of its own.
      scope = withoutHedge(scope);
    } else if (key === ',' && subject !== undefined && scope.neg === subject && !orAhead(i)) {
      scope = scopeOf(undefined, scope.pos);
    } else if ((key === ',' || key === 'and') && subjectHedge !== undefined && scope.pos === subjectHedge) {
      scope = withoutHedge(scope);
    } else if (ended !== undefined && ended.value.section !== undefined && ended.from > 0 && (finding[pastWhereBack(ended.from - 1)]! & (END | HISTORY_END)) === (END | HISTORY_END)) {
      // A history-only cue right after a history finding (and where or when) says what it is for or when
      // ("radiotherapy for lymphoma", "fusion planned next month", "hemilaminectomy at L4 for synovial
      // cyst"): it ends a hedge rather than starting one.
      scope = withoutHedge(scope);
    } else if (ended !== undefined && ended.value.verb === true && scope.neg !== undefined && cueAt.get(i + 1)?.value.linking === 'any') {
      // ("No enhancing lesion is seen to suggest metastasis": the infinitive after the verb links the
      // denied subject to what it would suggest, and the negation ends where that hedge ends.)
      linkedAfterVerb = true;
    } else if (key === ',' && scope.neg !== undefined && scope.negOpens && i + 1 < n && ARTICLES.has(tokens[i + 1]!.key) && (!findingBetween(scope.neg.to, i) || !articleListAhead(i + 1))) {
      // "Without comparison, the T8 compression fracture ...", "In the absence of trauma, the wedge
      // deformity ...": a negation before a comma and a new clause was a circumstance (not a list:
      // "No evidence of a disc herniation, a synovial cyst or an epidural abscess").
      scope = scopeOf(undefined, scope.pos);
    } else if (ended !== undefined && ended.value.aspect === true) {
      // ("Stenosis, likely the cause of the patient's claudication": an aspect ends a hedge, as "the
      // cause of" does among the possibility terminators.)
      scope = withoutHedge(scope);
    } else if (ended !== undefined && ended.value.change === true && speaksOfChange(ended)) {
      // ("No further subsidence of the interbody cage": a change that did not happen, in something there.)
    } else if (ended !== undefined && ended.value.afterFinding === true && (ended.from === 0 || (finding[ended.from - 1]! & END) === 0 || scope.neg === undefined || scope.negOpens)) {
      // ("No marrow oedema consistent with acute fracture": what a negation that opens its clause
      // denies goes on; "Cord oedema without haemorrhage in keeping with central cord syndrome": one in
      // mid-clause ends after the finding it denied.)
    } else if (ended !== undefined && ended.value.only === 'negated' && scope.pos !== undefined && !hedgeGoesOn(scope.pos, ended)) {
      scope = EMPTY;
    } else if (ended !== undefined && ended.value.section !== undefined && ended.value.kind === 'possible' && scope.pos !== undefined) {
      // (A history-only cue does not take the place of a hedge already in force: "Suspicious for
      // myeloma or for lymphoma"; the scope goes on.)
    } else if (linkedAfterVerb && ((key === ',' && !orAhead(i)) || ended?.value.kind === 'terminator')) {
      // ("No marrow oedema is seen to suggest acute fracture with a chronic compression fracture"; but
      // a list goes on: "... to suggest discitis, osteomyelitis or epidural abscess".)
      scope = ended === undefined ? EMPTY : passCue(EMPTY, ended, 'forward');
      linkedAfterVerb = false;
    } else if (
      ended?.value.kind === 'pseudo' &&
      rules.changeWords.hasToken(tokens[i]!) &&
      i + 2 < n &&
      (tokens[i + 1]!.key === 'or' || (tokens[i + 1]!.key === ',' && orAhead(i + 1))) &&
      severityAt.get(tokens[i + 2]!.key === 'or' ? i + 3 : i + 2) === undefined
    ) {
      // ("No improvement, progression or new fracture": the negation a pseudo-cue of change opens with
      // goes on down its list; not "No further imaging or follow-up is required for the haemangioma", nor
      // an alternative "No change or slight progression".)
      const no = cueBefore(ended.from, ended.from + 1);
      if (no !== undefined && no.value.kind === 'negated') scope = scopeOf(no, scope.pos, opensClause(no.from), true, false);
    } else if (ended !== undefined && ended.value.before === 'clause-end' && ended.value.direction === 'forward' && ended.from > 0 && (finding[ended.from - 1]! & END) !== 0 && endsClause(ended.to)) {
      // ("Fracture nil, marrow oedema at L1": a trailing cue that denies the finding before it, where
      // its clause ends, opens no scope after it.)
    } else if (ended !== undefined) {
      const passed = passCue(scope, ended, 'forward');
      if (passed.neg === ended) scope = scopeOf(passed.neg, passed.pos, opensClause(ended.from), true, false);
      else if (passed.pos === ended) scope = scopeOf(passed.neg, passed.pos, passed.negOpens, passed.negNear, governsLink(scope, ended.value));
      else scope = passed;
    } else if (scope.negNear && (key === ',' || key === 'and')) {
      scope = scopeOf(scope.neg, scope.pos, scope.negOpens, false, scope.linked);
    }
  }
  /**
   * Whether the comma at token i opens an aside that ends with a comma right before the backward cue
   * in force: a relative clause, or words that open with an adverb or a participle ("which caused
   * cord compression", "previously 3 cm", "measuring 2 cm").
   */
  const asideBefore = (i: number, scope: Scope): boolean => {
    const cue = scope.neg !== undefined && scope.neg.value.direction === 'backward' ? scope.neg : scope.pos !== undefined && scope.pos.value.direction === 'backward' ? scope.pos : undefined;
    if (cue === undefined || i + 1 >= n || tokens[cue.from - 1]?.key !== ',' || cue.from - 1 <= i + 1) return false;
    const first = tokens[i + 1]!.key;
    // (Not a hedge or negation of its own: "..., likely meningioma, less likely schwannoma".)
    const own = cueAt.get(i + 1)?.value.kind;
    if ((!RELATIVE_WORDS.has(first) && !ADVERB.test(first) && !PARTICIPLE.test(first)) || own === 'negated' || own === 'possible') return false;
    for (let j = i + 1; j < cue.from - 1; j++) if (tokens[j]!.key === ',' || CLAUSE_ENDS.has(tokens[j]!.key) || j > i + SCAN_LIMIT) return false;
    return true;
  };
  /** Whether a backward cue is in force. */
  const backwardInForce = (scope: Scope): boolean => scope.neg?.value.direction === 'backward' || scope.pos?.value.direction === 'backward';
  /**
   * Whether the clause that ends before the "and" at token i (or before ", and") has a finite verb of
   * its own, back to the clause's start or an earlier "and" ("There is ...", "... is narrowed", "There
   * has been ...", "Endplate oedema noted at L2-3"): not a participle before a term ("The previously
   * seen disc extrusion and ..."), nor the verb of a relative clause ("The fragment that was seen
   * previously and ..."). A grade counts as a verb: what it grades is stated ("Mild disc bulging at L3-4
   * and canal stenosis is absent").
   */
  const clauseVerbBefore = (i: number): boolean => {
    let verb = false;
    const from = tokens[i - 1]?.key === ',' ? i - 2 : i - 1;
    for (let j = from; j >= 0 && j >= i - SCAN_LIMIT && sentences[j] === sentences[i]; j--) {
      const key = tokens[j]!.key;
      if (CLAUSE_MARKS.has(key) || key === ':' || key === 'and') break;
      // (A participle of the clause verbs counts when no term follows it: "Endplate oedema noted at L2-3 and ...".)
      if (FINITE_VERBS.has(key) || (rules.clauseVerbs.hasToken(tokens[j]!) && (finding[j + 1]! & (IN | OTHER)) === 0)) verb = true;
      // (A grade states what it grades, as a verb would: "Mild disc bulging at L3-4 and canal stenosis is absent".)
      else if (severityEndAt.get(j) !== undefined && rules.severityScale.includes(severityEndAt.get(j)!.value)) return true;
      else if (verb && RELATIVE_WORDS.has(key)) verb = false;
    }
    return verb;
  };
  const bwd = perToken<Scope>(n + 1);
  scope = EMPTY;
  bwd.set(n, EMPTY);
  outside.length = outsideTerms.length = 0;
  terms = 0;
  // Terms passed since the backward cue in force began, and whether a list joiner was: a cue with a
  // subject of its own does not reach back over a comma ("Atypical haemangioma L2, metastasis not
  // excluded", "Large disc extrusion at L5-S1, the left S1 nerve root cannot be identified"; but
  // "Tumour, infection or haematoma cannot be excluded").
  let subjects = 0;
  let cueSubjects = 0;
  let cueJoined = false;
  for (let i = n - 1; i >= 0; i--) {
    if (i + 1 < n && (sentences[i] !== sentences[i + 1] || (sections.headerAt[i + 1] === 1 && sections.headerAt[i] !== 1))) {
      scope = EMPTY;
      outside.length = outsideTerms.length = 0;
    }
    if ((finding[i]! & IN) !== 0) terms++;
    if ((finding[i]! & (IN | OTHER)) !== 0 && (i + 1 >= n || (finding[i + 1]! & (IN | OTHER)) === 0 || cueAt.get(i + 1) !== undefined)) subjects++;
    if (tokens[i]!.key === 'or' || tokens[i]!.key === 'and') cueJoined = true;
    // ("The mass at T6, which caused cord compression, has resolved", "The soft tissue component,
    // previously 3 cm, is no longer seen": an aside between commas right before the cue is passed, and
    // the cue reaches the subject before it.)
    if (tokens[i]!.key === ',' && subjects > cueSubjects && !cueJoined && asideBefore(i, scope)) subjects = cueSubjects;
    else if ((tokens[i]!.key === ',' && subjects > cueSubjects && !cueJoined) || (tokens[i]!.key === 'and' && subjects > cueSubjects && backwardInForce(scope) && clauseVerbBefore(i))) {
      // ("There is mild stenosis and cord signal abnormality is not identified", "The recess is narrowed
      // and myelopathy is suspected": after a clause with a verb of its own, "and" starts another, which
      // the cue does not reach back over; "Disc bulge and cord compression are absent" is one subject.)
      if (scope.pos !== undefined && scope.pos.value.direction === 'backward') scope = withoutHedge(scope);
      if (scope.neg !== undefined && scope.neg.value.direction === 'backward') scope = scopeOf(undefined, scope.pos);
    }
    // (Right to left, a bracket opens at ")" and closes at "(": "atlanto-occipital assimilation
    // (Chiari 1.5 not favoured)" is not hedged by the cue inside the bracket; an alternative offered
    // inside it is, "disc herniation (or possibly asymmetric bulging)".)
    const key = tokens[i]!.key;
    if (key === ')') {
      outside.push(scope);
      outsideTerms.push(terms);
    } else if (key === '(' && outside.length > 0) {
      const outer = outside.pop()!;
      if (outsideTerms.pop()! < terms) scope = scope.pos !== undefined && scope.pos !== outer.pos && scope.pos.value.direction === 'both' ? scopeOf(outer.neg, scope.pos) : outer;
    }
    const started = cueAt.get(i);
    // (A relative word that opens such an aside ends nothing: "..., which caused cord compression, has resolved".)
    if (started !== undefined && started.value.afterFinding !== true && !(started.value.kind === 'terminator' && i > 0 && tokens[i - 1]!.key === ',' && asideBefore(i - 1, scope))) {
      const { pos, neg } = scope;
      scope = passCue(scope, started, 'backward');
      if (scope.pos !== pos || scope.neg !== neg) {
        cueSubjects = subjects;
        cueJoined = false;
      }
    }
    bwd.set(i, scope);
  }

  // The best cue so far for the mention being decided (one pair of variables, not an object per mention).
  let bestHit: RuleHit<CueRule> | undefined;
  let bestDistance = 0;
  // A cue set aside for the mention being decided (see deniedSides): the decision goes on without it.
  let ignored: RuleHit<CueRule> | undefined;
  // The section of the mention being decided: a plan ("awaiting ACDF") is a cue in the history only.
  let deciding: Section = 'other';
  const consider = (hit: RuleHit<CueRule> | undefined, distance: number): void => {
    if (hit === undefined || hit === ignored || (hit.value.kind !== 'negated' && hit.value.kind !== 'possible')) return;
    if (hit.value.section !== undefined && hit.value.section !== deciding) return;
    // "A versus B": a bidirectional cue reaches only its close neighbours.
    if (hit.value.direction === 'both' && distance > BIDIRECTIONAL_WINDOW) return;
    if (
      bestHit === undefined ||
      distance < bestDistance ||
      (distance === bestDistance && hit.value.kind === 'negated' && bestHit.value.kind !== 'negated')
    ) {
      bestHit = hit;
      bestDistance = distance;
    }
  };

  const assertionOf = (m: Mention, role: MentionRole, k: number): { assertion: Assertion; cue: Cue | null } => {
    // A section header is a heading, not a statement ("Comparison: no prior studies", "Reason for
    // exam:"); a term that states its own polarity is not negated again by its own words.
    if (role.section !== undefined || role.alwaysPresent === true) return PRESENT;
    // ("The suspected abscess described on CT is not present on MRI": the test in "on CT" is where it was seen.)
    const within = cueEndAt.get(m.to - 1);
    if (within !== undefined && within.value.kind === 'stated' && within.value.before === 'always' && within.from < m.from) return PRESENT;
    bestHit = undefined;
    deciding = sections.sectionOf[k]!;
    // A forward cue that starts the mention ("no abnormal enhancement" as one form) or reaches into
    // it ("No recurrent disc herniation": the cue "no recurrent" ends inside the mention).
    // (Not a hedge spelled by the term's own words: "Recommend" as a recommendation does not hedge itself.)
    const inner = cueAt.get(m.from);
    if (inner !== undefined && (inner.value.direction === 'forward' || inner.value.direction === 'both') && !(inner.value.kind === 'possible' && inner.from === m.from && inner.to === m.to)) consider(inner, 0);
    for (let i = m.from; i < m.to; i++) {
      const into = cueEndAt.get(i);
      if (into === undefined || into.from >= m.from) continue;
      if (into.value.direction === 'forward' || into.value.direction === 'both') consider(into, 0);
      // A pseudo-cue that reaches into the term ("no decrease" + "decrease in disc height"): its
      // words before the term may be a cue of their own ("no").
      if (into.value.kind === 'pseudo') consider(cueBefore(into.from, m.from), 0);
    }
    // The nearest forward cue before the mention; a linking possibility cue that the negation before
    // it governs leaves the negation in charge ("No marrow abnormality to suggest metastasis").
    // "No edema surrounding the fracture": a term named as a place is not what the cue says of it.
    const place = placeCueBefore(m);
    // ("The age of the T12 compression fracture is indeterminate": no cue reaches a term whose aspect is named.)
    if (place?.value.aspect === true) return PRESENT;
    const before = place !== undefined ? EMPTY : fwd.get(m.from)!;
    let nearFwd = before.neg === undefined ? before.pos : before.pos === undefined || before.neg.to > before.pos.to || before.linked ? before.neg : before.pos;
    // (Nor a history-only cue outside the history: "Suspicious for myeloma or for lymphoma".)
    if (nearFwd !== undefined && (nearFwd === ignored || (nearFwd.value.section !== undefined && nearFwd.value.section !== deciding))) nearFwd = nearFwd === before.neg ? before.pos : before.neg;
    // ("None of the screws show loosening": the screws are there.)
    const quantified = nearFwd !== undefined && nearFwd === before.neg && nearFwd.value.quantifier === true && quantifiedBy(nearFwd, m);
    if (quantified) nearFwd = before.pos;
    if (nearFwd !== undefined) consider(nearFwd, wordsBefore[m.from]! - wordsBefore[nearFwd.to]!);
    // A negation that opens the clause just before the finding is not undone by a hedge after it
    // ("No enhancing mass is suggested", "No L4-5 canal stenosis likely."; in dictated text with no
    // stops, a negation far back does not count).
    const negationDecides =
      nearFwd !== undefined && nearFwd === before.neg && before.negNear && before.negOpens && wordsBefore[m.from]! - wordsBefore[nearFwd.to]! <= NEGATION_NEAR_WORDS;
    // The nearest backward cue after the mention, in the same sentence.
    // ("The suspected epidural abscess described on CT is not present on MRI": a hedge in the subject
    // says what was thought; the negation that is the clause's verb decides.)
    let denial: RuleHit<CueRule> | undefined;
    if (m.to < n && sentences[m.to] === sentences[m.to - 1]) {
      const after = bwd.get(m.to)!;
      const nearBwd = after.neg === undefined ? after.pos : after.pos === undefined || after.neg.from < after.pos.from ? after.neg : after.pos;
      if (nearBwd !== undefined && !(nearBwd.value.kind === 'possible' && negationDecides)) consider(nearBwd, wordsBefore[nearBwd.from]! - wordsBefore[m.to]!);
      const verb = after.neg?.value.direction === 'backward' ? after.neg : after.pos?.value.unconfirmed === true ? after.pos : undefined;
      if (verb !== undefined && nearFwd !== undefined && nearFwd === before.pos && hedgesSubject(nearFwd, m) && deniesSubject(m, verb)) denial = verb;
    }
    // "Metastasis unlikely.", "Pars defect suspected, ...", "(hemangioma likely)": a hedge right after a
    // finding that ends its clause hedges that finding, unless such a negation decides (but "no
    // retropulsion, pathological fracture unlikely").
    const hedge = role.finding ? hedgeAfter(m) : undefined;
    // ("Metastasis: Suspected, L3 vertebral body.": the answer of a form decides its term.)
    const answer =
      hedge !== undefined &&
      (hedge.value.answer === true || (hedge.value.before !== 'clause-end' && hedge.from > m.to && (tokens[hedge.from - 1]!.key === ':' || tokens[hedge.from - 1]!.key === '-'))) &&
      !negationDecides;
    // A cue with no scope of its own ("is recommended") hedges only the subject of its clause ("Biopsy
    // is recommended"; not "Follow-up of the haemangioma is recommended").
    const scopeless = hedge !== undefined && hedge.value.direction === 'none';
    if (answer) consider(hedge, 0);
    else if (hedge !== undefined && hedge.value.kind === 'possible' && (hedge.value.direction === 'forward' || hedge.value.before === 'always') && hedge.value.forwardOnly !== true && (endsClause(pastPlace(hedge.to)) || hedge.value.before === 'always') && !hedgesPlace(hedge) && !negationDecides && (!scopeless || opensItsClause(m))) consider(hedge, 0);
    // ("Basilar invagination absent.": a trailing negation denies the finding right before it.)
    // (Past a place only where the clause ends there: "Canal stenosis absent at L4-5."; not "Foraminal
    // stenosis absent on the right, severe on the left". A negated.after cue needs no clause end: "A disc
    // herniation cannot be identified on this study"; a possible.after one hedges only a finding that
    // opens its clause.)
    else if (
      hedge !== undefined &&
      hedge.value.before === 'clause-end' &&
      ((hedge.value.kind === 'negated' && hedge.value.direction === 'none') || endsClause(hedge.to) || (endsClause(pastPlace(hedge.to)) && tokens[pastPlace(hedge.to)]?.key !== ',')) &&
      (hedge.value.kind !== 'possible' || opensItsClause(m))
    )
      consider(hedge, 0);
    // (An unconfirmed suspicion is denied too: "The suspected extrusion is not confirmed".)
    if (denial !== undefined && bestHit === nearFwd && role.finding) return { assertion: 'absent', cue: cueOf(denial) };
    const best = bestHit as RuleHit<CueRule> | undefined;
    // "Progression of known L4-5 spondylolisthesis?": the question is about what a stated fact does.
    if (best !== undefined && best.value.kind === 'possible' && best.from >= m.to && tokens[best.from]!.key === '?' && statedBefore(m)) return PRESENT;
    // A part of the body names the place of a finding, which is what the cue is about ("No epidural
    // collection", "no compression of the nerve roots", "No thoracic fracture"); the part itself is
    // denied or doubted only when the cue is its own ("Absent right pedicle", "No CSF is visible").
    if (best !== undefined && role.located && !role.finding && !isCueOwn(m, best)) return PRESENT;
    if (best !== undefined) return { assertion: best.value.kind === 'negated' ? 'absent' : 'possible', cue: cueOf(best) };
    if (!role.finding) return PRESENT;
    // "disc bulging/protrusion": two findings offered as alternatives are each only possible (not in a
    // quantifier's subject: "None of the disc bulges or protrusions cause stenosis").
    const slash = quantified ? undefined : (alternativeSlash(m, k) ?? alternativeOr(m, k));
    if (slash !== undefined) return { assertion: 'possible', cue: { text: tokens[slash]!.raw, start: tokens[slash]!.start, end: tokens[slash]!.end } };
    // An uncued finding in e.g. the history is the reason for the exam, unless stated as a fact, or
    // background, or the word just before background ("Metastatic prostate cancer").
    const byDefault = rules.sectionDefaults[sections.sectionOf[k]!];
    const header = sections.headerOf[k];
    const next = mentions[k + 1];
    // (Past a few words that qualify it too: "Metastatic ER/PR positive breast carcinoma".)
    const qualifiesBackground = next !== undefined && roles[k + 1]!.background === true && qualifiesNext(m.to, next.from);
    if (byDefault !== undefined && byDefault !== 'present' && header !== undefined && !isStated(m) && role.background !== true && !qualifiesBackground) {
      const start = tokens[header.from]!.start;
      const end = tokens[header.to - 1]!.end;
      return { assertion: byDefault, cue: { text: text.slice(start, end), start, end } };
    }
    // ("MRI LUMBAR SPINE (CES PATHWAY)": what the exam's title names is what it looks for.)
    const title = sections.title;
    if (title !== undefined && m.to <= title.to && role.background !== true) {
      const start = tokens[title.from]!.start;
      const end = tokens[title.to - 1]!.end;
      return { assertion: 'possible', cue: { text: text.slice(start, end), start, end } };
    }
    return PRESENT;
  };

  /**
   * The cue right after a finding, past alternatives ("meningioma or schwannoma likely"), its levels
   * and where it is ("discitis L3/4 likely", "Metastasis at T9 likely", "Disc extrusion at L5-S1,
   * likely") and one comma ("haemangioma, probable"; not for a history-only cue: "History of
   * lymphoma, planned restaging") or, before a trailing negation, one colon ("Cord compression:
   * absent."), and not before a negation ("Myeloma screen negative").
   */
  const hedgeAfter = (m: Mention): RuleHit<CueRule> | undefined => {
    let j = m.to;
    for (let steps = 0; j < n && steps < SCAN_LIMIT; steps++) {
      const place = pastPlace(j);
      if (tokens[j]!.key === 'or' && (finding[j + 1]! & START) !== 0) {
        j++;
        while (j < n && (finding[j]! & END) === 0) j++;
        j++;
      } else if (place > j) j = place;
      else if (j === m.to && tokens[j]!.key === ')') j++;
      else break;
    }
    if (j >= n || sentences[j] !== sentences[m.to - 1]) return undefined;
    // A cue with no scope of its own also after the part a level names ("Marrow oedema in the L2
    // vertebral body is doubtful").
    if (j > m.to && inLevel(j - 1) && (finding[j]! & (OTHER | LEVEL)) === OTHER) {
      // (Parts of the body only: not "Pars defect L5 CT would be helpful.")
      let k = j;
      for (let at = mentionFrom(k); at >= 0 && roles[at]!.located && !roles[at]!.finding; at = mentionFrom(k)) k = mentions[at]!.to;
      if (k > j && cueAt.get(k)?.value.direction === 'none') return cueAt.get(k);
    }
    const mark = tokens[j]!.key === ',' || tokens[j]!.key === ':' || tokens[j]!.key === '-' ? tokens[j++]!.key : undefined;
    const hedge = cueAt.get(j);
    if (hedge === undefined || (mark !== undefined && hedge.value.section !== undefined) || cueAt.get(hedge.to)?.value.kind === 'negated') return undefined;
    // (An answer with no mark before it only when it is a mark itself: "Modic changes (-)"; not "Lesion in T6 indeterminate.")
    if ((mark === ':' || mark === '-') && hedge.value.before !== 'clause-end') return answers(m, hedge) ? hedge : undefined;
    if (hedge.value.answer === true) return tokens[hedge.from]!.kind === 'punct' && answers(m, hedge) ? hedge : undefined;
    return hedge;
  };
  /**
   * Whether a cue after "Term:" or "Term -" is the answer of a form ("Pathologic fracture: Cannot
   * exclude.", "Cord compression: Possible at C5-6.", "Fracture: No acute.", "Spondylolysis: No"): an
   * answer (cues.json `answers`), or a forward negation or hedge, with nothing after it in its clause
   * but places, sides, grades, terms that are no finding and the field's own term ("Hemangioma:
   * Probable small L2 hemangioma."; not "Fusion: not yet solid", "... - no evidence of leak").
   */
  const answers = (m: Mention, cue: RuleHit<CueRule>): boolean => {
    // (A field opens its line or clause: not "... with normal marrow signal - not new".)
    if (!opensItsClause(m)) return false;
    let j = cue.to;
    if (cue.value.answer === true) {
      j = pastPlace(j);
      // ("Large disc extrusion at L5-S1 - N.B. this is new": an abbreviation, no answer.)
      const next = tokens[j + 1];
      if (tokens[j]?.key === '.' && next !== undefined && !next.spaceBefore && next.kind === 'word') return false;
      if (!endsClause(j)) return false;
    } else {
      // (A bare "not" negates the word after it: "Compression fracture: not new"; a change cue speaks
      // of a change: "L1 compression fracture: no further collapse".)
      const { kind, direction } = cue.value;
      if ((kind !== 'negated' && kind !== 'possible') || (direction !== 'forward' && direction !== 'both') || cue.value.phrase === 'not' || cue.value.change === true) return false;
      for (let steps = 0; !endsClause(j) && steps < SCAN_LIMIT; steps++) {
        const k = pastPlace(j);
        const other = k > j ? -1 : mentionFrom(j);
        if (k > j) j = k;
        else if (sideAt.get(j) !== undefined) j = sideAt.get(j)!.to;
        // (A hedge before a grade is about the grade, "Foraminal stenosis: probably mild on the left",
        // unless the field's term follows: "Hemangioma: Probable small L2 hemangioma.")
        else if (severityAt.get(j) !== undefined && (kind === 'negated' || namesField(pastPlace(severityAt.get(j)!.to), m))) j = severityAt.get(j)!.to;
        else if (rules.words.near.hasToken(tokens[j]!)) j++;
        // (A part of the body, or a word qualifying the field's term named again: not what the answer
        // says of the field, "no progression", "probably benign".)
        else if (other >= 0 && !roles[other]!.finding && (roles[other]!.located || namesField(pastPlace(mentions[other]!.to), m))) j = mentions[other]!.to;
        else if (other >= 0 && namesField(j, m)) j = mentions[other]!.to;
        else return false;
      }
    }
    return !answerGoesOn(j);
  };
  /** Whether a finding of the field's concept starts at token j ("Hemangioma: Probable small L2 hemangioma."). */
  const namesField = (j: number, m: Mention): boolean => {
    const at = mentionFrom(j);
    return at >= 0 && roles[at]!.finding && mentions[at]!.conceptId === m.conceptId;
  };
  /**
   * Whether the list of answers goes on after token j, the end of one ("Cord compression: N at C4-5,
   * present at C5-6", "Sclerotic lesion: indeterminate, likely bone island"): then the first answer is
   * not the field's.
   */
  const answerGoesOn = (j: number): boolean => {
    if (tokens[j]?.key !== ',' && tokens[j]?.key !== ';') return false;
    let hedged = false;
    for (let k = j + 1; k < n && k < j + SCAN_LIMIT && sentences[k] === sentences[j]; k++) {
      const cue = cueAt.get(k);
      if (cue?.value.kind === 'negated' || severityAt.get(k) !== undefined || rules.yesAnswers.hasToken(tokens[k]!)) return true;
      // (A likelier finding named after it: "indeterminate, likely bone island"; but not "indeterminate, likely artifact".)
      if (cue?.value.kind === 'possible') hedged = true;
      else if (hedged && (finding[k]! & IN) !== 0) return true;
    }
    return false;
  };
  /** Whether a hedge after a comma is about the place that follows it ("Disc extrusion, likely at L5-S1"). */
  const hedgesPlace = (hedge: RuleHit<CueRule>): boolean => tokens[hedge.from - 1]?.key === ',' && pastPlace(hedge.to) > hedge.to;
  /**
   * Past the places written at token j ("at T9", "at L4-5 and L5-S1", "on the left"): words that
   * do not make a level farther away, then a level group or a side, as many times as they follow
   * (at most SCAN_LIMIT tokens); j itself when no place starts there.
   */
  const pastPlace = (j: number): number => {
    const stop = Math.min(n, j + SCAN_LIMIT);
    for (;;) {
      let k = j;
      while (k < stop && sideAt.get(k) === undefined && rules.words.near.hasToken(tokens[k]!)) k++;
      if (k < stop && inLevel(k)) while (k < stop && inLevel(k)) k++;
      else if (k < stop && sideAt.get(k) !== undefined) k = sideAt.get(k)!.to;
      else return j;
      j = k;
    }
  };

  /**
   * Whether a cue is about the term itself rather than a finding there. Before the term: right
   * before it (past articles, side words and levels), with no finding after the term in its clause
   * ("Absent right pedicle at L4 (congenital)", "No CSF is visible around the cord", "No accessory
   * piriformis muscle or split sciatic nerve"; not "No spinal cord or cauda equina compression", "No
   * significant disc pathology"). After it: right after a term that opens its clause ("The conus is
   * not visualized"; not "fragment behind the S1 vertebral body has resolved", nor a heading,
   * "Thoracic spine: nil significant"). A cue spelled with the term's words is about what follows
   * ("None of the discs shows ...").
   */
  const isCueOwn = (m: Mention, cue: RuleHit<CueRule>): boolean => {
    if (cue.to > m.from && cue.from < m.to) return false;
    if (cue.from >= m.to) return cue.from === pastPlace(m.to) && tokens[m.to]!.key !== ':' && opensItsClause(m);
    for (let i = m.from - 1; i >= cue.to; i--) {
      const side = sideEndAt.get(i);
      if (side !== undefined) i = side.from;
      else if (!inLevel(i) && !ARTICLES.has(tokens[i]!.key)) return false;
    }
    // Then nothing after it in its clause but places, a bracket, joiners and words that are no findings.
    let j = pastPlace(m.to);
    if (tokens[j]?.key === '(') {
      const close = Math.min(n, j + SCAN_LIMIT);
      while (j < close && tokens[j]!.key !== ')') j++;
      j = pastPlace(j + 1);
    }
    const next = tokens[j]?.key;
    // (The subject of a denied "is seen": "No CSF is seen around the cord due to severe stenosis";
    // not "Neither the exiting nor the traversing nerve roots are compressed".)
    if ((next === 'is' || next === 'are' || next === 'was' || next === 'were') && j + 1 < n && rules.existenceWords.hasToken(tokens[j + 1]!)) return true;
    // (The subject of another verb is not denied itself: "No area of the cord shows abnormal signal".)
    if (cueAt.get(j)?.value.verb === true) return false;
    if (next !== undefined && !endsClause(j) && !rules.listJoiners.hasToken(tokens[j]!) && cueAt.get(j) === undefined) return false;
    for (const stop = Math.min(n, j + SCAN_LIMIT); j < stop && !endsClause(j); j++) if ((finding[j]! & IN) !== 0) return false;
    return true;
  };

  /** One past the last finding stated as a fact, for the list items that follow it ("... and microdiscectomy"). */
  let statedTo = -1;
  /**
   * Whether a stating cue ("status post", "known", "history of") stands before the mention in its
   * clause, at most STATED_WORDS words before it ("s/p L4-5 microdiscectomy"; levels, side words and
   * bracketed text such as a year are not counted), or the mention continues with "and" a list whose
   * last item was stated ("s/p hemilaminectomy and microdiscectomy"). The cue's own words are not
   * enough: "status post" is also a term, and "status post fall" names no operation.
   */
  const isStated = (m: Mention): boolean => {
    // ("HISTORY: L1 burst fracture on CT.": a result of earlier imaging, stated after the finding.)
    const after = cueAt.get(pastPlace(m.to));
    const stated = (after !== undefined && after.value.kind === 'stated' && after.value.before === 'always') || statedBefore(m) || treatedFor(m);
    if (stated) statedTo = m.to;
    return stated;
  };
  /**
   * Whether a finding is what a treatment before it was for: right after that "for" (past an article,
   * levels, sides and two words of what it was like), the treatment before the "for" past where and when ("HISTORY: C5/6 ACDF in 2018
   * for radiculopathy"; not "Post ACDF for evaluation of adjacent segment disease").
   */
  const treatedFor = (m: Mention): boolean => {
    let j = m.from - 1;
    let words = 0;
    while (j > 0) {
      const t = tokens[j]!;
      if (sideEndAt.get(j) !== undefined) j = sideEndAt.get(j)!.from - 1;
      else if (ARTICLES.has(t.key) || inLevel(j)) j--;
      // (Up to two words that say what it was like: "for progressive kyphosis"; not what the exam is for.)
      else if (t.kind === 'word' && cueEndAt.get(j) === undefined && (finding[j]! & IN) === 0 && !rules.purposeWords.hasToken(t) && words++ < 2) j--;
      else break;
    }
    const cue = cueEndAt.get(j);
    return cue !== undefined && cue.value.section !== undefined && rules.reasonCues.has(cue.value.phrase) && cue.from > 0 && treatmentEndsAt(pastWhereBack(cue.from - 1));
  };
  const statedBefore = (m: Mention): boolean => {
    let words = 0;
    // Only "and" (or ", and") or "with" so far: the finding before may be an item of the same stated list.
    let onlyAnd = true;
    let depth = 0;
    const stop = Math.max(0, m.from - SCAN_LIMIT);
    for (let i = m.from - 1; i >= stop && sentences[i] === sentences[m.from] && words <= STATED_WORDS; i--) {
      const t = tokens[i]!;
      if (t.key === ')') depth++;
      if (depth > 0) {
        if (t.key === '(') depth--;
        continue;
      }
      const cue = cueEndAt.get(i);
      // (A stating cue may itself be a term: "status post" is also postoperative change.)
      // (Not "on CT", which states the finding before it: "Lytic lesion on CT T10 metastasis?".)
      if (cue !== undefined && cue.value.kind === 'stated' && cue.value.before !== 'always') return true;
      if ((finding[i]! & IN) !== 0) return onlyAnd && i + 1 < m.from && statedTo === i + 1;
      const side = sideEndAt.get(i);
      if (side !== undefined) {
        i = side.from;
        continue;
      }
      if (inLevel(i)) continue;
      if (t.key === ',' && tokens[i + 1]?.key === 'and') continue;
      if (t.key === ',' || t.key === ';' || t.key === ':') return false;
      // A hedge or negation between decides otherwise; "with" (which ends only hedges) does not.
      if (cue !== undefined && cue.value.kind !== 'pseudo' && cue.value.only !== 'possible') return false;
      // ("Known myeloma with lytic lesions": what a stated finding comes with is stated too.)
      if (t.key !== 'and' && t.key !== 'with') onlyAnd = false;
      if (t.kind === 'word') words++;
    }
    return false;
  };
  /**
   * Whether a place word after "and", "or" or a comma repeats the last word of the cue in force: the
   * next item of that cue's list, not a place ("Resolution of the marrow infiltration and of the sacral
   * soft tissue mass").
   */
  const repeatsCue = (place: RuleHit<CueRule>): boolean => {
    if (place.from === 0) return false;
    const joiner = tokens[place.from - 1]!.key;
    if (joiner !== 'and' && joiner !== 'or' && joiner !== ',') return false;
    const scope = fwd.get(place.from)!;
    const cue = scope.neg !== undefined && (scope.pos === undefined || scope.neg.to > scope.pos.to) ? scope.neg : scope.pos;
    return cue !== undefined && tokens[cue.to - 1]!.key === tokens[place.from]!.key;
  };
  /**
   * The location cue right before the mention, past side words, levels, stated words and other words
   * that are no findings ("loosening of the left T4 pedicle screw", "not displacing the traversing
   * left L5 nerve root"), if any: the term names a place, not what a cue before it says.
   */
  const placeCueBefore = (m: Mention): RuleHit<CueRule> | undefined => {
    // (An imaging test named as where a finding was seen, "on MRI", is a place too.)
    for (let i = m.from - 1; i >= 0 && i >= m.from - 3; i--) {
      const on = cueAt.get(i);
      if (on !== undefined && on.value.kind === 'stated' && on.value.before === 'always' && on.to >= m.to) return on;
    }
    for (let i = m.from - 1, steps = 0; i >= 0 && steps < FORWARD_MODIFIER_WINDOW; steps++) {
      const cue = cueEndAt.get(i);
      // (Past a stated word: "at the site of the prior discectomy".)
      if (cue !== undefined && cue.value.kind === 'stated') {
        i = cue.from - 1;
        continue;
      }
      if (cue !== undefined) return cue.value.kind === 'location' && !repeatsCue(cue) ? cue : undefined;
      const side = sideEndAt.get(i);
      if (side !== undefined) i = side.from - 1;
      else if (inLevel(i)) while (i >= 0 && inLevel(i)) i--;
      else if ((finding[i]! & (OTHER | IN)) === OTHER) i--;
      // (Past the operation a device is named by: "anterior to the ACDF plate".)
      else if (i === m.from - 1 && treatmentEndsAt(i)) i = mentions[lowerBound(mentions, (x) => x.from <= i) - 1]!.from - 1;
      else return undefined;
    }
    return undefined;
  };
  /**
   * Whether the mention opens its clause: before it, back to the start of its sentence or a comma,
   * colon or semicolon, only levels, side and severity words, other words of mentions that are no
   * findings, and articles ("The large L4-5 disc extrusion is ...").
   */
  const opensItsClause = (m: Mention): boolean => {
    for (let i = m.from - 1, steps = 0; i >= 0 && sentences[i] === sentences[m.from] && steps < SCAN_LIMIT; i--, steps++) {
      const key = tokens[i]!.key;
      if (key === ',' || key === ';' || key === ':' || sections.headerAt[i] === 1) return true;
      if (inLevel(i) || sideEndAt.get(i) !== undefined || severityEndAt.get(i) !== undefined || (finding[i]! & (OTHER | IN)) === OTHER) continue;
      if (ARTICLES.has(key) || tokens[i]!.kind !== 'word') continue;
      return false;
    }
    return true;
  };
  /** Whether token i starts its sentence or follows a colon or semicolon. */
  const opensClauseAt = (i: number): boolean => i === 0 || sentences[i - 1] !== sentences[i] || tokens[i - 1]!.key === ':' || tokens[i - 1]!.key === ';';
  /** Whether token i is part of a level group ("L4-5", "L3-4 and L4-5"). */
  const inLevel = (i: number): boolean => (finding[i]! & LEVEL) !== 0;

  /**
   * The "or" that offers this finding and another as alternatives ("Haemangioma or metastasis at T9",
   * "either a Schmorl node or a small fracture"), if any: two findings of other concepts joined by
   * "or" (then an article, a severity or a side). Not two narrowings, which share a head ("canal or
   * foraminal stenosis" is two facts), nor a finding named as a place ("edema around the fracture or
   * retropulsion"), nor lists with commas ("soft tissue component, metastasis or myeloma likely").
   */
  const alternativeOr = (m: Mention, k: number): number | undefined => {
    // (Most findings have no "or" next to them: look for one before anything else.)
    const orAfter = tokens[m.to]?.key === 'or';
    let orBefore = false;
    for (let i = m.from - 1; i >= 0 && i >= m.from - 4 && !orBefore; i--) orBefore = tokens[i]!.key === 'or';
    if (!orAfter && !orBefore) return undefined;
    // The next finding and the one before, past mentions that are no findings ("a small fracture").
    if (orAfter) {
      let next = k + 1;
      while (next < mentions.length && !roles[next]!.finding && mentions[next]!.from < m.to + 4) next++;
      if (next < mentions.length && offeredWith(k, next)) return m.to;
    }
    if (orBefore) {
      let before = k - 1;
      while (before >= 0 && !roles[before]!.finding && mentions[before]!.to > m.from - 4) before--;
      if (before >= 0 && offeredWith(before, k)) return mentions[before]!.to;
    }
    return undefined;
  };
  /** Past an article and up to two severity or side words ("or a small fracture"). */
  const pastFiller = (i: number): number => {
    if (ARTICLES.has(tokens[i]?.key ?? '')) i++;
    for (let steps = 0; steps < 2 && i < n; steps++) {
      const modifier = severityAt.get(i) ?? sideAt.get(i);
      if (modifier === undefined) break;
      i = modifier.to;
    }
    return i;
  };
  /** Whether findings x and y (x first) are offered as alternatives (see alternativeOr). */
  const offeredWith = (x: number, y: number): boolean =>
    roles[x]!.finding &&
    roles[y]!.finding &&
    mentions[x]!.conceptId !== mentions[y]!.conceptId &&
    !(mentions[x]!.concept?.narrowing === true && mentions[y]!.concept?.narrowing === true) &&
    tokens[mentions[x]!.to]?.key === 'or' &&
    pastFiller(mentions[x]!.to + 1) === mentions[y]!.from &&
    placeCueBefore(mentions[x]!) === undefined &&
    placeCueBefore(mentions[y]!) === undefined;
  /** The "/" joining this finding to another finding with no space ("bulging/protrusion"), if any. */
  const alternativeSlash = (m: Mention, k: number): number | undefined => {
    // (Two names of one thing are no alternatives: "granulation tissue/epidural fibrosis".)
    const other = (j: number): boolean => mentions[j] !== undefined && mentions[j]!.conceptId !== m.conceptId;
    const after = tokens[m.to];
    if (after !== undefined && after.key === '/' && !after.spaceBefore && (finding[m.to + 1]! & START) !== 0 && !tokens[m.to + 1]!.spaceBefore && other(k + 1)) return m.to;
    const before = tokens[m.from - 1];
    if (before !== undefined && before.key === '/' && !tokens[m.from]!.spaceBefore && m.from >= 2 && (finding[m.from - 2]! & END) !== 0 && !before.spaceBefore && other(k - 1)) {
      return m.from - 1;
    }
    return undefined;
  };

  /**
   * Modifier values near a mention: inside it (severity only: "mild compression"), then just before
   * it within the clause ("mild bilateral ... narrowing"), then after it through a copula
   * ("stenosis is moderate", "narrowing on the left").
   */
  const modifiersOf = (m: Mention, startAt: Hits, endAt: Hits, all: boolean): string[] => {
    if (!all) {
      for (let i = m.from; i < m.to; i++) {
        const h = startAt.get(i);
        if (h !== undefined && h.to <= m.to) return [h.value];
      }
    }
    const sentence = sentences[m.from]!;
    // (A term that names its own side: "Dextroconvex thoracic curve", "bilateral pars defects".)
    const own = all ? startAt.get(m.from) : undefined;
    let found = own !== undefined && own.to <= m.to && rules.gradedSides.has(own.value) ? [own.value] : NONE;
    let words = 0;
    const stop = Math.max(0, m.from - SCAN_LIMIT);
    for (let i = m.from - 1; i >= stop && sentences[i] === sentence && words < MODIFIER_WINDOW; i--) {
      // A side heading its clause ("Right: mild foraminal stenosis.", "Neural foramina: Right: mild narrowing").
      // (Sides only, not positions: "Foraminal: severe stenosis on the left".)
      if (all && tokens[i]!.key === ':' && found === NONE && i > 0 && endAt.get(i - 1) !== undefined && rules.gradedSides.has(endAt.get(i - 1)!.value) && opensClauseAt(endAt.get(i - 1)!.from)) return [endAt.get(i - 1)!.value];
      if ((finding[i]! & IN) !== 0 || isScopeBreak(i) || tokens[i]!.key === ';' || tokens[i]!.key === ':') break;
      // (Not past a negation that opens the finding: "..., moderate on the left, without nerve root
      // compression" does not grade the compression; the grades beside a denied side are deniedSides'.)
      if (cueEndAt.get(i)?.value.kind === 'negated' && cueEndAt.get(i)!.value.direction !== 'backward') break;
      // (Nor past a comma for a finding written as a participle: "Disc bulge, severe, compressing the
      // L5 root": the grade is the bulge's.)
      if (tokens[i]!.key === ',' && PARTICIPLE.test(tokens[m.from]!.key)) break;
      // (Levels are not counted: "moderate left C2-C3 and C3-C4 facet arthrosis".)
      if (inLevel(i)) continue;
      const h = endAt.get(i);
      // (A side that names a place of its own, "both facet joints", is that place's: not "... and a right synovial cyst".)
      if (h !== undefined && (namesPlace(h) || ownedElsewhere(h, m))) break;
      // (Not a side a negation denies: "R none, L mild narrowing".)
      if (all && h !== undefined && cueAt.get(h.to)?.value.kind === 'negated' && cueAt.get(h.to)!.value.direction !== 'forward') {
        i = h.from;
        continue;
      }
      if (h !== undefined) {
        found = found === NONE ? [h.value] : [h.value, ...found];
        if (!all) return found;
        i = h.from;
        words++;
        continue;
      }
      if (tokens[i]!.kind === 'word') words++;
    }
    words = 0;
    // Past a level or a hedge, a modifier counts only where nothing it could qualify follows it
    // ("Small protrusion at T7-8 mildly indenting the cord", "... at T7 may represent early edema",
    // "Disc bulge at L4-5 left foraminal stenosis").
    let skipped = false;
    for (let i = m.to; i < n && sentences[i] === sentence && words < FORWARD_MODIFIER_WINDOW; i++) {
      const h = startAt.get(i);
      if (h !== undefined) {
        if (ownedElsewhere(h, m)) break;
        // (Not the grade of a next item dictated with no mark between: "No herniation mild facet arthropathy".)
        if (i === m.to && startsUnmarkedItem(i)) break;
        // (Not a grade of what a participle after it says: "disc extrusion is noted slightly migrating downwards".)
        if (!all && h.to < n && PARTICIPLE.test(tokens[h.to]!.key)) break;
        if (!skipped || (all ? !termFollows(h.to) : endsModifier(h.to))) found = found === NONE ? [h.value] : [...found, h.value];
        break;
      }
      // (Past levels: "Severe foraminal stenosis at L5-S1 on the left".)
      if (inLevel(i)) {
        skipped = true;
        continue;
      }
      // (A grade past the finding's place and side: "Facet arthropathy bilaterally, severe", "Foraminal
      // stenosis on the left is severe".)
      const place = all ? i : pastPlace(i);
      if (place > i) {
        i = place - 1;
        words++;
        skipped = true;
        continue;
      }
      // "Foraminal stenosis at L5-S1, severe.", "Left foraminal stenosis: moderate.", "Foraminal
      // stenosis, right greater than left, at L4-5": one mark, then a modifier that ends its clause.
      const key = tokens[i]!.key;
      if (key === ',' || key === ':' || key === '-') {
        const h = startAt.get(key === ',' ? i + 1 : pastAnswer(i + 1));
        // (A severity followed by a side is that side's grade: "Bilateral foraminal stenosis, severe on the right";
        // past a level it is the finding's: "Foraminal stenosis: mild at L4-5".)
        // (An aside in brackets after it ends it too: "Central stenosis: Mild (AP diameter 9 mm).")
        const past = h === undefined ? i : all || !sideAhead(h.to) ? pastPlace(h.to) : h.to;
        if (h !== undefined && endsClause(pastAside(past))) found = found === NONE ? [h.value] : [...found, h.value];
        // ("Foraminal stenosis: right-sided, severe.": past a side first; "Facet arthropathy: mild, L>R": past a grade first.)
        else if (h === undefined && !all && sideAt.get(i + 1) !== undefined) continue;
        else if (h === undefined && all && severityAt.get(i + 1) !== undefined && tokens[severityAt.get(i + 1)!.to]?.key === ',') {
          i = severityAt.get(i + 1)!.to - 1;
          words++;
          continue;
        }
        break;
      }
      // (The side of the place it is in: "Schwannoma in the left L4-5 foramen", "erosions along the left
      // sacroiliac joint", "stenosis of the right lateral recess".)
      // (Not what it presses on or touches: "Disc protrusion contacting the left L5 nerve root".)
      const location = cueAt.get(i);
      if (all && found === NONE && location?.value.kind === 'location' && location.value.aspect !== true && (finding[location.from]! & IN) === 0) {
        // (Past a word of the place's own name: "compression of the exiting right C6 nerve root".)
        let at = location.to;
        while (at < n && at < location.to + 2 && sideAt.get(at) === undefined && (finding[at]! & (IN | OTHER)) === OTHER) at++;
        const placeSide = sideAt.get(at);
        if (placeSide !== undefined && rules.gradedSides.has(placeSide.value) && (finding[placeSide.to]! & (OTHER | LEVEL)) !== 0) {
          found = [placeSide.value];
          break;
        }
      }
      // (Past a hedge: "spondylolysis possible on the left".)
      const hedge = cueAt.get(i);
      if (hedge !== undefined && hedge.value.kind === 'possible' && hedge.value.direction !== 'none') {
        i = hedge.to - 1;
        words++;
        skipped = true;
        continue;
      }
      if (!rules.words.link.hasToken(tokens[i]!)) break;
      words++;
    }
    return found;
  };

  /** Whether a side hit has a part of the body in it ("both sacroiliac joints"). */
  const namesPlace = (h: RuleHit<string>): boolean => {
    const at = h.to - h.from > 1 ? mentionFrom(h.from + 1) : -1;
    return at >= 0 && mentions[at]!.to <= h.to && roles[at]!.located && !roles[at]!.finding;
  };
  /** Past an aside in brackets at token j ("(AP diameter 9 mm)"); j itself when none opens there. */
  const pastAside = (j: number): number => {
    if (tokens[j]?.key !== '(') return j;
    for (let k = j + 1; k < n && k < j + SCAN_LIMIT && sentences[k] === sentences[j]; k++) {
      if (tokens[k]!.key === ')') return k + 1;
      if (tokens[k]!.key === '(') break;
    }
    return j;
  };
  /** Whether a side word stands in the place written at token j ("severe on the right at L4-5"). */
  const sideAhead = (j: number): boolean => {
    for (let k = j, end = pastPlace(j); k < end; k++) if (sideAt.get(k) !== undefined) return true;
    return false;
  };
  /**
   * Past the answer of a form's field at token j ("Spondylolysis: Suspected, bilateral L5.",
   * "Disc herniation: Yes - left foraminal"): a hedge or a yes, then a comma or dash; j itself when
   * none starts there.
   */
  const pastAnswer = (j: number): number => {
    const cue = cueAt.get(j);
    let k = cue !== undefined && cue.value.kind === 'possible' ? cue.to : j < n && rules.yesAnswers.hasToken(tokens[j]!) ? j + 1 : j;
    if (k > j && k < n && (tokens[k]!.key === ',' || tokens[k]!.key === '-')) k++;
    return k;
  };
  /**
   * Whether a term starts at token j, past places ("Disc bulge at L4-5 left foraminal stenosis": the side
   * is the next term's). Not a participle, which says what the finding does ("Disc protrusion at L4-5
   * right paracentral abutting the L5 nerve root").
   */
  const termFollows = (j: number): boolean => {
    const k = pastPlace(j);
    return k < n && (finding[k]! & (IN | OTHER)) !== 0 && !PARTICIPLE.test(tokens[k]!.key);
  };
  /** Whether a modifier ending before token j ends what it says: its clause ends, or a link word, place, mark or cue follows. */
  const endsModifier = (j: number): boolean => {
    const k = pastPlace(j);
    return k > j || endsClause(k) || tokens[k]!.kind !== 'word' || rules.words.link.hasToken(tokens[k]!) || (cueAt.get(k) !== undefined && cueAt.get(k)!.value.kind !== 'location');
  };

  /**
   * Severity per side, from the modifiers just before a finding ("severe right and mild left
   * foraminal narrowing": severe on the right, mild on the left). Each severity word grades the side
   * words after it up to the next severity word ("bilateral" only when it is a grade's one side:
   * "severe left and mild bilateral"). Only when two or more severities of the scale each grade a
   * side, and not all the same, and no position word ("central", "foraminal") stands among them;
   * otherwise none. The window reaches two words further than the severity's own, for multi-word
   * sides ("severe right-sided and moderate left-sided").
   */
  const gradesOf = (m: Mention, sides: readonly string[]): Grade[] => {
    const sentence = sentences[m.from]!;
    // Where the severity and side words before the finding begin (within the window, in the clause).
    let start = m.from;
    let words = 0;
    const stop = Math.max(0, m.from - SCAN_LIMIT);
    for (let i = m.from - 1; i >= stop && sentences[i] === sentence && words < MODIFIER_WINDOW + 2; i--) {
      if ((finding[i]! & IN) !== 0 || isScopeBreak(i) || tokens[i]!.key === ';' || tokens[i]!.key === ':') break;
      const h = severityEndAt.get(i) ?? sideEndAt.get(i);
      if (h !== undefined) i = h.from;
      if (h !== undefined || tokens[i]!.kind === 'word') words++;
      start = i;
    }
    const grades: Grade[] = [];
    let current: Grade | undefined;
    for (let i = start; i < m.from; i++) {
      const severity = severityAt.get(i);
      const side = sideAt.get(i);
      if (severity !== undefined) {
        if (!rules.severityScale.includes(severity.value)) return NO_GRADES;
        grades.push((current = { severity: severity.value, side: [] }));
        i = severity.to - 1;
      } else if (side !== undefined) {
        // A position word ("central", "foraminal") may name another structure's grade: "severe central
        // and moderate right foraminal stenosis" grades the canal, then the foramen.
        if (!rules.gradedSides.has(side.value)) return NO_GRADES;
        if (current !== undefined && sides.includes(side.value) && !current.side.includes(side.value)) current.side.push(side.value);
        i = side.to - 1;
      }
    }
    for (const g of grades) if (g.side.length > 1 && g.side.includes('bilateral')) g.side = g.side.filter((side) => side !== 'bilateral');
    if (grades.length < 2 || grades.some((g) => g.side.length === 0) || grades.every((g) => g.severity === grades[0]!.severity)) return NO_GRADES;
    return grades;
  };

  /**
   * Grades written after a finding, in its clause ("foraminal stenosis, severe on the right and mild on
   * the left", "the stenosis is moderate on the left"), past its own level if it has one ("foraminal
   * stenosis at L4-5, severe on the left"): a severity then its sides, joined by "and", "or"
   * or ","; each severity on the scale and each side one of the graded sides; and no finding right
   * after a grade's sides ("disc bulge, mild left foraminal stenosis" grades the stenosis).
   * Returned even when there is one, or when they agree; the caller decides what to take.
   */
  const gradesAfter = (m: Mention): Grade[] => {
    const sentence = sentences[m.from]!;
    // "... secondary to disc bulge, severe on the right": the grade is the first finding's.
    if (m.from > 0 && CAUSE_WORDS.has(tokens[m.from - 1]!.key)) return NO_GRADES;
    const end = Math.min(n, m.to + SCAN_LIMIT);
    const inClause = (i: number): boolean => i < end && sentences[i] === sentence;
    let i = m.to;
    // Past the finding's own level ("Foraminal narrowing at L4-5, severe on the left"); not past a
    // side, which may open a grade ("Foraminal narrowing, R moderate"). A grade after that with a level
    // of its own grades that level, not the finding: "Foraminal narrowing at L4-5 and L5-S1, severe on
    // the left at L5-S1" leaves the grade to the word.
    let ownLevel = false;
    let k = i;
    while (inClause(k) && sideAt.get(k) === undefined && rules.words.near.hasToken(tokens[k]!)) k++;
    if (inClause(k) && inLevel(k)) {
      while (inClause(k) && inLevel(k)) k++;
      i = k;
      ownLevel = true;
    }
    // (Not "was": "which was severe on the right, is now mild" is a grade of the past.)
    while (inClause(i) && severityAt.get(i) === undefined && sideAt.get(i) === undefined && tokens[i]!.key !== 'was' && tokens[i]!.key !== 'were' && (tokens[i]!.key === ',' || tokens[i]!.key === ':' || rules.words.link.hasToken(tokens[i]!))) i++;
    // One grade: a severity then its sides ("severe on the right"), or sides then a severity ("R moderate").
    const gradeAt = (k: number): { grade: Grade; to: number } | undefined => {
      const sidesFrom = (j: number, grade: Grade): number | undefined => {
        for (let side = sideAt.get(j); j < end && side !== undefined; side = sideAt.get(j)) {
          if (!rules.gradedSides.has(side.value)) return undefined;
          if (!grade.side.includes(side.value)) grade.side.push(side.value);
          j = side.to;
        }
        return grade.side.length === 0 ? undefined : j;
      };
      // An adverb grades the word after it ("slightly left of midline"), not the finding.
      const isGrade = (severity: RuleHit<string> | undefined): severity is RuleHit<string> =>
        severity !== undefined && rules.severityScale.includes(severity.value) && !(severity.to - severity.from === 1 && tokens[severity.from]!.key.endsWith('ly'));
      const first = severityAt.get(k);
      if (first !== undefined) {
        if (!isGrade(first)) return undefined;
        const grade: Grade = { severity: first.value, side: [] };
        const to = sidesFrom(first.to, grade);
        return to === undefined ? undefined : { grade, to };
      }
      const grade: Grade = { severity: '', side: [] };
      const j = sidesFrom(k, grade);
      const severity = j === undefined ? undefined : severityAt.get(j);
      if (!isGrade(severity)) return undefined;
      grade.severity = severity.value;
      return { grade, to: severity.to };
    };
    // After a comma, a word that is no grade, side, level or finding starts something said of the
    // finding and its grades ("severe on the right, which may correlate with ...", "..., unchanged from
    // prior"); not "respectively", which pairs the grades with levels one by one. Not a remark with a
    // grade of its own or a word of another time either: "moderate on the left, now severe", "...,
    // which has since resolved", "..., on the prior study" (review) leave the finding ungraded.
    const startsAside = (k: number): boolean => {
      // (A finding written as a participle says what the graded one does: "..., severe on the left,
      // contacting the exiting L4 nerve root".)
      if (tokens[k]!.kind !== 'word' || tokens[k]!.key === 'respectively' || sideAt.get(k) !== undefined || inLevel(k)) return false;
      if ((finding[k]! & IN) !== 0 && !((finding[k]! & START) !== 0 && PARTICIPLE.test(tokens[k]!.key))) return false;
      for (let r = k; inClause(r) && !CLAUSE_ENDS.has(tokens[r]!.key); r++) if (severityAt.get(r) !== undefined || otherTime(r)) return false;
      return true;
    };
    const grades: Grade[] = [];
    while (inClause(i)) {
      const item = gradeAt(i);
      if (item === undefined) return NO_GRADES;
      grades.push(item.grade);
      // (Past its level: "Facet arthropathy: moderate bilaterally at L4-5.")
      const j = pastPlace(item.to);
      if (ownLevel) for (let p = item.to; p < j; p++) if (inLevel(p)) return NO_GRADES;
      // A grade ends its clause, or another grade follows ("severe on the right and mild on the left",
      // "left severe; right moderate"); anything else ("mild left and right foraminal stenosis", "mild
      // left L5 nerve root") grades something else.
      const key = inClause(j) ? tokens[j]!.key : '.';
      // (Not a grade of the next finding: "severe on the left; moderate bilateral facet arthropathy".)
      const nextItem = key === ';' ? gradeAt(j + 1) : undefined;
      const semicolonList = nextItem !== undefined && (finding[pastPlace(nextItem.to)]! & (IN | OTHER)) === 0;
      if (!semicolonList && (CLAUSE_ENDS.has(key) || isScopeBreak(j))) break;
      let next = key === ',' || key === 'and' || key === 'or' || key === ';' ? j + 1 : j;
      if (key === ',' && tokens[next]?.key === 'and') next++;
      if (next !== j && inClause(next) && key === ',' && tokens[next]!.key !== 'and' && startsAside(next)) break;
      if (next === j || !inClause(next) || gradeAt(next) === undefined) return NO_GRADES;
      i = next;
    }
    return grades.length === 0 ? NO_GRADES : grades;
  };

  /** The grade written right before a finding, past its sides ("Mild left foraminal narrowing"), or null. */
  const gradeBefore = (m: Mention): string | null => {
    let j = m.from - 1;
    for (let side = sideEndAt.get(j); side !== undefined && j >= 0; side = sideEndAt.get(j)) j = side.from - 1;
    const severity = severityEndAt.get(j);
    return severity !== undefined && rules.severityScale.includes(severity.value) ? severity.value : null;
  };

  /**
   * Grades given level by level after a finding, two or more in its clause, each followed by its level
   * group ("Foraminal narrowing is mild at L3-4, moderate at L4-5 and severe at L5-S1"); the first may be
   * the finding's own grade, `own`, when its level follows it ("Mild canal stenosis at L3-4 and
   * moderate at L4-5"). Levels named first with no grade are graded after, all of them ("Facet
   * arthropathy at L4-5 and L5-S1, moderate at L4-5 and severe at L5-S1"), or none of them, which stay
   * ungraded ("Canal stenosis at L3-4, moderate at L4-5"). A grade with no level right after it grades
   * something else ("mild at L3-4 and moderate facet arthropathy") and ends the list. The finding's
   * levels are every level named, in spine order.
   */
  const levelGradesAfter = (m: Mention, own: string | null, ownSide: readonly string[]): LevelGrades | undefined => {
    const sentence = sentences[m.from]!;
    const end = Math.min(n, m.to + 2 * SCAN_LIMIT);
    // (Two level groups at least must follow in the sentence: most findings have none after them.)
    const second = groups[firstGroupFrom(m.to) + 1];
    if (second === undefined || second.to > end || sentences[second.to - 1] !== sentence) return undefined;
    const inClause = (i: number): boolean => i < end && sentences[i] === sentence;
    /** The level group at token j, past words that only say where ("at", "at the"). */
    const groupFrom = (j: number): LevelGroup | undefined => {
      while (inClause(j) && !inLevel(j) && rules.words.near.hasToken(tokens[j]!)) j++;
      const group = groups[firstGroupFrom(j)];
      return group !== undefined && group.from === j && inClause(group.to - 1) ? group : undefined;
    };
    /** Past the side words at token j, each added to `side`: where they end. */
    const sidesFrom = (j: number, side: string[]): number => {
      for (let hit = sideAt.get(j); hit !== undefined && inClause(j) && rules.gradedSides.has(hit.value); hit = sideAt.get(j)) {
        if (!side.includes(hit.value)) side.push(hit.value);
        j = hit.to;
      }
      return j;
    };
    const grades: Grade[] = [];
    const seen = new Set<string>();
    // (A grade with no side of its own has the finding's: "Mild bilateral foraminal narrowing at L3-4 and moderate at L4-5".)
    const add = (severity: string, side: string[], group: LevelGroup): boolean => {
      // (Each grade at levels of its own: "mild at L4-5 and moderate at L4-5" is no list of levels.)
      if (group.levels.some((level) => seen.has(level))) return false;
      for (const level of group.levels) seen.add(level);
      grades.push({ severity, side: side.length > 0 ? side : [...ownSide], levels: [...group.levels] });
      return true;
    };
    let i = m.to;
    const first = groupFrom(i);
    if (first !== undefined && own !== null) {
      add(own, [], first);
      i = first.to;
    } else {
      if (first !== undefined) i = first.to;
      while (inClause(i) && (COPULAS.has(tokens[i]!.key) || tokens[i]!.key === ',' || tokens[i]!.key === ':')) i++;
    }
    let last = i;
    while (inClause(i)) {
      if (grades.length > 0) {
        const key = tokens[i]!.key;
        if (key !== ',' && key !== 'and' && key !== ';') break;
        i++;
        if (key === ',' && tokens[i]?.key === 'and') i++;
      }
      const severity = severityAt.get(i);
      if (severity === undefined || !rules.severityScale.includes(severity.value)) break;
      // (Its sides, between the grade and its level, "moderate on the right at L4-5", or after the level,
      // "moderate at L5-S1 on the left".)
      const side: string[] = [];
      const group = groupFrom(sidesFrom(severity.to, side));
      if (group === undefined) break;
      i = sidesFrom(group.to, side);
      if (!add(severity.value, side, group)) break;
      last = i;
    }
    const levels = [...seen];
    if (first !== undefined && own === null) {
      const graded = first.levels.filter((level) => seen.has(level)).length;
      if (graded === 0 && grades.length > 0) levels.push(...first.levels);
      else if (graded !== first.levels.length || seen.size !== graded || grades.length < 2) return undefined;
    } else if (grades.length < 2) return undefined;
    return { grades, levels: levels.sort((a, b) => levelRank(a) - levelRank(b)), end: last };
  };

  /**
   * The side words that a negation inside a finding's own list of grades denies, when another side is
   * graded ("mild left and no right foraminal narrowing", "no right and mild left ..."): the finding
   * is there, on the other side. Undefined unless `negation`, the cue that decided the finding, sits
   * in such a list: the severity, side and joining words ("and", "or", ",", "but") just before the
   * finding, in its clause and within the window gradesOf reads.
   */
  const deniedSides = (m: Mention, negation: RuleHit<CueRule>): DeniedSides | undefined => {
    const items: ('severity' | 'side' | 'negation' | 'joiner')[] = [];
    const values: string[] = [];
    const stop = Math.max(0, m.from - SCAN_LIMIT);
    let words = 0;
    for (let i = m.from - 1; i >= stop && sentences[i] === sentences[m.from] && words < MODIFIER_WINDOW + 2; i--) {
      if ((finding[i]! & IN) !== 0) break;
      const severity = severityEndAt.get(i);
      const side = sideEndAt.get(i);
      if (severity !== undefined) {
        items.push('severity');
        values.push(severity.value);
        i = severity.from;
      } else if (side !== undefined) {
        // A position word ("mild central and no right foraminal narrowing") may grade another structure.
        if (!rules.gradedSides.has(side.value)) return undefined;
        items.push('side');
        values.push(side.value);
        i = side.from;
      } else if (cueEndAt.get(i) === negation) {
        items.push('negation');
        values.push('');
        i = negation.from;
      } else if (tokens[i]!.key === 'and' || tokens[i]!.key === 'or' || tokens[i]!.key === ',' || tokens[i]!.key === 'but') {
        items.push('joiner');
        values.push(tokens[i]!.key);
      } else if (inLevel(i)) {
        continue; // "severe right but no left L4/5 foraminal stenosis"
      } else break;
      if (tokens[i]!.kind === 'word') words++;
    }
    items.reverse();
    values.reverse();
    const at = items.indexOf('negation');
    if (at < 0 || items[at + 1] !== 'side') return undefined;
    let k = at + 1;
    while (k < items.length && items[k] === 'side') k++;
    // Another side graded: a severity then a side, before the negation or after a joiner that follows its sides.
    const graded = (from: number, to: number): number => {
      for (let x = from; x + 1 < to; x++) if (items[x] === 'severity' && items[x + 1] === 'side') return x;
      return -1;
    };
    // "Mild right and no left or central stenosis": the negation reaches the finding itself (but not
    // over a comma: "moderate left, no right, foraminal narrowing").
    if (items[k] === 'joiner' && k + 1 === items.length && values[k] !== ',') return undefined;
    let x = graded(0, at);
    if (x < 0 && items[k] === 'joiner') x = graded(k + 1, items.length);
    if (x < 0) return undefined;
    let y = x + 1;
    while (y < items.length && items[y] === 'side') y++;
    return { denied: values.slice(at + 1, k), severity: values[x]!, sides: values.slice(x + 1, y) };
  };

  /** Whether a side right after a negation ("none on the left") is none of the finding's own sides. */
  const deniesOtherSide = (negation: RuleHit<CueRule>, own: readonly string[]): boolean => {
    let j = negation.to;
    while (j < n && j < negation.to + 3 && sideAt.get(j) === undefined && rules.words.near.hasToken(tokens[j]!)) j++;
    const named = sideAt.get(j);
    return named !== undefined && rules.gradedSides.has(named.value) && !own.includes(named.value);
  };
  /** Whether an item of its own, a side and then a negation, comes right before a negation, and names none of the finding's own sides ("R mild narrowing, L none"). */
  const sideItemDenies = (negation: RuleHit<CueRule>, own: readonly string[]): boolean => {
    const named = negation.from > 1 ? sideEndAt.get(negation.from - 1) : undefined;
    if (named === undefined || named.from === 0 || !rules.gradedSides.has(named.value) || own.includes(named.value)) return false;
    const mark = tokens[named.from - 1]!.key;
    return mark === ',' || mark === ';';
  };

  /**
   * The sides a negation after a finding denies when another side is graded beside it, in the list
   * of grades right after the finding ("Foraminal stenosis: mild on the right, none on the left",
   * "NFN right mild, left none", "... none on the right, mild on the left"): the finding is there, on
   * the graded side. Each item of the list is a severity or the negation with its sides, in either
   * order, the items joined by commas, semicolons, "and" or "but"; anything else ends the list.
   */
  const gradedBesideNegation = (m: Mention, negation: RuleHit<CueRule>): DeniedSides | undefined => {
    const end = Math.min(n, m.to + SCAN_LIMIT);
    let severity: string | undefined;
    let graded: string[] = [];
    let gradedLevels: string[] = [];
    let denied: string[] = [];
    let deniedLevels: string[] = [];
    // The item being read: its severity or negation, its sides and its levels.
    let head: 'severity' | 'negation' | undefined;
    let headValue = '';
    let sides: string[] = [];
    let levels: string[] = [];
    const close = (): boolean => {
      if (head === undefined || (sides.length === 0 && levels.length === 0)) return head === undefined && sides.length === 0 && levels.length === 0;
      if (head === 'negation') {
        denied = [...denied, ...sides];
        deniedLevels = [...deniedLevels, ...levels];
      } else if (severity === undefined) {
        severity = headValue;
        graded = sides;
        gradedLevels = levels;
      }
      head = undefined;
      sides = [];
      levels = [];
      return true;
    };
    let j = m.to;
    if (tokens[j]?.key === ':' || tokens[j]?.key === ',') j++;
    for (; j < end && sentences[j] === sentences[m.from]; j++) {
      const key = tokens[j]!.key;
      const side = sideAt.get(j);
      const group = inLevel(j) ? groups[firstGroupFrom(j)] : undefined;
      if (side !== undefined) {
        if (!rules.gradedSides.has(side.value)) return undefined;
        sides.push(side.value);
        j = side.to - 1;
      } else if (group !== undefined && group.from === j) {
        levels = [...levels, ...group.levels];
        j = group.to - 1;
      } else if (severityAt.get(j) !== undefined && head === undefined) {
        head = 'severity';
        headValue = severityAt.get(j)!.value;
        j = severityAt.get(j)!.to - 1;
      } else if (cueAt.get(j) === negation && head === undefined) {
        head = 'negation';
        j = negation.to - 1;
      } else if (key === ',' || key === ';' || key === 'and' || key === 'but') {
        if (!close()) return undefined;
      } else if (!rules.words.near.hasToken(tokens[j]!)) {
        // (An item that goes on into a term grades that term: "none on the right, severe left foraminal stenosis".)
        if ((finding[j]! & (IN | OTHER)) !== 0 && (head !== undefined || sides.length > 0 || levels.length > 0)) return undefined;
        break;
      }
    }
    if (!close() || severity === undefined) return undefined;
    // Sides: "mild on the right, none on the left"; levels: "Canal stenosis: L3-4 none; L4-5 mild."
    if (denied.length > 0 && !denied.some((d) => graded.includes(d))) return { denied, severity, sides: graded, levels: gradedLevels.length > 0 ? gradedLevels : undefined };
    if (denied.length === 0 && graded.length === 0 && deniedLevels.length > 0 && gradedLevels.length > 0 && !deniedLevels.some((l) => gradedLevels.includes(l))) {
      return { denied, severity, sides: graded, levels: gradedLevels };
    }
    return undefined;
  };

  /** Whether one of `marks` stands in tokens [from, to) (only the first SCAN_LIMIT tokens are read). */
  const markBetween = (from: number, to: number, marks: ReadonlySet<string>): boolean => {
    for (let i = from; i < to && i < from + SCAN_LIMIT; i++) if (marks.has(tokens[i]!.key)) return true;
    return false;
  };

  /** Index of the first group starting at or after token i (groups are sorted and disjoint). */
  const firstGroupFrom = (i: number): number => lowerBound(groups, (g) => g.from < i);

  /**
   * Per sentence, whether it speaks of the rest of the spine (levels.json `elsewhereWords`): 1 yes, 0
   * no, -1 not read yet (each sentence is read once, and only when a heading or carry-over is in force).
   */
  const elsewhere = new Int8Array(n > 0 ? sentences[n - 1]! + 1 : 0).fill(-1);
  const aboutElsewhere = (i: number): boolean => {
    const sentence = sentences[i]!;
    if (elsewhere[sentence]! < 0) {
      let from = i;
      while (from > 0 && sentences[from - 1] === sentence) from--;
      let known = false;
      for (let j = from; j < n && sentences[j] === sentence && !known; j++) {
        // ("more pronounced than elsewhere" compares with the rest; "minimal remaining disc height" is no place.)
        if (rules.words.elsewhere.hasToken(tokens[j]!)) known = tokens[j - 1]?.key !== 'than';
        else if (j + 1 < n && rules.words.elsewhereFirst.hasToken(tokens[j]!) && rules.words.elsewherePairs.get(tokens[j]!.key)?.has(tokens[j + 1]!.key) === true) known = true;
      }
      elsewhere[sentence] = known ? 1 : 0;
    }
    return elsewhere[sentence] === 1;
  };

  /**
   * Whether a relative word (levels.json `relativeWords`) ends right before token i, past articles
   * and words such as "prior": "above the", "adjacent to the prior".
   */
  const relativeBefore = (i: number): boolean => {
    let j = i - 1;
    for (let skipped = 0; j >= 0 && skipped < 3 && (ARTICLES.has(tokens[j]!.key) || rules.limitingWords.hasToken(tokens[j]!)); skipped++) j--;
    return rules.words.relative.some((words) => words.every((word, w) => j - w >= 0 && tokens[j - w]!.key === word && sentences[j - w] === sentences[i]));
  };
  /**
   * The operation a level group names when it is a place by that operation, not a finding's
   * ("above the L4-S1 fusion"): the index of the mention of the operation, else -1. Read per group
   * on demand.
   */
  /** An operation, not an implant: an implant lies at the level of what is next to it ("fracture of the sacrum adjacent to the S1 screws"). */
  const isOperation = (k: number): boolean => roles[k]!.treatment === true && mentions[k]!.concept?.implant !== true;
  const groupOperation = new Int32Array(groups.length).fill(-2);
  const operationOf = (g: number): number => {
    if (groupOperation[g] === -2) {
      const group = groups[g]!;
      const next = lowerBound(mentions, (x) => x.from < group.to);
      const op = mentions[next];
      groupOperation[g] = op !== undefined && op.from - group.to <= 2 && sentences[op.from] === sentences[group.from] && isOperation(next) && relativeBefore(group.from) ? next : -1;
    }
    return groupOperation[g]!;
  };
  const levelsOf = (m: Mention, k: number): string[] => {
    if (m.level !== undefined) return m.level.levels;
    const sentence = sentences[m.from]!;
    let a = firstGroupFrom(m.to);
    let b = firstGroupFrom(m.from) - 1;
    // (Past the place of an operation that only says where: "Adjacent segment degeneration at L3-L4
    // above the L4-S1 fusion with new moderate central canal stenosis": the stenosis is at L3-L4.)
    if (a < groups.length && operationOf(a) >= 0 && operationOf(a) !== k) a = groups.length;
    if (b >= 0 && operationOf(b) >= 0 && operationOf(b) !== k) b--;
    // (An operation that only says where takes none from before: "at C4-5 above the ACDF".)
    if (isOperation(k) && relativeBefore(m.from)) b = -1;
    const after = groups[a];
    const before = b >= 0 ? groups[b] : undefined;
    // (Not past a semicolon: "At C5-6, moderate canal stenosis; at C6-7, mild canal stenosis.")
    const forward = after !== undefined && sentences[after.from] === sentence && !markBetween(m.to, after.from, SEMICOLON) ? contentBefore[after.from]! - contentBefore[m.to]! : undefined;
    const backward = before !== undefined && before.to <= m.from && sentences[before.from] === sentence ? wordsBefore[m.from]! - wordsBefore[before.to]! : undefined;
    if (forward !== undefined && (backward === undefined || forward < backward)) return after!.levels;
    if (backward !== undefined) return before!.levels;
    // Under "L5-S1:", a sentence about one of its vertebrae ("Modic change at the L5 endplate")
    // does not take the next sentence off the heading's level (one of the heading's own levels does
    // narrow it: "At L4-5 ..." under "L4-5 and L5-S1:").
    // (Not in the history, whose sentences are separate facts: "ACDF C5-C7. New left arm pain.")
    // (Nor a sentence about the rest of the spine: "T9: haemangioma. No suspicious lesion elsewhere.")
    const carry = sections.sectionOf[k] === 'history' ? undefined : carryOf.get(sentence);
    const heading = headingOf.get(m.from);
    if ((carry === undefined && heading === undefined) || aboutElsewhere(m.from)) return NONE;
    if (carry !== undefined && (heading === undefined || !covers(heading, carry) || carry.some((level) => heading.includes(level)))) return carry;
    return heading ?? NONE;
  };

  /** Whether token r says "of another time" in a remark after a grade (cues.json `otherTimeWords`, or "on the prior ..."). */
  const otherTime = (r: number): boolean => {
    if (rules.otherTimeWords.hasToken(tokens[r]!)) return true;
    const key = tokens[r]!.key;
    if (key !== 'prior' && key !== 'previous') return false;
    const before = r > 0 ? tokens[r - 1]!.key : '';
    return before === 'on' || (before === 'the' && r > 1 && tokens[r - 2]!.key === 'on');
  };

  /**
   * Whether grades read up to token `end` end their clause in `sentence`, or go on only with "with" or
   * "due to" and no word of another time ("moderate at L4-5 with interval resolution" does not).
   */
  const gradesEndClause = (end: number, sentence: number): boolean => {
    if (end >= n || sentences[end] !== sentence || CLAUSE_ENDS.has(tokens[end]!.key)) return true;
    const next = tokens[end]!.key === ',' && end + 1 < n ? end + 1 : end;
    if (!rules.gradeGoesOnWords.hasToken(tokens[next]!)) return false;
    for (let r = next; r < n && sentences[r] === sentence && !CLAUSE_ENDS.has(tokens[r]!.key); r++) if (otherTime(r)) return false;
    return true;
  };

  // The first severity hit at or after the mention being decided (mentions come in text order).
  let nextSeverity = 0;
  /** Whether a severity word follows the mention near it in its sentence (so a grade after it may). */
  const severityAhead = (m: Mention): boolean => {
    while (nextSeverity < severityHits.length && severityHits[nextSeverity]!.from < m.to) nextSeverity++;
    const ahead = severityHits[nextSeverity];
    return ahead !== undefined && ahead.from < m.to + SCAN_LIMIT && sentences[ahead.from] === sentences[m.from];
  };
  /**
   * The mention a finding is said of after a copula, when it is a located one that is no finding ("The
   * left foramen at this level is severely narrowed", "The right S1 nerve root is displaced and
   * compressed"): it opens its clause, only levels and words that say where stand between it and the
   * copula, and only grades, adverbs and other findings of the same predicate (joined by "and" or
   * commas) between the copula and the finding. -1 when there is none.
   */
  const subjectOf = (m: Mention): number => {
    // (Findings written as past participles, which a copula makes predicates: not "... is narrowed and
    // central canal stenosis is moderate", a clause of its own.)
    if (!PAST_PARTICIPLE.test(tokens[m.to - 1]!.key)) return -1;
    const sentence = sentences[m.from]!;
    const stop = Math.max(0, m.from - SCAN_LIMIT);
    const within = (i: number): boolean => i >= stop && sentences[i] === sentence;
    let j = m.from - 1;
    for (;;) {
      if (!within(j)) return -1;
      const severity = severityEndAt.get(j);
      if (severity !== undefined) j = severity.from - 1;
      else if ((finding[j]! & IN) !== 0) {
        if (!PAST_PARTICIPLE.test(tokens[j]!.key)) return -1;
        j = mentions[lowerBound(mentions, (x) => x.from <= j) - 1]!.from - 1;
      } else if (tokens[j]!.key === 'and' || tokens[j]!.key === ',' || ADVERB.test(tokens[j]!.key)) j--;
      else break;
    }
    if (!COPULAS.has(tokens[j]!.key)) return -1;
    for (j--; within(j) && (inLevel(j) || rules.words.near.hasToken(tokens[j]!) || DEMONSTRATIVES.has(tokens[j]!.key)); j--);
    if (!within(j) || (finding[j]! & (IN | OTHER)) !== OTHER) return -1;
    const at = lowerBound(mentions, (x) => x.from <= j) - 1;
    if (at < 0 || mentions[at]!.to <= j || !roles[at]!.located || roles[at]!.finding) return -1;
    // (Opening its clause, past articles, sides, levels and other terms that are no finding: "The
    // traversing left L5 nerve root"; not "... and the left foramen is narrowed".)
    let b = mentions[at]!.from - 1;
    while (within(b) && (ARTICLES.has(tokens[b]!.key) || DEMONSTRATIVES.has(tokens[b]!.key) || (finding[b]! & (IN | OTHER)) === OTHER || sideEndAt.get(b) !== undefined)) b = (sideEndAt.get(b)?.from ?? b) - 1;
    return opensClause(b + 1) ? at : -1;
  };

  const contexts = new Array<MentionContext>(mentions.length);
  mentions.forEach((m, k) => {
    const role = roles[k]!;
    let { assertion, cue } = assertionOf(m, role, k);
    const sides = role.located ? modifiersOf(m, sideAt, sideEndAt, true) : NONE;
    // NONE (and NO_GRADES) stay inside: a caller that edits one reply must never change another request's.
    let side = sides === NONE ? [] : sides.length < 2 ? sides : [...new Set(sides)];
    // "The left foramen at this level is severely narrowed": the side of what the finding is said of.
    if (side.length === 0 && role.finding && role.located) {
      const subject = subjectOf(m);
      if (subject >= 0 && contexts[subject]!.side.length > 0) side = [...contexts[subject]!.side];
    }
    // "Mild left and no right foraminal narrowing": the negation denies one side; decide without it.
    const denied =
      assertion === 'absent' && role.finding && bestHit !== undefined
        ? (deniedSides(m, bestHit) ?? (bestHit.from >= m.to ? gradedBesideNegation(m, bestHit) : undefined))
        : undefined;
    if (denied !== undefined) {
      ignored = bestHit;
      ({ assertion, cue } = assertionOf(m, role, k));
      ignored = undefined;
      // ("Moderate right but no left ...": the graded side may lie beyond what the side words reach.)
      side = [...new Set([...side.filter((s) => !denied.denied.includes(s)), ...denied.sides])];
    } else if (assertion === 'absent' && role.finding && side.length > 0 && bestHit !== undefined && bestHit.from >= m.to && (deniesOtherSide(bestHit, side) || sideItemDenies(bestHit, side))) {
      // "Severe right foraminal stenosis, none on the left", "R mild narrowing, L none": a negation
      // after the finding that names another side denies that side only.
      ignored = bestHit;
      ({ assertion, cue } = assertionOf(m, role, k));
      ignored = undefined;
    }
    // "Facet arthropathy, left worse than right": both sides, one worse.
    if (side.length > 0 && !side.includes('bilateral') && side.some((s) => rules.asymmetricSides.has(s))) side = ['bilateral', ...side];
    const gradable = role.finding && role.ungraded !== true;
    let graded = gradable && side.length > 1 ? gradesOf(m, side) : NO_GRADES;
    let severity = gradable && graded === NO_GRADES ? (modifiersOf(m, severityAt, severityEndAt, false)[0] ?? denied?.severity ?? null) : null;
    // Grades written after the finding ("foraminal stenosis, severe on the right and mild on the left"),
    // looked for only when a severity word follows near it in its sentence, and not after a negated
    // finding. One such grade is taken only by a finding with no side of its own: "bilateral foraminal
    // stenosis, severe on the right" is not severe on both sides. Grades level by level ("Foraminal
    // narrowing is mild at L3-4, moderate at L4-5 and severe at L5-S1") come first: each has its level,
    // and sides among them are theirs ("severe bilaterally at L5-S1 and moderate left at L4-5").
    let after = NO_GRADES;
    let byLevel: LevelGrades | undefined;
    if (gradable && graded === NO_GRADES && assertion !== 'absent') {
      if (severityAhead(m)) {
        if (denied === undefined) byLevel = levelGradesAfter(m, gradeBefore(m), side);
        if (byLevel === undefined) after = gradesAfter(m);
      }
    } else if (gradable && graded === NO_GRADES && assertion === 'absent' && denied === undefined && bestHit !== undefined && bestHit.to <= m.from && severityAhead(m)) {
      // "No canal stenosis at L3-4, moderate at L4-5": the negation denies the levels named with the
      // finding, and the grades after them are of other levels, where it is present. As with a denied
      // side ("Mild left and no right ..."), the finding is what is there: moderate, at L4-5. (It read
      // absent and moderate, at L3-4.)
      // The sides named with the finding are denied with it: a grade takes only its own ("No right
      // foraminal narrowing at L4-5, moderate on the left at L5-S1": left). And the grades must end
      // their clause, or go on with what comes with them ("moderate at L4-5 with cord flattening"):
      // "moderate at L4-5 on the prior study", "... previously", "... is not excluded" say something
      // else of them, and the finding stays absent, as written (review).
      const levelled = levelGradesAfter(m, null, NONE);
      const gradedLevels = levelled === undefined ? [] : [...new Set(levelled.grades.flatMap((g) => g.levels ?? []))];
      if (levelled !== undefined && gradedLevels.length > 0 && gradedLevels.length < levelled.levels.length && gradesEndClause(levelled.end, sentences[m.from]!)) {
        ignored = bestHit;
        const without = assertionOf(m, role, k);
        ignored = undefined;
        if (without.assertion === 'present') {
          ({ assertion, cue } = without);
          byLevel = { grades: levelled.grades, levels: levelled.levels.filter((level) => gradedLevels.includes(level)), end: levelled.end };
          side = [];
        }
      }
    }
    if (after.length > 1 || (after.length === 1 && side.length === 0 && (severity === null || severity === after[0]!.severity))) {
      if (after.length > 1) graded = after;
      else severity = after[0]!.severity;
      side = [...new Set([...side, ...after.flatMap((g) => g.side)])];
    }
    if (byLevel !== undefined) {
      graded = byLevel.grades;
      side = [...new Set([...side, ...byLevel.grades.flatMap((g) => g.side)])];
    }
    const grades = graded === NO_GRADES ? [] : graded;
    if (grades.length > 0) severity = mostSevere(grades, rules.severityScale);
    const at = byLevel !== undefined ? byLevel.levels : (denied?.levels ?? ((role.located && role.extraspinal !== true) || m.level !== undefined ? levelsOf(m, k) : NONE));
    const levels = at === NONE ? [] : at;
    contexts[k] = { assertion, assertionCue: cue, severity, grades, side, levels, section: sections.sectionOf[k]! };
  });
  return contexts;
}

/** The most severe of a finding's grades (all on the scale). */
const mostSevere = (grades: readonly Grade[], scale: readonly string[]): string =>
  grades.reduce((worst, g) => (scale.indexOf(g.severity) > scale.indexOf(worst) ? g.severity : worst), grades[0]!.severity);

/**
 * Report sections from the header mentions the matcher found (report-section concepts): a header
 * counts when it stands in header position, or starts a sentence before ":" in text pasted without
 * line breaks; with no history header, a sentence that opens on the patient's age is the history.
 * Short sections (history, comparison...) end at a blank line, at a line or sentence that opens on a
 * level heading ("L5-S1: ..."), and, written on their header's line with no other kind of section
 * after them, at a line that opens on a term. Returned per mention (the section and header in force
 * where it starts), with header tokens marked per token, and the exam's title line if there is one.
 */
function sectionsOf(
  tokens: readonly Token[],
  sentences: ReadonlyInts,
  mentions: readonly Mention[],
  roles: readonly MentionRole[],
  rules: ContextRules,
): { sectionOf: Section[]; headerOf: (HeaderSpan | undefined)[]; headerAt: Ints; title: HeaderSpan | undefined } {
  // Header starts in token order (mentions are sorted by position); at one token the last one wins.
  // (`line`: a history found by its age, which ends with its line.)
  const starts: { from: number; to: number; section: Section; line: boolean }[] = [];
  mentions.forEach((m, k) => {
    const section = roles[k]!.section;
    if (section === undefined) return;
    const sentenceStart = m.from > 0 && sentences[m.from] !== sentences[m.from - 1];
    if (isHeaderPosition(tokens, m.from, m.to - 1) || (sentenceStart && tokens[m.to]?.key === ':')) starts.push({ from: m.from, to: m.to, section, line: false });
  });
  // A history with no header of its own ("MRI thoracic spine.\n35 year old woman with leg paraesthesia.
  // ?Transverse myelitis"): a sentence that opens on the patient's age, before any section but the
  // exam's, is the history, the age its header.
  if (!starts.some((h) => h.section === 'history')) {
    const firstSection = starts.find((h) => h.section !== 'other')?.from ?? tokens.length;
    for (let i = 0; i < firstSection; i++) {
      if (i > 0 && sentences[i] === sentences[i - 1]) continue;
      const to = ageEnd(tokens, i, rules.words.age);
      if (to > i) {
        starts.push({ from: i, to, section: 'history', line: true });
        starts.sort((a, b) => a.from - b.from);
        break;
      }
    }
  }
  // Lines that open on a level heading ("L5-S1: ..."): they are findings, whatever short section came before.
  // Not after a line that leads into it ("Prior MRI 2020:", "History of") or a bare header ("History:").
  const opensLevelLine = (m: Mention | undefined, i: number): boolean => {
    if (m === undefined || m.from !== i || m.level === undefined || m.level.kind === 'root' || tokens[m.to]?.key !== ':') return false;
    const before = tokens[i - 1]!;
    return before.key !== ':' && !rules.words.lead.hasToken(before);
  };
  // Lines that open on a term, past articles and "there is" ("grade 1 anterolisthesis ...", "The
  // cervical cord shows ...", "There is an acute L2 compression fracture"), not after a line that leads
  // into them: in a short section that ends with its line, where the report goes on.
  const opensTermLine = (m: Mention | undefined, i: number): boolean => {
    const before = tokens[i - 1]!;
    if (m === undefined || before.key === ':' || rules.words.lead.hasToken(before)) return false;
    let j = i;
    if (tokens[j]?.key === EXISTENTIAL && COPULAS.has(tokens[j + 1]?.key ?? '')) j += 2;
    while (j < m.from && j < i + 3 && ARTICLES.has(tokens[j]!.key)) j++;
    return m.from === j;
  };
  const sectionOf = new Array<Section>(mentions.length);
  const headerOf = new Array<HeaderSpan | undefined>(mentions.length);
  const headerAt = ints(tokens.length);
  let current: Section = 'findings';
  let header: HeaderSpan | undefined;
  // Whether the short section in force ends with its line: one written on its header's line with no
  // section of another kind after it ("Hx: s/p laminectomy ...\nL5-S1 mod DDD ..." dictated with no
  // FINDINGS header), whose next lines are the report.
  let endsWithLine = false;
  let byAge = false;
  // Whether `current` is one of the short sections (read once per header, not per token).
  let inShort = rules.shortSections.has(current);
  let next = 0;
  let k = 0;
  for (let i = 0; i < tokens.length && k < mentions.length; i++) {
    // (mentions[k] is the first mention at or after token i: every one before it has its section.)
    // (A level heading that starts a sentence ends it too: "HISTORY: Back pain. L4-5: ..." pasted on one line.)
    const sentenceStart = i > 0 && (tokens[i]!.newlinesBefore > 0 || sentences[i] !== sentences[i - 1]);
    if (inShort && (tokens[i]!.newlinesBefore >= 2 || (endsWithLine && tokens[i]!.newlinesBefore > 0 && (byAge || opensTermLine(mentions[k], i))) || (sentenceStart && opensLevelLine(mentions[k], i)))) {
      current = 'findings';
      inShort = false;
      header = undefined;
      endsWithLine = false;
    }
    let start: { to: number; section: Section; line: boolean } | undefined;
    while (next < starts.length && starts[next]!.from === i) start = starts[next++];
    if (start !== undefined) {
      current = start.section;
      inShort = rules.shortSections.has(current);
      header = { from: i, to: start.to };
      for (let t = i; t < start.to; t++) headerAt[t] = 1;
      const onItsLine = start.to < tokens.length && tokens[start.to]!.newlinesBefore === 0 && (tokens[start.to]!.key !== ':' || (start.to + 1 < tokens.length && tokens[start.to + 1]!.newlinesBefore === 0));
      byAge = start.line;
      endsWithLine = byAge || (inShort && onItsLine && !starts.some((h) => h.from > i && !rules.shortSections.has(h.section)));
    }
    for (; k < mentions.length && mentions[k]!.from <= i; k++) {
      sectionOf[k] = current;
      headerOf[k] = header;
    }
  }
  return { sectionOf, headerOf, headerAt, title: titleOf(tokens, mentions, starts) };
}

/** Age and sex written together ("45F", "67M"). */
const AGE_SEX = /^\d{1,3}[mf]$/;
/** One to three digits. */
const AGE_NUMBER = /^\d{1,3}$/;

/**
 * Where a patient's age that starts at token i ends: "45F", "70 yo", "35 year old", "81-year-old"
 * (the words of age: text.json `ageWords`; a unit of time other than "yo" needs "old" after it, so
 * that "2 year follow-up" is none); i when none starts there.
 */
function ageEnd(tokens: readonly Token[], i: number, ageWords: ContextWords['age']): number {
  const t = tokens[i]!;
  if (!isDigit(t.key.charCodeAt(0))) return i;
  if (AGE_SEX.test(t.key)) return i + 1;
  if (!AGE_NUMBER.test(t.key)) return i;
  let j = i + 1;
  if (tokens[j]?.key === '-') j++;
  const unit = tokens[j];
  if (unit === undefined || !ageWords.units.hasToken(unit)) return i;
  if (ageWords.alone.hasToken(unit)) return j + 1;
  j++;
  if (tokens[j]?.key === '-') j++;
  return tokens[j]?.key === 'old' ? j + 1 : i;
}

/** The most tokens an exam's title line has ("MRI LUMBAR SPINE (CES PATHWAY)"). */
const TITLE_TOKENS = 16;

/**
 * The report's first line when it is the exam's title: a short line that names the imaging (a
 * technique term: "MRI"), with no full stop at its end, that opens no section of its own (an exam
 * header may open it: "EXAM: MRI L-SPINE (CES)"), before a section header on a later line. A finding
 * named there is what the exam looks for.
 */
function titleOf(tokens: readonly Token[], mentions: readonly Mention[], starts: readonly { from: number; section: Section }[]): HeaderSpan | undefined {
  let end = 1;
  while (end < tokens.length && tokens[end]!.newlinesBefore === 0) end++;
  if (end >= tokens.length || end > TITLE_TOKENS || tokens[end - 1]!.key === '.') return undefined;
  if (starts.some((h) => h.from < end && (h.from > 0 || h.section !== 'other'))) return undefined;
  let imaging = false;
  for (let k = 0; k < mentions.length && mentions[k]!.from < end && !imaging; k++) imaging = mentions[k]!.to <= end && mentions[k]!.concept?.category === 'technique';
  if (!imaging) return undefined;
  return starts.some((h) => h.from >= end) ? { from: 0, to: end } : undefined;
}

/** Whether every level is one of the heading's levels, or a vertebra at either end of one ("L5-S1": L5 and S1). */
const covers = (heading: readonly string[], levels: readonly string[]): boolean =>
  levels.every((level) => heading.some((h) => h === level || h.startsWith(`${level}-`) || h.endsWith(`-${level}`)));

/**
 * Level groups ("L3-4 and L4-5") per sentence, and the level heading in force at each token:
 * a level at the start of a line followed by ":" / "." / "-" / a line break ("L4-5: ...") heads the
 * lines below it until the next heading, a section header, a blank line (one is allowed right after
 * a heading alone on its line) or a line that opens on a level the heading does not cover.
 */
function levelStructure(
  tokens: readonly Token[],
  sentences: ReadonlyInts,
  mentions: readonly Mention[],
  headerAt: ReadonlyInts,
  words: ContextWords,
): { groups: LevelGroup[]; headingOf: PerToken<string[]>; carryOf: Map<number, string[]> } {
  const levelMentions = mentions.filter((m) => m.level !== undefined && m.level.kind !== 'root');
  const groups: LevelGroup[] = [];
  const ranks = new Map<string, number>();
  const rankOf = (label: string): number => {
    let rank = ranks.get(label);
    if (rank === undefined) ranks.set(label, (rank = levelRank(label)));
    return rank;
  };
  for (const m of levelMentions) {
    const last = groups[groups.length - 1];
    if (last !== undefined && sentences[last.to - 1] === sentences[m.from]) {
      let joined = true;
      for (let i = last.to; i < m.from; i++) if (!words.joiners.hasToken(tokens[i]!)) joined = false;
      if (joined) {
        last.to = m.to;
        // "L4-5, L4-5 and L4-5" (or a long list): a level the group already has changes nothing.
        if (!last.merged || !m.level!.levels.every((level) => last.levels.includes(level))) {
          last.levels = [...new Set([...last.levels, ...m.level!.levels])].sort((a, b) => rankOf(a) - rankOf(b));
          last.merged = true;
        }
        continue;
      }
    }
    groups.push({ from: m.from, to: m.to, levels: [...m.level!.levels], merged: false });
  }

  // Headings: "L4-5: ..." at a line start (also "At L4-5, ..." and colon-less "C5-6" alone on its
  // line), or "C3-C4: ..." anywhere in a line (run-in headings of reports pasted without breaks).
  const headingOf = perToken<string[]>(tokens.length);
  let heading: string[] | undefined;
  // A heading alone on its line ("L4-5:") reaches across one blank line: the token that may follow it.
  let bareNext = -1;
  let gi = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (headerAt[i] === 1) heading = undefined;
    while (gi < groups.length && groups[gi]!.to <= i) gi++;
    const g = groups[gi];
    const t = tokens[i]!;
    if (heading !== undefined && t.newlinesBefore > 0 && (t.newlinesBefore >= 2 ? i !== bareNext : opensOnOtherLevel(i, g))) heading = undefined;
    // Only the token of a group's first level, or the word just before it, can open a heading.
    if (g !== undefined && (g.from === i || g.from === i + 1)) {
      const lineStart = i === 0 || t.newlinesBefore > 0;
      const after = tokens[g.to];
      const colon = after !== undefined && after.newlinesBefore === 0 && after.key === ':';
      const opens =
        (g.from === i && (colon || (lineStart && (after === undefined || after.newlinesBefore > 0 || ['.', '-', ')'].includes(after.key))))) ||
        (g.from === i + 1 && lineStart && words.heading.hasToken(t) && (colon || after?.key === ','));
      if (opens) {
        heading = g.levels;
        const next = g.to + (colon ? 1 : 0);
        bareNext = next < tokens.length && tokens[next]!.newlinesBefore > 0 ? next : -1;
      }
    }
    if (heading !== undefined) headingOf.set(i, heading);
  }

  /**
   * Whether the line starting at token i opens on a level the heading does not cover ("The C7-T1
   * segment is normal." under "At C6-C7, ..."): the lines after it are no longer about the heading's
   * level. Its own level or one of its vertebrae ("T8 vertebral body" under "T7-8:") and a level
   * after other words ("Compared with C4-5, ...", "... worse than at L3-4") leave it in force.
   */
  function opensOnOtherLevel(i: number, g: LevelGroup | undefined): boolean {
    if (g === undefined || g.from < i) return false;
    for (let k = i; k < g.from; k++) if (!words.near.hasToken(tokens[k]!) && !words.heading.hasToken(tokens[k]!)) return false;
    return !covers(heading!, g.levels);
  }

  // Carry-over: a sentence with no level of its own takes the one level group of the previous
  // sentence on its line ("At L4-5 there is a bulge. There is also facet arthropathy."). A line
  // break ends it: reports written a statement per line change subject at every line, and level
  // paragraphs are covered by headings. Section headers and list items ("1.", "-") end it too.
  const carryOf = new Map<number, string[]>();
  const groupsBySentence = new Map<number, LevelGroup[]>();
  for (const g of groups) {
    const sid = sentences[g.from]!;
    const list = groupsBySentence.get(sid);
    if (list === undefined) groupsBySentence.set(sid, [g]);
    else list.push(g);
  }
  let carry: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const sid = sentences[i]!;
    if (i > 0 && sid === sentences[i - 1]) continue;
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const listItem = (isListNumber(t.raw) && next !== undefined && (next.key === '.' || next.key === ')')) || words.bullets.hasToken(t);
    if (t.newlinesBefore >= 1 || headerAt[i] === 1 || listItem) carry = undefined;
    const own = groupsBySentence.get(sid);
    if (own === undefined) {
      if (carry !== undefined) carryOf.set(sid, carry);
    } else {
      carry = own.length === 1 ? own[0]!.levels : undefined;
    }
  }
  return { groups, headingOf, carryOf };
}
