// The glossary lint rules (BCG001-BCG003 are reported by the loader: schema, id = file name,
// category = folder). Each rule has a stable code, a one-line fix, and a failing fixture test in
// test/glossary/lint.test.ts.
import { isFinding } from '../../pipeline/compile.js';
import { explain } from '../../pipeline/explain.js';
import { fleschKincaid } from '../readability.js';
import { fileOf, type LintContext, type LintRule } from './types.js';

export const MAX_GRADE = 8;
export const MAX_MEDIAN_GRADE = 6;
const MAX_SENTENCES = 3;

/** Wording that advises, predicts or reassures: explanations say what a word means, nothing more. */
export const BANNED = [
  'you should',
  'you need',
  'you must',
  'you have',
  'will cause',
  'will need',
  'cure',
  'cured',
  'curable',
  "don't worry",
  'do not worry',
  'nothing to worry',
  'dangerous',
  'serious',
  'guaranteed',
  'always means',
  'definitely',
];
const BANNED_RE = new RegExp(`\\b(${BANNED.map((b) => b.replace(/[.*+?^${}()|[\]\\']/g, (c) => (c === "'" ? "'" : `\\${c}`))).join('|')})\\b`, 'i');

const texts = (ctx: LintContext) =>
  ctx.data.concepts.flatMap((c) => [
    { concept: c, label: 'explanation', text: c.explanation },
    ...c.grades.map((g) => ({ concept: c, label: `grade ${g.grade}`, text: g.explanation })),
  ]);

const producedBy = (ctx: LintContext, phrase: string): Set<string> =>
  new Set(explain(ctx.engine, { text: phrase }).annotations.map((a) => a.conceptId));

export const RULES: LintRule[] = [
  {
    code: 'BCG004',
    description: 'A surface form or abbreviation is claimed by two concepts: keep it in the one concept it means and remove it from the other.',
    check: (ctx) =>
      ctx.engine.conflicts.map((c) => ({
        code: 'BCG004',
        where: c.conceptIds.join(', '),
        message: `form "${c.key}" is claimed by ${c.conceptIds.join(' and ')}: keep it in one concept only`,
      })),
  },
  {
    code: 'BCG005',
    description: 'An example does not produce its concept through the real pipeline: fix the example or add the missing form.',
    check: (ctx) =>
      ctx.data.concepts.flatMap((c) =>
        c.examples
          .filter((e) => !producedBy(ctx, e).has(c.id))
          .map((e) => ({ code: 'BCG005', where: fileOf(c), message: `example "${e}" does not produce ${c.id}: add the form it uses, or fix the example` })),
      ),
  },
  {
    code: 'BCG006',
    description: 'A non-example produces its concept: remove the form that matches it, or choose a real near miss.',
    check: (ctx) =>
      ctx.data.concepts.flatMap((c) =>
        c.nonExamples
          .filter((e) => producedBy(ctx, e).has(c.id))
          .map((e) => ({ code: 'BCG006', where: fileOf(c), message: `non-example "${e}" produces ${c.id}: remove the form that matches it, or choose another near miss` })),
      ),
  },
  {
    code: 'BCG007',
    description: 'A seeAlso, onImplant or narrowedAs target does not exist: use the id of an existing concept (a narrowing finding for narrowedAs).',
    check: (ctx) =>
      ctx.data.concepts.flatMap((c) => [
        ...c.seeAlso
          .filter((id) => !ctx.ids.has(id) || id === c.id)
          .map((id) => ({ code: 'BCG007', where: fileOf(c), message: `seeAlso "${id}" is not another existing concept id` })),
        ...(c.onImplant !== undefined && (!ctx.ids.has(c.onImplant) || c.onImplant === c.id)
          ? [{ code: 'BCG007', where: fileOf(c), message: `onImplant "${c.onImplant}" is not another existing concept id` }]
          : []),
        ...(c.narrowedAs !== undefined && ctx.data.concepts.find((t) => t.id === c.narrowedAs)?.narrowing !== true
          ? [{ code: 'BCG007', where: fileOf(c), message: `narrowedAs "${c.narrowedAs}" is not a concept with "narrowing": true` }]
          : []),
      ]),
  },
  {
    code: 'BCG008',
    description: `An explanation reads above grade ${MAX_GRADE} (Flesch-Kincaid): use shorter sentences and everyday words.`,
    check: (ctx) =>
      texts(ctx).flatMap(({ concept, label, text }) => {
        const { grade } = fleschKincaid(text);
        return grade > MAX_GRADE
          ? [{ code: 'BCG008', where: fileOf(concept), message: `${label} reads at grade ${grade} (max ${MAX_GRADE}): shorter sentences, everyday words` }]
          : [];
      }),
  },
  {
    code: 'BCG009',
    description: `The median reading grade of all explanations is above ${MAX_MEDIAN_GRADE}: simplify the hardest explanations.`,
    check: (ctx) => {
      const grades = texts(ctx).map((t) => fleschKincaid(t.text).grade);
      const median = medianOf(grades);
      return median > MAX_MEDIAN_GRADE
        ? [{ code: 'BCG009', where: 'glossary', message: `median reading grade is ${median} (max ${MAX_MEDIAN_GRADE}): simplify the hardest explanations` }]
        : [];
    },
  },
  {
    code: 'BCG010',
    description: 'An explanation advises, predicts or reassures ("you should", "will cause", "cure"...): say only what the word means.',
    check: (ctx) =>
      texts(ctx).flatMap(({ concept, label, text }) => {
        const m = BANNED_RE.exec(text);
        return m === null
          ? []
          : [{ code: 'BCG010', where: fileOf(concept), message: `${label} says "${m[1]}": explain what the word means, without advice, prediction or reassurance` }];
      }),
  },
  {
    code: 'BCG011',
    description: `An explanation has more than ${MAX_SENTENCES} sentences: keep it to 1-${MAX_SENTENCES} short sentences.`,
    check: (ctx) =>
      ctx.data.concepts.flatMap((c) => {
        const { sentences } = fleschKincaid(c.explanation);
        return sentences > MAX_SENTENCES
          ? [{ code: 'BCG011', where: fileOf(c), message: `explanation has ${sentences} sentences (max ${MAX_SENTENCES})` }]
          : [];
      }),
  },
  {
    code: 'BCG012',
    description: 'Questions belong to findings only: remove them from anatomy, technique, descriptor, grading, section and level concepts.',
    check: (ctx) =>
      ctx.data.concepts
        .filter((c) => c.questions.length > 0 && !isFinding(c))
        .map((c) => ({ code: 'BCG012', where: fileOf(c), message: `questions on a ${c.category} concept: remove them` })),
  },
  {
    code: 'BCG013',
    description: 'A concept the level grammar produces is missing: add its file under glossary/level-notation/.',
    check: (ctx) =>
      LEVEL_CONCEPTS.filter((id) => !ctx.ids.has(id)).map((id) => ({
        code: 'BCG013',
        where: `level-notation/${id}.json`,
        message: `the level grammar produces ${id}, but no such concept exists`,
      })),
  },
];

/** Concept ids the level grammar (src/pipeline/match/levels.ts) produces. */
export const LEVEL_CONCEPTS = [
  'level-cervical-disc',
  'level-thoracic-disc',
  'level-lumbar-disc',
  'level-junctional-disc',
  'level-vertebra',
  'level-range',
  'level-transitional',
  'level-root-notation',
];

export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
}

