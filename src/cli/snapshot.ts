// Run by `npm run build` after tsc: compiles the glossary once and writes the engine snapshot the
// server restores at start-up (src/engine-file.ts). Usage: node dist/cli/snapshot.js [glossary dir] [out file].
import { fileURLToPath } from 'node:url';
import { DEFAULT_SNAPSHOT_PATH, writeSnapshot } from '../engine-file.js';
import { GlossaryLoadError } from '../glossary/loader.js';

const glossary = process.argv[2] ?? fileURLToPath(new URL('../../glossary', import.meta.url));
const out = process.argv[3] ?? DEFAULT_SNAPSHOT_PATH;

try {
  const { bytes, glossaryVersion } = writeSnapshot(glossary, out);
  console.log(`snapshot: glossary ${glossaryVersion}, ${Math.round(bytes / 1024)} KB -> ${out}`);
} catch (err) {
  if (!(err instanceof GlossaryLoadError)) throw err;
  console.error(`snapshot: not written: ${err.message}`);
  process.exitCode = 1;
}
