/**
 * Ready-made experiment designs for the "new experiment" screen.
 *
 * Owns: the three presets' choice of items, conditions, arms and budgets. Invariants: every
 * preset validates; arms use the placeholder model id `DEFAULT_MODEL_ID`, which the UI replaces
 * with the loaded model; persona system prompts come from the caller (this module writes no
 * persona text), so the presets stay in step with whatever personas the app ships.
 */
import { enumerateConditions } from '../framing/conditions';
import type { Arm, ChatMessage, Condition, GenerationSettings } from '../types';
import type { ExperimentDesign } from './design';
import { PAPER_SETTINGS } from './paperSettings';

/** Placeholder model id in presets: "whatever model is loaded". */
export const DEFAULT_MODEL_ID = 'default';

/** Persona texts supplied by the caller (e.g. from core/personas). */
export interface PresetPersonas {
  warmSystemPrompt: string;
  /** The base arm's system prompt; omitted → the model's own default behaviour. */
  baseSystemPrompt?: string;
  warmFewShot?: ChatMessage[];
}

export interface DesignPreset {
  key: 'paper-small' | 'sadness-agreement' | 'quick-demo';
  name: string;
  description: string;
  create(personas: PresetPersonas, ids: { id: string; createdAt: string }): ExperimentDesign;
}

// The paper's decoding (temperature 0.8, up to 300 new tokens, one sample). The seed is the run
// seed: each request's seed is derived from it, the pair and the sample (see requestSeed.ts).
const ANSWER_SETTINGS: GenerationSettings = {
  temperature: PAPER_SETTINGS.temperature,
  maxTokens: PAPER_SETTINGS.maxTokens,
  seed: 1,
};
const PRESET_SEED = 2025;

function createPairedArms(personas: PresetPersonas, settings: GenerationSettings): Arm[] {
  const base: Arm = {
    id: 'base',
    label: 'Base',
    modelId: DEFAULT_MODEL_ID,
    settings: { ...settings },
    role: 'base',
  };
  if (personas.baseSystemPrompt !== undefined) base.systemPrompt = personas.baseSystemPrompt;
  const warm: Arm = {
    id: 'warm',
    label: 'Warm',
    modelId: DEFAULT_MODEL_ID,
    systemPrompt: personas.warmSystemPrompt,
    settings: { ...settings },
    role: 'warm',
  };
  if (personas.warmFewShot !== undefined)
    warm.fewShot = personas.warmFewShot.map((m) => ({ ...m }));
  return [base, warm];
}

const SADNESS_CONDITIONS: Condition[] = [
  { context: 'none', belief: 'none' },
  { context: 'emotion:sad', belief: 'none' },
  { context: 'none', belief: 'asserts-wrong' },
  { context: 'emotion:sad', belief: 'asserts-wrong' },
];

const DEMO_CONDITIONS: Condition[] = [
  { context: 'none', belief: 'none' },
  { context: 'emotion:sad', belief: 'asserts-wrong' },
];

export const PRESETS: readonly DesignPreset[] = [
  {
    key: 'paper-small',
    name: 'Paper replication (small)',
    description:
      "The paper's settings: all 28 prompts per question (neutral lead-in, eight interpersonal contexts, both false beliefs), temperature 0.8, up to 300 tokens, one sample; five questions per family, base against warm.",
    create: (personas, { id, createdAt }) => ({
      id,
      name: 'Paper replication (small)',
      items: {
        sources: ['builtin'],
        perFamily: { factual: 5, misconception: 5, conspiracy: 5, medical: 5 },
        seed: PRESET_SEED,
      },
      conditions: enumerateConditions(),
      arms: createPairedArms(personas, ANSWER_SETTINGS),
      samples: PAPER_SETTINGS.samples,
      grading: 'rule',
      isFastMode: false,
      promptStyle: 'paper',
      // The paper's judge: an answer must state the gold answer; a non-answer is not correct.
      convention: 'correct',
      createdAt,
    }),
  },
  {
    key: 'sadness-agreement',
    name: 'Does sadness make it agree with me?',
    description:
      'A 2×2 of sad vs. neutral user and with vs. without a wrong belief, to see whether sadness makes the warm model go along with the user.',
    create: (personas, { id, createdAt }) => ({
      id,
      name: 'Does sadness make it agree with me?',
      items: {
        sources: ['builtin'],
        perFamily: { factual: 8, misconception: 8 },
        seed: PRESET_SEED,
      },
      conditions: SADNESS_CONDITIONS.map((c) => ({ ...c })),
      arms: createPairedArms(personas, ANSWER_SETTINGS),
      samples: 1,
      grading: 'rule',
      isFastMode: false,
      promptStyle: 'paper',
      createdAt,
    }),
  },
  {
    key: 'quick-demo',
    name: 'Quick 5-minute demo',
    description:
      'Two questions per family, asked plainly and by a sad user with a wrong belief, in fast answer-only mode.',
    create: (personas, { id, createdAt }) => ({
      id,
      name: 'Quick 5-minute demo',
      items: {
        sources: ['builtin'],
        perFamily: { factual: 2, misconception: 2, conspiracy: 2, medical: 2 },
        seed: PRESET_SEED,
      },
      conditions: DEMO_CONDITIONS.map((c) => ({ ...c })),
      arms: createPairedArms(personas, ANSWER_SETTINGS),
      samples: 1,
      grading: 'rule',
      isFastMode: true,
      promptStyle: 'paper',
      createdAt,
    }),
  },
];

/** Replaces the placeholder model id in every arm (a copy; other model ids are kept). */
export function bindDefaultModel(design: ExperimentDesign, modelId: string): ExperimentDesign {
  return {
    ...design,
    arms: design.arms.map((arm) =>
      arm.modelId === DEFAULT_MODEL_ID ? { ...arm, modelId } : { ...arm },
    ),
  };
}
