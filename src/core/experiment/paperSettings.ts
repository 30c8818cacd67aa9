/**
 * The paper's run settings and how a design departs from them.
 *
 * Owns: the paper's decoding and grid (temperature 0.8, up to 300 new tokens, one sample, all 28
 * prompts per question, its prompt style) and `describeDeviations`, the list the builder shows
 * beside "paper settings". Invariants: pure; a design with no deviation is exactly what the
 * "Paper replication" preset builds (apart from how many questions it draws); every deviation is
 * one plain sentence a student can read.
 */
import { conditionKey, enumerateConditions } from '../framing/conditions';
import type { ExperimentDesign } from './design';
import { promptStyleOf } from './design';
import { FAST_MODE_MAX_TOKENS } from './messages';

export const PAPER_SETTINGS = {
  temperature: 0.8,
  maxTokens: 300,
  samples: 1,
  promptsPerQuestion: 28,
} as const;

export interface SettingsComparison {
  /** True when nothing below differs from the paper. */
  isPaper: boolean;
  deviations: string[];
}

function armDeviations(design: ExperimentDesign): string[] {
  const temps = [...new Set(design.arms.map((arm) => arm.settings.temperature))];
  const tokens = [...new Set(design.arms.map((arm) => arm.settings.maxTokens))];
  const out: string[] = [];
  if (temps.some((t) => t !== PAPER_SETTINGS.temperature)) {
    const greedy = temps.includes(0) ? ' (0 = always the most likely token)' : '';
    out.push(
      `Temperature ${temps.join(' / ')}${greedy} instead of the paper's ${PAPER_SETTINGS.temperature}.`,
    );
  }
  if (!design.isFastMode && tokens.some((n) => n !== PAPER_SETTINGS.maxTokens)) {
    out.push(
      `Up to ${tokens.join(' / ')} new tokens instead of the paper's ${PAPER_SETTINGS.maxTokens}.`,
    );
  }
  return out;
}

function gridDeviation(design: ExperimentDesign): string | null {
  const paperKeys = new Set(enumerateConditions().map(conditionKey));
  const keys = design.conditions.map(conditionKey);
  const inPaper = keys.filter((key) => paperKeys.has(key)).length;
  const extra = keys.length - inPaper;
  if (inPaper === PAPER_SETTINGS.promptsPerQuestion && extra === 0) return null;
  const extraText = extra > 0 ? ` plus ${extra} not in the paper (hedged or custom)` : '';
  return `${inPaper} of the paper's ${PAPER_SETTINGS.promptsPerQuestion} prompts per question${extraText}.`;
}

/** What differs from the paper's settings, one sentence each (empty: paper settings). */
export function describeDeviations(design: ExperimentDesign): SettingsComparison {
  const deviations = armDeviations(design);
  if (design.isFastMode) {
    deviations.push(
      `Fast mode: an answer-only instruction is added to every prompt and answers stop after ${FAST_MODE_MAX_TOKENS} tokens (the paper let models answer freely).`,
    );
  }
  if (design.samples !== PAPER_SETTINGS.samples) {
    deviations.push(`${design.samples} samples per prompt instead of the paper's one.`);
  }
  const grid = gridDeviation(design);
  if (grid !== null) deviations.push(grid);
  if (promptStyleOf(design) === 'varied') {
    deviations.push(
      'Varied wording: five belief phrasings and lead-ins, and a lead-in only where a condition asks for it (the paper used one template pair and put its lead-in before belief prompts).',
    );
  }
  return { isPaper: deviations.length === 0, deviations };
}
