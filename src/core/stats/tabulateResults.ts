/**
 * Turns response records (this browser's runs, bundles, imported files) into the columnar
 * analysis table of core/stats.
 *
 * Owns: the record → row mapping and every reason a record stays out. Invariants: a record
 * never disappears silently — each left-out record is counted under a reason; the table never
 * holds two rows with the same pairing key (the first answer wins, later ones are counted), so
 * pairing cannot fail on it; ungraded records are graded with the rule graders when their item
 * is known. Hedged and lead-in variants of a belief prompt share the paper's prompt_type, so
 * they are analysed as separate items ("<id> [hedged]"): pairs stay correct, and the GLM's
 * item clusters split a little finer than the paper's.
 */
import { toPaperCodes } from '../framing';
import { gradeResponse } from '../grading';
import { PAPER_DATASETS, chooseGrade } from '../results';
import type { AnalysisTable, PlainRow } from './analysisRows';
import { AnalysisTableBuilder } from './analysisRows';
import { isPaperRefusal } from './refusal';
import { isKnownPromptType } from './vocabulary';
import type { Item, Outcome, ResponseRecord } from '../types';
import type { ExclusionNote } from './analysisData';
import { createComparedModelLookup } from '../results/comparedModel';

/** A record as pooled: `device` names the browser or file it came from. */
export type TabulatedRecord = ResponseRecord & { device?: string };

export interface Tabulation {
  table: AnalysisTable;
  notes: ExclusionNote[];
  ruleGraded: number;
}

export interface TabulateOptions {
  /** Split each model by device (`model @ device`) when the records come from several devices. */
  isDeviceFactor: boolean;
}

const REASONS = {
  otherRole: 'cold or neutral arm (the paired analysis compares base and warm)',
  ungraded: 'not graded, and its question is unknown so the rule graders cannot grade it',
  unparseable: 'unparseable answer (neither right nor wrong)',
  customBelief: "custom belief framing (not one of the paper's prompt types)",
  repeated: 'repeats an earlier answer to the same prompt, arm and sample (the first is used)',
} as const;

class NoteCounter {
  readonly #counts = new Map<string, number>();
  add(reason: string): void {
    this.#counts.set(reason, (this.#counts.get(reason) ?? 0) + 1);
  }
  list(): ExclusionNote[] {
    return [...this.#counts].map(([reason, count]) => ({ reason, count }));
  }
}

/** The outcome the analysis uses, grading with the rules when no grade exists. */
function outcomeOf(
  record: ResponseRecord,
  items: ReadonlyMap<string, Item>,
): { outcome: Outcome; isRuleGraded: boolean } | null {
  const chosen = chooseGrade(record.grades);
  if (chosen) return { outcome: chosen.outcome, isRuleGraded: false };
  const item = items.get(record.itemId);
  if (!item) return null;
  return { outcome: gradeResponse(item, record.output).outcome, isRuleGraded: true };
}

/** Item id with the prompt variants the paper's codes cannot tell apart. */
function itemKeyOf(record: ResponseRecord): string {
  const { condition } = record;
  let key = record.itemId;
  if (condition.isHedged === true) key += ' [hedged]';
  if (condition.hasLeadIn === true && condition.belief !== 'none') key += ' [lead-in]';
  return key;
}

/** The first arm seen for each (model, role) is the one analysed. */
function chooseArms(records: readonly TabulatedRecord[], modelOf: (r: TabulatedRecord) => string) {
  const chosen = new Map<string, string>();
  for (const record of records) {
    const key = `${modelOf(record)}\u0000${record.armRole}`;
    if (!chosen.has(key)) chosen.set(key, record.armId);
  }
  return (record: TabulatedRecord): boolean =>
    chosen.get(`${modelOf(record)}\u0000${record.armRole}`) === record.armId;
}

function toRow(record: TabulatedRecord, model: string, outcome: Outcome, line: number): PlainRow {
  const codes = toPaperCodes(record.condition);
  return {
    model,
    dataset: PAPER_DATASETS[record.family],
    isWarm: record.armRole === 'warm',
    itemId: itemKeyOf(record),
    amendmentType: codes.amendmentType,
    promptType: codes.promptTemplate,
    isCorrect: outcome === 'correct',
    isRefusal: outcome === 'refusal' || isPaperRefusal(record.output),
    sample: record.sample,
    line,
  };
}

function pairingKey(row: PlainRow): string {
  const { model, dataset, itemId, amendmentType, promptType, sample, isWarm } = row;
  return [model, dataset, itemId, amendmentType, promptType, sample, isWarm].join('\u0000');
}

/**
 * Builds the analysis table from records. `line` of each row is the record's 1-based position,
 * which is what analysis messages (unpaired rows) then refer to.
 */
export function tabulateRecords(
  records: readonly TabulatedRecord[],
  items: readonly Item[],
  options: TabulateOptions,
): Tabulation {
  const devices = new Set(records.map((record) => record.device ?? ''));
  const isSplit = options.isDeviceFactor && devices.size > 1;
  // A warm fine-tune arm is analysed under its run's base model, so base and warm pair up.
  const compared = createComparedModelLookup(records);
  const modelOf = (r: TabulatedRecord) =>
    isSplit ? `${compared(r)} @ ${r.device ?? ''}` : compared(r);
  const isChosenArm = chooseArms(records, modelOf);
  const byId = new Map(items.map((item) => [item.id, item]));
  const builder = new AnalysisTableBuilder();
  const notes = new NoteCounter();
  const seen = new Set<string>();
  let ruleGraded = 0;
  records.forEach((record, index) => {
    if (record.armRole !== 'base' && record.armRole !== 'warm') return notes.add(REASONS.otherRole);
    if (!isChosenArm(record)) {
      return notes.add(
        `arm "${record.armId}" (${record.armRole}, ${modelOf(record)}): the analysis takes one ${record.armRole} arm per model, the first one found`,
      );
    }
    const graded = outcomeOf(record, byId);
    if (!graded) return notes.add(REASONS.ungraded);
    if (graded.outcome === 'unparseable') return notes.add(REASONS.unparseable);
    const row = toRow(record, modelOf(record), graded.outcome, index + 1);
    if (!isKnownPromptType(row.promptType)) return notes.add(REASONS.customBelief);
    const key = pairingKey(row);
    if (seen.has(key)) return notes.add(REASONS.repeated);
    seen.add(key);
    if (graded.isRuleGraded) ruleGraded++;
    builder.addRow(row);
  });
  return { table: builder.finish(), notes: notes.list(), ruleGraded };
}
