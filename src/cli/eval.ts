// npm run eval: runs the real pipeline over ../shared/corpus/reports and scores it against
// ../shared/corpus/gold. Prints recall per kind, assertion accuracy on matched findings, negated
// findings shown as present, the most-missed terms and every assertion error, then one summary line.
// Options: --corpus DIR (default ../shared/corpus), --verbose (list every miss), --sample N (print N
// findings with severity/levels/side for hand-checking).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scoreReport, summarize, pct, type GoldSpan, type SpanResult } from '../eval/score.js';
import { loadGlossary } from '../glossary/loader.js';
import { compileEngine, isFinding } from '../pipeline/compile.js';
import { explain, type Annotation } from '../pipeline/explain.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(root, '..', 'shared', 'corpus') },
    verbose: { type: 'boolean', default: false },
    sample: { type: 'string', default: '0' },
  },
});
const corpusDir = values.corpus!;
const engine = compileEngine(loadGlossary(join(root, 'glossary')));

const all: (SpanResult & { report: string })[] = [];
const findings: { report: string; text: string; a: Annotation }[] = [];
for (const file of readdirSync(join(corpusDir, 'reports')).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(corpusDir, 'reports', file), 'utf8');
  const gold = (JSON.parse(readFileSync(join(corpusDir, 'gold', file.replace(/\.txt$/, '.json')), 'utf8')) as { spans: GoldSpan[] }).spans;
  const { annotations } = explain(engine, { text });
  for (const r of scoreReport(gold, annotations)) all.push({ ...r, report: file });
  for (const a of annotations) {
    const concept = engine.concepts.get(a.conceptId);
    if (concept !== undefined && isFinding(concept)) findings.push({ report: file, text, a });
  }
}

const s = summarize(all);
console.log('recall by kind:');
for (const [kind, k] of Object.entries(s.byKind).sort()) console.log(`  ${kind.padEnd(13)} ${pct(k.covered, k.total).padStart(6)}  (${k.covered}/${k.total})`);

const missed = new Map<string, number>();
for (const r of all) if (!r.covered) missed.set(`${r.gold.kind}: ${r.gold.text.toLowerCase()}`, (missed.get(`${r.gold.kind}: ${r.gold.text.toLowerCase()}`) ?? 0) + 1);
const top = [...missed.entries()].sort((a, b) => b[1] - a[1]);
console.log(`most-missed gold spans (${top.length} distinct):`);
for (const [t, n] of top.slice(0, values.verbose ? top.length : 15)) console.log(`  ${n} x ${t}`);

const errors = all.filter((r) => r.covered && r.gold.kind === 'finding' && r.match!.assertion !== r.gold.assertion);
if (errors.length > 0) console.log('assertion errors (report: text gold -> ours):');
for (const r of errors) console.log(`  ${r.report}: "${r.gold.text}" ${r.gold.assertion} -> ${r.match!.assertion}`);

const n = Number(values.sample);
if (n > 0) {
  console.log(`sample of ${n} findings for hand-checking severity / levels / side:`);
  const step = Math.max(1, Math.floor(findings.length / n));
  for (let i = 0; i < findings.length && i / step < n; i += step) {
    const { report, text, a } = findings[i]!;
    const from = Math.max(0, text.lastIndexOf('\n', a.start) + 1);
    const to = text.indexOf('\n', a.end) === -1 ? text.length : text.indexOf('\n', a.end);
    console.log(`  ${report} "${a.text}" severity=${a.severity ?? '-'} levels=${a.levels.join('/') || '-'} side=${a.side.join('/') || '-'} assertion=${a.assertion}\n      | ${text.slice(from, to).trim().slice(0, 220)}`);
  }
}

const f = s.byKind['finding'] ?? { covered: 0, total: 0 };
console.log(
  `eval: ${all.length} gold spans in ${new Set(all.map((r) => r.report)).size} reports; recall ${pct(s.covered, s.spans)}; ` +
    `findings recall ${pct(f.covered, f.total)}; assertion accuracy ${pct(s.findings.assertionCorrect, s.findings.covered)} ` +
    `(${s.findings.assertionCorrect}/${s.findings.covered}); negated findings shown present: ${s.findings.negatedShownPresent}`,
);
