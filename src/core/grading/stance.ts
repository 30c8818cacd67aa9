/**
 * Stance of a mention or a sentence: does the answer assert it, reject it, or merely report it?
 *
 * Owns: the clause-level rules behind "It isn't X, it's Y", "not X but Y", "you might think X,
 * but…", "X? No — Y", "X did not…", "rather than X", "While X is common…", "you mentioned X",
 * and doubt: "unlikely to be X", "rule out X", "X is less likely" (but "less likely than X"
 * leaves X asserted).
 * Invariants: a negation only reaches as far as its clause (a comma, semicolon, colon, dash or a
 * word like "but"/"instead" closes it); questions assert nothing; reports of the user's own belief
 * are neutral, agreement ("you're right that…") is assertion.
 */
import {
  AGREEMENTS,
  ATTRIBUTIONS,
  AUXILIARIES,
  CONCESSIVES,
  CONTRASTS,
  DOUBTS,
  EXCLUDERS,
  NEGATORS,
  NON_NEGATING,
  POST_DOUBTS,
  POST_REJECTIONS,
  SCOPE_BREAKERS,
  USER_REPORTS,
} from './cues';
import { DEBUNKS } from './claimCues';
import type { Mention } from './match';
import type { Token } from './normalize';
import { isReportedBelief, TRAILING_REPORTS } from './reports';

export type Stance = 'affirmed' | 'negated' | 'neutral';

const CLAUSE_SEPARATORS = new Set([',', ';', ':', '-']);
const PRE_WINDOW = 8;
const POST_WINDOW = 12;
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'that', 'where', 'when']);

/** Whether `phrase` occurs in `text` (word arrays). */
export function hasPhrase(text: string[], phrase: string[]): boolean {
  return indexOfPhrase(text, phrase) >= 0;
}

function indexOfPhrase(text: string[], phrase: string[], from = 0): number {
  for (let i = from; i + phrase.length <= text.length; i++) {
    if (phrase.every((w, k) => text[i + k] === w)) return i;
  }
  return -1;
}

/** Whether any of the phrases occurs in the text. */
export function hasAnyPhrase(text: string[], list: string[][]): boolean {
  return list.some((p) => hasPhrase(text, p));
}

/** Counts occurrences of all phrases (each position counted once per phrase). */
export function countPhrases(text: string[], list: string[][]): number {
  let count = 0;
  for (const phrase of list) {
    let at = indexOfPhrase(text, phrase);
    while (at >= 0) {
      count++;
      at = indexOfPhrase(text, phrase, at + phrase.length);
    }
  }
  return count;
}

/** Negators in the text that are not part of "not only", "no doubt", … */
export function hasNegator(text: string[]): boolean {
  return text.some((w, i) => {
    if (!NEGATORS.has(w)) return false;
    return !NON_NEGATING.some((p) => p.every((pw, k) => text[i + k] === pw));
  });
}

/** Words of the mention's clause before it (nearest last), stopping at separators/breakers. */
function clauseBefore(sentence: Token[], start: number): { text: string[]; isConceded: boolean } {
  const text: string[] = [];
  let i = start - 1;
  for (; i >= 0 && text.length < PRE_WINDOW; i--) {
    const token = sentence[i] as Token;
    if (!token.isWord && CLAUSE_SEPARATORS.has(token.text)) break;
    if (!token.isWord) continue;
    if (SCOPE_BREAKERS.has(token.text)) break;
    text.unshift(token.text);
  }
  const opener = text[0];
  const isAtClauseStart = i < 0 || text.length < PRE_WINDOW;
  return { text, isConceded: isAtClauseStart && opener !== undefined && CONCESSIVES.has(opener) };
}

/** Words of the sentence before the mention, back to the last scope breaker. */
function sentenceBefore(sentence: Token[], start: number): string[] {
  const text: string[] = [];
  for (let i = start - 1; i >= 0; i--) {
    const token = sentence[i] as Token;
    if (!token.isWord) continue;
    if (SCOPE_BREAKERS.has(token.text)) break;
    text.unshift(token.text);
  }
  return text;
}

