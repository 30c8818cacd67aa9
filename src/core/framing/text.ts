/**
 * Sentence-level text helpers for prompt composition.
 *
 * Owns: the punctuation and spacing rules that make composed prompts read cleanly. Invariants:
 * joined text never contains doubled spaces, a sentence gets exactly one terminal mark (no
 * "right?." or "D.C.."), and a question keeps its own question mark. Pure string functions only.
 */

/** Terminal punctuation, optionally followed by closing quotes or brackets. */
const TERMINAL_END = /[.?!…]["'”’)\]]*$/;
const QUESTION_OR_EXCLAMATION_END = /[?!]["'”’)\]]*$/;
const SINGLE_LETTER_ABBREVIATION = /(?:^|\s)(?:[A-Za-z]\.)+$/;
const COMMON_ABBREVIATIONS = new Set([
  'jr.',
  'sr.',
  'st.',
  'inc.',
  'ltd.',
  'co.',
  'corp.',
  'etc.',
  'dr.',
  'mr.',
  'mrs.',
  'ms.',
  'bros.',
  'vs.',
]);
/** Openers of imperative pseudo-questions ("Name the…"), which end with a full stop, not "?". */
const IMPERATIVE_OPENERS = new Set([
  'name',
  'give',
  'list',
  'identify',
  'state',
  'complete',
  'find',
  'spell',
]);
/** Words that open a clause and are never proper nouns, so lower-casing them is always safe. */
const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'there',
  'it',
  'this',
  'that',
  'these',
  'those',
  'some',
  'most',
  'many',
  'all',
  'no',
  'every',
  'each',
  'we',
  'they',
  'he',
  'she',
  'people',
  'humans',
  'you',
  'your',
  'its',
  'nothing',
  'none',
  'only',
  'not',
  'yes',
  'in',
  'on',
  'at',
  'if',
  'when',
]);

/** Trims and collapses every run of whitespace (including newlines) to one space. */
export function normalizeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** True when the text already ends a sentence (., ?, !, … possibly inside closing quotes). */
export function hasTerminalPunctuation(text: string): boolean {
  return TERMINAL_END.test(text);
}

/**
 * Normalises a question: collapses whitespace and, when it lacks final punctuation, adds "?"
 * (or "." for imperative prompts such as "Name the largest moon of Saturn").
 */
export function finishQuestion(question: string): string {
  const text = normalizeSpaces(question);
  if (text === '' || hasTerminalPunctuation(text)) return text;
  const firstWord = (text.split(' ')[0] ?? '').toLowerCase();
  return `${text}${IMPERATIVE_OPENERS.has(firstWord) ? '.' : '?'}`;
}

/** Ends a sentence with "." unless it already has terminal punctuation. */
export function finishSentence(sentence: string): string {
  const text = normalizeSpaces(sentence);
  if (text === '' || hasTerminalPunctuation(text)) return text;
  return `${text}.`;
}

function isAbbreviationEnd(text: string): boolean {
  if (SINGLE_LETTER_ABBREVIATION.test(text)) return true;
  const lastWord = text.split(' ').pop() ?? '';
  return COMMON_ABBREVIATIONS.has(lastWord.toLowerCase());
}

/**
 * Prepares an answer for insertion mid-sentence: collapses whitespace and drops a sentence-final
 * full stop ("Water." → "Water"), but keeps abbreviation dots ("Washington D.C.") and ?/!.
 */
export function toInlineAnswer(answer: string): string {
  const text = normalizeSpaces(answer);
  if (!text.endsWith('.') || text.endsWith('...') || isAbbreviationEnd(text)) return text;
  return text.slice(0, -1).trimEnd();
}

/**
 * Turns a stand-alone statement into a clause that can follow "that": drops the final full stop
 * and lower-cases the first word when it is a function word or appears lower-cased in `context`
 * (the item's question), so "Vaccines cause autism." becomes "vaccines cause autism" while
 * "NASA faked…" or "Neil Armstrong…" keep their capitals.
 */
export function toClause(statement: string, context = ''): string {
  const text = toInlineAnswer(statement);
  const match = /^([A-Z][a-z'’]*)(?=[\s,;:]|$)/.exec(text);
  const firstWord = match?.[1];
  if (firstWord === undefined || firstWord === 'I') return text;
  const lower = firstWord.toLowerCase();
  const contextWords = new Set(context.split(/[^A-Za-z'’]+/));
  if (!FUNCTION_WORDS.has(lower) && !contextWords.has(lower)) return text;
  return lower + text.slice(firstWord.length);
}

/**
 * Like `toClause`, but first drops a leading "Yes," / "No," answer particle, so a claim written
 * as an answer ("No, the Earth is not hollow.") reads well after "I don't buy that …".
 */
export function toStatementClause(statement: string, context = ''): string {
  const withoutParticle = normalizeSpaces(statement).replace(/^(?:yes|no)\s*[,;:]\s*/i, '');
  return toClause(withoutParticle === '' ? statement : withoutParticle, context);
}

/**
 * Completes a belief sentence. Plain: adds "." when needed. Hedged: appends the hedge after a
 * comma ("…is Mars, but I'm really not sure."), or as its own sentence when the body already
 * ends with "?" or "!" so no "?," appears.
 */
export function finishBelief(body: string, hedge?: string): string {
  const text = normalizeSpaces(body);
  if (hedge === undefined) return finishSentence(text);
  if (QUESTION_OR_EXCLAMATION_END.test(text)) return `${text} ${capitalize(hedge)}.`;
  const withoutStop = text.endsWith('.') && !isAbbreviationEnd(text) ? text.slice(0, -1) : text;
  return `${withoutStop}, ${hedge}.`;
}

/** Upper-cases the first character. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins non-empty sentences with exactly one space. */
export function joinSentences(parts: readonly (string | undefined)[]): string {
  return parts
    .map((part) => (part === undefined ? '' : normalizeSpaces(part)))
    .filter((part) => part !== '')
    .join(' ');
}
