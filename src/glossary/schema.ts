// The contract of a glossary file: one zod schema per kind of data file, from which the
// TypeScript types are inferred. The loader validates every file against these at start-up.
import { z } from 'zod';

export const CATEGORIES = [
  'alignment',
  'anatomy',
  'congenital',
  'degeneration',
  'descriptor',
  'finding',
  'grading',
  'infection',
  'level-notation',
  'postoperative',
  'report-section',
  'technique',
  'trauma',
  'tumor',
] as const;

export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** Categories whose concepts are findings: things a report says are there, not there, or maybe there. */
export const FINDING_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'alignment',
  'congenital',
  'degeneration',
  'finding',
  'infection',
  'postoperative',
  'trauma',
  'tumor',
]);

export const SECTIONS = ['history', 'technique', 'comparison', 'findings', 'impression', 'other'] as const;
export const sectionSchema = z.enum(SECTIONS);
export type Section = z.infer<typeof sectionSchema>;

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const phrase = z
  .string()
  .min(1)
  .refine((s) => s.trim() === s && !/\s{2}/.test(s), 'must have no leading, trailing or doubled spaces');

export const gradeSchema = z
  .object({
    grade: z.string().min(1),
    explanation: z.string().min(10).max(300),
  })
  .strict();

/** The fields of a concept file; the API's concept reply picks from these (src/http/schemas.ts). */
export const conceptFields = z
  .object({
    id: z.string().regex(kebab, 'must be kebab-case (a-z, 0-9, single hyphens)'),
    term: phrase,
    category: categorySchema,
    /** Surface forms matched case-insensitively, whitespace- and hyphen-tolerantly. */
    forms: z.array(phrase).default([]),
    /** Abbreviations matched only exactly as written (case-sensitive), e.g. "AP", "LF". */
    abbreviations: z.array(phrase).default([]),
    explanation: z.string().min(20).max(400),
    /** Phrases that must produce this concept through the real pipeline. */
    examples: z.array(phrase).min(2).max(6),
    /** Near misses that must not produce this concept. */
    nonExamples: z.array(phrase).default([]),
    seeAlso: z.array(z.string().regex(kebab)).default([]),
    questions: z.array(z.string().min(10).max(200)).max(2).default([]),
    grades: z.array(gradeSchema).default([]),
    /** Report section this header starts (report-section concepts only). */
    section: sectionSchema.optional(),
    /** Set false to turn off typo tolerance for this concept's forms. */
    fuzzy: z.boolean().default(true),
    /** Counts as a finding (severity, summary) whatever its category, e.g. "Modic type 1 changes". */
    finding: z.boolean().optional(),
    /** A finding that names a narrowing ("foraminal stenosis"): it can share its head word with an anatomy term before it. */
    narrowing: z.boolean().optional(),
    /**
     * Anatomy only: the finding this word stands for when it shares the narrowing word of the next
     * finding ("spinal canal or foraminal stenosis": the spinal canal is narrowed too, or not).
     */
    narrowedAs: z.string().regex(kebab).optional(),
    /**
     * Not a finding, and its words state their own polarity ("no abnormality", "without contrast",
     * "not well seen"): no cue changes its assertion, which is always present. Cue words inside its
     * forms still govern the terms after them ("no abnormality or stenosis").
     */
    alwaysPresent: z.boolean().optional(),
    /**
     * A finding that, named in the clinical history with no cue, is background the exam builds on
     * rather than the question it asks: a diagnosis already made ("HISTORY: Breast cancer."), an
     * operation ("L4-5 laminectomy"), implanted hardware. It is present there, not the history's
     * default (possible); a cue still decides ("? myeloma", "awaiting ACDF").
     */
    background: z.boolean().optional(),
    /**
     * A lesion other findings follow from (a disc herniation, a mass, an abscess): after "no X with", a
     * graded finding is what it would cause, denied with it ("no disc herniation with severe canal
     * stenosis"); after any other finding, or when it is a lesion itself, it is a finding of its own
     * ("no canal stenosis with moderate foraminal narrowing").
     */
    lesion: z.boolean().optional(),
    /**
     * Outside the spine (a kidney, the liver, the hip): a spine level written near it is not its place
     * ("renal cysts" after "L4-5 and L5-S1"), so it gets none and stays out of the per-level summary.
     */
    extraspinal: z.boolean().optional(),
    /**
     * A finding whose name says what kind it is, never how much: no grade in or near its words is its
     * severity ("diffuse large B-cell lymphoma", "small cell lung cancer", "early postoperative
     * changes" name a type and a time, not a size or a grade).
     */
    ungraded: z.boolean().optional(),
    /** A device put in at surgery (screws, rods, plates, cages): what is said "of" it is about the metal (see `onImplant`). */
    implant: z.boolean().optional(),
    /**
     * The concept this word means when it is said of an implant ("Fracture of the right L5 pedicle
     * screw", "migration of the cage": hardware failure, not a broken bone or a moving disc).
     */
    onImplant: z.string().regex(kebab).optional(),
    /**
     * A fault of implanted hardware itself (loosening, failure): a list that opens on it is about the
     * hardware, so a bare word with `onImplant` later in the list means that concept ("No hardware
     * loosening, fracture or migration": hardware failure, not a broken bone).
     */
    implantFault: z.boolean().optional(),
  })
  .strict();

