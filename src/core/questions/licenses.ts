/**
 * Source names and licences recorded on imported items.
 *
 * Owns: the one place licences are spelled, so exports and citations agree. Invariant: a licence
 * we could not verify says so in its text rather than claiming one.
 */

export const SOURCES = {
  truthfulqa: { name: 'TruthfulQA', license: 'Apache-2.0' },
  medqa: { name: 'MedQA', license: 'MIT' },
  triviaqa: { name: 'TriviaQA', license: 'Apache-2.0' },
  mask: { name: 'MASK', license: 'MIT (code); dataset licence unverified' },
  paper: { name: 'warm_ai_2025' },
} as const;
