/**
 * Option-letter extraction for multiple-choice answers ("(B)", "answer: b", "B. Stop evening…",
 * "**B**").
 *
 * Owns: finding which option letters an answer commits to. Invariants: only letters that name an
 * existing option count; explicit answer statements ("the answer is C") outrank incidental
 * patterns (a restated option list), and are used alone whenever present; lower-case letters
 * count only in explicit statements, never as a bare "(a)" list marker.
 */

const LEAD = String.raw`\b(?:[Aa]nswer|[Oo]ption|[Cc]hoice|I(?:'d| would)? (?:choose|pick|go with|select))\s*(?:is|would be)?\s*[:-]?\s*\*{0,2}\(?`;

const EXPLICIT: readonly RegExp[] = [
  // Upper-case letter anywhere after an answer phrase: "the answer is B because…".
  new RegExp(`${LEAD}([A-J])\\b(?![-'’])`, 'g'),
  // Lower-case only when the letter stands alone: "answer: b", "answer is (c)." — not "a bit".
  new RegExp(`${LEAD}([a-j])(?=\\)?\\*{0,2}\\s*(?:$|[.,;:!)]))`, 'gm'),
];

const INCIDENTAL: readonly RegExp[] = [
  /\(([A-J])\)/g,
  /\*\*\(?([A-J])[).:]?\*\*/g,
  /^\s*\(?([A-J])[).:]\s+\S/gm,
  /^\s*\(?([A-J])\)?[.!]?\s*$/gm,
];

function collect(text: string, patterns: readonly RegExp[], optionCount: number): Set<number> {
  const found = new Set<number>();
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const letter = (match[1] ?? '').toUpperCase();
      const index = letter.charCodeAt(0) - 65;
      if (index >= 0 && index < optionCount) found.add(index);
    }
  }
  return found;
}

/**
 * Returns the distinct 0-based option indexes an answer names, explicit statements first.
 * An empty array means no letter was found.
 */
export function extractLetters(text: string, optionCount: number): number[] {
  const explicit = collect(text, EXPLICIT, optionCount);
  const chosen = explicit.size > 0 ? explicit : collect(text, INCIDENTAL, optionCount);
  return [...chosen].sort((a, b) => a - b);
}

/** "A", "B", … for a 0-based option index. */
export function letterOf(index: number): string {
  return String.fromCharCode(65 + index);
}
