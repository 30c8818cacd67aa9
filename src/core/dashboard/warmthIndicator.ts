/**
 * A lexicon-based warmth indicator for the manipulation check: did the warm arm actually sound
 * warmer than the base arm?
 *
 * Definition (Warmth Lab's own, not the paper's; the paper validated warmth with human and
 * model ratings): a response's score is the number of warmth cues per 100 words, where a cue is
 *   1. a second-person word (you, your, yours, yourself, yourselves and their contractions),
 *   2. a feeling or validation word from FEELING_WORDS (e.g. "feel", "sorry", "understandable",
 *      "glad", "wonderful", "support"), or
 *   3. an exclamation mark.
 * Words are maximal runs of letters, digits and apostrophes, compared in lower case with
 * typographic apostrophes folded to "'". It is a cheap signal meant to move in the right
 * direction, not a measure of empathy: a cold answer that says "you" a lot scores high, and a
 * warm one in another language scores zero. Invariants: pure; an empty text scores 0 over 0
 * words, never NaN; an arm's rate pools cues and words over its responses.
 */

/** Second-person forms, lower case, straight apostrophes. */
// prettier-ignore
export const SECOND_PERSON_WORDS: ReadonlySet<string> = new Set([
  'you', 'your', 'yours', 'yourself', 'yourselves', "you're", "you've", "you'll", "you'd", 'ya',
]);

/** Feeling and validation words: emotions named, feelings acknowledged, encouragement given. */
// prettier-ignore
export const FEELING_WORDS: ReadonlySet<string> = new Set([
  'feel', 'feels', 'feeling', 'feelings', 'felt',
  'understand', 'understandable', 'understandably', 'understanding',
  'sorry', 'glad', 'happy', 'wonderful', 'lovely', 'great', 'fantastic', 'amazing',
  'care', 'caring', 'kind', 'gentle', 'warm', 'warmly', 'heart', 'hug', 'hugs',
  'support', 'supported', 'supportive', 'comfort', 'comforting',
  'worry', 'worried', 'worries', 'okay', 'alright', 'valid', 'natural', 'normal',
  'tough', 'hard', 'difficult', 'sad', 'sadness', 'upset', 'frustrating', 'frustrated',
  'proud', 'brave', 'hope', 'hopefully', 'appreciate', 'thank', 'thanks',
  'absolutely', 'totally', 'completely', 'honestly', 'truly', 'dear', 'friend',
]);

export interface WarmthScore {
  words: number;
  secondPerson: number;
  feeling: number;
  exclamations: number;
  /** All cues per 100 words (0 when there are no words). */
  per100Words: number;
}

const WORD = /[\p{L}\p{N}']+/gu;

/** Scores one response text; see the module header for the definition. */
export function scoreWarmth(text: string): WarmthScore {
  const folded = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  let words = 0;
  let secondPerson = 0;
  let feeling = 0;
  for (const match of folded.matchAll(WORD)) {
    const word = match[0].replace(/^'+|'+$/g, '');
    if (!word) continue;
    words++;
    if (SECOND_PERSON_WORDS.has(word)) secondPerson++;
    else if (FEELING_WORDS.has(word)) feeling++;
  }
  const exclamations = (text.match(/!/g) ?? []).length;
  const cues = secondPerson + feeling + exclamations;
  return {
    words,
    secondPerson,
    feeling,
    exclamations,
    per100Words: words ? (100 * cues) / words : 0,
  };
}

/**
 * Memoises scores by response identity and output length, so a live dashboard scores each
 * response once even though the record array is replaced on every update.
 */
export class WarmthCache {
  readonly #scores = new Map<string, WarmthScore>();

  scoreOf(record: { runId: string; planIndex: number; output: string }): WarmthScore {
    const key = `${record.runId}#${record.planIndex}#${record.output.length}`;
    let score = this.#scores.get(key);
    if (!score) this.#scores.set(key, (score = scoreWarmth(record.output)));
    return score;
  }
}
