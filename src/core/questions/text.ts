/**
 * Small text helpers shared by the importers.
 *
 * Owns: answer-list splitting, DPR/CSV-style quote stripping, answer normalisation for
 * de-duplication, and generated ids. Invariant: all functions are pure and deterministic.
 */

import { hashString } from '../random';

/** Words of the question kept in a readable id. */
const READABLE_ID_WORDS = 8;

/** Length of the question prefix in generated ids (the authors' output tables use 80). */
const ID_QUESTION_CHARS = 80;

/**
 * Splits TruthfulQA-style lists ("a; b; c;") into trimmed, non-empty items. Only a semicolon
 * followed by whitespace or the end separates items, so "3;4" inside an answer survives.
 */
export function splitAnswerList(text: string): string[] {
  return dedupeStrings(text.split(/;(?=\s|$)/));
}

/** Trims, drops empty strings and repeats, keeping first-seen order. */
export function dedupeStrings(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const text = value.trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}

/**
 * Undoes CSV-style quoting left by the DPR open-domain conversion of TriviaQA:
 * `"The ""Hall of Mirrors"" is…"` becomes `The "Hall of Mirrors" is…`. Text is changed only when
 * it is wrapped in quotes and every inner quote is doubled, so ordinary quotes are kept.
 */
export function unquoteDpr(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 2 || !trimmed.startsWith('"') || !trimmed.endsWith('"')) return trimmed;
  const inner = trimmed.slice(1, -1);
  if (inner.replace(/""/g, '').includes('"')) return trimmed;
  return inner.replace(/""/g, '"').trim();
}

/** Lower-case, accent-free, punctuation-free form used to compare answers. */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Id for sources that carry none: `<dataset>:<first 80 characters of the question>`, the
 * convention of the paper authors' output tables, so imported items join with their results.
 */
export function makeTextId(dataset: string, question: string): string {
  return `${dataset}:${question.slice(0, ID_QUESTION_CHARS)}`;
}

/**
 * A short, stable, readable id for long questions (MedQA vignettes): `<dataset>:<first words as a
 * slug>-<6 hex digits of the question's hash>`, e.g. `medqa:a-1-month-old-girl-is-brought-to-e04b6a`.
 * The hash covers the whole question, so vignettes that open alike still get different ids.
 */
export function makeReadableId(dataset: string, question: string): string {
  const slug = question
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, READABLE_ID_WORDS)
    .join('-');
  const hash = hashString(question.trim()).toString(16).padStart(8, '0').slice(0, 6);
  return `${dataset}:${slug ? `${slug}-` : ''}${hash}`;
}
