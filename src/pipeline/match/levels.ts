// The spine-level grammar: "L4-5", "L4-L5", "L4/5", "L4–5", "L5-S1", "C7-T1", "T12-L1", "D12-L1",
// single vertebrae ("S1", "C5"), vertebra ranges ("L3-L5", "L3 through L5") and disc ranges
// ("L3-4 through L5-S1"). Levels are normalised to "L4-L5", "L5-S1", "C7-T1", "L4".
// The notation is grammar (code); the words around it (range words, vertebra context words,
// explanation templates) are data from glossary/_context/levels.json.
import type { LevelWordData } from '../../glossary/schema.js';
import { isDigit, type Token } from '../text/tokenize.js';

export type Region = 'C' | 'T' | 'L' | 'S';

export interface Vertebra {
  region: Region;
  n: number;
  /** Written with the old "D" (dorsal) letter, as in D12. */
  dorsal?: boolean;
}

/** The words around level notation and its explanation templates (glossary/_context/levels.json). */
export type LevelData = LevelWordData;

export type LevelKind = 'disc' | 'vertebra' | 'root' | 'range';

export interface LevelHit {
  /** First token of the level notation. */
  from: number;
  /** One past its last token. */
  to: number;
  kind: LevelKind;
  conceptId: string;
  /** Normalised label, e.g. "L4-L5", "L3-L5". */
  label: string;
  /** Normalised levels covered, cranial to caudal. */
  levels: string[];
}

const LIMIT: Record<Region, number> = { C: 8, T: 13, L: 6, S: 5 };
const MAIN: Record<Region, number> = { C: 7, T: 12, L: 5, S: 5 };
const REGION_ORDER: Region[] = ['C', 'T', 'L', 'S'];
const NUMBER = /^\d{1,2}$/;
/** C, T, L, S and D in either case, as a bit mask over the lower-case letters (checked at every token). */
const LEVEL_LETTERS = [...'ctlsd'].reduce((mask, c) => mask | (1 << (c.charCodeAt(0) - 97)), 0);
const isLevelLetter = (code: number): boolean => {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122 && (LEVEL_LETTERS & (1 << (lower - 97))) !== 0;
};

export const vertebraName = (v: Vertebra): string => `${v.region}${v.n}`;

/** "L4", "C7", "S1", "D12" (and "l4" with allowLower): a letter then one or two digits, no leading 0. */
function parseVertebra(token: Pick<Token, 'kind' | 'raw'> | undefined, allowLower: boolean): Vertebra | undefined {
  if (token === undefined || token.kind !== 'word') return undefined;
  // Read by character codes: this runs at every token that starts with a level letter.
  const raw = token.raw;
  if (raw.length < 2 || raw.length > 3) return undefined;
  const d1 = raw.charCodeAt(1);
  const d2 = raw.length === 3 ? raw.charCodeAt(2) : 48;
  if (!isDigit(d1) || !isDigit(d2) || d1 === 48) return undefined;
  const code = raw.charCodeAt(0);
  const lower = code >= 97;
  if (lower && !allowLower) return undefined;
  const upper = String.fromCharCode(lower ? code - 32 : code);
  if (upper !== 'C' && upper !== 'T' && upper !== 'L' && upper !== 'S' && upper !== 'D') return undefined;
  const region: Region = upper === 'D' ? 'T' : upper;
  const n = raw.length === 3 ? (d1 - 48) * 10 + (d2 - 48) : d1 - 48;
  if (n < 1 || n > LIMIT[region]) return undefined;
  return upper === 'D' ? { region, n, dorsal: true } : { region, n };
}

/** Position of a vertebra on the cranio-caudal axis (transitional T13 and L6 sit between regions). */
export function rank(v: Vertebra): number {
  const base = { C: 0, T: 100, L: 200, S: 300 }[v.region];
  return base + v.n;
}

function isTransitional(v: Vertebra): boolean {
  return (v.region === 'T' && v.n === 13) || (v.region === 'L' && v.n === 6) || (v.region === 'C' && v.n === 8);
}

/** Whether b is the vertebra directly below a (C7 -> T1, T12 -> L1 or T13, L5 -> S1 or L6). */
function adjacent(a: Vertebra, b: Vertebra): boolean {
  if (a.region === b.region) return b.n === a.n + 1;
  const ri = REGION_ORDER.indexOf(a.region);
  return REGION_ORDER[ri + 1] === b.region && b.n === 1 && a.n >= MAIN[a.region];
}

