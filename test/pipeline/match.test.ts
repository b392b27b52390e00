// Matching semantics, as tables of named cases: leftmost-longest, inflections, spelling variants,
// hyphen/space tolerance, abbreviations, typo tolerance and spine levels.
import { describe, expect, it } from 'vitest';
import { annotationFor, run } from '../helpers.js';

const concepts = (text: string) => run(text).annotations.map((a) => [a.text, a.conceptId]);

describe('leftmost-longest', () => {
  it.each([
    ['the longest form wins over its parts', 'No central canal stenosis.', 'central canal stenosis', 'central-canal-stenosis'],
    ['a multiword finding is one annotation', 'mild neural foraminal narrowing', 'neural foraminal narrowing', 'foraminal-stenosis'],
    ['disc-osteophyte complex with a hyphen', 'a disc-osteophyte complex', 'disc-osteophyte complex', 'disc-osteophyte-complex'],
    ['disc osteophyte complex with a space', 'a disc osteophyte complex', 'disc osteophyte complex', 'disc-osteophyte-complex'],
    ['disk spelling', 'a disk bulge', 'disk bulge', 'disc-bulge'],
    // Two concepts list "protocol": the header is listed first, and wins where a header stands.
    ['a header before an ordinary word of the same spelling', 'PROTOCOL: Sagittal T1 and T2.\nFINDINGS: Mild disc bulge.', 'PROTOCOL', 'section-technique'],
    ['the ordinary word where no header stands', 'The imaging protocol included sagittal T1.', 'imaging protocol', 'imaging-protocol'],
    // Pain by region: a neck or upper back report must not read "low back pain".
    ['neck pain', 'Neck pain with arm tingling.', 'Neck pain', 'neck-pain'],
    ['upper back pain', 'Upper back pain after a fall.', 'Upper back pain', 'upper-back-pain'],
    ['low back pain', 'Chronic low back pain.', 'Chronic low back pain', 'low-back-pain'],
    // "Low-lying" with what lies low: the conus, or the tonsils (which are not the conus).
    ['a low-lying conus', 'The conus medullaris is low-lying, terminating at the L3 level.', 'conus medullaris is low-lying', 'low-lying-conus'],
    ['... as a field', 'Conus: Low-lying, terminates at L3.', 'Conus: Low-lying', 'low-lying-conus'],
    ['low-lying tonsils', 'The cerebellar tonsils are borderline low-lying.', 'cerebellar tonsils are borderline low-lying', 'low-lying-tonsils'],
    ['... and "low-lying" alone is the conus', 'The conus is not low-lying.', 'low-lying', 'low-lying-conus'],
    ['... and as a noun phrase, not Chiari', 'Low-lying cerebellar tonsils without Chiari malformation.', 'Low-lying cerebellar tonsils', 'low-lying-tonsils'],
    // Iron left by old bleeding is not a pool of blood.
    ['a haemosiderin rim', 'Intramedullary lesion with a complete haemosiderin rim.', 'haemosiderin rim', 'hemosiderin'],
    ['the cord patterns of inflammation', 'No bright spotty lesions. No H sign is seen.', 'H sign', 'h-sign'],
    ['an H-shaped sacral fracture is no cord sign', 'Sacral insufficiency fracture with H-shaped hyperintensity on STIR.', 'hyperintensity', 'hyperintense'],
    // Metalwork that fails is not a broken bone or a moving disc; a fracture with a shift is its own injury.
    ['a fracture-dislocation is not a subluxation', 'Fracture dislocation at T12-L1 with bilateral facet jumping.', 'Fracture dislocation', 'fracture-dislocation'],
    ['... and facet jumping is a facet dislocation', 'Fracture dislocation at T12-L1 with bilateral facet jumping.', 'facet jumping', 'facet-dislocation'],
    ['screw backout', 'Backout of the left L4 pedicle screw by 5 mm.', 'Backout', 'hardware-failure'],
    ['breakage', 'Breakage of the left S1 screw.', 'Breakage', 'hardware-failure'],
    ['cage migration', 'Cage migration: the L4-L5 interbody cage has migrated posteriorly.', 'Cage migration', 'hardware-failure'],
    ['an interspinous spacer is not an interbody cage', 'Interspinous process spacer at L3-L4 in expected position.', 'Interspinous process spacer', 'interspinous-spacer'],
    ['an injury to a named ligament', 'Possible injury to the anterior longitudinal ligament.', 'injury to the anterior longitudinal ligament', 'ligamentous-injury'],
    ['bright signal in the cord is abnormal cord signal', 'Focal T2 hyperintense signal within the cord at C4-5.', 'T2 hyperintense signal within the cord', 'cord-signal-abnormality'],
    // A finding said of an implant is about the metal (onImplant, implant), past "the", a side and a level.
    ['a fracture of a screw is hardware failure', 'Fracture of the right L5 pedicle screw at the screw-rod junction.', 'Fracture', 'hardware-failure'],
    ['... of a rod', 'Fracture of the left rod.', 'Fracture', 'hardware-failure'],
    ['... past a level written with a slash', 'Fracture of the C5/6 anterior plate.', 'Fracture', 'hardware-failure'],
    ['... migration of a cage', 'Migration of the interbody cage.', 'Migration', 'hardware-failure'],
    ['... denied the same way', 'No evidence of fracture of the pedicle screws.', 'fracture', 'hardware-failure'],
    ['a fracture of a bone is a fracture', 'Fracture of the L5 vertebral body.', 'Fracture', 'fracture'],
    ['... of a pedicle too (bone, not a screw)', 'Fracture of the L2 pedicle.', 'Fracture', 'fracture'],
    ['... and past a full stop nothing is said of the implant', 'Fracture of T12. Pedicle screws at L1.', 'Fracture', 'fracture'],
    // Regression (review): a list that opens on a fault of the hardware is about the hardware (implantFault).
    ['a fracture listed after a hardware fault is hardware failure', 'No hardware loosening, fracture or migration.', 'fracture', 'hardware-failure'],
    ['... and so is a migration', 'No hardware loosening, fracture or migration.', 'migration', 'hardware-failure'],
    ['... after "without" too', 'The pedicle screws are intact without loosening, fracture or migration.', 'migration', 'hardware-failure'],
    ['... but not a fracture that opens the list', 'No fracture or hardware loosening.', 'fracture', 'fracture'],
    ['... nor one listed after a finding that is no fault of the hardware', 'No postoperative seroma, fracture or dislocation.', 'fracture', 'fracture'],
    // A review's cases: words that name the body keep their meaning; a fault that involves bone is no head.
    ['... nor a fracture named by its bone', 'No hardware loosening, sacral fracture or pseudarthrosis.', 'sacral fracture', 'fracture'],
    ['... nor a disc migration', 'No hardware loosening, fracture, or disc migration.', 'disc migration', 'disc-migration'],
    ['... nor a fracture after cage subsidence', 'There is cage subsidence and fracture at L4.', 'fracture', 'fracture'],
    ['... nor after a list of implants', 'Pedicle screws, rods and fracture deformity at T12.', 'fracture', 'fracture'],
  ])('%s', (_name, text, phrase, conceptId) => {
    expect(annotationFor(text, phrase)?.conceptId).toBe(conceptId);
  });

  it('never overlaps glossary annotations', () => {
    const { annotations } = run('L4-5: broad-based disc bulge with mild bilateral neural foraminal narrowing.');
    for (let i = 1; i < annotations.length; i++) expect(annotations[i]!.start).toBeGreaterThanOrEqual(annotations[i - 1]!.end);
  });
});

