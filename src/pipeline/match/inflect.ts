// The only module that imports `natural`, by deep path: the package root pulls in database
// clients, costs about a second and prints to stdout. Used once per form at start-up, never per request.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NounInflector = require('natural/lib/natural/inflectors/noun_inflector.js') as new () => {
  pluralize(word: string): string;
  singularize(word: string): string;
};

const inflector = new NounInflector();
const LETTERS = /^[a-z]+$/;

/**
 * Regular number variants of a lower-case word: "bulge" -> ["bulges"], "osteophytes" -> ["osteophyte"].
 * Latin and Greek plurals (foramina, stenoses) are listed in the glossary data, because natural's
 * inflector gets them wrong (it singularises "stenosis" to "stenosi").
 */
export function numberVariants(word: string): string[] {
  if (word.length < 3 || !LETTERS.test(word)) return [];
  if (word.endsWith('s')) {
    if (/(ss|is|us|ous|sis|xis)$/.test(word)) return [];
    const singular = inflector.singularize(word);
    return singular !== word && singular.length >= 3 ? [singular] : [];
  }
  const plural = inflector.pluralize(word);
  return plural !== word ? [plural] : [];
}
