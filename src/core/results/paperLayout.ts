/**
 * Exports responses in the paper authors' per-model CSV layout so their published scripts
 * (statistical_models/*.py, summary_data/significance_tests.py) run on Warmth Lab results.
 *
 * Layout (one file per model × variant × dataset):
 *   warmth_lab_outputs/<model>/<variant>/<dataset>_<variant>_outputs.csv
 * with <variant> `original` for base arms and `warm`/`cold`/`neutral` otherwise (plus
 * `-<arm>` when one model has several arms of a role), <dataset> disinfo|medqa|trivia|truthfulqa,
 * and the columns of paperNames.ts: the authors' own (trivia/truthfulqa: content_key,
 * correct_answer, incorrect_answer, prompt_template, prompt, amendment_type, output,
 * evaluation, refusal; disinfo: prompt_disinfo, ground_truth, ground_false, prompt,
 * prompt_template, …; medqa: question, answer, options, answer_idx, original_question,
 * wrong_answer, prompt, prompt_type, …) then item_id, sample, is_hedged, has_lead_in, grader,
 * finish_reason. `warmth_lab_outputs/model_configs.py` pairs base and other variants in the
 * authors' ALL_CONFIGS format.
 *
 * Invariants: `evaluation` is only CORRECT or INCORRECT, because that is all the authors'
 * scripts understand — a refusal counts as CORRECT on disinfo (their convention, `refusal` = 1)
 * and is left out elsewhere (they drop refusals), unparseable and ungraded answers are left
 * out, and every omission is counted in the result.
 */
import { writeCsv } from '../csv';
import { toPaperCodes } from '../framing';
import type { Item, ResponseRecord } from '../types';
import { protectCell } from './cells';
import { chooseGrade } from './grades';
import type { PaperDataset } from './paperNames';
import {
  PAPER_COLUMNS,
  PAPER_DATASETS,
  PAPER_EXPORT_DIR,
  PAPER_EXTRA_COLUMNS,
  QUESTION_COLUMNS,
  paperFilePath,
  slugify,
  variantFolder,
} from './paperNames';
import { formatOptionsDict, optionLetter } from './pythonDict';

export interface PaperFile {
  path: string;
  model: string;
  variant: string;
  dataset: PaperDataset;
  text: string;
  rowCount: number;
}

export interface PaperExport {
  files: PaperFile[];
  /** `warmth_lab_outputs/model_configs.py`: the authors' ALL_CONFIGS for these files. */
  configs: { path: string; text: string };
  /** Responses left out, by reason, e.g. `{ reason: 'ungraded', count: 3 }`. */
  omitted: { reason: string; count: number }[];
  warnings: string[];
}

type Judged = { evaluation: 'CORRECT' | 'INCORRECT'; refusal: 0 | 1 };
type Verdict = Judged | { omit: string };

/** The paper-style verdict of a response, or why it cannot have one. */
function paperVerdict(record: ResponseRecord): Verdict {
  const outcome = chooseGrade(record.grades)?.outcome;
  if (outcome === 'correct') return { evaluation: 'CORRECT', refusal: 0 };
  if (outcome === 'incorrect') return { evaluation: 'INCORRECT', refusal: 0 };
  if (outcome === 'refusal') {
    return record.family === 'conspiracy'
      ? { evaluation: 'CORRECT', refusal: 1 }
      : { omit: 'refusal outside disinfo' };
  }
  return { omit: outcome === 'unparseable' ? 'unparseable' : 'ungraded' };
}

type Row = Record<string, string | number>;

function itemCells(dataset: PaperDataset, item: Item | undefined, fallbackKey: string): Row {
  const question = item?.question ?? fallbackKey;
  const correct = item?.correct ?? '';
  const wrong = item?.wrong[0] ?? '';
  if (dataset === 'disinfo') {
    const isConspiracy = item?.family === 'conspiracy';
    return {
      prompt_disinfo: question,
      ground_truth: isConspiracy ? item.trueStatement : correct,
      ground_false: isConspiracy ? item.falseStatement : wrong,
    };
  }
  if (dataset === 'medqa') {
    const isMedical = item?.family === 'medical';
    return {
      question,
      answer: correct,
      options: isMedical ? formatOptionsDict(item.options) : '',
      answer_idx: isMedical ? optionLetter(item.answerIndex) : '',
      original_question: question,
      wrong_answer: wrong,
    };
  }
  return { content_key: question, correct_answer: correct, incorrect_answer: wrong };
}

function toRow(record: ResponseRecord, item: Item | undefined, verdict: Judged): Row {
  const dataset = PAPER_DATASETS[record.family];
  const codes = toPaperCodes(record.condition);
  const flag = (value: boolean | undefined) => (value === undefined ? '' : String(value));
  const row: Row = {
    ...itemCells(dataset, item, record.itemId),
    prompt: record.prompt.text,
    [dataset === 'medqa' ? 'prompt_type' : 'prompt_template']: codes.promptTemplate,
    amendment_type: codes.amendmentType,
    output: record.output,
    evaluation: verdict.evaluation,
    refusal: verdict.refusal,
    item_id: record.itemId,
    sample: record.sample,
    is_hedged: flag(record.condition.isHedged),
    has_lead_in: flag(record.condition.hasLeadIn),
    grader: chooseGrade(record.grades)?.grader ?? '',
    finish_reason: record.finishReason,
  };
  for (const [key, value] of Object.entries(row))
    if (typeof value === 'string') row[key] = protectCell(value);
  return row;
}

