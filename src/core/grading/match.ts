/**
 * Finding reference answers inside a model's sentences.
 *
 * Owns: answer patterns (the full normalised phrase, the words that tell it apart from the
 * competing answers, an acronym) and mention search on word boundaries. Invariants: words shared
 * by the right and the wrong answer ("Louis", "France" in "Louis XVI/XV of France") never count
 * as a mention on their own; a partial mention needs at least half of the distinctive words close
 * together, including one real word (not a bare number), so "Apollo 11" is never found from "11".
 */
import type { Token } from './normalize';
import { words } from './normalize';
import { stemWord } from './stem';

/** A reference answer prepared for matching. */
export interface AnswerPattern {
  /** Display form, used in reasons. */
  label: string;
  full: string[];
  /** Content words not shared with competing answers. */
  distinctive: string[];
  /** Initials of a multi-word answer ("cbt"), when at least three letters long. */
  acronym?: string;
  /**
   * IDF-like weight of each content word across the competing answers (see `weighPatterns`):
   * a word every answer shares weighs 0. Absent → every word weighs 1.
   */
  weights?: ReadonlyMap<string, number>;
}

/** A mention of an answer: token index range [start, end) within one sentence. */
export interface Mention {
  start: number;
  end: number;
}

const STOPWORDS = new Set(
  words(
    `of and or in on at to for by with from as into about over under is are was were be been
    being this that these those it its which who whom what when where why how do does did has have
    had can could would will should may might must very most more less some any all each both such
    their there they them he she his her him we our you your i me my one type case form than`,
  ),
);

/** Content words of a phrase: no stop words, deduplicated, order kept. */
export function contentWords(phrase: string[]): string[] {
  return [...new Set(phrase.filter((w) => !STOPWORDS.has(w)))];
}

/**
 * Prepares one answer; its distinctive words are those absent from every opposing answer
 * (compared by stem, so "proliferation" in one option and "proliferating" in another cancel).
 */
export function buildPattern(label: string, opposing: string[]): AnswerPattern {
  const full = words(label);
  const others = new Set(opposing.flatMap((o) => words(o).map(stemWord)));
  const content = contentWords(full);
  const letters = content.filter((w) => /[a-z]/.test(w));
  return {
    label,
    full,
    distinctive: content.filter((w) => !others.has(stemWord(w))),
    ...(letters.length >= 3 ? { acronym: letters.map((w) => w[0]).join('') } : {}),
  };
}

/**
 * Gives each pattern IDF-like weights over the whole answer set: a content word found in `df`
 * of the `n` answers weighs log(n / df) / log(n), so a word every answer shares
 * ("test results" in five test-result options) weighs 0 and a word unique to one answer 1.
 */
export function weighPatterns(patterns: AnswerPattern[]): AnswerPattern[] {
  const stemsOf = patterns.map((p) => new Set(contentWords(p.full).map(stemWord)));
  const n = patterns.length;
  return patterns.map((pattern) => {
    const weights = new Map<string, number>();
    for (const w of contentWords(pattern.full)) {
      const df = stemsOf.filter((stems) => stems.has(stemWord(w))).length;
      weights.set(w, n < 2 ? 1 : Math.log(n / Math.max(1, df)) / Math.log(n));
    }
    return { ...pattern, weights };
  });
}

/**
 * Token equality. Fuzzy mode also accepts a shared stem (`stemWord`: "proliferate"/
 * "proliferation", "dilated"/"dilation"), one word a prefix of the other, or a common prefix of
 * at least 75% of the shorter word, minimum 5 letters: "emboli"/"embolism",
 * "thrombus"/"thrombosis", but not "hyperparathyroidism"/"hyperthyroidism".
 */
export function isSameWord(a: string, b: string, isFuzzy: boolean): boolean {
  if (a === b) return true;
  if (!isFuzzy || /\d/.test(a) || /\d/.test(b)) return false;
  const stem = stemWord(a);
  if (stem.length >= 4 && stem === stemWord(b)) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  return common === shorter || common >= Math.max(5, Math.ceil(shorter * 0.75));
}

