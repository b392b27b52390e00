// The eval's scoring rules, as the corpus README states them: a gold span is covered when ONE
// annotation overlaps at least half of its characters; assertions are scored on covered findings.
import { describe, expect, it } from 'vitest';
import { scoreReport, summarize } from '../../src/eval/score.js';

const gold = (start: number, end: number, kind = 'finding', assertion = 'present') => ({ start, end, text: 'x'.repeat(end - start), kind, assertion });

describe('scoreReport', () => {
  it.each([
    ['exact match', [0, 10], [{ start: 0, end: 10, assertion: 'present' }], true],
    ['half of the span', [0, 10], [{ start: 5, end: 20, assertion: 'present' }], true],
    ['less than half', [0, 10], [{ start: 6, end: 20, assertion: 'present' }], false],
    ['two annotations of a third each do not add up', [0, 9], [{ start: 0, end: 3, assertion: 'present' }, { start: 6, end: 9, assertion: 'present' }], false],
    ['no annotation', [0, 10], [], false],
  ] as const)('%s', (_name, [s, e], annotations, covered) => {
    expect(scoreReport([gold(s, e)], annotations)[0]!.covered).toBe(covered);
  });
});

describe('summarize', () => {
  it('counts recall per kind, assertion accuracy on covered findings, and negated findings shown present', () => {
    const results = scoreReport(
      [gold(0, 4, 'finding', 'absent'), gold(10, 14, 'finding', 'present'), gold(20, 24, 'anatomy', 'n/a'), gold(30, 34, 'finding', 'absent')],
      [
        { start: 0, end: 4, assertion: 'present' },
        { start: 10, end: 14, assertion: 'present' },
        { start: 20, end: 24, assertion: 'present' },
      ],
    );
    const s = summarize(results);
    expect(s.byKind).toEqual({ finding: { total: 3, covered: 2 }, anatomy: { total: 1, covered: 1 } });
    expect(s.findings).toEqual({ covered: 2, assertionCorrect: 1, negatedShownPresent: 1 });
  });
});
