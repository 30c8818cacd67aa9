/**
 * Shared domain types of Warmth Lab's framework-free core.
 *
 * Owns: the vocabulary every layer speaks (items, conditions, arms, prompts, grades, results,
 * and the minimal generation contract the experiment runner needs). Invariants: nothing here
 * imports svelte, idb, web-llm, chart.js or the DOM; every type is plain, structured-cloneable
 * data so it can cross a worker boundary and be stored in IndexedDB unchanged.
 */

/** The four task families of the study (TriviaQA, TruthfulQA, MASK disinformation, MedQA). */
export type Family = 'factual' | 'misconception' | 'conspiracy' | 'medical';

export const FAMILIES: readonly Family[] = ['factual', 'misconception', 'conspiracy', 'medical'];

/** Where an item came from, so results can cite it and respect its licence. */
export interface ItemSource {
  /** e.g. "Warmth Lab bank", "TruthfulQA", "MedQA", "TriviaQA", "MASK", "warm_ai_2025". */
  name: string;
  /** SPDX-like licence name, e.g. "CC-BY-4.0", "Apache-2.0", "MIT". */
  license: string;
  /** File name, URL or dataset id the item was read from. */
  ref?: string;
  /** 1-based line (or row) in the source file, for traceability. */
  line?: number;
}

/** One prompt exactly as the paper's authors composed it, kept for exact replication. */
export interface AuthorPrompt {
  /** Paper naming: original | original_neutral | correct | incorrect | mcq. */
  promptTemplate: string;
  /** Paper naming: unmodified | emotion:sad | relation:hierarchical_up | stake:high | … */
  amendmentType: string;
  prompt: string;
}

interface ItemCommon {
  /** Stable, unique within a question set. */
  id: string;
  family: Family;
  /** The question as asked with no framing. */
  question: string;
  /** Canonical correct answer (display form). */
  correct: string;
  /** Other accepted forms of the correct answer, or other true answers. Never empty strings. */
  aliases: string[];
  /** Plausible wrong answers; `wrong[0]` is used for the false-belief framing. At least one. */
  wrong: string[];
  /** True when `wrong` was derived (e.g. from other items' answers) rather than given. */
  isWrongDerived?: boolean;
  source: ItemSource;
  /** Optional free-form metadata from the source (category, exam step, …). */
  meta?: Record<string, string | number | boolean>;
  /** The paper authors' exact prompts for this item, when imported from their files. */
  authorPrompts?: AuthorPrompt[];
}

/** TriviaQA-like short factual answer. */
export interface FactualItem extends ItemCommon {
  family: 'factual';
}

/** TruthfulQA-like: `correct` is the best answer, `aliases` other true answers, `wrong` common false answers. */
export interface MisconceptionItem extends ItemCommon {
  family: 'misconception';
}

/** MASK-disinformation-like claim asked as a yes/no question. */
export interface ConspiracyItem extends ItemCommon {
  family: 'conspiracy';
  /** The true statement (equals `correct`). */
  trueStatement: string;
  /** The false counterpart (equals `wrong[0]`); also the user's belief in the false-belief framing. */
  falseStatement: string;
  /** Whether the true answer to `question` is yes (true) or no (false). */
  isYesTrue: boolean;
}

/** MedQA-like case vignette with 4–5 options. */
export interface MedicalItem extends ItemCommon {
  family: 'medical';
  options: string[];
  /** 0-based index into `options` of the correct answer (`options[answerIndex] === correct`). */
  answerIndex: number;
}

export type Item = FactualItem | MisconceptionItem | ConspiracyItem | MedicalItem;

/** Interpersonal contexts: none plus the paper's eight. */
export type ContextId =
  | 'none'
  | 'emotion:happy'
  | 'emotion:sad'
  | 'emotion:angry'
  | 'relation:close'
  | 'relation:deferential'
  | 'relation:commanding'
  | 'stakes:high'
  | 'stakes:low';

/** User-belief conditions. `denies-right` carries a false belief too ("I don't think it's Y"). */
export type BeliefId = 'none' | 'asserts-wrong' | 'denies-right';

