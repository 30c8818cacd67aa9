/**
 * Answer choices for open-ended TriviaQA items: a display answer from a bag of aliases, and a
 * wrong answer borrowed from other items.
 *
 * Owns: `chooseDisplayAnswer` and `deriveWrongAnswers`. Invariants: both are deterministic (same
 * inputs and seed, same output); a derived wrong answer never normalises to any of the item's
 * own accepted answers; items changed by `deriveWrongAnswers` are marked `isWrongDerived`.
 */
import type { Item } from '../types';
import { createRng } from '../random';
import { normalizeAnswer } from './text';

/** How many random other items to try before settling for any valid one. */
const MAX_TRIES = 25;

function tokens(text: string): Set<string> {
  return new Set(
    normalizeAnswer(text)
      .split(' ')
      .filter((t) => t !== ''),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function isSubset(small: Set<string>, large: Set<string>): boolean {
  for (const t of small) if (!large.has(t)) return false;
  return true;
}

/**
 * Picks the answer that best represents a list of aliases: the normalised form whose words are
 * contained in the most other forms ("gagarin" sits inside "yuri alexeyevich gagarin", "first
 * man" does not), ties broken by word overlap with all forms, then by length; it is shown in its
 * first cased spelling. The open-domain TriviaQA lists mix cased and normalised forms, and their
 * first element is often a paraphrase ("First man in space") rather than the name.
 */
export function chooseDisplayAnswer(answers: readonly string[]): string {
  const forms = new Map<string, string[]>();
  for (const answer of answers) {
    const key = normalizeAnswer(answer);
    if (key !== '') forms.set(key, [...(forms.get(key) ?? []), answer]);
  }
  const keys = [...forms.keys()];
  const sets = keys.map((k) => new Set(k.split(' ')));
  const scored = keys.map((key, i) => {
    const own = sets[i] as Set<string>;
    const others = sets.filter((_, j) => j !== i);
    const contained = others.filter((other) => isSubset(own, other)).length;
    const overlap = others.reduce((sum, other) => sum + jaccard(own, other), 0);
    const spelling = bestSpelling(forms.get(key) ?? []);
    return { key, spelling, isCased: isWellCased(spelling), contained, overlap };
  });
  scored.sort(
    (a, b) =>
      Number(b.isCased) - Number(a.isCased) ||
      b.contained - a.contained ||
      b.overlap - a.overlap ||
      a.key.length - b.key.length,
  );
  return scored[0]?.spelling ?? answers[0] ?? '';
}

/** Has capitals but is not shouting ("Oscar Wilde", not "oscar wilde" or "OSCAR WILDE"). */
function isWellCased(text: string): boolean {
  return /\p{Lu}/u.test(text) && /\p{Ll}/u.test(text);
}

/** The spelling to show: each word capitalised if any is, else mixed case, else the first. */
function bestSpelling(spellings: readonly string[]): string {
  const isTitle = (s: string): boolean => s.split(' ').every((w) => !/^\p{Ll}/u.test(w));
  return (
    spellings.find((s) => isWellCased(s) && isTitle(s)) ??
    spellings.find(isWellCased) ??
    spellings.find((s) => /\p{Lu}/u.test(s)) ??
    spellings[0] ??
    ''
  );
}

type Shape = 'year' | 'number' | 'text';

function shapeOf(answer: string): Shape {
  const text = answer.trim();
  if (/^\d{4}$/.test(text)) return 'year';
  if (/^[\d.,\s]+$/.test(text)) return 'number';
  return 'text';
}

function isSimilarShape(a: string, b: string): boolean {
  if (shapeOf(a) !== shapeOf(b)) return false;
  return Math.abs(tokens(a).size - tokens(b).size) <= 1;
}

/** Rough answer kind asked for by a question ("who" → person), to keep borrowed answers plausible. */
function questionKind(question: string): string {
  const match = /\b(who|whom|whose|where|when|how many|how much|what year|which year)\b/i.exec(
    question,
  );
  const word = match?.[1]?.toLowerCase() ?? 'other';
  if (word.startsWith('who')) return 'person';
  if (word.startsWith('how')) return 'amount';
  return word.endsWith('year') ? 'when' : word;
}

/** A wrong answer for `item` taken from another item, or undefined when there is none. */
function pickFromOthers(
  item: Item,
  index: number,
  items: readonly Item[],
  seed: string,
): string | undefined {
  const own = new Set([item.correct, ...item.aliases].map(normalizeAnswer));
  const rng = createRng(`${seed}:${item.id}`);
  const isValid = (other: Item | undefined): other is Item =>
    other !== undefined && other !== item && !own.has(normalizeAnswer(other.correct));
  const kind = questionKind(item.question);
  let sameShape: string | undefined;
  let fallback: string | undefined;
  for (let attempt = 0; attempt < MAX_TRIES && items.length > 1; attempt++) {
    const other = items[Math.floor(rng() * items.length)];
    if (!isValid(other)) continue;
    const isShaped = isSimilarShape(item.correct, other.correct);
    if (isShaped && questionKind(other.question) === kind) return other.correct;
    if (isShaped) sameShape ??= other.correct;
    fallback ??= other.correct;
  }
  if (sameShape ?? fallback) return sameShape ?? fallback;
  // Small sets: scan deterministically from the next item onwards.
  for (let step = 1; step < items.length; step++) {
    const other = items[(index + step) % items.length];
    if (isValid(other)) return other.correct;
  }
  return undefined;
}

/**
 * Gives every item without a wrong answer one drawn (seeded) from other items' correct
 * answers, preferring answers of the same shape (year, number, text of similar length) for questions of the same kind (who, where…).
 * Items that get one are marked `isWrongDerived: true`; returns the ids that found none.
 */
export function deriveWrongAnswers(items: Item[], seed: string): string[] {
  const unresolved: string[] = [];
  items.forEach((item, index) => {
    if (item.wrong.length > 0) return;
    const wrong = pickFromOthers(item, index, items, seed);
    if (wrong === undefined) unresolved.push(item.id);
    else {
      item.wrong = [wrong];
      item.isWrongDerived = true;
    }
  });
  return unresolved;
}
