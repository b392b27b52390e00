// The pipeline, composed: text -> tokens -> mentions (glossary, caller terms, levels) -> context ->
// annotations and a per-level summary. Pure and synchronous: no I/O, no framework, no globals.
import type { Section } from '../glossary/schema.js';
import { expandSharedHeads } from './context/ellipsis.js';
import { analyzeContext, type Assertion, type Cue, type MentionRole } from './context/analyze.js';
import { sentenceIds } from './context/sentences.js';
import { isFinding, type Engine } from './compile.js';
import { KeyIds, matchTokens } from './match/keys.js';
import { levelRank } from './match/levels.js';
import { compileCustomTerms, findMentions, type Mention } from './match/matcher.js';
import { tokenize } from './text/tokenize.js';

export interface CustomTerm {
  id: string;
  text: string;
  explanation?: string | undefined;
}

export interface ExplainInput {
  text: string;
  terms?: readonly CustomTerm[] | undefined;
}

export interface Annotation {
  /** Half-open UTF-16 indices into the original text: text.slice(start, end) === annotation.text. */
  start: number;
  end: number;
  text: string;
  conceptId: string;
  term: string;
  category: string;
  explanation: string;
  assertion: Assertion;
  assertionCue: Cue | null;
  severity: string | null;
  side: string[];
  levels: string[];
  section: Section;
}

export interface SummaryFinding {
  conceptId: string;
  term: string;
  assertion: Assertion;
  severity: string | null;
  side: string[];
}

export interface LevelSummary {
  level: string;
  findings: SummaryFinding[];
}

export interface ExplainResult {
  annotations: Annotation[];
  summary: LevelSummary[];
  glossaryVersion: string;
}

const ANATOMY_LIKE = new Set(['anatomy']);

export function explain(engine: Engine, input: ExplainInput): ExplainResult {
  const { text } = input;
  const tokens = tokenize(text);
  const terms = input.terms ?? [];
  // Caller terms number their new words in a table of this request's own, never in the engine's.
  const ids = terms.length > 0 ? new KeyIds(engine.matcher.spelling, engine.matcher.ids) : engine.matcher.ids;
  const custom = terms.length > 0 ? compileCustomTerms(terms, engine.matcher.spelling, ids) : undefined;
  const termById = new Map(terms.map((t) => [t.id, t]));
  const mtokens = matchTokens(tokens, ids);
  const { mentions, sharedWith } = expandSharedHeads(tokens, findMentions(tokens, mtokens, engine.matcher, custom), engine.concepts, engine.rules.words);

  const roles: MentionRole[] = mentions.map((m) => {
    if (m.source === 'custom') return { finding: true, located: true };
    if (m.source === 'level') return { finding: false, located: false };
    const concept = engine.concepts.get(m.conceptId);
    const finding = concept !== undefined && isFinding(concept);
    return { finding, located: finding || ANATOMY_LIKE.has(concept?.category ?? ''), section: concept?.section };
  });
  const sentences = sentenceIds(tokens, engine.noSentenceEnd);
  const contexts = analyzeContext(text, tokens, mtokens, sentences, mentions, roles, engine.rules);
  // "Mild central canal and foraminal narrowing": a severity before a shared head grades both.
  for (const [anatomy, finding] of sharedWith) {
    const a = contexts[anatomy]!;
    const f = contexts[finding]!;
    if (f.severity === null && a.severity !== null) contexts[finding] = { ...f, severity: a.severity };
  }

  const annotations = mentions.map((m, k): Annotation => {
    const d = describe(engine, m, termById);
    const c = contexts[k]!;
    return {
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      conceptId: d.conceptId,
      term: d.term,
      category: d.category,
      explanation: d.explanation,
      assertion: c.assertion,
      assertionCue: c.assertionCue,
      severity: c.severity,
      side: c.side,
      levels: c.levels,
      section: c.section,
    };
  });
  return { annotations, summary: summarize(annotations, roles), glossaryVersion: engine.version };
}

function describe(
  engine: Engine,
  m: Mention,
  terms: ReadonlyMap<string, CustomTerm>,
): { conceptId: string; term: string; category: string; explanation: string } {
  if (m.source === 'custom') {
    const t = terms.get(m.conceptId);
    return { conceptId: m.conceptId, term: t?.text ?? m.conceptId, category: 'custom', explanation: t?.explanation ?? '' };
  }
  const concept = engine.concepts.get(m.conceptId);
  if (m.level !== undefined) {
    // The level in plain words; the notation in general is one GET /v1/glossary/:id away.
    return { conceptId: m.conceptId, term: m.level.label, category: concept?.category ?? 'level-notation', explanation: engine.matcher.levels.describe(m.level) };
  }
  return { conceptId: m.conceptId, term: concept?.term ?? m.conceptId, category: concept?.category ?? 'custom', explanation: concept?.explanation ?? '' };
}

const ASSERTION_ORDER: Record<Assertion, number> = { present: 0, possible: 1, absent: 2 };

/** Findings grouped by level, cranial to caudal; present and possible findings before absent ones. */
function summarize(annotations: readonly Annotation[], roles: readonly MentionRole[]): LevelSummary[] {
  const byLevel = new Map<string, Map<string, SummaryFinding>>();
  annotations.forEach((a, k) => {
    if (!roles[k]!.finding) return;
    for (const level of a.levels) {
      const findings = byLevel.get(level) ?? new Map<string, SummaryFinding>();
      const key = `${a.conceptId}\0${a.assertion}\0${a.severity ?? ''}\0${a.side.join(',')}`;
      if (!findings.has(key)) findings.set(key, { conceptId: a.conceptId, term: a.term, assertion: a.assertion, severity: a.severity, side: a.side });
      byLevel.set(level, findings);
    }
  });
  return [...byLevel.entries()]
    .sort(([a], [b]) => levelRank(a) - levelRank(b))
    .map(([level, findings]) => ({
      level,
      findings: [...findings.values()].sort((x, y) => ASSERTION_ORDER[x.assertion] - ASSERTION_ORDER[y.assertion]),
    }));
}