describe('inflections and variants', () => {
  it.each([
    ['regular plural generated', 'two disc bulges', 'disc bulges', 'disc-bulge'],
    ['a strain is a muscle injury', 'erector spinae strain', 'strain', 'muscle-strain'],
    ['a pars stress reaction has no crack', 'early pars stress reaction at L5', 'pars stress reaction', 'stress-reaction'],
    ['"near-complete" resolution is no critical narrowing', 'Near-complete resolution of the phlegmon.', 'Near-complete resolution', 'change-over-time'],
    ['... also of a word ending in "ss"', 'no psoas abscesses', 'psoas abscesses', 'paraspinal-abscess'],
    ['Latin plural listed', 'both neural foramina', 'neural foramina', 'neural-foramen'],
    ['Greek plural listed', 'multilevel stenoses', 'stenoses', 'spinal-stenosis'],
    ['adjective form', 'stenotic canal', 'stenotic', 'spinal-stenosis'],
    ['British spelling', 'marrow oedema', 'marrow oedema', 'bone-marrow-edema'],
    ['case-insensitive', 'DISC PROTRUSION', 'DISC PROTRUSION', 'disc-protrusion'],
  ])('%s', (_name, text, phrase, conceptId) => {
    expect(annotationFor(text, phrase)?.conceptId).toBe(conceptId);
  });
});

