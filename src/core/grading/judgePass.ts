/**
 * Running the LLM judge over stored responses: sequential, resumable, abortable.
 *
 * Owns: the judge loop. Records are judged in the order given (the Review view puts the rule
 * graders' unsure verdicts first, see core/review). Invariants: one request at a time (a browser GPU holds one model);
 * records the store already judged are skipped, so a pass can resume after a reload; an abort
 * (signal, or a generation that finished with 'abort') stops before saving anything partial;
 * a generation error is recorded in the summary and the pass moves on to the next record.
 */
import type {
  GenerationSettings,
  Generator,
  Grade,
  GradingConvention,
  Item,
  ResponseRecord,
} from '../types';
import { recordKey } from './humanLabels';
import { buildJudgeMessages, JUDGE_JSON_SCHEMA, parseJudgeReply } from './judge';

/** Where judge grades live (IndexedDB in the app, a Map in tests). */
export interface JudgeStore {
  isJudged(key: string): boolean | Promise<boolean>;
  save(key: string, grade: Grade): void | Promise<void>;
}

export interface JudgePassOptions {
  judgeModelId: string;
  /** The convention the rubric asks for and the grades record (default `correct`). */
  convention?: GradingConvention;
  /** Looks up the item a record answered; records without an item are counted as failed. */
  getItem: (itemId: string) => Item | undefined;
  settings?: Partial<GenerationSettings>;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number; key: string }) => void;
}

export interface JudgePassSummary {
  judged: number;
  skipped: number;
  failed: { key: string; reason: string }[];
  isAborted: boolean;
}

const DEFAULT_SETTINGS: GenerationSettings = { temperature: 0, maxTokens: 160 };

// The one answer key lives with the human labels; re-exported for callers of the judge pass.
export { recordKey };

async function judgeOne(
  record: ResponseRecord,
  item: Item,
  generator: Generator,
  options: JudgePassOptions,
): Promise<Grade | 'aborted'> {
  const settings = { ...DEFAULT_SETTINGS, ...options.settings, jsonSchema: JUDGE_JSON_SCHEMA };
  const convention = options.convention ?? 'correct';
  const messages = buildJudgeMessages(item, record.prompt.text, record.output, convention);
  const result = await generator.generate(messages, settings, undefined, options.signal);
  if (result.finishReason === 'abort' || options.signal?.aborted) return 'aborted';
  const isCutOff = result.finishReason === 'length';
  const grade = parseJudgeReply(result.text, options.judgeModelId, { convention, isCutOff });
  return { ...grade, at: new Date().toISOString() };
}

/**
 * Judges every record not yet in the store, one at a time, saving each grade as it comes.
 * Resolves with counts; never rejects for a single record's failure.
 */
export async function runJudgePass(
  records: ResponseRecord[],
  generator: Generator,
  store: JudgeStore,
  options: JudgePassOptions,
): Promise<JudgePassSummary> {
  const summary: JudgePassSummary = { judged: 0, skipped: 0, failed: [], isAborted: false };
  for (const [index, record] of records.entries()) {
    const key = recordKey(record);
    if (options.signal?.aborted) {
      summary.isAborted = true;
      break;
    }
    if (await store.isJudged(key)) {
      summary.skipped++;
    } else {
      const item = options.getItem(record.itemId);
      if (!item) {
        summary.failed.push({ key, reason: `unknown item "${record.itemId}"` });
      } else {
        const outcome = await judgeSafely(record, item, generator, options);
        if (outcome === 'aborted') {
          summary.isAborted = true;
          break;
        }
        if ('error' in outcome) summary.failed.push({ key, reason: outcome.error });
        else {
          await store.save(key, outcome.grade);
          summary.judged++;
        }
      }
    }
    options.onProgress?.({ done: index + 1, total: records.length, key });
  }
  return summary;
}

async function judgeSafely(
  record: ResponseRecord,
  item: Item,
  generator: Generator,
  options: JudgePassOptions,
): Promise<{ grade: Grade } | { error: string } | 'aborted'> {
  try {
    const grade = await judgeOne(record, item, generator, options);
    return grade === 'aborted' ? grade : { grade };
  } catch (error) {
    if (options.signal?.aborted) return 'aborted';
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