/** Word positions (indexes into the sentence tokens) and their texts. */
function wordIndex(sentence: Token[]): { at: number[]; text: string[] } {
  const at: number[] = [];
  const text: string[] = [];
  sentence.forEach((t, i) => {
    if (t.isWord) {
      at.push(i);
      text.push(t.text);
    }
  });
  return { at, text };
}

function findFull(text: string[], full: string[], isFuzzy: boolean): [number, number][] {
  const hits: [number, number][] = [];
  if (full.length === 0) return hits;
  for (let i = 0; i + full.length <= text.length; i++) {
    if (full.every((w, k) => isSameWord(text[i + k] as string, w, isFuzzy))) {
      hits.push([i, i + full.length]);
    }
  }
  return hits;
}

function findPartial(
  text: string[],
  pattern: AnswerPattern,
  isFuzzy: boolean,
  share: number,
): [number, number][] {
  const wanted = pattern.distinctive;
  if (wanted.length === 0 || pattern.full.length < 2) return [];
  const window = pattern.full.length + 3;
  const hits: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    if (!wanted.some((w) => isSameWord(text[i] as string, w, isFuzzy))) continue;
    const span = text.slice(i, i + window);
    const found = wanted.filter((w) => span.some((t) => isSameWord(t, w, isFuzzy)));
    const hasRealWord = found.some((w) => w.length >= 4 && !/^\d+$/.test(w));
    if (found.length >= share * wanted.length && hasRealWord) {
      let last = 0;
      span.forEach((t, k) => {
        if (found.some((w) => isSameWord(t, w, isFuzzy))) last = k;
      });
      hits.push([i, i + last + 1]);
      i += last;
    }
  }
  return hits;
}

/**
 * All mentions of `pattern` in one sentence, on word boundaries, without overlaps. A partial
 * mention needs `partialShare` of the distinctive words.
 */
export function findMentions(
  sentence: Token[],
  pattern: AnswerPattern,
  isFuzzy = false,
  partialShare = 0.5,
): Mention[] {
  const { at, text } = wordIndex(sentence);
  let hits = findFull(text, pattern.full, isFuzzy);
  if (hits.length === 0) hits = findPartial(text, pattern, isFuzzy, partialShare);
  if (hits.length === 0 && pattern.acronym) {
    text.forEach((t, i) => {
      if (t === pattern.acronym) hits.push([i, i + 1]);
    });
  }
  return hits.map(([s, e]) => ({ start: at[s] as number, end: (at[e - 1] as number) + 1 }));
}

/**
 * Where a sentence covers at least `threshold` of a long answer's content words (and half of its
 * distinctive words): the span from the first to the last matched word and the coverage, or null.
 */
export function findOverlapSpan(
  sentence: Token[],
  pattern: AnswerPattern,
  threshold: number,
): (Mention & { coverage: number }) | null {
  const content = contentWords(pattern.full);
  if (content.length < 3) return null;
  const { at, text } = wordIndex(sentence);
  const hitAt = (w: string): number => text.findIndex((t) => isSameWord(t, w, true));
  const weight = (w: string): number => pattern.weights?.get(w) ?? 1;
  const found = content.filter((w) => hitAt(w) >= 0);
  const hits = found.map(hitAt);
  const total = content.reduce((sum, w) => sum + weight(w), 0);
  const coverage = found.reduce((sum, w) => sum + weight(w), 0) / (total || 1);
  const distinct = pattern.distinctive.filter((w) => hitAt(w) >= 0).length;
  if (total === 0 || coverage < threshold) return null;
  if (distinct * 2 < pattern.distinctive.length) return null;
  return {
    start: at[Math.min(...hits)] as number,
    end: (at[Math.max(...hits)] as number) + 1,
    coverage,
  };
}

/**
 * Fraction of a phrase's content words present in a sentence (0..1), the overlap measure used
 * for sentence-long answers (misconceptions, claims, medical options).
 */
export function overlap(sentenceWords: string[], phraseContent: string[], isFuzzy = true): number {
  if (phraseContent.length === 0) return 0;
  const found = phraseContent.filter((w) => sentenceWords.some((t) => isSameWord(t, w, isFuzzy)));
  return found.length / phraseContent.length;
}