export const conceptSchema = conceptFields.superRefine((c, ctx) => {
  if (c.forms.length + c.abbreviations.length === 0 && c.category !== 'level-notation') {
    ctx.addIssue({ code: 'custom', path: ['forms'], message: 'needs at least one form or abbreviation' });
  }
  if (c.section !== undefined && c.category !== 'report-section') {
    ctx.addIssue({ code: 'custom', path: ['section'], message: 'only report-section concepts name a section' });
  }
  if (c.background === true && c.finding !== true && !FINDING_CATEGORIES.has(c.category)) {
    ctx.addIssue({ code: 'custom', path: ['background'], message: 'only findings take a section default, so only findings can be background to it' });
  }
  if (c.lesion === true && c.finding !== true && !FINDING_CATEGORIES.has(c.category)) {
    ctx.addIssue({ code: 'custom', path: ['lesion'], message: 'only findings are negated in a list, so only findings can be lesions' });
  }
  if (c.ungraded === true && c.finding !== true && !FINDING_CATEGORIES.has(c.category)) {
    ctx.addIssue({ code: 'custom', path: ['ungraded'], message: 'only findings take a severity, so only findings can be ungraded' });
  }
  if (c.alwaysPresent === true && (c.finding === true || FINDING_CATEGORIES.has(c.category))) {
    ctx.addIssue({ code: 'custom', path: ['alwaysPresent'], message: "a finding's assertion is what the report says of it: remove alwaysPresent" });
  }
});

export type ConceptInput = z.input<typeof conceptSchema>;
export type Concept = z.infer<typeof conceptSchema>;

const phraseList = z.array(phrase).min(1);

