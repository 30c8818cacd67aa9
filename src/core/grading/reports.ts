/**
 * Reports of beliefs that are not the answer's own: "folks have heard that X", "the idea that
 * X", "X is something I hear a lot".
 *
 * Owns: the report vocabulary and `isReportedBelief`, used by stance.ts to make such mentions
 * neutral. Invariant: a report by the speaker ("I think X") or by an authority ("experts
 * believe X") is still a commitment, so it is never neutralised here.
 */
import { AUXILIARIES } from './cues';
import { words } from './normalize';

/** Whether any phrase occurs in the text (kept local so stance.ts can import this module). */
function hasAnyPhrase(text: string[], list: string[][]): boolean {
  return list.some((p) => text.some((_, i) => p.every((w, k) => text[i + k] === w)));
}

/** Verbs that report a belief or a rumour ("folks have heard that X", "people assume X"). */
const REPORT_VERBS = new Set(
  [
    'heard',
    'hear',
    'think',
    'thinking',
    'thought',
    'believe',
    'believing',
    'believed',
    'assume',
    'assuming',
    'assumed',
    'told',
    'suppose',
    'imagine',
    'guess',
    'guessing',
  ].map((w) => words(w)[0] ?? w),
);

/** "The idea that X", "the rumour that X": X is the belief, not the answer's claim. */
const BELIEF_FRAMES = [
  'idea that',
  'notion that',
  'belief that',
  'claim that',
  'rumor that',
  'rumour that',
  'story that',
  'saying that',
  'impression that',
  'assumption that',
].map((p) => words(p));

/** After a mention: "X is something I hear a lot", "X is a common belief". */
export const TRAILING_REPORTS = [
  'something i hear',
  'something people',
  'something many',
  'what people',
  'what many',
  'common belief',
  'popular belief',
  'widespread belief',
  'common idea',
  'widespread idea',
  'popular idea',
  'people often say',
  'you often hear',
].map((p) => words(p));

/** Subjects whose report is the answer's own commitment: "I think X", "experts believe X". */
const OWN_SUBJECTS = new Set(
  [
    'i',
    'we',
    'experts',
    'scientists',
    'historians',
    'researchers',
    'doctors',
    'evidence',
    'studies',
    'records',
  ].map((w) => words(w)[0] ?? w),
);

/**
 * Whether the clause before a mention reports someone else's belief: a reporting verb whose
 * subject (the nearest word before it, skipping auxiliaries and adverbs) is not the speaker or
 * an authority. "I think it's X" and "experts believe X" still assert X.
 */
export function isReportedBelief(clause: string[]): boolean {
  if (hasAnyPhrase(clause, BELIEF_FRAMES)) return true;
  let at = clause.length - 1;
  while (at >= 0 && !REPORT_VERBS.has(clause[at] as string)) at--;
  if (at < 0) return false;
  const subject = clause
    .slice(0, at)
    .reverse()
    .find((w) => !AUXILIARIES.has(w) && !FILLERS.has(w));
  return subject === undefined ? false : !OWN_SUBJECTS.has(subject);
}

const FILLERS = new Set([
  'really',
  'also',
  'still',
  'honestly',
  'personally',
  'truly',
  'often',
  'sometimes',
  'usually',
  'commonly',
  'widely',
  'that',
  'so',
  'just',
  'do',
  'not',
]);
