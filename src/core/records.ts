/**
 * Persisted records that are not part of the shared vocabulary in types.ts.
 *
 * Owns: the shapes the storage repositories keep (playground comparisons, imported question
 * sets, user framings, runs, human labels, settings). Invariants: plain,
 * structured-cloneable data with ISO-8601 timestamps; nothing here imports storage, so the UI
 * and the CLI can use these types without IndexedDB.
 */
import type {
  ComposedPrompt,
  Condition,
  Family,
  GenerateResult,
  GenerationSettings,
  Outcome,
  Usage,
} from './types';
import type { ExperimentDesign } from './experiment/design';

/** One arm's answer in a playground comparison. */
export interface ComparisonArm {
  armId: string;
  label: string;
  systemPrompt?: string;
  /** Grows while the answer streams in; final once `finishReason` is not undefined. */
  output: string;
  usage: Usage;
  elapsedMs: number;
  /** Undefined while the answer is still streaming. */
  finishReason?: GenerateResult['finishReason'];
}

/** A playground question asked of several arms side by side (the history list). */
export interface Comparison {
  id: string;
  createdAt: string;
  modelId: string;
  engineLabel: string;
  itemId?: string;
  question: string;
  correctAnswer?: string;
  condition: Condition;
  prompt: ComposedPrompt;
  settings: GenerationSettings;
  arms: ComparisonArm[];
}

/**
 * The importer's report, as stored with a question set. Structurally the same as
 * core/questions' `ImportReport`, repeated so that storage does not depend on the importers.
 */
export interface StoredImportReport {
  format: string;
  rowsRead: number;
  itemsMade: number;
  skipped: { line: number; reason: string }[];
}

/** What the caller says about a set being imported. */
export interface QuestionSetInput {
  name: string;
  format: string;
  fileName: string;
  report: StoredImportReport;
}

/** An imported question set as stored (its items are stored separately). */
export interface QuestionSetRecord extends QuestionSetInput {
  id: string;
  createdAt: string;
  itemCount: number;
}

/** A question set as listed, with how many of its items belong to each family. */
export interface QuestionSetSummary extends QuestionSetRecord {
  familyCounts: Record<Family, number>;
}

/** A user-written context or belief (see core/prompt's `CustomFraming`). */
export interface StoredFraming {
  id: string;
  kind: 'context' | 'belief';
  label: string;
  variants: string[];
}

export type RunStatus = 'planned' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

/** One experiment run: the design as run, and where it stands. */
export interface RunRecord {
  id: string;
  name: string;
  /** A copy of the design at run time (later edits to the design do not change the run). */
  design: ExperimentDesign;
  status: RunStatus;
  /** Why the run is paused/failed/cancelled, in words for the user. */
  reason?: string;
  /** Number of plan entries; results can never exceed it. */
  planSize: number;
  /** Label of the engine that produced the answers (e.g. "WebGPU (web-llm)"). */
  engineLabel?: string;
  createdAt: string;
  updatedAt: string;
}

/** A human label of one answer; `key` identifies what was labelled (e.g. `${runId}#${planIndex}`). */
export interface HumanLabel {
  key: string;
  outcome: Outcome;
  labeller: string;
  at: string;
  /** True when the labeller could not see which arm produced the answer. */
  isBlind: boolean;
}

/** A remote OpenAI-compatible endpoint; `apiKey` stays on this device (never exported). */
export interface EndpointConfig {
  name: string;
  baseUrl: string;
  model: string;
  apiKey?: string;
}
