// Flesch-Kincaid grade level of a short explanation, used by the glossary linter to keep
// explanations at a grade 6-8 reading level. Syllables come from the maintained `syllable` package.
import { syllable } from 'syllable';

export interface Readability {
  grade: number;
  words: number;
  sentences: number;
  syllables: number;
}

const WORD = /[A-Za-z][A-Za-z']*/g;

/** Flesch-Kincaid grade: 0.39 (words / sentences) + 11.8 (syllables / words) - 15.59. */
export function fleschKincaid(text: string): Readability {
  const sentences = Math.max(1, text.split(/[.!?](?=\s|$)/).filter((s) => /[A-Za-z]/.test(s)).length);
  const words = text.match(WORD) ?? [];
  const syllables = words.reduce((sum, w) => sum + Math.max(1, syllable(w)), 0);
  const n = Math.max(1, words.length);
  const grade = 0.39 * (n / sentences) + 11.8 * (syllables / n) - 15.59;
  return { grade: Math.round(grade * 10) / 10, words: words.length, sentences, syllables };
}
