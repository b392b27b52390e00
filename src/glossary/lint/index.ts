// Runs every lint rule over a loaded glossary and gathers the reading-level figures.
import type { Engine } from '../../pipeline/compile.js';
import { fleschKincaid } from '../readability.js';
import type { GlossaryData } from '../schema.js';
import { medianOf, RULES } from './rules.js';
import type { LintProblem } from './types.js';

export interface LintReport {
  problems: LintProblem[];
  concepts: number;
  forms: number;
  readability: { count: number; median: number; max: number; overSix: number };
}

export function lintGlossary(data: GlossaryData, engine: Engine): LintReport {
  const ctx = { data, engine, ids: new Set(data.concepts.map((c) => c.id)) };
  const problems = RULES.flatMap((rule) => rule.check(ctx));
  const grades = data.concepts.flatMap((c) => [c.explanation, ...c.grades.map((g) => g.explanation)]).map((t) => fleschKincaid(t).grade);
  return {
    problems,
    concepts: data.concepts.length,
    forms: data.concepts.reduce((n, c) => n + c.forms.length + c.abbreviations.length, 0),
    readability: { count: grades.length, median: medianOf(grades), max: Math.max(...grades), overSix: grades.filter((g) => g > 6).length },
  };
}

export { RULES } from './rules.js';
export type { LintProblem } from './types.js';
