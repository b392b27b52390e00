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
 * The regular plural of a lower-case singular word: "bulge" -> ["bulges"], "body" -> ["bodies"].
 * Only plurals are generated: singularising plural forms made ordinary words out of jargon ("mets" ->
 * "met", "secondaries" -> "secondary"), so singulars are listed in the data. Latin and Greek plurals
 * (foramina, stenoses) are listed too, because natural's inflector gets them wrong.
 */
export function numberVariants(word: string): string[] {
  // ("mass" -> "masses", "abscess" -> "abscesses": the one ending in "s" that is safe to pluralise.)
  if (word.length >= 4 && LETTERS.test(word) && word.endsWith('ss')) return [`${word}es`];
  if (word.length < 3 || !LETTERS.test(word) || word.endsWith('s')) return [];
  const plural = inflector.pluralize(word);
  return plural !== word ? [plural] : [];
}
