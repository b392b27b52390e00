// npm run openapi: writes openapi/openapi.json from the app's own route schemas.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGlossary } from '../glossary/loader.js';
import { compileEngine } from '../pipeline/compile.js';
import { openapiDocument } from './openapi-document.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const engine = compileEngine(loadGlossary(`${root}/glossary`));
const out = `${root}/openapi/openapi.json`;
writeFileSync(out, await openapiDocument(engine));
console.log(`wrote ${out}`);
