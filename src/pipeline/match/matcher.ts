// Compiles the glossary's forms into a token trie once at start-up, and finds every mention in a
// text: glossary concepts, caller-supplied terms and spine levels, leftmost-longest, non-overlapping.
import type { Concept } from '../../glossary/schema.js';
import { intList, type Ints } from '../text/per-token.js';
import type { Token } from '../text/tokenize.js';
import type { FuzzyIndex } from './fuzzy.js';
import { numberVariants } from './inflect.js';
import { matchRaw, phraseKeys, type KeyIds, type MatchTokens, type SpellingMap } from './keys.js';
import type { LevelGrammar, LevelHit } from './levels.js';
import { longestAt, TokenTrie } from './trie.js';

export interface FormEntry {
  conceptId: string;
  /** The glossary concept (none for caller terms): carried, so a mention needs no lookup by id. */
  concept?: Concept | undefined;
  caseSensitive: boolean;
  /** Tokens as written (NFKC), for the case-sensitive comparison of abbreviations; empty for other forms. */
  raws: readonly string[];
  source: 'glossary' | 'custom';
  /**
   * Single-word and capitalised report-section headers ("IMPRESSION", "REPORT") match only in header
   * position: at a line start, before ":" or a line end. Longer ones ("communicated to") match anywhere.
   */
  header: boolean;
  /** Whether the concept allows typo-corrected matches. */
  fuzzy: boolean;
  /** An abbreviation that is also an ordinary word in capitals ("AND"): not matched on all-caps lines. */
  capsWord: boolean;
}

/** The raw tokens of a form that is not case-sensitive: none are kept. */
export const NO_RAWS: readonly string[] = [];

export interface FormConflict {
  key: string;
  conceptIds: string[];
}

export interface ConceptTrie {
  trie: TokenTrie<FormEntry>;
  /**
   * Typo-correction targets: each word of a fuzzy concept's forms, mapped to what it means (the
   * concepts it is a whole one-word form of, else "~word" for itself).
   */
  fuzzyTargets: Map<string, Set<string>>;
  /** Every word of every form: never typo-corrected, and the targets of corrections. */
  vocabulary: Set<string>;
  /** Listed forms claimed by more than one concept (the linter reports these). */
  conflicts: FormConflict[];
}

/**
 * Builds the trie of every form, abbreviation and generated number variant.
 * @param capsWords abbreviations that are ordinary words in capitals (lower-cased)
 */
export function compileConcepts(concepts: readonly Concept[], spelling: SpellingMap, ids: KeyIds, capsWords: ReadonlySet<string>): ConceptTrie {
  const trie = new TokenTrie<FormEntry>(ids);
  const vocabulary = new Set<string>();
  // Which concepts list each key sequence ("f" forms are case-insensitive, "A" abbreviations exact).
  const owners = new Map<string, string[]>();
  const listedForms: { keys: string[]; entry: FormEntry }[] = [];

  for (const concept of concepts) {
    const add = (form: string, caseSensitive: boolean): void => {
      for (const { keys, raws } of phraseKeys(form, spelling)) {
        const header = concept.category === 'report-section' && (caseSensitive || keys.length === 1);
        const capsWord = caseSensitive && capsWords.has(form.toLowerCase());
        const entry: FormEntry = { conceptId: concept.id, concept, caseSensitive, raws: caseSensitive ? raws : NO_RAWS, source: 'glossary', header, fuzzy: concept.fuzzy, capsWord };
        const k = caseSensitive ? `A\0${raws.join('\0')}` : `f\0${keys.join('\0')}`;
        const ids = owners.get(k);
        if (ids === undefined) owners.set(k, [concept.id]);
        else if (!ids.includes(concept.id)) ids.push(concept.id);
        else continue; // the same spelling twice in one concept
        trie.add(keys, entry);
        if (!caseSensitive) {
          for (const key of keys) vocabulary.add(key);
          listedForms.push({ keys, entry });
        }
      }
    };
    for (const form of concept.forms) add(form, false);
    for (const abbreviation of concept.abbreviations) add(abbreviation, true);
  }

  // Plurals of the last word ("disc bulge" -> "disc bulges"), unless a listed form already claims
  // that spelling: listed forms always win over generated ones.
  const plurals = new Map<string, string[]>();
  const generated = new Set<string>();
  for (const { keys, entry } of listedForms) {
    const last = keys[keys.length - 1]!;
    let variants = plurals.get(last);
    if (variants === undefined) plurals.set(last, (variants = numberVariants(last).map((v) => spelling.get(v) ?? v)));
    for (const variant of variants) {
      const vkeys = [...keys.slice(0, -1), variant];
      const k = `f\0${vkeys.join('\0')}`;
      if (owners.has(k) || generated.has(k)) continue;
      generated.add(k);
      trie.add(vkeys, entry);
      vocabulary.add(variant);
    }
  }

  const fuzzyTargets = new Map<string, Set<string>>();
  const inner = new Set<string>();
  for (const { keys, entry } of listedForms) {
    if (!entry.fuzzy) continue;
    if (keys.length === 1) {
      const meanings = fuzzyTargets.get(keys[0]!) ?? new Set<string>();
      meanings.add(entry.conceptId);
      fuzzyTargets.set(keys[0]!, meanings);
    } else for (const key of keys) inner.add(key);
  }
  for (const key of inner) if (!fuzzyTargets.has(key)) fuzzyTargets.set(key, new Set([`~${key}`]));

  const conflicts: FormConflict[] = [];
  for (const [k, ids] of owners) {
    if (ids.length > 1) conflicts.push({ key: k.slice(2).split('\0').join(' '), conceptIds: [...ids].sort() });
  }
  trie.freeze();
  return { trie, vocabulary, fuzzyTargets, conflicts };
}