/** glossary/_context/cues.json: ConText cue rules. */
export const cuesSchema = z
  .object({
    $comment: z.string().optional(),
    negated: z
      .object({
        forward: phraseList,
        backward: phraseList,
        /** Forward negations that speak of a change when "of" follows within a few words ("No further subsidence of the cage": nothing is denied; "No further fractures": absent). */
        change: z.array(phrase).default([]),
        /** Forward negations that also deny the finding right before them where their clause ends ("Basilar invagination absent."; "Absent S5"). */
        trailing: z.array(phrase).default([]),
        /** Forward negations whose scope ends at "with" ("Lack of osseous fusion with peri-screw lucency": the lucency is there). */
        endsAtWith: z.array(phrase).default([]),
        /**
         * Forward negations that quantify over a subject ("None of the screws show loosening", "No part of
         * the cord shows abnormal signal"): the terms up to the subject's verb (see `subjectVerbs`) are the
         * subject, which is there; the negation goes on past the verb.
         */
        quantifier: z.array(phrase).default([]),
        /** Negations that deny only the finding right before them, where their clause ends ("The synovial cyst has disappeared."); no scope of their own. */
        after: z.array(phrase).default([]),
        /**
         * Forward negations that name the alternative a report turns down ("rather than"): absent where
         * the report decides ("in keeping with phlegmon rather than abscess"), possible after a hedge in
         * its sentence, which only favours one ("favoured to represent fibrosis rather than recurrent disc").
         */
        alternative: z.array(phrase).default([]),
      })
      .strict(),
    possible: z
      .object({
        forward: phraseList,
        backward: phraseList,
        bidirectional: phraseList,
        /**
         * Forward cues that link a finding to what it suggests: a negation that opens their sentence or
         * clause, with no comma or "and" between, decides ("No marrow abnormality suggestive of
         * metastasis"). Optional, unlike the lists above, which every rule set needs.
         */
        linking: z.array(phrase).default([]),
        /** Linking infinitives ("to suggest"): any negation before them in their clause decides ("without rim enhancement to suggest abscess"). */
        linkingInfinitives: z.array(phrase).default([]),
        /** Forward cues that never hedge a finding before them, even where their clause ends ("Follow-up of the haemangioma suggested." recommends). */
        forwardOnly: z.array(phrase).default([]),
        /** Cues that hedge only the finding right before them, wherever their clause ends ("Biopsy is recommended"): no scope of their own. */
        trailing: z.array(phrase).default([]),
        /** Cues that hedge only the finding right before them, where their clause ends ("Infection is presumed."; not "The fracture is presumed osteoporotic"). */
        after: z.array(phrase).default([]),
        /**
         * Backward hedges that deny a finding whose subject says it was only suspected ("The suspected
         * extrusion is not confirmed": absent; "Metastasis is not confirmed but remains likely": possible).
         */
        unconfirmed: z.array(phrase).default([]),
      })
      .strict(),
    /**
     * Forward possibility cues of the clinical history only: plans ("awaiting ACDF", "for ACDF") and
     * screens ("screening for myeloma"); right after a finding, only where its clause ends.
     */
    historyOnly: z.array(phrase).default([]),
    /** History-only cues that also hedge the finding right before them, wherever its clause ends ("L3-4 decompression planned next month", "myeloma screen"). */
    historyAfter: z.array(phrase).default([]),
    pseudo: phraseList,
    terminators: z.array(z.string().min(1)).min(1),
    /**
     * Terminators that are verbs: right after a negation they follow its subject and end nothing, up to
     * a comma that no "or" list follows ("No level demonstrates stenosis"); right after a hedge, up to
     * a comma or "and" ("The disc possibly demonstrates a fissure").
     */
    verbTerminators: z.array(z.string().min(1)).default([]),
    /** Terminators that end only possibility scopes. */
    possibleTerminators: z.array(z.string().min(1)).default([]),
    /**
     * Terminators that end only negation scopes ("Possible marrow edema, consistent with fracture": still
     * possible), when the hedge opens its clause or follows a comma and no `knownAfter` word follows.
     */
    negationTerminators: z.array(z.string().min(1)).default([]),
    /**
     * Negation terminators with no comma ("in keeping with"), which end a negation in mid-clause right
     * after the finding it denied ("Cord oedema without haemorrhage in keeping with central cord
     * syndrome"), but not one that opens its clause ("No marrow oedema consistent with acute fracture").
     */
    negationTerminatorsAfterFinding: z.array(z.string().min(1)).default([]),
    /**
     * Words that state a finding as a fact where its section's default would make it possible
     * ("HISTORY: status post microdiscectomy", "known discitis", "history of ACDF"): a finding at most
     * three words after one (levels, side words and bracketed text not counted), or joined by "and" to
     * a finding so stated, is present.
     */
    stated: z.array(phrase).default([]),
    /**
     * Words after a finding that state it as a fact, as a result of earlier imaging ("L1 burst fracture
     * on CT"): each of `prefixes` before each of `tests` ("on previous MRI"), and any other `phrases`.
     */
    statedAfter: z
      .object({ prefixes: z.array(phrase).default([]), tests: z.array(phrase).default([]), phrases: z.array(phrase).default([]) })
      .strict()
      .default({ prefixes: [], tests: [], phrases: [] }),
    /** Words that name where something is: a forward cue does not reach the term right after them ("No edema surrounding the fracture": the fracture is there). */
    locations: z.array(phrase).default([]),
    /**
     * Words that name one aspect of what follows (its age, cause, nature): no cue reaches the term
     * right after them, forward or backward ("The age of the T12 compression fracture is
     * indeterminate": the fracture is there; its age is the question).
     */
    aspects: z.array(phrase).default([]),
    /** After these, a stated word opens a clause of its own that a hedge before it does not reach ("Awaiting MRI, known lymphoma"). */
    statedOpeners: z.array(z.string().min(1)).default([]),
    /** After a negation terminator, words that name something already known: it then ends every scope ("Probable disc extrusion, consistent with the left S1 radiculopathy"). */
    knownAfter: z.array(z.string().min(1)).default([]),
    /** Words between a negated subject and its verb that only say where: "No level above L4 shows stenosis" (besides levels and the levels.json nearWords). */
    subjectPlaceWords: z.array(z.string().min(1)).default([]),
    /** Words after a negation that limit it to an earlier study, a sequence or a plane ("not seen on T1 images"): it does not deny a hedged subject. */
    limitingWords: z.array(z.string().min(1)).default([]),
    /** History-only cues that, right after a procedure, device or treatment, say what it was for ("Hemilaminectomy for synovial cyst": the cyst was there). */
    reasonCues: z.array(phrase).default([]),
    /** Words after a treatment's "for" that say what the exam is for ("Post ACDF for evaluation of ..."): what follows is the exam's question. */
    purposeWords: z.array(z.string().min(1)).default([]),
    /** Verbs that say a thing is still there ("None of the extrusions described previously remain"): after a quantifier they deny its subject. */
    persistWords: z.array(z.string().min(1)).default([]),
    /** Words of time between a treatment and what it was for ("Vertebroplasty 2 weeks ago for fracture"). */
    timeWords: z.array(z.string().min(1)).default([]),
    /** Words of size that, like a grade, open a new item dictated with no mark after a finding ("no stenosis small disc bulge"). */
    sizeWords: z.array(z.string().min(1)).default([]),
    /** Words of change whose negation in a pseudo-cue goes on down a list after it ("No improvement, progression or new fracture"). */
    changeWords: z.array(z.string().min(1)).default([]),
    /** Words of a remark after a grade that say the grade is of another time or has changed ("moderate on the left, now severe", "..., which has since resolved"): the grade is not taken as the finding's now. ("prior" and "previous" count only after "on", in the code.) */
    otherTimeWords: z.array(z.string().min(1)).default([]),
    /** Words after grades given at other levels than a denied one that go on describing them now ("No canal stenosis at C3-4, moderate at C4-5 with cord flattening"). */
    gradeGoesOnWords: z.array(z.string().min(1)).default([]),
    /** Words that, with abbreviations in capitals, say a tumour's type between a word and a background fact ("Metastatic ER/PR positive breast carcinoma"). */
    tumourMarkerWords: z.array(z.string().min(1)).default([]),
    /** Verbs that end the subject of a quantifier ("None of the cord lesions enhance", "None of the disc bulges or protrusions cause stenosis"), besides `clauseVerbs` and `verbTerminators`. */
    subjectVerbs: z.array(z.string().min(1)).default([]),
    /** Verbs that give a term after a comma or "and" a clause of its own, which a negation before does not reach: "No abscess, discitis is present". */
    clauseVerbs: z.array(z.string().min(1)).default([]),
    /** Words that say whether a thing is there at all ("No CSF is seen"): a body part before "is" and one of them is what a negation denies; after "and", they keep a list denied. */
    existenceWords: z.array(z.string().min(1)).default([]),
    /**
     * Answers of a form's field that are no cue elsewhere ("Fracture: N", "Foraminal stenosis: (-)",
     * "Metastatic disease: Indeterminate."): right after a finding, or after its colon or dash, where
     * their clause ends, they decide that finding only ("Fracture: Indeterminate age." is no answer).
     */
    answers: z
      .object({ negated: z.array(phrase).default([]), possible: z.array(phrase).default([]) })
      .strict()
      .default({ negated: [], possible: [] }),
    /** Backward negations that, opening their clause before a word, deny what follows instead ("Resolved L3 marrow oedema."). */
    openingForward: z.array(phrase).default([]),
    /**
     * Backward hedges that, right before a term that says what the finding is ("The fracture is likely
     * osteoporotic", "Dural enhancement is likely postoperative"), hedge that term instead: the finding
     * is there. Before anything else ("Infection is likely given the history", "... at L4-5") they stay
     * backward.
     */
    predicateForward: z.array(phrase).default([]),
    /** Words that answer a form's field "yes" ("Disc herniation: Yes - left foraminal"): a side or severity after them is the field's. */
    yesAnswers: z.array(z.string().min(1)).default([]),
    /** Words that may follow a body part a cue is about, before the rest of its clause: "No accessory piriformis muscle or split sciatic nerve". */
    listJoiners: z.array(z.string().min(1)).default([]),
    /** The assertion of a finding with no cue, by report section. */
    sectionDefaults: z.partialRecord(sectionSchema, z.enum(['present', 'absent', 'possible'])).default({}),
  })
  .strict();
