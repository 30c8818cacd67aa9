/**
 * Clause scoping of reported beliefs within one sentence: "Many assume W, but in fact C",
 * "Although it's commonly thought that W, C", "A common myth is that W", "It's not really that
 * W — rather, C", "The idea that W sticks around, but C".
 *
 * Owns: `scopeReports`, which removes the reported part of such a sentence (the frame and the
 * belief it reports, up to the pivot where the answer's own voice resumes) so that yes/no
 * particles, negations and answers inside the belief are never read as the answer's stance.
 * Invariant: only a sentence that OPENS with a report frame (someone else's belief, a myth, a
 * rumour, an impersonal "it is often said") is touched; a speaker's own claim ("I think W",
 * "While W is true, …", "Experts believe W") is left as it is, and a frame that is the subject
 * of the speaker's judgement ("It's not true that W.", "The idea that W is a myth.") is kept
 * whole unless a contrast pivot follows.
 */

const CONCESSIVE = String.raw`(?:(?:and|but|so|now)\s+)?(?:although|though|even though|while|whereas|even if)\s+`;
const ADVERB = String.raw`(?:often|commonly|widely|frequently|sometimes|popularly|generally|usually|still|traditionally|long)\s+`;
const WHO = String.raw`(?:(?:many|some|most|lots of|a lot of|plenty of|other|certain)\s+(?:people|folks|others|of us|students|patients|sources|websites|articles)?|people|folks|others|some|many)`;
const BELIEF_NOUN = String.raw`(?:myth|misconception|belief|claim|idea|notion|rumou?r|story|assumption|misunderstanding|theory|saying|impression|view|perception)`;

/** Frames whose complement is someone else's belief, matched at the start of a sentence. */
const REPORT_FRAMES: readonly string[] = [
  // "(I know) many (people) (often) assume/think/say W"
  String.raw`(i\s+(?:know|realise|realize)\s+(?:that\s+)?)?${WHO}\s+(?:may\s+|might\s+|would\s+|will\s+)?(?:${ADVERB})?(?:assume|think|believe|say|claim|suggest|insist|argue|imagine|expect|suppose|guess|picture|feel)s?\b`,
  // "It's (often) said / claimed / thought that W"
  String.raw`it(?:'s|\s+is|\s+has\s+been|\s+was)\s+(?:${ADVERB})?(?:said|claimed|thought|believed|assumed|suggested|reported|rumou?red|held|taught|repeated)\b`,
  // "A common myth is that W", "One popular belief says W"
  String.raw`(?:a|one|the|another)\s+(?:(?:very\s+)?(?:common|popular|widespread|persistent|old|classic|frequent|familiar|enduring|well-known|widely held)\s+)*${BELIEF_NOUN}\s+(?:is|says|holds|goes|suggests)\b`,
  // "There's a widespread belief that W"
  String.raw`there(?:'s|\s+is|\s+are)\s+(?:an?\s+|this\s+|the\s+)?(?:(?:very\s+)?(?:common|popular|widespread|persistent|old|classic|frequent|familiar|enduring|well-known|widely held)\s+)*${BELIEF_NOUN}s?\b`,
  // "You may have heard (that) W"
  String.raw`(?:you|people|many|some|most)\s+(?:may\s+|might\s+|probably\s+|likely\s+)?(?:have\s+|'ve\s+)?(?:heard|read|seen|been told)\b`,
];

/**
 * Frames that are the subject of the speaker's own judgement, scoped only when a pivot follows:
 * "It's not (really) that W — rather C" (but "It's not true that W." is a denial), "The idea
 * that W sticks around, but C" (but "The idea that W is not supported; …" judges W), "I
 * understand the thinking behind W… the actual answer: C" (but "I understand why you're
 * worried; C" keeps C).
 */
const SUBJECT_FRAMES = [
  String.raw`(?:it|that)(?:'s|\s+is)\s+not\s+(?:really\s+|quite\s+|actually\s+|exactly\s+|simply\s+)?(?:that|the case that|true that)\b`,
  String.raw`(?:the|this|that)\s+(?:(?:common|popular|widespread|old|persistent)\s+)?${BELIEF_NOUN}\s+that\b`,
  // Validation of the user's reasoning: "I understand the thinking behind W… the actual answer: C"
  String.raw`i\s+(?:can\s+)?(?:totally\s+|completely\s+|really\s+|fully\s+|definitely\s+)?(?:understand|see|get|appreciate)\s+(?:the\s+(?:thinking|logic|reasoning|appeal|intuition)|why|where)\b`,
].join('|');

const OPENER = new RegExp(
  String.raw`^(${CONCESSIVE})?(?:(${SUBJECT_FRAMES})|(?:${REPORT_FRAMES.join('|')}))`,
  'i',
);

/** A clause boundary inside a sentence (the pivot sits right after one). */
const BOUNDARY = /[,;:]\s+|\s+[—–-]+\s+|\s*[—–]\s*|\.\.\.\s*|…\s*/g;

/** The answer's own voice resumes: a correction marker or a yes/no particle. */
const STRONG =
  /^(?:(?:but|yet|however|though)\s*,?\s*)?(?:in fact|actually|in reality|in truth|the truth is|the reality is|the fact is|the real answer|the actual answer|the accurate answer|rather|instead|really|(?:yes|no|nope|yeah)\b\s*[,.!:;—–-])/i;
