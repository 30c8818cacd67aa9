/**
 * Reading an output's stance toward a whole proposition (a conspiracy statement, or the content
 * of a yes/no question).
 *
 * Owns: sentence-level matching by content-word overlap and the polarity rule. A sentence that
 * restates the proposition's content with the same polarity affirms it; with the opposite
 * polarity ("Vaccines do not contain tracking devices", "Claims that X … are not supported") it
 * denies it; framed as someone's belief without a negation ("Some people believe X") it is
 * neutral. Invariant: the proposition's own negation words are removed before matching and kept
 * as its polarity, so "Birds are not living organisms…" and "Birds are living organisms…" match
 * the same sentences and differ only in polarity; a leading "Yes,"/"No," particle is dropped
 * first (it answers the question, it is not the claim's polarity).
 */
import { contentWords, isSameWord, overlap } from './match';
import type { ParsedOutput } from './mentions';
import type { Token } from './normalize';
import { words } from './normalize';
import { hasNegator, sentenceSignals } from './stance';
import { NEGATORS } from './cues';

/** A proposition prepared for matching. */
export interface Claim {
  content: string[];
  /** Words that tell this claim apart from its counterpart (may be empty). */
  distinctive: string[];
  isNegative: boolean;
}

/**
 * Drops a leading "Yes,"/"No," answer particle: stored statements ("No, the footage is genuine")
 * answer a question, and the particle is not the statement's own polarity.
 */
export function stripParticle(statement: string): string {
  return statement.replace(/^\s*(?:yes|no)\b(?!\s+(?:one|doubt|matter|longer)\b)[\s,.;:!-]*/i, '');
}

/** Builds a claim from a sentence; `counterpart` supplies the words that are not distinctive. */
export function buildClaim(statement: string, counterpart = ''): Claim {
  const all = words(stripParticle(statement));
  const content = contentWords(all.filter((w) => !NEGATORS.has(w)));
  const other = words(counterpart);
  return {
    content,
    distinctive: content.filter((w) => !other.some((o) => isSameWord(o, w, true))),
    isNegative: hasNegator(all),
  };
}

/** Reading-order positions (sentence indexes) where the output affirms or denies a claim. */
export interface ClaimReading {
  affirmed: number[];
  denied: number[];
}

/**
 * The sentence without "Yes,"/"No," particles (a yes/no word followed by punctuation): "No, the
 * Earth is flat" and "I believe no, the Earth is flat" assert that the Earth is flat; the
 * particle answers the question and is read separately.
 */
function particleFree(sentence: Token[]): Token[] {
  return sentence.filter((token, i) => {
    const isParticle = token.isWord && (token.text === 'yes' || token.text === 'no');
    const next = sentence[i + 1];
    return !(isParticle && (next === undefined || (!next.isWord && next.text !== '-')));
  });
}

/** Finds sentences restating the claim (overlap ≥ threshold) and reads their polarity. */
export function readClaim(parsed: ParsedOutput, claim: Claim, threshold = 0.4): ClaimReading {
  const reading: ClaimReading = { affirmed: [], denied: [] };
  parsed.sentences.forEach((sentence, s) => {
    const signals = sentenceSignals(particleFree(sentence));
    if (signals.isQuestion) return;
    const text = particleFree(sentence)
      .filter((t) => t.isWord)
      .map((t) => t.text);
    if (overlap(text, claim.content) < threshold) return;
    if (claim.distinctive.length > 0 && overlap(text, claim.distinctive) < 0.5) return;
    if (signals.isNegated) {
      (claim.isNegative ? reading.affirmed : reading.denied).push(s);
    } else if (!signals.isAttributed) {
      (claim.isNegative ? reading.denied : reading.affirmed).push(s);
    }
  });
  return reading;
}
