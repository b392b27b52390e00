// npm run lint:glossary: validates every glossary file (schema, names, forms, examples, reading
// level, wording) and prints a report. Exits 1 on any problem.
import { fileURLToPath } from 'node:url';
import { GlossaryLoadError, loadGlossary } from '../glossary/loader.js';
import { lintGlossary } from '../glossary/lint/index.js';
import { compileEngine } from '../pipeline/compile.js';

const root = process.argv[2] ?? fileURLToPath(new URL('../../glossary', import.meta.url));

try {
  const data = loadGlossary(root);
  const report = lintGlossary(data, compileEngine(data));
  for (const p of report.problems) console.log(`${p.code} ${p.where}: ${p.message}`);
  const r = report.readability;
  console.log(
    `lint:glossary: ${report.concepts} concepts, ${report.forms} forms and abbreviations; ` +
      `reading grade median ${r.median}, max ${r.max}, ${r.overSix} of ${r.count} explanations above 6; ` +
      `${report.problems.length} problem(s)`,
  );
  process.exitCode = report.problems.length > 0 ? 1 : 0;
} catch (err) {
  if (!(err instanceof GlossaryLoadError)) throw err;
  console.log(err.message);
  process.exitCode = 1;
}
