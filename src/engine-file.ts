// Loads the engine for the server and the bench: the glossary is always read and validated, and its
// compiled concepts come from the snapshot `npm run build` writes (dist/engine.snapshot) when the
// snapshot is of this glossary and of this code, else from compiling them now. The file is one header
// line (format, fingerprints, a SHA-256 of the rest, where each array lies), the strings as JSON, then
// the typed arrays as their bytes; a snapshot that is missing, stale, torn or from other code is never
// used, only reported. (The linter, eval and openapi CLIs compile: they run once, and lint must.)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlossary } from './glossary/loader.js';
import type { GlossaryData } from './glossary/schema.js';
import { compileEngine, type Engine } from './pipeline/compile.js';
import { restoreEngine, snapshotOf, type EngineSnapshot } from './pipeline/snapshot.js';

/** Bumped when the file's layout changes. */
const FORMAT = 1;

export const DEFAULT_SNAPSHOT_PATH = fileURLToPath(new URL('./engine.snapshot', import.meta.url));

interface Header {
  format: number;
  /** What compiled it: see compilerFingerprint. */
  compiler: string;
  glossaryVersion: string;
  /** Typed arrays are saved as their bytes, in this byte order. */
  endianness: string;
  /** SHA-256 of everything after the header line, in hex. */
  sha256: string;
  /** Bytes of the JSON section (the strings), which starts after the header line. */
  json: number;
  /** Each typed array: where it starts in the binary section (after the JSON), in bytes, and its length. */
  arrays: Record<string, [offset: number, length: number]>;
}

let fingerprint: string | undefined;

/**
 * A hash of what a snapshot's contents depend on besides the glossary files: every module of the
 * pipeline and of the glossary loader (its schema's defaults shape the data; this build's .js, or .ts
 * under tsx), natural's inflectors, which make the plurals, and the Node, ICU and Unicode versions,
 * which lower-case and normalise the keys. Any change to them makes old snapshots stale.
 */
export function compilerFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const { node, icu, unicode } = process.versions;
  const hash = createHash('sha256').update(`format ${FORMAT}\0node ${node}\0icu ${icu}\0unicode ${unicode}\0`);
  const dirs = [
    fileURLToPath(new URL('./pipeline', import.meta.url)),
    fileURLToPath(new URL('./glossary', import.meta.url)),
    dirname(createRequire(import.meta.url).resolve('natural/lib/natural/inflectors/noun_inflector.js')),
  ];
  for (const [k, dir] of dirs.entries()) {
    hash.update(`dir ${k}\0`);
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!/\.(js|ts)$/.test(file)) continue;
      hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
    }
  }
  return (fingerprint = hash.digest('hex').slice(0, 16));
}

/** Compiles the glossary at `glossaryDir` and writes its snapshot to `path` (written aside, then renamed into place). */
export function writeSnapshot(glossaryDir: string, path = DEFAULT_SNAPSHOT_PATH): { bytes: number; glossaryVersion: string } {
  const data = loadGlossary(glossaryDir);
  const { keys, trie, raws, fuzzy, corrections, conflicts } = snapshotOf(compileEngine(data), data);
  const { table, lists, heads, tails, bloom, vocabulary, targets, maxLength } = fuzzy;
  const typed: Record<string, Int32Array> = { ...trie, corrections, table, lists, heads, tails, bloom };
  const strings = Buffer.from(JSON.stringify({ keys, raws, vocabulary, targets, maxLength, conflicts }));
  const arrays: Header['arrays'] = {};
  const parts: Buffer[] = [strings];
  let offset = 0;
  for (const [name, a] of Object.entries(typed)) {
    arrays[name] = [offset, a.length];
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    offset += a.byteLength;
  }
  const rest = Buffer.concat(parts);
  const header: Header = {
    format: FORMAT,
    compiler: compilerFingerprint(),
    glossaryVersion: data.version,
    endianness: endianness(),
    sha256: createHash('sha256').update(rest).digest('hex'),
    json: strings.byteLength,
    arrays,
  };
  const file = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), rest]);
  const aside = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(aside, file);
    renameSync(aside, path);
  } finally {
    rmSync(aside, { force: true });
  }
  return { bytes: file.byteLength, glossaryVersion: data.version };
}

/** The snapshot at `path` if it is usable for `data` with this code; else why not. */
function readSnapshot(path: string, data: GlossaryData): EngineSnapshot | string {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return 'no snapshot file';
  }
  const compiler = compilerFingerprint();
  try {
    const cut = file.indexOf(0x0a) + 1;
    const header = JSON.parse(file.toString('utf8', 0, cut)) as Header;
    if (header.format !== FORMAT) return 'snapshot of another format';
    if (header.endianness !== endianness()) return 'snapshot of another byte order';
    if (header.compiler !== compiler) return 'snapshot compiled by other code';
    if (header.glossaryVersion !== data.version) return 'snapshot of another glossary version';
    const rest = file.subarray(cut);
    if (createHash('sha256').update(rest).digest('hex') !== header.sha256) return 'snapshot does not match its checksum';
    // (What writeSnapshot wrote, byte for byte, as the checksum says; restoreEngine checks that it fits.)
    const s = JSON.parse(rest.toString('utf8', 0, header.json)) as Pick<EngineSnapshot, 'keys' | 'raws' | 'conflicts'> & Pick<EngineSnapshot['fuzzy'], 'vocabulary' | 'targets' | 'maxLength'>;
    // (Copied out, a millisecond: the file's bytes need not be aligned for an Int32Array.)
    const int32s = (name: string): Int32Array => {
      const [offset, length] = header.arrays[name]!;
      const out = new Int32Array(length);
      const from = header.json + offset;
      new Uint8Array(out.buffer).set(rest.subarray(from, from + 4 * length));
      return out;
    };
    return {
      glossaryVersion: header.glossaryVersion,
      keys: s.keys,
      trie: { nodes: int32s('nodes'), edges: int32s('edges'), firsts: int32s('firsts'), values: int32s('values') },
      raws: s.raws,
      fuzzy: { vocabulary: s.vocabulary, targets: s.targets, maxLength: s.maxLength, table: int32s('table'), lists: int32s('lists'), heads: int32s('heads'), tails: int32s('tails'), bloom: int32s('bloom') },
      corrections: int32s('corrections'),
      conflicts: s.conflicts,
    };
  } catch {
    return 'snapshot file is unreadable';
  }
}

export interface LoadedEngine {
  engine: Engine;
  /** Where the compiled concepts came from. */
  from: 'snapshot' | 'compiled';
  /** Why the snapshot was not used (when compiled). */
  reason?: string;
}

/**
 * Loads and validates the glossary (throws GlossaryLoadError on a bad one), then restores its
 * compiled concepts from the snapshot at `snapshotPath` (null: none), or compiles them when it cannot be used.
 */
export function loadEngine(glossaryDir: string, snapshotPath: string | null = DEFAULT_SNAPSHOT_PATH): LoadedEngine {
  const data = loadGlossary(glossaryDir);
  const snapshot = snapshotPath === null ? 'no snapshot asked for' : readSnapshot(snapshotPath, data);
  if (typeof snapshot !== 'string') {
    try {
      return { engine: restoreEngine(data, snapshot), from: 'snapshot' };
    } catch (err) {
      return { engine: compileEngine(data), from: 'compiled', reason: `snapshot does not fit: ${(err as Error).message}` };
    }
  }
  return { engine: compileEngine(data), from: 'compiled', reason: snapshot };
}