function next(v: Vertebra): Vertebra | undefined {
  if (v.n < MAIN[v.region]) return { region: v.region, n: v.n + 1 };
  const r = REGION_ORDER[REGION_ORDER.indexOf(v.region) + 1];
  return r === undefined ? undefined : { region: r, n: 1 };
}

const discLabel = (a: Vertebra, b: Vertebra): string => `${vertebraName(a)}-${vertebraName(b)}`;

function discConcept(a: Vertebra, b: Vertebra): string {
  if (isTransitional(a) || isTransitional(b) || (a.region === 'S' && b.region === 'S')) return 'level-transitional';
  if (a.region !== b.region) return 'level-junctional-disc';
  return { C: 'level-cervical-disc', T: 'level-thoracic-disc', L: 'level-lumbar-disc', S: 'level-transitional' }[a.region];
}

/** Vertebrae from a to b inclusive along the main sequence (transitional ends are kept as given). */
function vertebraRange(a: Vertebra, b: Vertebra): Vertebra[] {
  const out: Vertebra[] = [a];
  let v: Vertebra | undefined = a;
  while (out.length < 40) {
    v = next(v);
    if (v === undefined || rank(v) > rank(b)) break;
    out.push(v);
  }
  if (vertebraName(out[out.length - 1]!) !== vertebraName(b)) out.push(b);
  return out;
}

interface Disc {
  a: Vertebra;
  b: Vertebra;
  to: number;
}

const separates = (t: Token | undefined): boolean => t !== undefined && t.newlinesBefore === 0;

// Characters that OCR and dictation put for digits inside level notation: "C7-TI", "L5/Sl", "C4-CS".
const OCR_DIGITS: Record<string, string> = { I: '1', l: '1', '|': '1', '!': '1', O: '0', o: '0', S: '5', s: '5' };
const OCR_VERTEBRA = /^([CTLSD])([0-9IlOoSs]{1,2})$/;

/** A vertebra written with OCR look-alike digits ("TI", "Sl", "CS"); used only inside a disc level. */
function parseOcrVertebra(token: Token | undefined): Vertebra | undefined {
  if (token === undefined || token.kind !== 'word') return undefined;
  const m = OCR_VERTEBRA.exec(token.raw);
  if (m === null) return undefined;
  const digits = [...m[2]!].map((c) => OCR_DIGITS[c] ?? c).join('');
  return parseVertebra({ kind: 'word', raw: `${m[1]}${digits}` }, false);
}

/** The second half of a disc level at token j: "5", "L5", "S1", or OCR forms "TI", "T!", "S 1". */
function secondPart(tokens: readonly Token[], j: number, a: Vertebra): { b: Vertebra; to: number } | undefined {
  const t = tokens[j];
  if (t === undefined || t.kind !== 'word' || t.newlinesBefore > 0) return undefined;
  if (NUMBER.test(t.raw)) {
    const n = Number(t.raw);
    return n >= 1 && n <= LIMIT[a.region] ? { b: { region: a.region, n }, to: j + 1 } : undefined;
  }
  const v = parseVertebra(t, true) ?? parseOcrVertebra(t);
  if (v !== undefined) return { b: v, to: j + 1 };
  // A region letter with its digit split off: "T!" (OCR) or "S 1" (dictation).
  if (/^[CTLS]$/.test(t.raw)) {
    const d = tokens[j + 1];
    if (d !== undefined && d.newlinesBefore === 0) {
      const digit = d.kind === 'punct' && !d.spaceBefore ? OCR_DIGITS[d.raw] : NUMBER.test(d.raw) ? d.raw : undefined;
      if (digit !== undefined) {
        const w = parseVertebra({ kind: 'word', raw: `${t.raw}${digit}` }, false);
        if (w !== undefined) return { b: w, to: j + 2 };
      }
    }
  }
  return undefined;
}

/** A disc level "L4-5", "L4-L5", "L4/5", "L5-S1" (and OCR forms like "C7-TI") starting at token i. */
function discAt(tokens: readonly Token[], i: number): Disc | undefined {
  const sep = tokens[i + 1];
  if (sep === undefined || sep.kind !== 'punct' || (sep.key !== '-' && sep.key !== '/') || !separates(sep)) return undefined;
  const strict = parseVertebra(tokens[i], true);
  const a = strict ?? parseOcrVertebra(tokens[i]);
  if (a === undefined) return undefined;
  const second = secondPart(tokens, i + 2, a);
  if (second === undefined || rank(second.b) <= rank(a)) return undefined;
  // An OCR first half counts only before an adjacent second half ("TI-T2"), never on its own.
  if (strict === undefined && !adjacent(a, second.b)) return undefined;
  return { a, b: second.b, to: second.to };
}

