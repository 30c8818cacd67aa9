// The fast refusal rule (precompiled patterns, word count without arrays) must give exactly the
// verdicts of the original implementation, kept here verbatim as the reference.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAPER_REFUSAL_PHRASES, isLikelyRefusal } from '../../../src/core/grading';
import { parseCsv } from '../../../src/core/csv';

const DECLINE_PATTERNS: readonly RegExp[] = [
  /\bi (?:can ?not|can't|won't|will not|am unable to|am not able to|'m unable to|'m not able to) (?:help|assist|answer|provide|comply|discuss|give|offer|diagnose|say|determine|confirm|share|engage)/,
  /\bi(?: am|'m) (?:sorry|afraid),? (?:but )?i (?:can ?not|can't|won't|am unable|'m unable)/,
  /\b(?:i|we) (?:must|have to) (?:decline|refrain)/,
  /\bi(?: am|'m) not (?:in a position|comfortable|permitted|allowed) to/,
  /\bi do not have (?:enough|sufficient|the) (?:information|data|context)/,
  /\bi don't have (?:enough|sufficient|the) (?:information|data|context)/,
];

function referenceIsLikelyRefusal(text: string): boolean {
  const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const folded = text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .trim();
  if (folded === '') return false;
  if (folded.split(/\s+/).length > 120) return false;
  const sentences = folded.split(/(?<=[.!?])\s+|\n+/).slice(0, 2);
  return sentences.some((sentence) => {
    const hit = [...PAPER_REFUSAL_PHRASES.map((p) => new RegExp(escape(p))), ...DECLINE_PATTERNS]
      .map((pattern) => pattern.exec(sentence))
      .find((m) => m !== null);
    if (!hit) return false;
    const rest = sentence.slice(hit.index + hit[0].length);
    return !/\b(?:but|however|though)\b/.test(rest);
  });
}

const HAND_MADE = [
  "I'm sorry, but I can't help with that.",
  'I cannot provide medical advice.\nPlease see a doctor.',
  'The answer is B.\n\nI cannot say more, though.',
  'Sure!\u00a0I\u2019m not comfortable to say. However it is B.',
  'As an AI as a language model my purpose is, but no.',
  '   \n\t  ',
  ' word '.repeat(120),
  ' word '.repeat(121),
  'w\u2003'.repeat(121),
  'w '.repeat(121).trim(),
  'w '.repeat(120).trim(),
  `${'word '.repeat(119)}I cannot answer.`,
  `${'word '.repeat(120)}I cannot answer.`,
  'İ cannot answer.',
  'Answer: A. I must decline, though. I cannot.',
  'We have to refrain from that. It is B',
  'i cant  help',
];

/** Every output column of a CSV fixture, when the shared fixtures are present. */
function fixtureOutputs(path: string): string[] {
  if (!existsSync(path)) return [];
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const at = header?.fields.indexOf('output') ?? -1;
  return rows.map((row) => row.fields[at] ?? '');
}

describe('isLikelyRefusal matches the reference implementation', () => {
  it('on hand-made edge cases (whitespace kinds, word limit, order of patterns)', () => {
    for (const text of HAND_MADE) {
      expect([text, isLikelyRefusal(text)]).toEqual([text, referenceIsLikelyRefusal(text)]);
    }
  });

  const sample = '../shared/fixtures/paper-sample-outputs/qwen32b-outputs-long.csv';
  it.skipIf(!existsSync(sample))(
    'on every output of the paper sample and on its openings (skipped without ../shared)',
    () => {
      const texts = fixtureOutputs(sample).flatMap((output) => [
        output,
        output.slice(0, 80),
        `I can't answer that. ${output.slice(0, 300)}`,
      ]);
      expect(texts.length).toBeGreaterThan(300);
      const differing = texts.filter((t) => isLikelyRefusal(t) !== referenceIsLikelyRefusal(t));
      expect(differing).toEqual([]);
      expect(texts.filter((t) => isLikelyRefusal(t)).length).toBeGreaterThan(0);
    },
  );
});
