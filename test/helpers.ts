// Shared test fixtures: the real glossary, compiled once per test file, and the real app.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { loadGlossary } from '../src/glossary/loader.js';
import { compileEngine, type Engine } from '../src/pipeline/compile.js';
import { explain } from '../src/pipeline/explain.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GLOSSARY_DIR = join(ROOT, 'glossary');
export const SHARED = join(ROOT, '..', 'shared');
export const CORPUS = join(SHARED, 'corpus');

let cached: Engine | undefined;
export function engine(): Engine {
  cached ??= compileEngine(loadGlossary(GLOSSARY_DIR));
  return cached;
}

export const run = (text: string, terms?: { id: string; text: string }[]) => explain(engine(), { text, terms });

/** The annotation covering exactly `phrase` (first occurrence) in the result of `text`. */
export function annotationFor(text: string, phrase: string, terms?: { id: string; text: string }[]) {
  const start = text.indexOf(phrase);
  return run(text, terms).annotations.find((a) => a.start === start && a.end === start + phrase.length);
}

export async function app(env: Record<string, string> = {}, logger?: Logger) {
  const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '0', ...env });
  return buildApp({ engine: engine(), config, ...(logger === undefined ? {} : { logger }) });
}

export interface CorpusReport {
  name: string;
  text: string;
  gold: { start: number; end: number; text: string; kind: string; assertion: string }[];
}

export function corpus(): CorpusReport[] {
  const dir = join(CORPUS, 'reports');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f,
      text: readFileSync(join(dir, f), 'utf8'),
      gold: JSON.parse(readFileSync(join(CORPUS, 'gold', f.replace(/\.txt$/, '.json')), 'utf8')).spans,
    }));
}