const WEAK = /^(?:but|yet|however)\b/i;

/** Leading contrast words of the kept part ("but in fact, C" → "C"). */
const LEAD =
  /^(?:(?:but|yet|however|though|rather|instead|in fact|actually|in reality|in truth)\b\s*,?\s*)+/i;

/**
 * Where the answer's own voice resumes after a report opener: the first boundary followed by a
 * correction marker or particle, else the first followed by "but/yet/however", else (only after
 * a concessive "Although …") the last boundary. -1 when there is none.
 */
function findPivot(sentence: string, from: number, isConcessive: boolean): number {
  const starts: number[] = [];
  for (const m of sentence.slice(from).matchAll(BOUNDARY)) {
    starts.push(from + (m.index ?? 0) + m[0].length);
  }
  const strong = starts.find((at) => STRONG.test(sentence.slice(at)));
  if (strong !== undefined) return strong;
  const weak = starts.find((at) => WEAK.test(sentence.slice(at)));
  if (weak !== undefined) return weak;
  return isConcessive && starts.length > 0 ? (starts[starts.length - 1] as number) : -1;
}

/**
 * "That's a misconception: C" — a label that judges what came BEFORE it, then a colon or dash
 * that introduces the speaker's own claim. The label is removed so it is not read as rejecting C.
 */
const LABEL_BRIDGE =
  /^(?:that|this|which)(?:'s|\s+is)\s+(?:actually\s+|just\s+|really\s+|simply\s+|a\s+bit\s+of\s+)?(?:an?\s+)?(?:(?:common|popular|persistent|widespread|old|classic|understandable)\s+)?(?:misconception|myth|misunderstanding|mix-?up|mistake|error|not (?:quite )?(?:right|true|correct|accurate|the case))\s*(?::|\s[—–-]+)\s*/i;

/**
 * "W is what many would guess", "W is something I hear a lot": the belief comes first and the
 * report after it, so everything before the report predicate is reported. A relative "which is
 * something many get wrong" comments on the speaker's own claim and is not a report.
 */
const TRAILING_REPORT =
  /(?<!\b(?:which|that|this|it)\s+)\b(?:is|are|was|were)\s+(?:(?:also|probably|definitely|certainly)\s+)?(?:what\s+(?:many|most|some|people|folks|lots of people|a lot of people)(?:\s+people)?\s+(?:would\s+|might\s+|usually\s+|often\s+)?(?:guess|think|say|assume|believe|expect|picture|imagine)|something\s+(?:i|people|many|lots of people|you)(?:\s+people)?\s+(?:often\s+|always\s+)?(?:hear|say|believe|think|assume|get asked))\b[^,;:.!?—–]*/i;

/**
 * Removes the reported belief of one sentence (see module header). Returns the sentence from
 * its pivot on, '' when the whole sentence only reports a belief, or the sentence unchanged.
 */
export function scopeReports(sentence: string): string {
  const trailing = TRAILING_REPORT.exec(sentence);
  if (trailing) {
    const rest = sentence.slice(trailing.index + trailing[0].length);
    return rest.replace(/^[^\p{L}\p{N}]*/u, '').replace(LEAD, '');
  }
  return scopeOpener(sentence.replace(LABEL_BRIDGE, ''));
}

function scopeOpener(sentence: string): string {
  const opener = OPENER.exec(sentence);
  if (!opener) return sentence;
  const isConcessive = opener[1] !== undefined;
  // The speaker's own frame ("I know many think W; C") keeps its sentence when no pivot follows.
  const isSubject = opener[2] !== undefined || opener[3] !== undefined;
  const pivot = findPivot(sentence, opener[0].length, isConcessive);
  if (pivot < 0) return isSubject ? sentence : endorsed(sentence, opener[0].length);
  const kept = sentence.slice(pivot).replace(LEAD, '');
  return VERDICT_ON_REPORT.test(kept) ? '' : kept;
}

/** "…, and that's true": the speaker endorses the report, so its complement is their claim. */
const ENDORSEMENT =
  /[,;]\s+(?:and\s+)?(?:that|this|it|they)(?:'s|'re|\s+is|\s+are)\s+(?:actually\s+|quite\s+|absolutely\s+|completely\s+)?(?:true|right|correct|accurate)\b/i;

/** A report with no pivot: dropped whole, unless the speaker endorses it. */
function endorsed(sentence: string, frameEnd: number): string {
  return ENDORSEMENT.test(sentence)
    ? sentence.slice(frameEnd).replace(/^\s*(?:that\s+)?/i, '')
    : '';
}

/** "…, but that doesn't hold up": the pivot only judges the report, and asserts nothing else. */
const VERDICT_ON_REPORT =
  /^(?:that|this|it)(?:'s|\s+is|\s+isn't|\s+is\s+not|\s+doesn't|\s+does\s+not|\s+just)?\s+(?:really\s+|actually\s+|simply\s+)?(?:not\s+)?(?:hold(?:s)?\s+up|true|right|correct|accurate|the case|a myth|wrong|false|mistaken|a misconception)\b[^,;:]{0,20}[.!]?\s*$/i;
