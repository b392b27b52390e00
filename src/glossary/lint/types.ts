// Shared types of the glossary linter: every rule (rules.ts) has a stable code and a one-line fix.
import type { Engine } from '../../pipeline/compile.js';
import type { Concept, GlossaryData } from '../schema.js';

export interface LintProblem {
  code: string;
  /** File (relative to glossary/) or concept id the problem is in. */
  where: string;
  message: string;
}

export interface LintContext {
  data: GlossaryData;
  engine: Engine;
  /** Every concept id, for cross-references. */
  ids: ReadonlySet<string>;
}

export interface LintRule {
  code: string;
  /** One line: what the rule checks and how to fix a failure. */
  description: string;
  check(ctx: LintContext): LintProblem[];
}

export const fileOf = (c: Concept): string => `${c.category}/${c.id}.json`;
