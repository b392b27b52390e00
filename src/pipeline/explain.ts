// The pipeline, composed: text -> tokens -> mentions (glossary, caller terms, levels; a finding said
// of an implant made the implant's) -> context -> annotations and a per-level summary. Pure and
// synchronous: no I/O, no framework, no globals.
import type { Section } from '../glossary/schema.js';
import { expandSharedHeads } from './context/ellipsis.js';
import { analyzeContext, type Assertion, type Cue, type Grade, type MentionRole } from './context/analyze.js';
import { sentenceIds } from './context/sentences.js';
import type { Engine } from './compile.js';
import { implantAspects } from './match/implants.js';
import { KeyIds, matchTokens } from './match/keys.js';
import { levelRank } from './match/levels.js';
import { compileCustomTerms, findMentions } from './match/matcher.js';
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
  /** The severity; the most severe of `grades` when the report grades the sides differently. */
  severity: string | null;
  /** Severity per side, when the report grades the sides differently ("severe right and mild left"), or per level ("mild at L3-4, moderate at L4-5"); else empty. */
  grades: Grade[];
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

const CUSTOM_ROLE: MentionRole = { finding: true, located: true };
/** A spine level names a place, which a report never denies or doubts: "No stenosis at L4-5", "C2-3: Neg." */
const LEVEL_ROLE: MentionRole = { finding: false, located: false, alwaysPresent: true };
const OTHER_ROLE: MentionRole = { finding: false, located: false };

export function explain(engine: Engine, input: ExplainInput): ExplainResult {
  const { text } = input;
  const tokens = tokenize(text);
  const terms = input.terms ?? [];
  // Caller terms number their new words in a table of this request's own, never in the engine's.
  const ids = terms.length > 0 ? new KeyIds(engine.matcher.spelling, engine.matcher.ids) : engine.matcher.ids;
  const custom = terms.length > 0 ? compileCustomTerms(terms, engine.matcher.spelling, ids) : undefined;
  const termById = terms.length > 0 ? new Map(terms.map((t) => [t.id, t])) : undefined;
  const mtokens = matchTokens(tokens, ids);
  const expanded = expandSharedHeads(tokens, findMentions(tokens, mtokens, engine.matcher, custom), engine.concepts, engine.rules.words);
  const { sharedWith } = expanded;
  const mentions = implantAspects(tokens, expanded.mentions, engine.concepts, engine.rules.listJoiners);

  const roles: MentionRole[] = mentions.map((m) =>
    m.source === 'custom' ? CUSTOM_ROLE : m.source === 'level' ? LEVEL_ROLE : (engine.roles.get(m.conceptId) ?? OTHER_ROLE),
  );
  const sentences = sentenceIds(tokens, engine.noSentenceEnd, engine.noSentenceEndBeforeLower, engine.lineJoiners);
  const contexts = analyzeContext(text, tokens, mtokens, sentences, mentions, roles, engine.rules);
  // "Mild central canal and foraminal narrowing": a severity before a shared head grades both.
  for (const [anatomy, finding] of sharedWith) {
    const a = contexts[anatomy]!;
    const f = contexts[finding]!;
    if (f.severity === null && a.severity !== null && roles[finding]!.ungraded !== true) {
      // Side-by-side grades come with their sides ("severe right and mild left lateral recess and
      // foraminal stenosis"); a finding with a side of its own takes that side's grade ("... and left
      // foraminal stenosis": mild).
      const graded = a.grades.length > 0 && f.side.length === 0;
      const own = f.side.length > 0 ? a.grades.find((g) => g.side.some((s) => f.side.includes(s))) : undefined;
      contexts[finding] = {
        ...f,
        severity: own?.severity ?? a.severity,
        grades: graded ? a.grades.map((g) => ({ severity: g.severity, side: [...g.side], ...(g.levels === undefined ? {} : { levels: [...g.levels] }) })) : [],
        side: graded ? [...a.side] : f.side,
      };
    }
  }

  const annotations = new Array<Annotation>(mentions.length);
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    const c = contexts[k]!;
    let term: string;
    let category: string;
    let explanation: string;
    if (m.source === 'custom') {
      const t = termById?.get(m.conceptId);
      term = t?.text ?? m.conceptId;
      category = 'custom';
      explanation = t?.explanation ?? '';
    } else {
      const concept = m.concept ?? engine.concepts.get(m.conceptId);
      if (m.level !== undefined) {
        // The level in plain words; the notation in general is one GET /v1/glossary/:id away.
        term = m.level.label;
        category = concept?.category ?? 'level-notation';
        explanation = engine.matcher.levels.describe(m.level);
      } else {
        term = concept?.term ?? m.conceptId;
        category = concept?.category ?? 'custom';
        explanation = concept?.explanation ?? '';
      }
    }
    annotations[k] = {
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      conceptId: m.conceptId,
      term,
      category,
      explanation,
      assertion: c.assertion,
      assertionCue: c.assertionCue,
      severity: c.severity,
      grades: c.grades,
      side: c.side,
      levels: c.levels,
      section: c.section,
    };
  }
  return { annotations, summary: summarize(annotations, roles), glossaryVersion: engine.version };
}

const ASSERTION_ORDER: Record<Assertion, number> = { present: 0, possible: 1, absent: 2 };

const sameSides = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

/** Findings grouped by level, cranial to caudal; present and possible findings before absent ones. */
function summarize(annotations: readonly Annotation[], roles: readonly MentionRole[]): LevelSummary[] {
  // Per level: the findings in first-seen order, and the same findings by concept for the dedupe
  // (one concept has a handful of variants: assertion x severity x side).
  const byLevel = new Map<string, { findings: SummaryFinding[]; byConcept: Map<string, SummaryFinding[]> }>();
  for (let k = 0; k < annotations.length; k++) {
    if (!roles[k]!.finding) continue;
    const a = annotations[k]!;
    for (const level of a.levels) {
      let entry = byLevel.get(level);
      if (entry === undefined) byLevel.set(level, (entry = { findings: [], byConcept: new Map() }));
      let variants = entry.byConcept.get(a.conceptId);
      if (variants === undefined) entry.byConcept.set(a.conceptId, (variants = []));
      // A finding graded side by side is listed once per side's grade ("severe right and mild left");
      // one graded level by level, at each level with that level's grade.
      const atLevel = a.grades.length === 0 || a.grades[0]!.levels === undefined ? a.grades : a.grades.filter((g) => g.levels!.includes(level));
      // (A level named with no grade of its own: "Canal stenosis at L3-4, moderate at L4-5".)
      const ungraded = a.grades.length > 0 && atLevel.length === 0;
      const grades: readonly { severity: string | null; side: string[] }[] = a.grades.length === 0 ? [a] : ungraded ? [{ severity: null, side: a.side }] : atLevel;
      for (const { severity, side } of grades) {
        if (variants.some((f) => f.assertion === a.assertion && f.severity === severity && sameSides(f.side, side))) continue;
        const finding: SummaryFinding = { conceptId: a.conceptId, term: a.term, assertion: a.assertion, severity, side };
        variants.push(finding);
        entry.findings.push(finding);
      }
    }
  }
  const rank = new Map<string, number>();
  for (const level of byLevel.keys()) rank.set(level, levelRank(level));
  return [...byLevel.entries()]
    .sort(([a], [b]) => rank.get(a)! - rank.get(b)!)
    .map(([level, { findings }]) => ({
      level,
      findings: findings.sort((x, y) => ASSERTION_ORDER[x.assertion] - ASSERTION_ORDER[y.assertion]),
    }));
}