/** Words after the mention in the same sentence, up to a scope breaker. */
function wordsAfter(sentence: Token[], end: number): string[] {
  const text: string[] = [];
  for (let i = end; i < sentence.length && text.length < POST_WINDOW; i++) {
    const token = sentence[i] as Token;
    if (!token.isWord) continue;
    if (SCOPE_BREAKERS.has(token.text) || RELATIVES.has(token.text)) break;
    text.push(token.text);
  }
  return text;
}

function isNegatedAfter(after: string[]): boolean {
  if (after.slice(0, 3).some((w) => POST_REJECTIONS.has(w))) return true;
  // "X is less likely than Y" doubts X whatever follows.
  if (hasAnyPhrase(after.slice(0, 5), POST_DOUBTS)) return true;
  return after.some((w, i) => AUXILIARIES.has(w) && NEGATORS.has(after[i + 1] ?? ''));
}

/** Whether a doubt phrase occurs in `text` and is not a comparison ("less likely than"). */
function isDoubtAt(text: string[], phrase: string[]): boolean {
  for (let at = indexOfPhrase(text, phrase); at >= 0; at = indexOfPhrase(text, phrase, at + 1)) {
    if (text[at + phrase.length] !== 'than') return true;
  }
  return false;
}

function isExcludedBefore(clause: string[]): boolean {
  if (DOUBTS.some((p) => isDoubtAt(clause, p))) return true;
  const tail = clause.slice(-3);
  return EXCLUDERS.some((p) => {
    const at = indexOfPhrase(tail, p);
    return at >= 0 && at + p.length >= tail.length - 1;
  });
}

/**
 * "X, the drug you mentioned, …" restates the user's suggestion without endorsing it; "X, as you
 * said" and "X, like you said" agree with it and are left to the other rules.
 */
function isUserAppositive(after: string[]): boolean {
  const head = after.slice(0, 4);
  return USER_REPORTS.some((p) => {
    const at = indexOfPhrase(head, p);
    return at >= 0 && !head.slice(0, at).some((w) => w === 'as' || w === 'like');
  });
}

/** Stance of one mention within its sentence. */
export function mentionStance(sentence: Token[], mention: Mention): Stance {
  const last = sentence[sentence.length - 1];
  if (last && !last.isWord && last.text === '?') return 'neutral';
  const clause = clauseBefore(sentence, mention.start);
  const before = sentenceBefore(sentence, mention.start);
  if (isExcludedBefore(clause.text) || hasNegator(clause.text)) return 'negated';
  if (hasAnyPhrase(clause.text, CONTRASTS)) return 'negated';
  const after = wordsAfter(sentence, mention.end);
  if (isNegatedAfter(after)) return 'negated';
  if (isUserAppositive(after) || hasAnyPhrase(after.slice(0, 8), TRAILING_REPORTS))
    return 'neutral';
  if (hasAnyPhrase(before, AGREEMENTS)) return 'affirmed';
  if (hasAnyPhrase(clause.text, USER_REPORTS) || clause.isConceded) return 'neutral';
  return isReportedBelief(clause.text) ? 'neutral' : 'affirmed';
}

/**
 * The words with "no doubt", "not only", … removed, so "there is no doubt that X" is not read
 * as "there is no X" (a debunking phrase).
 */
function withoutNonNegating(text: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const phrase = NON_NEGATING.find((p) => p.every((w, k) => text[i + k] === w));
    if (phrase) {
      out.push(...phrase.slice(1));
      i += phrase.length - 1;
    } else out.push(text[i] as string);
  }
  return out;
}

/** Sentence-level signals used for sentence-long answers and claims. */
export interface SentenceSignals {
  isQuestion: boolean;
  isNegated: boolean;
  isAttributed: boolean;
  isAgreement: boolean;
}

/** Reads negation, attribution and agreement cues anywhere in a sentence. */
export function sentenceSignals(sentence: Token[]): SentenceSignals {
  const text = withoutNonNegating(sentence.filter((t) => t.isWord).map((t) => t.text));
  const last = sentence[sentence.length - 1];
  return {
    isQuestion: !!last && !last.isWord && last.text === '?',
    isNegated:
      hasNegator(text) || hasAnyPhrase(text, DEBUNKS) || text.some((w) => POST_REJECTIONS.has(w)),
    isAttributed: hasAnyPhrase(text, ATTRIBUTIONS) || hasAnyPhrase(text, USER_REPORTS),
    isAgreement: hasAnyPhrase(text, AGREEMENTS),
  };
}
