// Every glossary lint rule fires on a fixture made to break exactly it, and the real glossary is clean.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintGlossary, RULES } from '../../src/glossary/lint/index.js';
import { GlossaryLoadError, loadGlossary } from '../../src/glossary/loader.js';
import type { Concept, GlossaryData } from '../../src/glossary/schema.js';
import { compileEngine } from '../../src/pipeline/compile.js';
import { GLOSSARY_DIR } from '../helpers.js';

const real = loadGlossary(GLOSSARY_DIR);

/** The real glossary with one concept replaced (or added), linted through the real pipeline. */
function lintWith(change: (concepts: Concept[]) => Concept[]): string[] {
  const data: GlossaryData = { ...real, concepts: change(real.concepts.map((c) => structuredClone(c))) };
  return lintGlossary(data, compileEngine(data)).problems.map((p) => p.code);
}

const edit = (id: string, patch: Partial<Concept>) => (concepts: Concept[]) => concepts.map((c) => (c.id === id ? { ...c, ...patch } : c));
const bulge = () => real.concepts.find((c) => c.id === 'disc-bulge')!;

describe('the real glossary', () => {
  it('passes every rule', () => expect(lintGlossary(real, compileEngine(real)).problems).toEqual([]));
  it('every rule has a stable code and a one-line description', () => {
    for (const rule of RULES) {
      expect(rule.code).toMatch(/^BCG\d{3}$/);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.description).not.toContain('\n');
    }
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
  });
});

describe('each rule fails its fixture', () => {
  const long = 'This long word-heavy explanation, notwithstanding considerable methodological heterogeneity, characterises intervertebral degenerative pathophysiology comprehensively.';
  it.each([
    ['BCG004', 'a form claimed by two concepts', edit('disc-protrusion', { forms: [...real.concepts.find((c) => c.id === 'disc-protrusion')!.forms, 'disc bulge'] })],
    ['BCG005', 'an example that does not produce its concept', edit('disc-bulge', { examples: ['a normal spinal canal'] })],
    ['BCG006', 'a non-example that produces its concept', edit('disc-bulge', { nonExamples: ['mild disc bulge'] })],
    ['BCG007', 'a seeAlso target that does not exist', edit('disc-bulge', { seeAlso: ['no-such-concept'] })],
    ['BCG008', 'an explanation above grade 8', edit('disc-bulge', { explanation: long })],
    ['BCG010', 'advice in an explanation', edit('disc-bulge', { explanation: 'A bulge of the disc. You should rest your back.' })],
    ['BCG011', 'more than three sentences', edit('disc-bulge', { explanation: 'One. Two words here. Three words here. Four words here.' })],
    ['BCG012', 'questions on an anatomy concept', edit('thecal-sac', { questions: ['Is my thecal sac normal?'] })],
    ['BCG013', 'a level concept the grammar needs is missing', (cs: Concept[]) => cs.filter((c) => c.id !== 'level-lumbar-disc')],
  ])('%s: %s', (code, _name, change) => {
    expect(lintWith(change)).toContain(code);
  });

  it('BCG009: the median reading grade above 6', () => {
    const codes = lintWith((cs) => cs.map((c) => ({ ...c, explanation: long, grades: [] })));
    expect(codes).toContain('BCG009');
  });

  it('a fixture breaks only its own rule', () => {
    expect(lintWith(edit('disc-bulge', { seeAlso: ['no-such-concept'] }))).toEqual(['BCG007']);
    expect(bulge().seeAlso).not.toContain('no-such-concept');
  });
});

describe('loader rules (BCG001-BCG003) name every bad file and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backchat-glossary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(GLOSSARY_DIR, '_context'), join(dir, '_context'), { recursive: true });
  mkdirSync(join(dir, 'degeneration'));
  mkdirSync(join(dir, 'anatomy'));
  mkdirSync(join(dir, 'not-a-category'));
  const good = readFileSync(join(GLOSSARY_DIR, 'degeneration', 'disc-bulge.json'), 'utf8');
  writeFileSync(join(dir, 'degeneration', 'disc-bulge.json'), good);
  writeFileSync(join(dir, 'degeneration', 'broken.json'), '{ not json');
  writeFileSync(join(dir, 'degeneration', 'no-explanation.json'), JSON.stringify({ ...JSON.parse(good), id: 'no-explanation', explanation: undefined }));
  writeFileSync(join(dir, 'degeneration', 'renamed.json'), good);
  writeFileSync(join(dir, 'degeneration', 'always-present.json'), JSON.stringify({ ...JSON.parse(good), id: 'always-present', alwaysPresent: true }));
  writeFileSync(join(dir, 'anatomy', 'disc-bulge-2.json'), JSON.stringify({ ...JSON.parse(good), id: 'disc-bulge-2' }));
  // Only a finding takes the history's default, so only a finding can be background to it.
  writeFileSync(join(dir, 'anatomy', 'background.json'), JSON.stringify({ ...JSON.parse(good), id: 'background', category: 'anatomy', background: true }));
  writeFileSync(join(dir, 'anatomy', 'lesion.json'), JSON.stringify({ ...JSON.parse(good), id: 'lesion', category: 'anatomy', lesion: true }));
  writeFileSync(join(dir, 'anatomy', 'ungraded.json'), JSON.stringify({ ...JSON.parse(good), id: 'ungraded', category: 'anatomy', ungraded: true }));
  writeFileSync(join(dir, 'not-a-category', 'x.json'), JSON.stringify({ ...JSON.parse(good), id: 'x' }));
  // A severity scale naming a value the severity table does not have.
  const modifiers = JSON.parse(readFileSync(join(GLOSSARY_DIR, '_context', 'modifiers.json'), 'utf8'));
  writeFileSync(join(dir, '_context', 'modifiers.json'), JSON.stringify({ ...modifiers, severityScale: [...modifiers.severityScale, 'extreme'] }));

  it('reports them all at once, with codes', () => {
    let error: unknown;
    try {
      loadGlossary(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GlossaryLoadError);
    const problems = (error as GlossaryLoadError).problems.map((p) => `${p.code} ${p.file} ${p.field}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'BCG001 degeneration/broken.json ',
        'BCG001 degeneration/no-explanation.json explanation',
        'BCG001 degeneration/always-present.json alwaysPresent',
        'BCG001 anatomy/background.json background',
        'BCG001 anatomy/lesion.json lesion',
        'BCG001 anatomy/ungraded.json ungraded',
        'BCG002 degeneration/renamed.json id',
        'BCG003 anatomy/disc-bulge-2.json category',
        'BCG003 not-a-category/x.json ',
        'BCG001 _context/modifiers.json severityScale',
      ]),
    );
  });
});
