// Every surface form of ../shared/glossary-checklist.tsv is matched by some concept through the
// real pipeline (its characters covered by annotations), except the forms the glossary README lists
// as deliberately dropped, each with a reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engine, GLOSSARY_DIR, run, SHARED } from '../helpers.js';

const rows = readFileSync(join(SHARED, 'glossary-checklist.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim().length > 0)
  .map((l) => l.split('\t'))
  .map(([id, category, term, forms]) => ({ id: id!, category: category!, term: term!, forms: forms!.split('|').map((f) => f.trim()) }));

const readme = readFileSync(join(GLOSSARY_DIR, 'README.md'), 'utf8');
const table = readme.slice(readme.indexOf('<!-- dropped-forms:start -->'), readme.indexOf('<!-- dropped-forms:end -->'));
const dropped = new Set(
  table
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| concept') && !l.startsWith('| ---'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((cells) => `${cells[1]}\t${cells[2]}`),
);

// Words that need no explanation of their own: function words, and the words of dropped forms.
const IGNORED = new Set([
  ...['the', 'a', 'an', 'of', 'at', 'to', 'from', 'on', 'in', 'and', 'or', 'with', 'for', 'by'],
  ...[...dropped].flatMap((d) => d.split('\t')[1]!.toLowerCase().split(/\s+/)),
]);

/** Whether every word of `form` (but ignored ones) lies inside an annotation, with the form placed in `carrier`. */
function coveredIn(form: string, carrier: string, ignored: ReadonlySet<string>): boolean {
  const text = carrier.replace('{}', form);
  const offset = carrier.indexOf('{}');
  const marks = new Uint8Array(text.length);
  for (const a of run(text).annotations) marks.fill(1, a.start, a.end);
  for (const m of form.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu)) {
    if (ignored.has(m[0].toLowerCase())) continue;
    for (let i = offset + m.index; i < offset + m.index + m[0].length; i++) if (marks[i] !== 1) return false;
  }
  return true;
}

/** Matched on its own line (as a header or a bare term), or inside an ordinary sentence. */
const covered = (form: string, ignored: ReadonlySet<string> = IGNORED): boolean =>
  coveredIn(form, '{}', ignored) || coveredIn(form, 'Seen here: {}, noted.', ignored);

describe('glossary checklist coverage', () => {
  it('has 326 rows, and at least 320 concepts in the glossary', () => {
    expect(rows.length).toBe(326);
    expect(engine().concepts.size).toBeGreaterThanOrEqual(320);
  });

  it('every checklist concept exists', () => {
    expect(rows.filter((r) => !engine().concepts.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('every checklist surface form is matched, or dropped with a reason in glossary/README.md', () => {
    const unmatched = rows.flatMap((r) => r.forms.filter((f) => !dropped.has(`${r.id}\t${f}`) && !covered(f)).map((f) => `${r.id}: ${f}`));
    expect(unmatched).toEqual([]);
  });

  it('dropped forms are really not matched (the table stays honest)', () => {
    const stale = [...dropped].map((d) => d.split('\t')[1]!).filter((f) => covered(f, new Set()));
    expect(stale).toEqual([]);
  });
});