/** One framing condition of an item. `custom` ids name user-written contexts/beliefs. */
export interface Condition {
  context: ContextId | `custom:${string}`;
  belief: BeliefId | `custom:${string}`;
  /** Hedged belief form ("…but I'm really not sure"). */
  isHedged?: boolean;
  /** Adds a neutral lead-in sentence (the paper's `original_neutral`). */
  hasLeadIn?: boolean;
}

/** The exact text sent to a model, with the variant ids that produced it. */
export interface ComposedPrompt {
  text: string;
  variantIds: { context?: string; belief?: string; leadIn?: string };
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerationSettings {
  temperature: number;
  maxTokens: number;
  seed?: number;
  topP?: number;
  /** Ask for top log-probabilities (fast answer-only mode); web-llm needs top_logprobs ≥ 1. */
  topLogprobs?: number;
  /** JSON schema for constrained output (LLM judge). */
  jsonSchema?: string;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  prefillTokensPerSecond?: number;
  decodeTokensPerSecond?: number;
}

export interface GenerateResult {
  text: string;
  usage: Usage;
  finishReason: 'stop' | 'length' | 'abort' | 'error';
  /** Wall-clock milliseconds from request to last token. */
  elapsedMs: number;
  /**
   * Probability of the answer as sampled (exp of the summed chosen-token log-probabilities at the
   * request's temperature), when log-probabilities were asked for and the engine reported them.
   */
  answerProbability?: number;
}

/** What the experiment runner needs from any engine (implemented in src/engine). */
export interface Generator {
  generate(
    messages: ChatMessage[],
    settings: GenerationSettings,
    onToken?: (delta: string) => void,
    signal?: AbortSignal,
  ): Promise<GenerateResult>;
}

/** An arm: (model, system prompt, decoding settings) — how a "base" or "warm" answer is made. */
export interface Arm {
  id: string;
  label: string;
  /** Engine model id (web-llm id, custom record id, or `endpoint:<name>`). */
  modelId: string;
  systemPrompt?: string;
  /** Warm example exchanges placed before the question (in-context warmth). */
  fewShot?: ChatMessage[];
  settings: GenerationSettings;
  /** base | warm | cold | neutral — what the analysis treats as treatment. */
  role: 'base' | 'warm' | 'cold' | 'neutral';
}

export type Outcome = 'correct' | 'incorrect' | 'refusal' | 'unparseable';

/**
 * What "correct" means. `correct` (the paper's judge): the answer must state the gold answer, so a
 * non-answer is not correct. `truthful` (TruthfulQA's): the answer asserts nothing false, so a
 * non-answer is truthful.
 */
export type GradingConvention = 'correct' | 'truthful';

export const GRADING_CONVENTIONS: readonly GradingConvention[] = ['correct', 'truthful'];

/** How sure a rule grader is of its verdict; `low` verdicts go to the judge and reviewers first. */
export type GradeConfidence = 'high' | 'low';

export interface Grade {
  outcome: Outcome;
  /** e.g. "rule:factual@1", "judge:Qwen2.5-0.5B-Instruct-q4f32_1-MLC", "human:alice". */
  grader: string;
  reason: string;
  at?: string;
  /** The convention the verdict was made under; absent on grades made before it existed (= `correct`). */
  convention?: GradingConvention;
  /** Rule grades: how sure the grader is. Judge and human grades leave it out. */
  confidence?: GradeConfidence;
}

/** One model response and everything needed to analyse and re-check it. */
export interface ResponseRecord {
  runId: string;
  /** Position in the run's plan; (runId, planIndex) is unique. */
  planIndex: number;
  armId: string;
  armRole: Arm['role'];
  modelId: string;
  itemId: string;
  family: Family;
  condition: Condition;
  sample: number;
  prompt: ComposedPrompt;
  output: string;
  finishReason: GenerateResult['finishReason'];
  grades: Grade[];
  usage: Usage;
  elapsedMs: number;
  /** The request's own sampling seed (derived from the run seed, the pair and the sample). */
  seed?: number;
  /** Fast mode: the engine's probability of the chosen answer's first token (0–1). */
  answerProbability?: number;
  createdAt: string;
}
