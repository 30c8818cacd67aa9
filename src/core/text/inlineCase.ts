/**
 * Case of an answer placed mid-sentence ("I'd go with kidney stone", not "…with Kidney stone").
 *
 * Owns: the heuristic that decides whether an answer's first capital is sentence case (drop it)
 * or part of a name or acronym (keep it). Invariants: only the first letter can change; text with
 * an acronym, inner capitals, a later capitalised word or a possessive name is never touched.
 * Single words keep their capital unless `isCommonNoun` says the family's answers are common
 * nouns (MedQA options: "Metformin", "Pneumonia"), because trivia answers are mostly names.
 */

/** Second words that make an eponym ("Graves disease", "Bell palsy"), whose first word is a name. */
const EPONYM_HEADS = new Set([
  'disease',
  'syndrome',
  'sign',
  'palsy',
  'test',
  'reflex',
  'law',
  'effect',
  'reaction',
  'phenomenon',
  'triad',
  'tumor',
  'tumour',
  'anemia',
  'anaemia',
]);

/** A word written in sentence case: one capital, then lower-case letters only. */
const SENTENCE_CASE_WORD = /^[A-Z][a-z]+$/;

/**
 * Lower-cases the first letter of an answer when it is only there because the answer was written
 * as a sentence start. `isCommonNoun` (medical options) also lower-cases single words.
 */
export function toInlineCase(answer: string, options: { isCommonNoun?: boolean } = {}): string {
  const words = answer.split(' ');
  const first = words[0] ?? '';
  if (!SENTENCE_CASE_WORD.test(first)) return answer;
  const rest = words.slice(1);
  if (rest.length === 0 && !options.isCommonNoun) return answer;
  if (rest.some((word) => /[A-Z]/.test(word))) return answer;
  if (rest.length > 0 && EPONYM_HEADS.has((rest[0] ?? '').toLowerCase())) return answer;
  return first.charAt(0).toLowerCase() + answer.slice(1);
}
