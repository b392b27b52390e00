// Every surface form of every finding, in standard negated, hedged and plain sentences, gets the
// assertion the sentence states: no form of the glossary can turn "no X" into "X is there".
import { describe, expect, it } from 'vitest';
import { isFinding } from '../../src/pipeline/compile.js';
import { engine, run } from '../helpers.js';

const TEMPLATES: [string, 'present' | 'absent' | 'possible'][] = [
  ['No {}.', 'absent'],
  ['There is no {} at L4-5.', 'absent'],
  ['Without {}.', 'absent'],
  ['{} is not seen.', 'absent'],
  ['Negative for {}.', 'absent'],
  ['Possible {}.', 'possible'],
  ['{} cannot be excluded.', 'possible'],
  ['There is {}.', 'present'],
  ['Mild {} at L4-5.', 'present'],
];

describe('assertion sweep over every finding form', () => {
  it.each(TEMPLATES)('"%s" -> %s', (template, expected) => {
    const wrong: string[] = [];
    let checked = 0;
    for (const concept of engine().concepts.values()) {
      if (!isFinding(concept)) continue;
      for (const form of concept.forms) {
        const text = template.replace('{}', form);
        const own = run(text).annotations.filter((a) => a.conceptId === concept.id);
        if (own.length === 0) continue; // a longer form of another concept took the words
        checked++;
        if (own.some((a) => a.assertion !== expected)) wrong.push(`${concept.id}: ${text}`);
      }
    }
    expect(checked).toBeGreaterThan(2000);
    expect(wrong).toEqual([]);
  });
});
