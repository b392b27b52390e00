// The only code that reads glossary files. Loads every concept file and the context data, validates
// each against its zod schema, and reports every bad file and field at once, so a bad glossary stops
// the service at start-up with a list of what to fix rather than the first problem only.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import {
  CATEGORIES,
  conceptSchema,
  cuesSchema,
  levelsSchema,
  modifiersSchema,
  textSchema,
  type Concept,
  type GlossaryData,
} from './schema.js';

export interface GlossaryProblem {
  /** Lint code: BCG001 schema, BCG002 id/file name, BCG003 category/folder. */
  code: 'BCG001' | 'BCG002' | 'BCG003';
  file: string;
  field: string;
  message: string;
}

export class GlossaryLoadError extends Error {
  constructor(readonly problems: GlossaryProblem[]) {
    super(
      `glossary has ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.code} ${p.file}${p.field ? ` [${p.field}]` : ''}: ${p.message}`).join('\n'),
    );
    this.name = 'GlossaryLoadError';
  }
}

export const CONTEXT_DIR = '_context';

function readJson(path: string, root: string, problems: GlossaryProblem[], raw?: Buffer): unknown {
  try {
    return JSON.parse(raw === undefined ? readFileSync(path, 'utf8') : raw.toString('utf8'));
  } catch (err) {
    problems.push({ code: 'BCG001', file: relative(root, path), field: '', message: `not valid JSON (${(err as Error).message})` });
    return undefined;
  }
}

function validate<T>(schema: z.ZodType<T>, value: unknown, file: string, problems: GlossaryProblem[]): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    problems.push({ code: 'BCG001', file, field: issue.path.join('.'), message: issue.message });
  }
  return undefined;
}

/** Concept files: glossary/<category>/<id>.json, sorted by path so the load order is stable. */
export function conceptFiles(root: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(root).sort()) {
    const dir = join(root, entry);
    if (entry.startsWith('_') || entry.startsWith('.') || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.json')) files.push(join(dir, name));
  }
  return files;
}

/** Loads and validates the whole glossary directory; throws GlossaryLoadError listing every problem. */
export function loadGlossary(root: string): GlossaryData {
  const problems: GlossaryProblem[] = [];
  const hash = createHash('sha256');
  const concepts: Concept[] = [];
  const ids = new Map<string, string>();

  for (const path of conceptFiles(root)) {
    const file = relative(root, path);
    const folder = basename(join(path, '..'));
    // (Read once: hashed for the version, then parsed.)
    const raw = readFileSync(path);
    hash.update(file).update('\0').update(raw);
    if (!(CATEGORIES as readonly string[]).includes(folder)) {
      problems.push({ code: 'BCG003', file, field: '', message: `folder "${folder}" is not a category (${CATEGORIES.join(', ')})` });
    }
    const concept = validate(conceptSchema, readJson(path, root, problems, raw), file, problems);
    if (concept === undefined) continue;
    if (`${concept.id}.json` !== basename(path)) {
      problems.push({ code: 'BCG002', file, field: 'id', message: `id "${concept.id}" must equal the file name` });
    }
    if (concept.category !== folder) {
      problems.push({ code: 'BCG003', file, field: 'category', message: `category "${concept.category}" must equal the folder "${folder}"` });
    }
    const other = ids.get(concept.id);
    if (other !== undefined) problems.push({ code: 'BCG002', file, field: 'id', message: `id also used by ${other}` });
    ids.set(concept.id, file);
    concepts.push(concept);
  }

  const context = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const path = join(root, CONTEXT_DIR, name);
    const file = relative(root, path);
    let raw: Buffer;
    try {
      raw = readFileSync(path);
    } catch {
      problems.push({ code: 'BCG001', file, field: '', message: 'file is missing' });
      return undefined;
    }
    hash.update(file).update('\0').update(raw);
    return validate(schema, readJson(path, root, problems, raw), file, problems);
  };
  const cues = context('cues.json', cuesSchema);
  const modifiers = context('modifiers.json', modifiersSchema);
  const levels = context('levels.json', levelsSchema);
  const text = context('text.json', textSchema);

  if (concepts.length === 0) problems.push({ code: 'BCG001', file: '.', field: '', message: 'no concept files found' });
  if (problems.length > 0 || !cues || !modifiers || !levels || !text) throw new GlossaryLoadError(problems);
  return { concepts, cues, modifiers, levels, text, version: hash.digest('hex').slice(0, 12) };
}