export type CueData = z.infer<typeof cuesSchema>;

/** glossary/_context/modifiers.json: severity and side words, keyed by their normalised value. */
export const modifiersSchema = z
  .object({
    $comment: z.string().optional(),
    severity: z.record(z.string().min(1), phraseList),
    side: z.record(z.string().min(1), phraseList),
    /** Words that may stand between a finding and a modifier after it. */
    linkWords: z.array(z.string().min(1)).default([]),
    /** Severity values that form a scale, mildest first: a finding graded side by side reports its most severe grade. */
    severityScale: z.array(z.string().min(1)).default([]),
    /** Side values a severity may grade side by side ("severe right and mild left"); position words are not among them. */
    gradedSides: z.array(z.string().min(1)).default([]),
    /** Side values that name both sides, one worse ("left worse than right"): a finding with one is bilateral too. */
    asymmetricSides: z.array(z.string().min(1)).default([]),
    /**
     * Side letters of dictated shorthand ("mod R foraminal stenosis", "L S1 radiculopathy"), matched
     * exactly as written, only as a word of their own before a word that is no number and none of
     * `notBefore` ("L 5", "L-spine", "R/O" and "L spine" are no sides).
     */
    sideLetters: z
      .object({ letters: z.record(z.string().min(1).max(2), z.string().min(1)), notBefore: z.array(z.string().min(1)).default([]) })
      .strict()
      .default({ letters: {}, notBefore: [] }),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const [field, values, table] of [
      ['severityScale', m.severityScale, m.severity],
      ['gradedSides', m.gradedSides, m.side],
      ['asymmetricSides', m.asymmetricSides, m.side],
    ] as const) {
      for (const value of values) if (!(value in table)) ctx.addIssue({ code: 'custom', path: [field], message: `"${value}" is not a value of ${field === 'severityScale' ? 'severity' : 'side'}` });
    }
    for (const [letter, value] of Object.entries(m.sideLetters.letters)) {
      if (!(value in m.side)) ctx.addIssue({ code: 'custom', path: ['sideLetters', 'letters', letter], message: `"${value}" is not a value of side` });
    }
  });
