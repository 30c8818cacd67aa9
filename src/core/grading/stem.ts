/**
 * A light English stemmer for fuzzy answer matching (medical and misconception graders).
 *
 * Owns: `stemWord`, which folds the inflections a paraphrase changes — "proliferate",
 * "proliferating", "proliferated", "proliferation" → "proliferat"; "therapies"/"therapy";
 * "treatment"/"treated"; "stopped"/"stop". Invariants: input is a word already normalised by
 * `normalizeWord` (lower-case, plural "s" stripped); only suffixes are touched, so prefixes that
 * change the meaning ("hypo-"/"hyper-", "un-") always survive; a suffix is removed only when at
 * least three letters remain, so short words ("red", "bring") stay whole.
 */

/** Suffix → replacement, longest first; the first that fits is applied once. */
const SUFFIXES: readonly [string, string][] = [
  ['ation', 'at'],
  ['ition', 'it'],
  ['ment', ''],
  ['tion', 't'],
  ['sion', 's'],
  ['ing', ''],
  ['ied', 'y'],
  ['ed', ''],
  ['ie', 'y'],
];

const MIN_STEM = 3;

/** Reduces a normalised word to its stem (see module header). Digits are returned unchanged. */
export function stemWord(word: string): string {
  if (/\d/.test(word)) return word;
  let stem = word;
  // "bleed", "need", "feed" are whole words, not "-ed" forms.
  const suffixes = word.endsWith('eed') ? [] : SUFFIXES;
  for (const [suffix, replacement] of suffixes) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_STEM) {
      stem = stem.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  if (stem.length > MIN_STEM + 1 && stem.endsWith('e')) stem = stem.slice(0, -1);
  // "stopp" (from "stopped") and "compress"/"compres" (from "compression") meet at one form.
  if (/([b-df-hj-np-tv-z])\1$/.test(stem) && stem.length > MIN_STEM + 1) stem = stem.slice(0, -1);
  return stem;
}
