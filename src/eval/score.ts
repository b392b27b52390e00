// Scores annotations against gold spans, as the corpus README defines it: a gold span is covered
// when one annotation overlaps at least half of its characters; assertion accuracy is measured on
// covered findings; a negated finding marked present is counted on its own (the worst error).

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
  kind: string;
  assertion: string;
}

export interface Scored {
  start: number;
  end: number;
  assertion: string;
}

export interface SpanResult {
  gold: GoldSpan;
  covered: boolean;
  /** The annotation overlapping the gold span most, if it covers it. */
  match?: Scored;
}

export function scoreReport(gold: readonly GoldSpan[], annotations: readonly Scored[]): SpanResult[] {
  return gold.map((g) => {
    let best: Scored | undefined;
    let bestOverlap = 0;
    for (const a of annotations) {
      const overlap = Math.min(a.end, g.end) - Math.max(a.start, g.start);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = a;
      }
    }
    const covered = best !== undefined && bestOverlap * 2 >= g.end - g.start;
    return covered ? { gold: g, covered, match: best! } : { gold: g, covered };
  });
}

export interface Summary {
  spans: number;
  covered: number;
  byKind: Record<string, { total: number; covered: number }>;
  findings: { covered: number; assertionCorrect: number; negatedShownPresent: number };
}

export function summarize(results: readonly SpanResult[]): Summary {
  const byKind: Summary['byKind'] = {};
  const findings = { covered: 0, assertionCorrect: 0, negatedShownPresent: 0 };
  let covered = 0;
  for (const r of results) {
    const k = (byKind[r.gold.kind] ??= { total: 0, covered: 0 });
    k.total++;
    if (!r.covered) continue;
    k.covered++;
    covered++;
    if (r.gold.kind === 'finding') {
      findings.covered++;
      if (r.match!.assertion === r.gold.assertion) findings.assertionCorrect++;
      if (r.gold.assertion === 'absent' && r.match!.assertion === 'present') findings.negatedShownPresent++;
    }
  }
  return { spans: results.length, covered, byKind, findings };
}

export const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