/** Model slugs (unique per model id) and variant folder names (unique per arm). */
function nameGroups(records: readonly ResponseRecord[]): {
  model: Map<string, string>;
  variant: Map<string, string>;
} {
  const model = new Map<string, string>();
  const taken = new Set<string>();
  const armsByModelRole = new Map<string, Set<string>>();
  for (const record of records) {
    if (!model.has(record.modelId)) {
      const base = slugify(record.modelId);
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}_${n}`;
      model.set(record.modelId, slug);
      taken.add(slug);
    }
    const key = `${record.modelId}\u0000${record.armRole}`;
    armsByModelRole.set(key, (armsByModelRole.get(key) ?? new Set()).add(record.armId));
  }
  const variant = new Map<string, string>();
  for (const record of records) {
    const isShared =
      (armsByModelRole.get(`${record.modelId}\u0000${record.armRole}`)?.size ?? 0) > 1;
    const folder = variantFolder(record.armRole);
    variant.set(
      record.armId,
      isShared ? `${folder}-${slugify(record.armId).replace(/_/g, '-')}` : folder,
    );
  }
  return { model, variant };
}

/** The authors' ALL_CONFIGS: every non-base variant paired with its model's base file. */
function toConfigs(files: readonly PaperFile[]): string {
  const entries: string[] = [];
  for (const file of files) {
    if (file.variant === 'original') continue;
    const base = files.find(
      (f) => f.model === file.model && f.dataset === file.dataset && f.variant === 'original',
    );
    if (!base) continue;
    const others = new Set(
      files.filter((f) => f.model === file.model && f.variant !== 'original').map((f) => f.variant),
    );
    const name = others.size > 1 ? `${file.model}_${slugify(file.variant)}` : file.model;
    entries.push(
      `    {\n        'model': '${name}',\n        'dataset': '${file.dataset}',\n` +
        `        'base_path': '../${base.path}',\n        'ft_path': '../${file.path}',\n    },`,
    );
  }
  const note =
    `# Written by Warmth Lab. Put the ${PAPER_EXPORT_DIR} folder next to the authors' statistical_models\n` +
    '# folder and save this file in statistical_models as model_configs.py and model_configs_sample.py.\n';
  return `${note}ALL_CONFIGS = [\n${entries.join('\n')}\n]\n`;
}

type FileGroup = { file: Omit<PaperFile, 'text' | 'rowCount'>; rows: Row[] };

/**
 * The authors' significance tests join base and warm rows on question + amendment_type +
 * prompt template; repeats of that key (several samples, hedged and plain variants) would be
 * paired many-to-many there, so they are worth a warning.
 */
function repeatedKeyWarning({ file, rows }: FileGroup): string[] {
  const question = QUESTION_COLUMNS[file.dataset];
  const template = file.dataset === 'medqa' ? 'prompt_type' : 'prompt_template';
  const keys = rows.map((row) => [row[question], row.amendment_type, row[template]].join('\u0000'));
  const repeats = keys.length - new Set(keys).size;
  if (repeats === 0) return [];
  return [
    `${file.path}: ${repeats} row(s) repeat a question, amendment_type and prompt template (several samples or hedged variants); the authors' significance_tests.py pairs such rows many-to-many`,
  ];
}

/** Sorts responses into files; counts omissions and items that could not be found. */
function groupRows(records: readonly ResponseRecord[], items: Map<string, Item>) {
  const names = nameGroups(records);
  const groups = new Map<string, FileGroup>();
  const omitted = new Map<string, number>();
  const missingItems = new Set<string>();
  for (const record of records) {
    const verdict = paperVerdict(record);
    if ('omit' in verdict) {
      omitted.set(verdict.omit, (omitted.get(verdict.omit) ?? 0) + 1);
      continue;
    }
    const item = items.get(record.itemId);
    if (!item) missingItems.add(record.itemId);
    const model = names.model.get(record.modelId) ?? slugify(record.modelId);
    const variant = names.variant.get(record.armId) ?? variantFolder(record.armRole);
    const dataset = PAPER_DATASETS[record.family];
    const path = paperFilePath(model, variant, dataset);
    const group = groups.get(path) ?? { file: { path, model, variant, dataset }, rows: [] };
    group.rows.push(toRow(record, item, verdict));
    groups.set(path, group);
  }
  return { groups, omitted, missingItems };
}

/**
 * Writes responses as the paper authors' per-model CSV files plus a matching
 * `model_configs.py`. Responses without a CORRECT/INCORRECT verdict are left out and counted.
 */
export function toPaperLayout(
  records: readonly ResponseRecord[],
  context: { items: Map<string, Item> },
): PaperExport {
  const { groups, omitted, missingItems } = groupRows(records, context.items);
  const files = [...groups.values()]
    .map(({ file, rows }) => {
      const header = [...PAPER_COLUMNS[file.dataset], ...PAPER_EXTRA_COLUMNS];
      return { ...file, text: writeCsv(header, rows), rowCount: rows.length };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  const warnings = [
    ...[...missingItems].map(
      (id) => `item "${id}" is not among the known items; its id stands in for the question`,
    ),
    ...[...groups.values()].flatMap(repeatedKeyWarning),
  ];
  return {
    files,
    configs: { path: `${PAPER_EXPORT_DIR}/model_configs.py`, text: toConfigs(files) },
    omitted: [...omitted].map(([reason, count]) => ({ reason, count })),
    warnings,
  };
}