describe('typo tolerance (edit distance 1, words of 7+ letters)', () => {
  it.each([
    ['transposition', 'disc protursion', 'protursion', 'disc-protrusion'],
    ['missing letter', 'mild dessication', 'dessication', 'disc-desiccation'],
    ['substitution', 'spondylolisthesus', 'spondylolisthesus', 'spondylolisthesis'],
  ])('%s', (_name, text, phrase, conceptId) => {
    const a = run(text).annotations.find((x) => x.text.includes(phrase));
    expect(a?.conceptId).toBe(conceptId);
  });

  it.each([
    ['short words are never corrected', 'a bulgy area', 'bulgy'],
    ['real words are never corrected into terms', 'the interior of the canal', 'interior'],
  ])('%s', (_name, text, word) => {
    expect(run(text).annotations.some((a) => a.text.toLowerCase().includes(word))).toBe(false);
  });
});

describe('abbreviations match only as written', () => {
  it('CSF matches in capitals', () => expect(annotationFor('CSF flow', 'CSF')).toBeDefined());
  it('csf in lower case is not the abbreviation', () => expect(annotationFor('the csf', 'csf')).toBeUndefined());
});

describe('spine levels', () => {
  it.each([
    ['L4-5', ['L4-L5'], 'level-lumbar-disc'],
    ['L4-L5', ['L4-L5'], 'level-lumbar-disc'],
    ['L4/5', ['L4-L5'], 'level-lumbar-disc'],
    ['L4\u20135', ['L4-L5'], 'level-lumbar-disc'],
    ['L5-S1', ['L5-S1'], 'level-junctional-disc'],
    ['L5/S1', ['L5-S1'], 'level-junctional-disc'],
    ['C7-T1', ['C7-T1'], 'level-junctional-disc'],
    ['T12-L1', ['T12-L1'], 'level-junctional-disc'],
    ['C5/6', ['C5-C6'], 'level-cervical-disc'],
    ['T7-8', ['T7-T8'], 'level-thoracic-disc'],
    ['S1', ['S1'], 'level-vertebra'],
    ['L3-L5', ['L3', 'L4', 'L5'], 'level-range'],
    ['L3-4 through L5-S1', ['L3-L4', 'L4-L5', 'L5-S1'], 'level-range'],
    ['L6-S1', ['L6-S1'], 'level-transitional'],
  ])('%s', (notation, levels, conceptId) => {
    const a = annotationFor(`Disc bulge at ${notation}.`, notation);
    expect(a?.conceptId).toBe(conceptId);
    expect(a?.levels).toEqual(levels);
  });

  it('standalone T1 and T2 are MRI weightings, not vertebrae', () => {
    expect(run('sagittal T2 images').annotations.find((a) => a.text.startsWith('T2'))?.conceptId).toBe('t2-weighted');
    expect(annotationFor('T1 vertebral body', 'T1')?.conceptId).toBe('level-vertebra');
  });

  it('a level before a nerve-root word is the root, not a level for what is near it ("the L5 NR")', () => {
    expect(annotationFor('Compressing the left L5 NR; moderate canal stenosis.', 'L5')?.conceptId).toBe('level-root-notation');
  });

  it.each([
    ['a list of sequences after a plane', 'Sag T1/T2/STIR.', 'T1', 't1-weighted'],
    ['"T1/T2" before a weighting word', 'T1/T2 hyperintense lesion.', 'T1', 't1-weighted'],
    ['a weighting before a range after a plane', 'Axial T2 through T6-T10.', 'T6-T10', 'level-range'],
    ['... which keeps its own levels', 'ax T2 thru L1-S1.', 'L1-S1', 'level-range'],
    ['"T1/T2" as a disc level elsewhere', 'At T1/T2 there is a small disc protrusion.', 'T1/T2', 'level-thoracic-disc'],
    ['a disc with a hyphen stays a level, even after a plane word', 'Axial T2-T3 disc bulge.', 'T2-T3', 'level-thoracic-disc'],
    ['a lone T2 after "of" is the vertebra', 'Compression fracture of T2.', 'T2', 'level-vertebra'],
    ['... and after "at"', 'Enhancing lesion at T1.', 'T1', 'level-vertebra'],
    ['... but not before a weighting word', 'Hyperintense at T2 weighted images.', 'T2 weighted images', 't2-weighted'],
    ['... nor in a list of weightings', 'Small focus of T1 and T2 hyperintensity.', 'T1', 't1-weighted'],
  ])('T1 and T2 in sequence lists are weightings: %s', (_name, text, phrase, conceptId) => {
    expect(annotationFor(text, phrase)?.conceptId).toBe(conceptId);
    if (conceptId === 'level-range') expect(annotationFor(text, phrase)?.levels[0]).toBe(phrase.slice(0, 2));
  });

  it.each([
    ['two adjacent vertebrae with a space are a disc', 'Disc bulge at L5 S1.', 'L5 S1', ['L5-S1']],
    ['... in a list of pairs', 'L4 L5 and L5 S1 disc bulges.', 'L5 S1', ['L5-S1']],
    ['... not in a list of vertebrae', 'Compression fractures of T11 T12 and L1.', 'T11', ['T11']],
    ['... nor after a comma in one', 'Fractures of L1, L2 L3.', 'L2', ['L2']],
    ['... nor three in a row', 'Fractures of L1 L2 L3.', 'L1', ['L1']],
    ['... nor before a nerve-root word', 'Compression of the L5 S1 nerve roots.', 'L5', ['L5']],
    ['... nor after a finding with no "at"', 'Wedge compression fractures T11 T12.', 'T11', ['T11']],
    ['... nor before a word of a vertebra', 'T10 T11 vertebral bodies are normal.', 'T10', ['T10']],
    ['... but after "at the"', 'At the L4 L5 level there is a bulge.', 'L4 L5 level', ['L4-L5']],
  ])('a level dictated with a space: %s', (_name, text, phrase, levels) => {
    expect(annotationFor(text, phrase)?.levels).toEqual(levels);
  });

  it('explains a level in plain words', () => {
    expect(annotationFor('L4-5', 'L4-5')?.explanation).toContain('4th bone of the lower back');
  });
});