/** "T1" or "T2" (any case), the weightings that look like the first two thoracic vertebrae. */
const isWeighting = (t: Token | undefined): boolean => t !== undefined && (t.key === 't1' || t.key === 't2');

/** Marks between the items of a list of vertebrae. */
const LIST_MARKS: ReadonlySet<string> = new Set([',', 'and', 'or', '&', '/']);

/** The second vertebra of "L5 S1" (two adjacent vertebrae, a space between) starting at token i. */
function spacedPair(tokens: readonly Token[], i: number): Vertebra | undefined {
  const t = tokens[i + 1];
  if (t === undefined || !t.spaceBefore || t.newlinesBefore > 0) return undefined;
  const v = parseVertebra(tokens[i], false);
  const w = parseVertebra(t, false);
  if (v === undefined || w === undefined || !adjacent(v, w) || (v.region === 'T' && v.n <= 2) || (v.region === 'S' && w.region === 'S')) return undefined;
  return w;
}

export class LevelGrammar {
  private readonly rangeWords: ReadonlySet<string>;
  private readonly vertebraContext: ReadonlySet<string>;
  private readonly rootWords: ReadonlySet<string>;
  private readonly suffixWords: ReadonlySet<string>;
  private readonly slipWords: ReadonlySet<string>;
  private readonly planeWords: ReadonlySet<string>;
  private readonly vertebraBefore: ReadonlySet<string>;
  private readonly weightingWords: ReadonlySet<string>;

  constructor(private readonly data: LevelData) {
    this.planeWords = new Set(data.planeWords);
    this.vertebraBefore = new Set(data.vertebraBefore);
    this.weightingWords = new Set(data.weightingWords);
    this.rangeWords = new Set(data.rangeWords);
    this.vertebraContext = new Set(data.vertebraContext);
    this.rootWords = new Set(data.rootWords);
    this.suffixWords = new Set(data.suffixWords);
    this.slipWords = new Set(data.slipWords);
  }

  /** The level notation starting at token i, if any, with a following "level" word included. */
  at(tokens: readonly Token[], i: number): LevelHit | undefined {
    const hit = this.notationAt(tokens, i);
    if (hit !== undefined && hit.kind !== 'root') {
      const next = tokens[hit.to];
      if (next !== undefined && next.kind === 'word' && next.newlinesBefore === 0 && this.suffixWords.has(next.key)) hit.to++;
    }
    return hit;
  }

