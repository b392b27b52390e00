// One zod schema per contract: these drive request validation, the TypeScript types, the
// response serializers (through JSON Schema and fast-json-stringify) and the OpenAPI document.
import { z } from 'zod';
import { CATEGORIES, conceptFields, SECTIONS } from '../glossary/schema.js';

export const customTermSchema = z
  .object({
    id: z.string().min(1).max(100).describe('Your id for the term; returned as conceptId.'),
    text: z.string().min(1).max(200).describe('The phrase to find, matched case-insensitively.'),
    explanation: z.string().max(1000).optional().describe('Optional plain-language explanation returned with each match.'),
  })
  .strict();

export const explainBodySchema = z
  .object({
    text: z.string().describe('The pasted text of the report.'),
    terms: z.array(customTermSchema).optional().describe("A clinic's own phrases to find, with the same analysis as glossary terms."),
  })
  .strict()
  .describe('The report as JSON. The same route also takes the raw report as text/plain.');

export const assertionSchema = z.enum(['present', 'absent', 'possible']);

export const cueSchema = z
  .object({ text: z.string(), start: z.number().int(), end: z.number().int() })
  .describe('The words that decided the assertion, with their offsets.');

export const annotationSchema = z.object({
  start: z.number().int().describe('Half-open UTF-16 start index into the text.'),
  end: z.number().int().describe('Half-open UTF-16 end index: text.slice(start, end) === annotation.text.'),
  text: z.string(),
  conceptId: z.string(),
  term: z.string().describe('The preferred term (for levels, the normalised level such as L4-L5).'),
  category: z.string().describe(`One of ${CATEGORIES.join(', ')}, or custom for caller-supplied terms.`),
  explanation: z.string(),
  assertion: assertionSchema,
  assertionCue: cueSchema.nullable(),
  severity: z.string().nullable().describe('minimal, mild, mild-to-moderate, moderate, moderate-to-severe, severe, or a grade such as "Modic type 1".'),
  grades: z
    .array(
      z.object({
        severity: z.string(),
        side: z.array(z.string()),
        levels: z.array(z.string()).optional().describe('For grades given level by level: the levels of this grade.'),
      }),
    )
    .describe(
      'The severity of each side when the report grades the sides differently ("severe right and mild left": severe on the right, mild on the left), or of each level when it grades level by level ("mild at L3-4, moderate at L4-5": each grade with its levels); severity is then the most severe. Empty otherwise.',
    ),
  side: z.array(z.string()).describe('left, right, bilateral, central, paracentral, foraminal, far lateral, posterolateral, "left greater than right"...'),
  levels: z.array(z.string()).describe('Normalised spine levels such as L4-L5, L5-S1, C7-T1, L4.'),
  section: z.enum(SECTIONS),
});

export const summarySchema = z.array(
  z.object({
    level: z.string(),
    findings: z.array(
      z.object({
        conceptId: z.string(),
        term: z.string(),
        assertion: assertionSchema,
        severity: z.string().nullable(),
        side: z.array(z.string()),
      }),
    ),
  }),
);

export const explainReplySchema = z.object({
  annotations: z.array(annotationSchema).describe('Sorted by start.'),
  summary: summarySchema.describe('Findings per level, cranial to caudal; present and possible first.'),
  glossaryVersion: z.string(),
});

// The concept as the API returns it: the glossary file's own fields, minus matching internals.
export const conceptSchema = conceptFields.pick({
  id: true,
  term: true,
  category: true,
  forms: true,
  abbreviations: true,
  explanation: true,
  examples: true,
  seeAlso: true,
  questions: true,
  grades: true,
});

export const glossaryReplySchema = z.object({
  glossaryVersion: z.string(),
  count: z.number().int(),
  concepts: z.array(conceptSchema),
});

export const glossaryQuerySchema = z
  .object({ q: z.string().max(200).optional().describe('Filter by term or surface form (case-insensitive substring).') })
  .strict();

export const conceptParamsSchema = z.object({ id: z.string().max(200) });

export const errorSchema = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  error: z.string(),
  message: z.string(),
});

export const healthSchema = z.object({ status: z.string() });
export const readySchema = z.object({ status: z.string(), glossaryVersion: z.string(), concepts: z.number().int() });