describe('regression', () => {
  it('offsets slice to the text with CRLF and non-ASCII input', () => {
    const text = 'Befund:\r\nÖdem – L4–5: mild disc bulge 😀 with stenosis.';
    for (const a of run(text).annotations) expect(text.slice(a.start, a.end)).toBe(a.text);
  });
  it('lists every concept in a mixed sentence', () => {
    expect(concepts('No central canal stenosis.')).toEqual([['central canal stenosis', 'central-canal-stenosis']]);
  });
});

describe('caller-supplied terms', () => {
  it('are matched case- and whitespace-tolerantly, in a pass of their own', () => {
    const text = 'Mild DISC   BULGE at L4-5.';
    const { annotations } = run(text, [{ id: 'clinic-bulge', text: 'disc bulge' }]);
    const custom = annotations.find((a) => a.conceptId === 'clinic-bulge');
    expect(custom).toMatchObject({ text: 'DISC   BULGE', category: 'custom' });
    // The glossary concept for the same words is still reported.
    expect(annotations.some((a) => a.conceptId === 'disc-bulge' && a.text === 'DISC   BULGE')).toBe(true);
  });
  it('win no tie against each other: the longest caller term wins', () => {
    const { annotations } = run('a sacral bump here', [
      { id: 'a', text: 'sacral' },
      { id: 'b', text: 'sacral bump' },
    ]);
    expect(annotations.filter((a) => a.category === 'custom').map((a) => a.conceptId)).toEqual(['b']);
  });
});

describe('regression (review findings)', () => {
  it('"T1 and T2" are weightings, not the T1 vertebra', () => {
    const { annotations, summary } = run('Sagittal T1 and T2 weighted images. Disc bulge.');
    expect(annotations.filter((a) => a.conceptId.startsWith('level-'))).toEqual([]);
    expect(summary).toEqual([]);
  });
  it('a concept with "fuzzy": false is never reached through a typo', () => {
    expect(run('multipel levels').annotations.some((a) => a.conceptId === 'multilevel')).toBe(false);
    expect(run('multilevel changes').annotations.some((a) => a.conceptId === 'multilevel')).toBe(true);
  });
  it('a very long unknown word is not typo-checked letter by letter (and matches nothing)', () => {
    const word = `sten${'o'.repeat(20_000)}sis`;
    expect(run(`mild ${word} here`).annotations.map((a) => a.text)).toEqual(['mild']);
  });
});