  private notationAt(tokens: readonly Token[], i: number): LevelHit | undefined {
    // Every level starts with a short word beginning C, T, L, S or D: most tokens leave here.
    const t = tokens[i]!;
    if (t.kind !== 'word' || t.raw.length > 3 || !isLevelLetter(t.raw.charCodeAt(0))) return undefined;
    // ... and a digit next ("L4"), unless "-" or "/" follows (OCR first halves: "TI-T2").
    const second = t.raw.charCodeAt(1);
    const sep = tokens[i + 1]?.key;
    if (!(second >= 48 && second <= 57) && sep !== '-' && sep !== '/') return undefined;
    if (this.weightingAt(tokens, i)) return undefined;
    const disc = discAt(tokens, i);
    if (disc !== undefined) {
      if (adjacent(disc.a, disc.b)) {
        const range = this.rangeAfter(tokens, disc.to, (j) => discAt(tokens, j));
        if (range !== undefined && rank(range.b) > rank(disc.b)) {
          const levels = this.discsBetween(disc.a, range.b);
          return { from: i, to: range.to, kind: 'range', conceptId: 'level-range', label: `${levels[0]} to ${levels[levels.length - 1]}`, levels };
        }
        const label = discLabel(disc.a, disc.b);
        return { from: i, to: disc.to, kind: 'disc', conceptId: discConcept(disc.a, disc.b), label, levels: [label] };
      }
      // "L3-L5", "C3-C7": a range of vertebrae written with a hyphen.
      const levels = vertebraRange(disc.a, disc.b).map(vertebraName);
      return { from: i, to: disc.to, kind: 'range', conceptId: 'level-range', label: `${levels[0]}-${levels[levels.length - 1]}`, levels };
    }
    const v = parseVertebra(tokens[i], false);
    if (v === undefined) return undefined;
    const vertebraAt = (j: number): Disc | undefined => {
      const b = parseVertebra(tokens[j], false);
      return b === undefined ? undefined : { a: b, b, to: j + 1 };
    };
    // "between C3 and C7" is a range too.
    const between = tokens[i - 1]?.key === 'between' && tokens[i + 1]?.key === 'and' && tokens[i + 2]?.newlinesBefore === 0 ? vertebraAt(i + 2) : undefined;
    const range = between ?? this.rangeAfter(tokens, i + 1, vertebraAt);
    if (range !== undefined && rank(range.b) > rank(v)) {
      const levels = vertebraRange(v, range.b).map(vertebraName);
      return { from: i, to: range.to, kind: 'range', conceptId: 'level-range', label: `${levels[0]} to ${levels[levels.length - 1]}`, levels };
    }
    const spaced = this.spacedDisc(tokens, i, v);
    if (spaced !== undefined) return spaced;
    const following = this.nextWord(tokens, i + 1);
    const name = vertebraName(v);
    // "anterolisthesis of L4 on L5": the slip is at the disc level between them.
    if (following !== undefined && this.slipWords.has(following)) {
      const below = parseVertebra(tokens[i + 2], false);
      if (below !== undefined && tokens[i + 2]!.newlinesBefore === 0 && adjacent(v, below)) {
        const label = discLabel(v, below);
        return { from: i, to: i + 3, kind: 'disc', conceptId: discConcept(v, below), label, levels: [label] };
      }
    }
    if (following !== undefined && this.rootWords.has(following)) {
      return { from: i, to: i + 1, kind: 'root', conceptId: 'level-root-notation', label: name, levels: [name] };
    }
    // Standalone T1 and T2 are MRI weightings unless a vertebra word follows ("T1 vertebral body") or
    // one of `vertebraBefore` comes before with no weighting word after ("Compression fracture of T2").
    if (v.region === 'T' && v.n <= 2 && v.dorsal !== true && (following === undefined || !this.vertebraContext.has(following))) {
      const before = tokens[i - 1];
      // (Not in a list of weightings: "focus of T1 and T2 hyperintensity".)
      const listed = (following === 'and' || following === 'or') && isWeighting(tokens[i + 2]);
      const named = before !== undefined && tokens[i]!.newlinesBefore === 0 && this.vertebraBefore.has(before.key) && !listed && (following === undefined || !this.weightingWords.has(following));
      if (!named) return undefined;
    }
    // C8 is a nerve root only: there is no eighth neck bone.
    if (v.region === 'C' && v.n === 8) return { from: i, to: i + 1, kind: 'root', conceptId: 'level-root-notation', label: name, levels: [name] };
    const conceptId = isTransitional(v) ? 'level-transitional' : 'level-vertebra';
    return { from: i, to: i + 1, kind: 'vertebra', conceptId, label: name, levels: [name] };
  }

  /**
   * Whether T1 or T2 at token i is an MRI weighting in a list of sequences: after a plane word ("Sag
   * T1/T2/STIR", "axial T2 through L1-S1"), or as "T1/T2" before a weighting word or another "/"
   * ("T1/T2 hyperintense", "T1/T2/STIR"). A disc written with a hyphen stays a level ("signal T2-T3").
   */
  private weightingAt(tokens: readonly Token[], i: number): boolean {
    if (!isWeighting(tokens[i]) || tokens[i + 1]?.key === '-') return false;
    const before = tokens[i - 1];
    if (before !== undefined && tokens[i]!.newlinesBefore === 0 && this.planeWords.has(before.key)) return true;
    const after = tokens[i + 3];
    return tokens[i + 1]?.key === '/' && isWeighting(tokens[i + 2]) && after !== undefined && after.newlinesBefore === 0 && (after.key === '/' || this.weightingWords.has(after.key));
  }

