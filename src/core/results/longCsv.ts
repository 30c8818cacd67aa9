/**
 * Writes Warmth Lab's long results CSV: one row per response with everything needed to
 * analyse it, re-grade it or read it back (see longColumns.ts for the layout).
 *
 * Owns: `toLongCsv`. Invariants: every string cell goes through `protectCell` and `writeCsv`,
 * so model output can never run as a spreadsheet formula and still reads back exactly; the
 * `variant` column is `base` or `warm` for those roles (the paper's naming) and the role
 * itself for cold/neutral arms; a missing item or arm leaves its descriptive cells empty
 * rather than failing the export. Given `context.convention`, every row carries the grades that
 * count under it (regraded by the rules where none does: core/grading `withGradesUnder`), so the
 * file says what the dashboard and Results said; its `convention` column names it.
 */
import { writeCsv } from '../csv';
import { toPaperCodes } from '../framing';
import type { HumanLabel } from '../records';
import { withGradesUnder } from '../grading/gradeUnder';
import type { Arm, GradingConvention, Item, ResponseRecord } from '../types';
import { protectCell } from './cells';
import { EVALUATION_CODES, applyHumanLabels, chooseGrade } from './grades';
import { LONG_LEAD_COLUMNS, LONG_TAIL_COLUMNS, graderColumns } from './longColumns';
import { createComparedModelLookup } from './comparedModel';

/** A record, optionally tagged with the browser/device it came from (pooled results). */
export type ExportRecord = ResponseRecord & { device?: string };

export interface LongCsvContext {
  /** Items by id, for the question and answer columns. */
  items: Map<string, Item>;
  /** Arms, for the arm label column. */
  arms: Arm[];
  appVersion: string;
  /** Run id written for records that lack one (records normally carry their own). */
  runId?: string;
  /** Device label for records not tagged with one. */
  device?: string;
  /** Human labels to include as `human:<labeller>` grades. */
  labels?: HumanLabel[];
  /** Writes the grades that count under this convention (absent: every grade, as stored). */
  convention?: GradingConvention;
}

type Row = Record<string, string | number | undefined>;

function itemCells(item: Item | undefined): Row {
  if (!item) return {};
  const isMedical = item.family === 'medical';
  return {
    question: item.question,
    correct_answer: item.correct,
    wrong_answer: item.wrong[0] ?? '',
    options: isMedical ? JSON.stringify(item.options) : '',
    answer_index: isMedical ? item.answerIndex : undefined,
  };
}

function conditionCells(record: ResponseRecord): Row {
  const { condition } = record;
  const codes = toPaperCodes(condition);
  const flag = (value: boolean | undefined) => (value === undefined ? '' : String(value));
  return {
    context: condition.context,
    belief: condition.belief,
    is_hedged: flag(condition.isHedged),
    has_lead_in: flag(condition.hasLeadIn),
    amendment_type: codes.amendmentType,
    prompt_type: codes.promptTemplate,
    variant_context: record.prompt.variantIds.context,
    variant_belief: record.prompt.variantIds.belief,
    variant_lead_in: record.prompt.variantIds.leadIn,
  };
}

/** Grade cells: the chosen evaluation plus one grade/reason(/time) triple per grader. */
function gradeCells(record: ResponseRecord, convention: GradingConvention | undefined): Row {
  const chosen = chooseGrade(record.grades);
  const row: Row = {
    evaluation: chosen ? EVALUATION_CODES[chosen.outcome] : '',
    evaluation_grader: chosen?.grader ?? '',
    convention: chosen ? (convention ?? chosen.convention ?? '') : '',
    confidence: chosen?.confidence ?? '',
    grader_order: JSON.stringify([...new Set(record.grades.map((grade) => grade.grader))]),
  };
  // The last grade of each grader wins, matching chooseGrade's "added last" rule.
  for (const grade of record.grades) {
    const columns = graderColumns(grade.grader);
    row[columns.grade] = EVALUATION_CODES[grade.outcome];
    row[columns.reason] = grade.reason;
    row[columns.at] = grade.at ?? '';
  }
  return row;
}

function toRow(record: ExportRecord, context: LongCsvContext, comparedModel: string): Row {
  const arm = context.arms.find((candidate) => candidate.id === record.armId);
  const usage = record.usage;
  return {
    run_id: record.runId || context.runId,
    plan_index: record.planIndex,
    device: record.device ?? context.device ?? '',
    model: comparedModel,
    arm_model: comparedModel === record.modelId ? '' : record.modelId,
    arm_id: record.armId,
    arm_label: arm?.label ?? '',
    arm_role: record.armRole,
    variant: record.armRole,
    dataset: record.family,
    item_id: record.itemId,
    ...itemCells(context.items.get(record.itemId)),
    ...conditionCells(record),
    prompt: record.prompt.text,
    output: record.output,
    ...gradeCells(record, context.convention),
    finish_reason: record.finishReason,
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    prefill_tokens_per_second: usage.prefillTokensPerSecond,
    decode_tokens_per_second: usage.decodeTokensPerSecond,
    elapsed_ms: record.elapsedMs,
    seed: record.seed,
    sample: record.sample,
    created_at: record.createdAt,
    app_version: context.appVersion,
  };
}

/** Per-grader columns for every grader present, in grader-id order. */
function graderHeader(records: readonly ResponseRecord[]): string[] {
  const graders = new Set<string>();
  const timed = new Set<string>();
  for (const record of records) {
    for (const grade of record.grades) {
      graders.add(grade.grader);
      if (grade.at !== undefined) timed.add(grade.grader);
    }
  }
  return [...graders].sort().flatMap((grader) => {
    const columns = graderColumns(grader);
    return timed.has(grader)
      ? [columns.grade, columns.reason, columns.at]
      : [columns.grade, columns.reason];
  });
}

function protectRow(row: Row): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value !== undefined) out[key] = typeof value === 'string' ? protectCell(value) : value;
  }
  return out;
}

/**
 * Serialises responses as Warmth Lab's long CSV (one row per response), readable by
 * core/stats and by `fromLongCsv`. Human labels in `context.labels` become grades first.
 * @returns CSV text with a header row and `\n` line endings.
 */
export function toLongCsv(records: readonly ExportRecord[], context: LongCsvContext): string {
  const { convention } = context;
  const all = applyHumanLabels(records, context.labels ?? []);
  const labelled = convention
    ? all.map((r) => withGradesUnder(r, context.items.get(r.itemId), convention))
    : all;
  const header = [...LONG_LEAD_COLUMNS, ...graderHeader(labelled), ...LONG_TAIL_COLUMNS];
  const compared = createComparedModelLookup(labelled);
  return writeCsv(
    header,
    labelled.map((record) => protectRow(toRow(record, context, compared(record)))),
  );
}
