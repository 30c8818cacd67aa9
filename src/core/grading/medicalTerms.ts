/**
 * A small hand-written table of medical synonyms and abbreviations, applied to both sides of a
 * medical comparison (the options and the model's answer) before tokenising.
 *
 * Owns: `expandMedicalTerms`. Each entry names one canonical phrase and the ways answers say the
 * same thing: upper-case abbreviations ("MI", "PE"), lay terms ("heart attack", "low blood
 * sugar") and textbook paraphrases ("surfactant-secreting cells" for type II pneumocytes).
 * Invariants: abbreviations match case-sensitively as whole words (so "pe" or "Mi" in prose are
 * left alone), phrases case-insensitively on word boundaries with an optional plural; "hypo-" and
 * "hyper-" conditions are separate entries and never merge ("low potassium" is hypokalemia, "high
 * potassium" hyperkalemia); the rewrite is idempotent (a canonical phrase is never a variant).
 */

interface TermEntry {
  canonical: string;
  /** Case-sensitive whole-word abbreviations. */
  abbreviations?: string[];
  /** Case-insensitive phrases. */
  phrases?: string[];
}

const TERMS: readonly TermEntry[] = [
  { canonical: 'myocardial infarction', abbreviations: ['MI', 'AMI'], phrases: ['heart attack'] },
  {
    canonical: 'pulmonary embolism',
    abbreviations: ['PE'],
    phrases: ['pulmonary embolus', 'pulmonary emboli', 'blood clot in the lung'],
  },
  {
    canonical: 'deep vein thrombosis',
    abbreviations: ['DVT'],
    phrases: ['deep venous thrombosis', 'blood clot in the leg'],
  },
  {
    canonical: 'urinary tract infection',
    abbreviations: ['UTI'],
    phrases: ['bladder infection'],
  },
  { canonical: 'chronic obstructive pulmonary disease', abbreviations: ['COPD'] },
  {
    canonical: 'type II pneumocyte',
    phrases: [
      'type 2 pneumocyte',
      'type II alveolar cell',
      'type 2 alveolar cell',
      'alveolar type II cell',
      'alveolar type 2 cell',
      'surfactant-secreting cell',
      'surfactant-producing cell',
      'granular pneumocyte',
    ],
  },
  { canonical: 'type I pneumocyte', phrases: ['type 1 pneumocyte', 'type I alveolar cell'] },
  {
    canonical: 'gastroesophageal reflux disease',
    abbreviations: ['GERD', 'GORD'],
    phrases: ['acid reflux', 'gastro-oesophageal reflux disease'],
  },
  { canonical: 'congestive heart failure', abbreviations: ['CHF'] },
  { canonical: 'stroke', abbreviations: ['CVA'], phrases: ['cerebrovascular accident'] },
  { canonical: 'transient ischemic attack', abbreviations: ['TIA'], phrases: ['mini-stroke'] },
  { canonical: 'hypertension', abbreviations: ['HTN'], phrases: ['high blood pressure'] },
  { canonical: 'hypotension', phrases: ['low blood pressure'] },
  { canonical: 'hyperglycemia', phrases: ['high blood sugar', 'high blood glucose'] },
  { canonical: 'hypoglycemia', phrases: ['low blood sugar', 'low blood glucose'] },
  { canonical: 'hyperkalemia', phrases: ['high potassium', 'high serum potassium'] },
  { canonical: 'hypokalemia', phrases: ['low potassium', 'low serum potassium'] },
  { canonical: 'hypernatremia', phrases: ['high sodium', 'high serum sodium'] },
  { canonical: 'hyponatremia', phrases: ['low sodium', 'low serum sodium'] },
  { canonical: 'hypercalcemia', phrases: ['high calcium', 'high serum calcium'] },
  { canonical: 'hypocalcemia', phrases: ['low calcium', 'low serum calcium'] },
  { canonical: 'hyperthyroidism', phrases: ['overactive thyroid'] },
  { canonical: 'hypothyroidism', phrases: ['underactive thyroid'] },
  { canonical: 'diabetic ketoacidosis', abbreviations: ['DKA'] },
  { canonical: 'acute respiratory distress syndrome', abbreviations: ['ARDS'] },
  { canonical: 'systemic lupus erythematosus', abbreviations: ['SLE'] },
  { canonical: 'irritable bowel syndrome', abbreviations: ['IBS'] },
  { canonical: 'inflammatory bowel disease', abbreviations: ['IBD'] },
  {
    canonical: 'benign prostatic hyperplasia',
    abbreviations: ['BPH'],
    phrases: ['enlarged prostate'],
  },
  {
    canonical: 'polycystic ovary syndrome',
    abbreviations: ['PCOS'],
    phrases: ['polycystic ovarian syndrome'],
  },
  { canonical: 'acute kidney injury', abbreviations: ['AKI'], phrases: ['acute renal failure'] },
  { canonical: 'chronic kidney disease', abbreviations: ['CKD'] },
  { canonical: 'disseminated intravascular coagulation', abbreviations: ['DIC'] },
  { canonical: 'hemolytic uremic syndrome', abbreviations: ['HUS'] },
  { canonical: 'thrombotic thrombocytopenic purpura', abbreviations: ['TTP'] },
  { canonical: 'immune thrombocytopenia', abbreviations: ['ITP'] },
  {
    canonical: 'syndrome of inappropriate antidiuretic hormone',
    abbreviations: ['SIADH'],
  },
  { canonical: 'antidiuretic hormone', abbreviations: ['ADH'], phrases: ['vasopressin'] },
  { canonical: 'adrenocorticotropic hormone', abbreviations: ['ACTH'], phrases: ['corticotropin'] },
  { canonical: 'thyroid-stimulating hormone', abbreviations: ['TSH'] },
  { canonical: 'atrial fibrillation', abbreviations: ['AF', 'AFib'], phrases: ['a-fib'] },
  { canonical: 'ventricular septal defect', abbreviations: ['VSD'] },
  { canonical: 'patent ductus arteriosus', abbreviations: ['PDA'] },
  { canonical: 'subarachnoid hemorrhage', abbreviations: ['SAH'] },
  {
    canonical: 'amyotrophic lateral sclerosis',
    abbreviations: ['ALS'],
    phrases: ["Lou Gehrig's disease"],
  },
  { canonical: 'tuberculosis', abbreviations: ['TB'] },
  {
    canonical: 'sexually transmitted infection',
    abbreviations: ['STI', 'STD'],
    phrases: ['sexually transmitted disease'],
  },
  { canonical: 'pelvic inflammatory disease', abbreviations: ['PID'] },
  { canonical: 'infectious mononucleosis', phrases: ['glandular fever'] },
  { canonical: 'nonsteroidal anti-inflammatory drug', abbreviations: ['NSAID'] },
  { canonical: 'selective serotonin reuptake inhibitor', abbreviations: ['SSRI'] },
  { canonical: 'cognitive behavioral therapy', abbreviations: ['CBT'] },
  { canonical: 'electrocardiogram', abbreviations: ['ECG', 'EKG'] },
  { canonical: 'computed tomography', abbreviations: ['CT'], phrases: ['CAT scan'] },
  { canonical: 'magnetic resonance imaging', abbreviations: ['MRI'] },
  { canonical: 'acetaminophen', phrases: ['paracetamol'] },
  { canonical: 'epinephrine', phrases: ['adrenaline'] },
  { canonical: 'norepinephrine', phrases: ['noradrenaline'] },
  { canonical: 'vitamin B12', phrases: ['cobalamin'] },
  { canonical: 'vitamin B1', phrases: ['thiamine'] },
  { canonical: 'folate', phrases: ['folic acid'] },
  { canonical: 'kidney stone', phrases: ['nephrolithiasis', 'renal calculi', 'renal stone'] },
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a pattern: any run of spaces or hyphens between words, optional plural "s". */
function phrasePattern(phrase: string): string {
  const parts = phrase.split(/[\s-]+/).map(escape);
  return `${parts.join('[\\s-]+')}(?:e?s)?`;
}

interface Rewrite {
  pattern: RegExp;
  canonical: string;
}

/** Longest variants first, so "type II alveolar cell" wins over a shorter overlapping one. */
const REWRITES: readonly Rewrite[] = TERMS.flatMap((entry) => [
  ...(entry.abbreviations ?? []).map((abbreviation) => ({
    length: abbreviation.length,
    pattern: new RegExp(`\\b${escape(abbreviation)}s?\\b`, 'g'),
    canonical: entry.canonical,
  })),
  ...(entry.phrases ?? []).map((phrase) => ({
    length: phrase.length,
    pattern: new RegExp(`\\b${phrasePattern(phrase)}\\b`, 'gi'),
    canonical: entry.canonical,
  })),
])
  .sort((a, b) => b.length - a.length)
  .map(({ pattern, canonical }) => ({ pattern, canonical }));

/**
 * Rewrites known medical synonyms and abbreviations to one canonical phrase each (see module
 * header). Apply it to both the options and the answer so they meet on the same words.
 */
export function expandMedicalTerms(text: string): string {
  let result = text;
  for (const { pattern, canonical } of REWRITES) result = result.replace(pattern, canonical);
  return result;
}