  /**
   * A disc level dictated with a space, "L5 S1", "C5 C6": two adjacent vertebrae on one line, where a
   * disc level is written (opening its line or sentence, after "at"). Not in
   * a list of single vertebrae ("T11 T12 and L1", "L1, L2 L3", "L1 L2 L3"; but "L4 L5 and L5 S1"), nor nerve
   * roots ("L5 S1 nerve roots"), nor weightings ("T1 T2") or fused sacral segments.
   */
  private spacedDisc(tokens: readonly Token[], i: number, v: Vertebra): LevelHit | undefined {
    const w = spacedPair(tokens, i);
    if (w === undefined) return undefined;
    const listed = (t: Token | undefined): boolean => t !== undefined && t.newlinesBefore === 0 && LIST_MARKS.has(t.key);
    const before = tokens[i - 1];
    const after = tokens[i + 2];
    // Only where a disc level is written: opening its line or sentence, after "at", or after another
    // pair in a list ("L4 L5 and L5 S1"); not "Wedge compression fractures T11 T12".
    const opens = before === undefined || (i > 0 && tokens[i]!.newlinesBefore > 0) || before.key === '.' || before.key === ':' || before.key === 'at' || (before.key === 'the' && tokens[i - 2]?.key === 'at');
    if (!opens && !(listed(before) && i >= 3 && spacedPair(tokens, i - 3) !== undefined)) return undefined;
    if (listed(after) && spacedPair(tokens, i + 3) === undefined) return undefined;
    // (Nor before a word of a vertebra: "T10 T11 vertebral bodies", "T12 L1 transverse processes".)
    if (after !== undefined && after.newlinesBefore === 0 && this.vertebraContext.has(after.key) && after.key !== 'level' && after.key !== 'levels' && after.key !== 'segment') return undefined;
    // (Nor three vertebrae in a row: "L1 L2 L3".)
    if (parseVertebra(before, false) !== undefined || (after !== undefined && after.newlinesBefore === 0 && parseVertebra(after, false) !== undefined)) return undefined;
    if (after !== undefined && after.newlinesBefore === 0 && (this.rootWords.has(after.key) || this.rangeWords.has(after.key))) return undefined;
    const label = discLabel(v, w);
    return { from: i, to: i + 2, kind: 'disc', conceptId: discConcept(v, w), label, levels: [label] };
  }

  private nextWord(tokens: readonly Token[], j: number): string | undefined {
    const t = tokens[j];
    return t !== undefined && t.kind === 'word' && t.newlinesBefore === 0 ? t.key : undefined;
  }

  /** "through L5-S1", "to L5", "- L5": the far end of a range starting at token j. */
  private rangeAfter(tokens: readonly Token[], j: number, end: (k: number) => Disc | undefined): Disc | undefined {
    const word = tokens[j];
    if (word === undefined || word.newlinesBefore > 0) return undefined;
    if (!this.rangeWords.has(word.key)) return undefined;
    const far = tokens[j + 1];
    if (far === undefined || far.newlinesBefore > 0) return undefined;
    return end(j + 1);
  }

  private discsBetween(a: Vertebra, last: Vertebra): string[] {
    const vs = vertebraRange(a, last);
    const out: string[] = [];
    for (let k = 0; k + 1 < vs.length; k++) out.push(discLabel(vs[k]!, vs[k + 1]!));
    return out;
  }

  // Level labels come from a small closed set (the grammar only produces real levels), so their
  // sentences are memoised for the life of the engine.
  private readonly described = new Map<string, string>();

  /** A plain-language sentence for one level hit, from the data's templates. */
  describe(hit: LevelHit): string {
    const key = `${hit.kind}\0${hit.label}`;
    let sentence = this.described.get(key);
    if (sentence === undefined) this.described.set(key, (sentence = this.fillTemplate(hit)));
    return sentence;
  }

  private fillTemplate(hit: LevelHit): string {
    const name = (label: string): string => {
      const m = /^([CTLS])(\d+)$/.exec(label);
      if (m === null) return label;
      const region = this.data.regions[m[1] as Region];
      const ordinal = this.data.ordinals[Number(m[2]) - 1] ?? m[2]!;
      return `the ${ordinal} bone of the ${region.name} (${label})`;
    };
    const fill = (template: string, vars: Record<string, string>): string =>
      Object.entries(vars).reduce((out, [k, v]) => out.replaceAll(`{${k}}`, v), template);
    if (hit.kind === 'disc') {
      const [a, b] = hit.label.split('-') as [string, string];
      return fill(this.data.templates.disc, { label: hit.label, a: name(a), b: name(b) });
    }
    if (hit.kind === 'range') {
      return fill(this.data.templates.range, { label: hit.label, first: hit.levels[0] ?? '', last: hit.levels[hit.levels.length - 1] ?? '' });
    }
    const template = hit.kind === 'root' ? this.data.templates.root : this.data.templates.vertebra;
    return fill(template, { label: hit.label, a: name(hit.label) });
  }
}

/** Orders normalised levels cranial to caudal ("C7-T1" before "T1", "L4-L5" before "L5"). */
export function levelRank(label: string): number {
  const m = /^([CTLS])(\d+)(?:-([CTLS])(\d+))?$/.exec(label);
  if (m === null) return 10_000;
  const a = rank({ region: m[1] as Region, n: Number(m[2]) });
  return m[3] === undefined ? a * 2 : a * 2 + 1;
}
