// The engine snapshot on disk: written by `npm run build`, restored at start-up when it is of this
// glossary and this code, and otherwise never used, with the reason (stale, other code, torn, missing).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, writeSnapshot } from '../src/engine-file.js';
import { explain } from '../src/pipeline/explain.js';
import { corpus, engine, GLOSSARY_DIR } from './helpers.js';

let dir: string;
let path: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'backchat-snapshot-'));
  path = join(dir, 'engine.snapshot');
  writeSnapshot(GLOSSARY_DIR, path);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The snapshot file with its header's field `field` set to `value`. */
function withHeader(field: string, value: unknown): string {
  const file = readFileSync(path);
  const cut = file.indexOf(0x0a);
  const header = { ...JSON.parse(file.toString('utf8', 0, cut)), [field]: value };
  const out = join(dir, `header-${field}`);
  writeFileSync(out, Buffer.concat([Buffer.from(JSON.stringify(header)), file.subarray(cut)]));
  return out;
}

describe('loadEngine', () => {
  it('restores from a snapshot of this glossary the engine a compile makes, array for array', () => {
    const loaded = loadEngine(GLOSSARY_DIR, path);
    expect(loaded.from).toBe('snapshot');
    expect(loaded.reason).toBeUndefined();
    const [a, b] = [engine().matcher, loaded.engine.matcher];
    expect(b.trie.layout().nodes).not.toBe(a.trie.layout().nodes);
    for (const part of ['nodes', 'edges', 'firsts', 'values'] as const) expect(b.trie.layout()[part], part).toEqual(a.trie.layout()[part]);
    expect(b.fuzzy.parts()).toEqual(a.fuzzy.parts());
    expect(b.corrections).toEqual(a.corrections);
    expect(Array.from({ length: b.ids.size }, (_, id) => b.ids.keyOf(id))).toEqual(Array.from({ length: a.ids.size }, (_, id) => a.ids.keyOf(id)));
    expect(loaded.engine.conflicts).toEqual(engine().conflicts);
  });

  it('restores an engine that answers as the compiled one, on every corpus report and on typos, abbreviations and plurals', () => {
    const restored = loadEngine(GLOSSARY_DIR, path).engine;
    const texts = [
      ...corpus().map((r) => r.text),
      'Mild foraminall stenoosis at L4-5 with spondylolisthesiss and osteophyts.',
      'DDD at L4-5. No AND. Mild DJD, no HNP.',
      'Two disc bulges and several Schmorl nodes.',
    ];
    for (const text of texts) expect(explain(restored, { text })).toEqual(explain(engine(), { text }));
    // (The typos are corrected: the comparison above is not of two engines that both miss them.)
    const found = explain(restored, { text: texts.at(-3)! }).annotations.map((a) => a.conceptId);
    expect(found).toEqual(expect.arrayContaining(['foraminal-stenosis', 'spondylolisthesis', 'osteophyte']));
  });

  it.each([
    ['no file', () => join(dir, 'missing'), 'no snapshot file'],
    ['another format', () => withHeader('format', 0), 'snapshot of another format'],
    ['another byte order', () => withHeader('endianness', 'XX'), 'snapshot of another byte order'],
    ['other code', () => withHeader('compiler', '0000000000000000'), 'snapshot compiled by other code'],
    ['another glossary', () => withHeader('glossaryVersion', '000000000000'), 'snapshot of another glossary version'],
    [
      'a changed byte',
      () => {
        const file = readFileSync(path);
        file[file.length - 3]! ^= 0xff;
        writeFileSync(join(dir, 'changed'), file);
        return join(dir, 'changed');
      },
      'snapshot does not match its checksum',
    ],
    [
      'not a snapshot',
      () => {
        writeFileSync(join(dir, 'junk'), 'not json\n{}');
        return join(dir, 'junk');
      },
      'snapshot file is unreadable',
    ],
    [
      'a cut-off file',
      () => {
        const file = readFileSync(path);
        writeFileSync(join(dir, 'cut'), file.subarray(0, file.length >> 1));
        return join(dir, 'cut');
      },
      'snapshot does not match its checksum',
    ],
  ])('compiles instead when the snapshot has %s', (_name, make, reason) => {
    const loaded = loadEngine(GLOSSARY_DIR, make());
    expect(loaded.from).toBe('compiled');
    expect(loaded.reason).toBe(reason);
    const text = 'Mild broad-based disc bulge at L4-5. No canal stenosis.';
    expect(explain(loaded.engine, { text })).toEqual(explain(engine(), { text }));
  });

  it('compiles a glossary edited since the snapshot was written', () => {
    const copy = join(dir, 'glossary');
    cpSync(GLOSSARY_DIR, copy, { recursive: true });
    const file = join(copy, 'degeneration', 'disc-bulge.json');
    const concept = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...concept, forms: [...concept.forms, 'grumbling disc'] }, null, 2));
    const loaded = loadEngine(copy, path);
    expect(loaded).toMatchObject({ from: 'compiled', reason: 'snapshot of another glossary version' });
    expect(explain(loaded.engine, { text: 'A grumbling disc at L4-5.' }).annotations.map((a) => a.conceptId)).toContain('disc-bulge');
  });

  it('compiles when asked for no snapshot', () => {
    expect(loadEngine(GLOSSARY_DIR, null)).toMatchObject({ from: 'compiled', reason: 'no snapshot asked for' });
  });
});