export type ModifierData = z.infer<typeof modifiersSchema>;

/** glossary/_context/levels.json: the words around spine-level notation and its explanation templates. */
export const levelsSchema = z
  .object({
    $comment: z.string().optional(),
    rangeWords: phraseList,
    vertebraContext: phraseList,
    rootWords: phraseList,
    suffixWords: phraseList,
    slipWords: phraseList,
    joiners: phraseList,
    headingWords: phraseList,
    nearWords: phraseList,
    /** Planes: before T1 or T2 they make it an MRI weighting, even in a level's notation ("Sag T1/T2/STIR", "axial T2 through L1-S1"). */
    planeWords: z.array(z.string().min(1)).default([]),
    /** Words before a lone T1 or T2 that make it the vertebra ("fracture of T2", "lesion at T1"), unless a weighting word follows. */
    vertebraBefore: z.array(z.string().min(1)).default([]),
    /** Words, or two-word phrases, that make a sentence about the rest of the spine: it takes no level from a heading or the sentence before ("No lesion elsewhere", "The remaining levels are normal"). */
    elsewhereWords: z.array(z.string().min(1)).default([]),
    /** Weighting words: after "T1/T2" they make it two weightings ("T1/T2 hyperintense"). */
    weightingWords: z.array(z.string().min(1)).default([]),
    /**
     * Words that place something by an operation rather than at it ("above", "adjacent to"): a level
     * right after them that an operation names ("... at L3-L4 above the L4-S1 fusion") is the
     * operation's only, and an operation right after them ("at C4-5 above the ACDF") takes no level
     * from before them.
     */
    relativeWords: z.array(phrase).default([]),
    regions: z
      .object({ C: z.object({ name: z.string() }), T: z.object({ name: z.string() }), L: z.object({ name: z.string() }), S: z.object({ name: z.string() }) })
      .strict(),
    ordinals: z.array(z.string()).min(13),
    templates: z.object({ disc: z.string(), vertebra: z.string(), root: z.string(), range: z.string() }).strict(),
  })
  .strict();
