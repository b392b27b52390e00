// Compiles loaded glossary data into the engine that explain() runs: tries, the fuzzy index, the level
// grammar and the context rules are all built here, once at start-up, never per request.
import { FINDING_CATEGORIES, type Concept, type GlossaryData } from '../glossary/schema.js';
import type { MentionRole } from './context/analyze.js';
import { compileRules, type ContextRules } from './context/rules.js';
import type { LineJoiners } from './context/sentences.js';
import { FuzzyIndex } from './match/fuzzy.js';
import { KeyIds } from './match/keys.js';
import { LevelGrammar } from './match/levels.js';
import { WordSet } from './text/word-set.js';
import { compileConcepts, type FormConflict, type FormEntry, type MatcherParts } from './match/matcher.js';
import type { TokenTrie } from './match/trie.js';

export interface Engine {
  version: string;
  concepts: ReadonlyMap<string, Concept>;
  /** What the context step needs to know of each concept's mentions, by concept id. */
  roles: ReadonlyMap<string, MentionRole>;
  matcher: MatcherParts;
  rules: ContextRules;
  noSentenceEnd: ReadonlySet<string>;
  /** Shorthand that ends no sentence before a lower-case word or a number (text.json `noSentenceEndBeforeLower`). */
  noSentenceEndBeforeLower: ReadonlySet<string>;
  /** Words that join a line to the next (text.json `lineJoiners`). */
  lineJoiners: LineJoiners;
  /** Listed forms claimed by more than one concept (reported by the glossary linter). */
  conflicts: readonly FormConflict[];
}

export function compileEngine(data: GlossaryData): Engine {
  const spelling = new Map(Object.entries(data.text.spelling));
  // One key table for every trie, so a token numbered once can walk any of them.
  const ids = new KeyIds(spelling);
  const { trie, vocabulary, fuzzyTargets, conflicts } = compileConcepts(data.concepts, spelling, ids, new Set(data.text.capsWords.map((w) => w.toLowerCase())));
  const fuzzy = new FuzzyIndex(vocabulary, fuzzyTargets, new Set(data.text.fuzzyProtected));
  return assembleEngine(data, { spelling, ids, trie, fuzzy, conflicts });
}

/**
 * The glossary's concepts compiled: the costly part of start-up (most of it the trie), which an
 * engine snapshot saves and restores (./snapshot.ts). The rest of the engine is quick to build from
 * the data and is built the same way either way, by assembleEngine.
 */
export interface CompiledConcepts {
  spelling: Map<string, string>;
  /** Every key of the concepts' forms numbered, the table not yet sealed. */
  ids: KeyIds;
  trie: TokenTrie<FormEntry>;
  fuzzy: FuzzyIndex;
  conflicts: readonly FormConflict[];
  /** The typo correction of every key (see MatcherParts), when restored; else computed here. */
  corrections?: Int32Array | undefined;
}

export function assembleEngine(data: GlossaryData, parts: CompiledConcepts): Engine {
  const { spelling, ids, trie, fuzzy } = parts;
  const rules = compileRules(data.cues, data.modifiers, spelling, ids, data.text.shortSections, {
    link: new WordSet(data.modifiers.linkWords),
    joiners: new WordSet(data.levels.joiners),
    heading: new WordSet(data.levels.headingWords),
    near: new WordSet(data.levels.nearWords),
    bullets: new WordSet(data.text.listBullets),
    elsewhere: new WordSet(data.levels.elsewhereWords.filter((w) => !w.includes(' '))),
    elsewherePairs: wordPairs(data.levels.elsewhereWords),
    relative: data.levels.relativeWords.map((phrase) => phrase.toLowerCase().split(' ').reverse()),
    elsewhereFirst: new WordSet(data.levels.elsewhereWords.filter((w) => w.includes(' ')).map((w) => w.split(' ')[0]!)),
    lead: new WordSet(data.text.leadWords),
    age: { units: new WordSet([...data.text.ageWords.units, ...data.text.ageWords.alone]), alone: new WordSet(data.text.ageWords.alone) },
  });
  // Every key is numbered by now: fix the table for fast lookups.
  ids.seal();
  return {
    version: data.version,
    concepts: new Map(data.concepts.map((c) => [c.id, c])),
    roles: new Map(data.concepts.map((c) => [c.id, roleOf(c)])),
    matcher: {
      trie,
      fuzzy,
      spelling,
      ids,
      corrections: parts.corrections ?? correctionsOf(ids, fuzzy),
      levels: new LevelGrammar(data.levels),
    },
    rules,
    noSentenceEnd: new Set(data.text.noSentenceEnd),
    noSentenceEndBeforeLower: new Set(data.text.noSentenceEndBeforeLower),
    lineJoiners: { end: new Set(data.text.lineJoiners.end), start: new Set(data.text.lineJoiners.start) },
    conflicts: parts.conflicts,
  };
}

/** The two-word entries of a word list ("remaining levels"), by first word (lower case). */
function wordPairs(list: readonly string[]): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>();
  for (const entry of list) {
    const [first, second, ...rest] = entry.toLowerCase().split(' ');
    if (second === undefined || rest.length > 0) continue;
    let seconds = pairs.get(first!);
    if (seconds === undefined) pairs.set(first!, (seconds = new Set()));
    seconds.add(second);
  }
  return pairs;
}

function roleOf(concept: Concept): MentionRole {
  const finding = isFinding(concept);
  return { finding, located: finding || concept.category === 'anatomy', section: concept.section, alwaysPresent: concept.alwaysPresent, lesion: concept.lesion, background: concept.background, treatment: concept.category === 'postoperative' && concept.background === true, extraspinal: concept.extraspinal, ungraded: concept.ungraded };
}

/** The typo correction of every key in the table (all numbered by now), as a key id or -1. */
function correctionsOf(ids: KeyIds, fuzzy: FuzzyIndex): Int32Array {
  const out = new Int32Array(ids.size).fill(-1);
  for (let id = 0; id < ids.size; id++) {
    const key = ids.keyOf(id);
    const word = fuzzy.correct(key);
    if (word !== undefined) out[id] = ids.idOf(word);
  }
  return out;
}

export const isFindingCategory = (category: string): boolean => (FINDING_CATEGORIES as ReadonlySet<string>).has(category);

/** Whether a concept is a finding: its own flag, else its category. */
export const isFinding = (concept: Concept): boolean => concept.finding ?? isFindingCategory(concept.category);