/** Compiles caller-supplied terms into a small trie, per request, numbering their keys in `ids` (the request's table). */
export function compileCustomTerms(terms: readonly { id: string; text: string }[], spelling: SpellingMap, ids: KeyIds): TokenTrie<FormEntry> {
  const trie = new TokenTrie<FormEntry>(ids);
  for (const term of terms) {
    for (const { keys } of phraseKeys(term.text, spelling)) {
      trie.add(keys, { conceptId: term.id, concept: undefined, caseSensitive: false, raws: NO_RAWS, source: 'custom', header: false, fuzzy: true, capsWord: false });
    }
  }
  trie.freeze();
  return trie;
}

export interface Mention {
  /** First token (index into the full token list). */
  from: number;
  /** One past the last token. */
  to: number;
  start: number;
  end: number;
  source: 'glossary' | 'custom' | 'level';
  conceptId: string;
  /** The glossary concept of a glossary mention. */
  concept?: Concept | undefined;
  level?: LevelHit;
}

export interface MatcherParts {
  trie: TokenTrie<FormEntry>;
  fuzzy: FuzzyIndex;
  spelling: SpellingMap;
  /** The engine's key ids, fixed after start-up. */
  ids: KeyIds;
  /**
   * The typo correction of every key of the engine's table, as a key id (-1 for none), computed at
   * start-up: a word the glossary knows is corrected (or not) the same way in every report.
   */
  corrections: Int32Array;
  levels: LevelGrammar;
}

/**
 * A header sits at the start of a line followed by ":", "-", "." or the end of its line ("History.
 * Back pain."), or anywhere when it is capitalised and followed by ":" ("Comparison: None Technique: ...").
 */
