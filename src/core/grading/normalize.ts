/**
 * Text normalisation and tokenisation shared by every rule grader.
 *
 * Owns: turning free text (long, warm model answers and short reference answers) into a stream of
 * comparable tokens. Both sides of every comparison go through the same function, so matching is
 * symmetric: case, accents, curly quotes, articles, possessives, number words, British medical
 * spellings and simple plurals never decide a grade. Invariants: punctuation that separates
 * clauses survives as its own token (stance analysis needs it); word tokens are lower-case ASCII
 * letters and digits; the function is pure and deterministic.
 */

/** One token: a normalised word, or a clause/sentence separator. */
export interface Token {
  text: string;
  isWord: boolean;
}

/** Separators kept as tokens. `.` `!` `?` and newlines end sentences; the rest end clauses. */
const SENTENCE_END = new Set(['.', '!', '?', '\n']);
const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '-', '"']);

const ARTICLES = new Set(['a', 'an', 'the']);

/** Words whose trailing full stop is an abbreviation, not the end of a sentence. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'vs',
  'jr',
  'sr',
  'prof',
  'approx',
  'etc',
]);

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Letters NFD does not decompose into base letter + mark, and Greek letters used in medicine. */
const SPECIAL_LETTERS: Record<string, string> = {
  α: ' alpha',
  β: ' beta',
  γ: ' gamma',
  δ: ' delta',
  κ: ' kappa',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ı: 'i',
  þ: 'th',
};

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'m\b/g, ' am'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/'s\b/g, ''],
];

/** Lower-cases, folds accents and special letters, straightens quotes, expands contractions. */
export function foldText(text: string): string {
  // A capital "A" inside a sentence names something ("hepatitis A", "type A"); keep it apart
  // from the article, which the tokeniser drops.
  let folded = text
    .replace(/(?<=[A-Za-z0-9,] )A\b(?!['\u2019])/g, 'alpha')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, ' - ')
    .replace(/([a-z0-9])-(?=[a-z0-9])/g, '$1 ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  folded = folded.replace(/[łøæœßđıþαβγδκ]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch);
  for (const [pattern, replacement] of CONTRACTIONS) folded = folded.replace(pattern, replacement);
  return folded;
}

/**
 * Normalises one word: British medical spellings (haem-, oedema, -aemia) and a light plural
 * strip, so "haemolytic"/"hemolytic" and "negatives"/"negative" compare equal.
 */
export function normalizeWord(word: string): string {
  let w = word
    .replace(/ae/g, 'e')
    .replace(/^oe/, 'e')
    .replace(/oe(?=[dms])/g, 'e');
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) {
    w = w.slice(0, -1);
  }
  return w;
}

function pushWord(tokens: Token[], raw: string): void {
  const word = raw.replace(/'/g, '');
  if (word === '' || ARTICLES.has(word)) return;
  const number = NUMBER_WORDS[word];
  if (number !== undefined) {
    const previous = tokens[tokens.length - 1];
    const tens = previous?.isWord ? Number(previous.text) : NaN;
    // "twenty one" → 21: merge a unit into a preceding round tens number.
    if (number < 10 && tens >= 20 && tens % 10 === 0 && tens < 100 && previous) {
      previous.text = String(tens + number);
      return;
    }
    tokens.push({ text: String(number), isWord: true });
    return;
  }
  tokens.push({ text: normalizeWord(word), isWord: true });
}

/**
 * Splits text into normalised word tokens and separator tokens.
 * Example: "It isn't the Twilight Zone, it's The Outer Limits!" →
 * it is not twilight zone , it outer limit !
 */
export function tokenize(text: string): Token[] {
  const folded = foldText(text);
  const tokens: Token[] = [];
  const pattern = /[a-z0-9]+(?:[.'][a-z0-9]+)*|[.!?\n,;:()"-]/g;
  let isAbbreviation = false;
  for (const match of folded.matchAll(pattern)) {
    const piece = match[0];
    if (piece === '.' && isAbbreviation) {
      isAbbreviation = false;
      continue;
    }
    isAbbreviation = /[a-z]\.[a-z]/.test(piece) || ABBREVIATIONS.has(piece);
    if (SENTENCE_END.has(piece) || CLAUSE_BREAK.has(piece)) {
      tokens.push({ text: piece, isWord: false });
    } else if (/^\d+(\.\d+)+$/.test(piece)) {
      tokens.push({ text: piece, isWord: true });
    } else {
      // Dotted abbreviations ("u.s", "dr.") become one word; apostrophes are dropped.
      pushWord(tokens, piece.replace(/\./g, ''));
    }
  }
  return tokens;
}

/** Word tokens only, normalised, for reference answers and claims. */
export function words(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.isWord)
    .map((t) => t.text);
}

/** Whether a token ends a sentence. */
export function isSentenceEnd(token: Token): boolean {
  return !token.isWord && SENTENCE_END.has(token.text);
}

/** Splits a token stream into sentences (separators kept at the end of each sentence). */
export function splitSentences(tokens: Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    if (isSentenceEnd(token)) {
      if (current.some((t) => t.isWord)) sentences.push(current);
      current = [];
    }
  }
  if (current.some((t) => t.isWord)) sentences.push(current);
  return sentences;
}