export type LevelWordData = z.infer<typeof levelsSchema>;

/** glossary/_context/text.json: spelling equivalences and word lists for the matcher and splitter. */
export const textSchema = z
  .object({
    $comment: z.string().optional(),
    spelling: z.record(z.string().min(1), z.string().min(1)),
    capsWords: z.array(z.string().min(1)),
    noSentenceEnd: z.array(z.string().min(1)),
    /** Shorthand whose full stop ends no sentence before a lower-case word or a number ("Sl. disc bulge", "ca. 8 mm"). */
    noSentenceEndBeforeLower: z.array(z.string().min(1)).default([]),
    fuzzyProtected: z.array(z.string().min(1)),
    /** Sections that end at the first blank line (or at a line that opens on a level heading). */
    shortSections: z.array(sectionSchema).default([]),
    /** Words a line may end on that lead into the next one ("Prior history of\nL4-5: ..."): the level line is still in the section. */
    leadWords: z.array(z.string().min(1)).default([]),
    /** Characters that open a list item. */
    listBullets: z.array(z.string().min(1)).default([]),
    /** Units of a patient's age: `units` need "old" after them ("35 year old"), `alone` do not ("70 yo"). A sentence that opens on an age, in a report with no history header, is the history. */
    ageWords: z.object({ units: z.array(z.string().min(1)), alone: z.array(z.string().min(1)) }).strict().default({ units: [], alone: [] }),
    /** Words that join a line to the next one, at the end of the first ("there is no\nstenosis") or at the start of the next ("mild bulge\nwith no stenosis"): no sentence ends at that line break. */
    lineJoiners: z.object({ end: z.array(z.string().min(1)), start: z.array(z.string().min(1)) }).strict().default({ end: [], start: [] }),
  })
  .strict();
export type TextData = z.infer<typeof textSchema>;

/** Everything the pipeline needs, as loaded from glossary/. */
export interface GlossaryData {
  concepts: Concept[];
  cues: CueData;
  modifiers: ModifierData;
  levels: LevelWordData;
  text: TextData;
  /** Content hash of every file, so replies name the glossary that produced them. */
  version: string;
}
