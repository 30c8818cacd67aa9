/**
 * Deterministic first-person rewrite of MedQA vignettes ("A 45-year-old man presents with…" →
 * "I'm a 45-year-old man and I have…"), so a medical question can be asked as the patient would.
 *
 * Owns: `rewriteFirstPerson`. Robustness over coverage: only adult vignettes that open with
 * "A N-year-old man|woman|male|female … presents|comes …" are rewritten; pronouns for the
 * patient become I/me/my with the following verb put in the first person. Invariant: when the
 * text mentions another person of the patient's gender before a pronoun in the same sentence
 * (so "he" might not be the patient), or the opening does not match, it returns undefined and
 * the caller keeps the original vignette.
 */

const OPENING =
  /^An? (\d+)-year-old (man|woman|male|female)([^.?]*?) (presents|comes)( to [^.?]*?| with| for| because of|)(?=[ ,.])/;

const ADVERB =
  /^(?:also|still|often|never|always|only|now|then|currently|recently|sometimes|\w+ly)$/i;
const IRREGULAR: Record<string, string> = {
  is: 'am',
  "isn't": 'am not',
  has: 'have',
  "hasn't": "haven't",
  does: 'do',
  "doesn't": "don't",
  was: 'was',
};
const OBJECT_HER_FOLLOWERS =
  /^(?:[.,;:)?!]|$|to\b|and\b|or\b|with\b|for\b|that\b|about\b|in\b|on\b|at\b|from\b|by\b|up\b|down\b|back\b|off\b|out\b|again\b|home\b|if\b|as\b|twice\b|once\b|a\b|an\b|the\b|some\b|this\b)/i;

/** Start of text, after sentence punctuation, or after a line break (lab tables end without "."). */
const SENTENCE_START = /(^|[.?!:]\s+|\n\s*)/;
/** "I have no history … and takes no medications": the second verb shares the subject "I". */
const COORDINATED_VERB =
  /(\bI\b[^.?!\n]*?\b(?:and|but|or)(?: otherwise| also| currently)? )(takes|drinks|smokes|weighs|has|is|does|uses|works|lives|reports|denies|describes|says|states|notes|appears|feels)\b/g;

const RELATIVES = {
  male: /\b(husband|father|son|brother|boyfriend|grandfather|uncle|nephew|grandson|man|boy|male partner)\b/i,
  female:
    /\b(wife|mother|daughter|sister|girlfriend|grandmother|aunt|niece|granddaughter|woman|girl|female partner)\b/i,
};
const PRONOUNS = { male: /\b(he|him|his|himself)\b/i, female: /\b(she|her|hers|herself)\b/i };

/** Puts a third-person present verb into the first person ("reports" → "report"). */
function toFirstPersonVerb(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower in IRREGULAR) return IRREGULAR[lower] as string;
  if (/[^aeiou]ies$/.test(lower) && lower.length > 4) return `${verb.slice(0, -3)}y`;
  if (/(sh|ch|x|ss|z|o)es$/.test(lower)) return verb.slice(0, -2);
  if (/[^sui]s$/.test(lower)) return verb.slice(0, -1);
  return verb;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** True when a same-gender person is mentioned before a pronoun in the same sentence. */
function hasAmbiguousPronoun(text: string, gender: 'male' | 'female'): boolean {
  return text.split(/(?<=[.?!])\s+/).some((sentence) => {
    const mention = RELATIVES[gender].exec(sentence);
    return mention !== null && PRONOUNS[gender].test(sentence.slice(mention.index));
  });
}

function replaceSubjects(text: string, subject: 'he' | 'she'): string {
  const pattern = new RegExp(
    `\\b${subject}\\b((?:\\s+[\\w']+ly|\\s+(?:also|still|often|never|always|only|now|then|currently|recently|sometimes))?)\\s+([\\w']+)`,
    'gi',
  );
  return text.replace(pattern, (_match, adverb: string, verb: string) => {
    const isAdverbVerb = ADVERB.test(verb);
    return `I${adverb} ${isAdverbVerb ? verb : toFirstPersonVerb(verb)}`;
  });
}

function replacePatientPronouns(text: string, gender: 'male' | 'female'): string {
  let out = text
    .replace(/\b(this|the) patient['’]s\b/gi, 'my')
    .replace(
      new RegExp(`${SENTENCE_START.source}(?:The|This) patient\\s+([\\w']+)`, 'g'),
      (_m, lead: string, verb: string) => `${lead}I ${toFirstPersonVerb(verb)}`,
    )
    .replace(/\b(this|the) patient\b/gi, 'me');
  if (gender === 'male') {
    out = replaceSubjects(out, 'he')
      .replace(/\bhimself\b/gi, 'myself')
      .replace(/\bhim\b/gi, 'me')
      .replace(/\bhis\b/gi, 'my');
  } else {
    out = replaceSubjects(out, 'she')
      .replace(/\bherself\b/gi, 'myself')
      .replace(/\bhers\b/gi, 'mine')
      .replace(
        /\bher\b(\s*)(\S*)/gi,
        (_m, space: string, next: string) =>
          `${OBJECT_HER_FOLLOWERS.test(next) ? 'me' : 'my'}${space}${next}`,
      );
  }
  out = out.replace(
    COORDINATED_VERB,
    (_m, lead: string, verb: string) => `${lead}${toFirstPersonVerb(verb)}`,
  );
  // Sentence-initial words we produced in lower case.
  const initial = new RegExp(`${SENTENCE_START.source}(my|me)\\b`, 'g');
  return out.replace(initial, (_m, lead: string, word: string) => `${lead}${capitalise(word)}`);
}

/**
 * Rewrites an adult MedQA vignette in the patient's voice, or returns undefined when that cannot
 * be done safely (children, "is brought…", ambiguous pronouns, unusual openings).
 */
export function rewriteFirstPerson(question: string): string | undefined {
  const match = OPENING.exec(question);
  if (!match) return undefined;
  const [opening, age, noun, descriptor, , tail] = match as unknown as string[];
  if (Number(age) < 18 || opening === undefined) return undefined;
  const gender = noun === 'man' || noun === 'male' ? 'male' : 'female';
  const rest = question.slice(opening.length);
  if (hasAmbiguousPronoun(rest, gender) || hasAmbiguousPronoun(descriptor ?? '', gender)) {
    return undefined;
  }
  const action = tail === ' with' ? 'I have' : `I've come${tail}`;
  const joiner = descriptor?.endsWith(',') ? ' ' : descriptor ? ', and ' : ' and ';
  const head = `I'm a ${age}-year-old ${noun}${descriptor ?? ''}${joiner}${action}`;
  return `${head}${replacePatientPronouns(rest, gender)}`.replace(/ {2,}/g, ' ');
}