export function isHeaderPosition(tokens: readonly Token[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  const colon = next !== undefined && next.newlinesBefore === 0 && next.key === ':';
  if (colon && /^\p{Lu}/u.test(tokens[first]!.raw)) return true;
  if (first > 0 && tokens[first]!.newlinesBefore === 0) return false;
  // (A full stop only after a one-word title, "History."; "No prior studies." is a sentence.)
  return next === undefined || next.newlinesBefore > 0 || colon || next.key === '-' || (next.key === '.' && first === last);
}

/**
 * Whether the line of token i is written entirely in capitals: there, capitalised ordinary words
 * are not abbreviations. Asked only when such a word matches, so lines are read on demand and
 * remembered by their first token.
 */
function capsLineChecker(tokens: readonly Token[]): (i: number) => boolean {
  let lineStart: Ints | undefined;
  const known = new Map<number, boolean>();
  return (i) => {
    if (lineStart === undefined) {
      lineStart = intList(tokens.length);
      for (let k = 0; k < tokens.length; k++) lineStart[k] = k > 0 && tokens[k]!.newlinesBefore === 0 ? lineStart[k - 1]! : k;
    }
    const first = lineStart[i]!;
    let caps = known.get(first);
    if (caps !== undefined) return caps;
    let letters = false;
    let lower = false;
    for (let k = first; k < tokens.length && !lower && lineStart[k] === first; k++) {
      const raw = tokens[k]!.raw;
      for (let c = 0; c < raw.length; c++) {
        const code = raw.charCodeAt(c);
        if (code >= 97 && code <= 122) lower = true;
        else if (code >= 65 && code <= 90) letters = true;
      }
    }
    known.set(first, (caps = letters && !lower));
    return caps;
  };
}

/**
 * Every mention in the text. Glossary forms and spine levels are matched leftmost-longest and never
 * overlap each other (on equal length the level wins: the grammar has checked its context, e.g. "T1 vertebral body"). Caller-supplied terms are matched
 * leftmost-longest in a pass of their own, so a clinic's term is always reported even where a glossary
 * concept covers the same words; annotations therefore never overlap within one concept.
 */
export function findMentions(
  tokens: readonly Token[],
  mtokens: MatchTokens,
  parts: MatcherParts,
  custom?: TokenTrie<FormEntry>,
): Mention[] {
  const capsLine = capsLineChecker(tokens);
  const { index, id: ids } = mtokens;
  const n = mtokens.length;
  // Typo corrections as key ids (-1 = none): from the engine's table for words some phrase uses,
  // memoised per distinct word for this request only otherwise.
  const alternatives = intList(n);
  const unknown = new Map<string, number>();
  // A phrase does not continue across a blank line.
  const blocked = intList(n);
  for (let p = 0; p < n; p++) {
    const t = tokens[index[p]!]!;
    blocked[p] = t.newlinesBefore >= 2 ? 1 : 0;
    const id = ids[p]!;
    // (A word too short or too long to be a typo of any target is not looked up at all.)
    if (id < 0 && !parts.fuzzy.mayCorrect(t.key)) alternatives[p] = -1;
    else if (id >= 0 && id < parts.corrections.length) alternatives[p] = parts.corrections[id]!;
    else {
      // A word no engine phrase uses (or only this request's terms): its key is the token's own.
      const key = t.key;
      let corrected = unknown.get(key);
      if (corrected === undefined) {
        const word = parts.fuzzy.correct(key);
        unknown.set(key, (corrected = word === undefined ? -1 : parts.ids.idOf(word)));
      }
      alternatives[p] = corrected;
    }
  }
  const accept = (entry: FormEntry, from: number, to: number, corrected: boolean): boolean => {
    if (corrected && !entry.fuzzy) return false;
    if (entry.header && !isHeaderPosition(tokens, index[from]!, index[to - 1]!)) return false;
    if (!entry.caseSensitive) return true;
    for (let k = from; k < to; k++) if (matchRaw(tokens, mtokens, k) !== entry.raws[k - from]) return false;
    if (!entry.header && entry.capsWord && capsLine(index[from]!)) return false;
    return true;
  };

  const options = { alternatives, blocked, accept };
  const scan = (trie: TokenTrie<FormEntry>, levels: LevelGrammar | undefined, out: Mention[]): void => {
    let p = 0;
    while (p < n) {
      const ti = index[p]!;
      // Most tokens start no phrase: test the trie's first level before walking it.
      const startsPhrase = trie.starts(ids[p]!) || trie.starts(alternatives[p]!);
      const hit = startsPhrase ? longestAt(trie, ids, p, options) : undefined;
      const level = levels?.at(tokens, ti);
      const hitEnd = hit === undefined ? -1 : tokens[index[hit.to - 1]!]!.end;
      const levelEnd = level === undefined ? -1 : tokens[level.to - 1]!.end;
      let toToken: number;
      if (hit !== undefined && hitEnd > levelEnd) {
        toToken = index[hit.to - 1]! + 1;
        out.push({ from: ti, to: toToken, start: tokens[ti]!.start, end: hitEnd, source: hit.value.source, conceptId: hit.value.conceptId, concept: hit.value.concept });
      } else if (level !== undefined) {
        toToken = level.to;
        out.push({ from: ti, to: toToken, start: tokens[ti]!.start, end: levelEnd, source: 'level', conceptId: level.conceptId, level });
      } else {
        p++;
        continue;
      }
      while (p < n && index[p]! < toToken) p++;
    }
  };

  const mentions: Mention[] = [];
  scan(parts.trie, parts.levels, mentions);
  if (custom !== undefined && custom.size > 0) {
    const own: Mention[] = [];
    scan(custom, undefined, own);
    mentions.push(...own);
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return mentions;
}
