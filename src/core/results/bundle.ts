/**
 * The JSON results bundle: one run's responses with everything needed to analyse them on
 * another device (design, arms, the items used, human labels).
 *
 * Owns: the bundle shape (`format: 'warmth-lab/results'`, `version: 1`), `createBundle`,
 * `serializeBundle` and `parseBundle`. Invariants: a bundle never contains credentials —
 * arms, design and run are passed through `redactSecrets` both when a bundle is created and
 * when one is read; `items` holds only the items the records use; `parseBundle` accepts a
 * bundle only when every field of every record is well-formed, and otherwise throws a
 * BundleError listing each problem by its path.
 */
import { validateDesign } from '../experiment/design';
import { labelRecordKey, recordKey } from '../grading/humanLabels';
import type { ExperimentDesign } from '../experiment/design';
import type { HumanLabel, RunRecord } from '../records';
import type { Arm, Item, ResponseRecord } from '../types';
import { checkArms, checkItems, checkRun } from './bundleChecks';
import { Checker, isObject } from './checker';
import type { JsonObject } from './checker';
import { ResultsFormatError, describeValue } from './errors';
import { checkLabels, checkRecords } from './recordChecks';
import { redactSecrets } from './redact';

export const BUNDLE_FORMAT = 'warmth-lab/results';
export const BUNDLE_VERSION = 1;
/** How many problems a BundleError message spells out (all are kept in `problems`). */
const MAX_LISTED_PROBLEMS = 5;

/** A run as bundled: the design travels separately (and may be absent for imported runs). */
export type BundleRun = Omit<RunRecord, 'design'>;

export interface DeviceInfo {
  /** A name the user recognises, e.g. "Office laptop (Chrome)". */
  label: string;
  userAgent?: string;
}

export interface ResultsBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  appVersion: string;
  exportedAt: string;
  device: DeviceInfo;
  run: BundleRun;
  design?: ExperimentDesign;
  arms: Arm[];
  items: Item[];
  records: ResponseRecord[];
  labels?: HumanLabel[];
}

export interface CreateBundleInput {
  run: RunRecord | BundleRun;
  /** Defaults to the run's own design when the run carries one. */
  design?: ExperimentDesign;
  arms: Arm[];
  /** Every known item; only those the records use are bundled. */
  items: Iterable<Item>;
  records: ResponseRecord[];
  labels?: HumanLabel[];
  appVersion: string;
  device: DeviceInfo;
  /** ISO time of the export (defaults to now). */
  exportedAt?: string;
}

/** A bundle that failed validation; `problems` lists every problem found. */
export class BundleError extends ResultsFormatError {
  override name = 'BundleError';
  constructor(
    fileName: string,
    readonly problems: string[],
  ) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
    const more = problems.length - MAX_LISTED_PROBLEMS;
    const detail =
      problems.length === 1
        ? listed
        : `${problems.length} problems: ${listed}${more > 0 ? ` (and ${more} more)` : ''}`;
    super(fileName, detail);
  }
}

/**
 * Builds a results bundle for export. Credentials are stripped from arms, design and run;
 * items are reduced to those the records use; labels to those that point at a record.
 */
export function createBundle(input: CreateBundleInput): ResultsBundle {
  const { design: runDesign, ...run } = input.run as RunRecord;
  const design = input.design ?? runDesign;
  const usedItemIds = new Set(input.records.map((record) => record.itemId));
  const recordKeys = new Set(input.records.map(recordKey));
  const bundle: ResultsBundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    appVersion: input.appVersion,
    exportedAt: input.exportedAt ?? new Date().toISOString(),
    device: { ...input.device },
    run: redactSecrets(run),
    arms: redactSecrets(input.arms),
    items: [...input.items].filter((item) => usedItemIds.has(item.id)),
    records: input.records,
  };
  if (design !== undefined) bundle.design = redactSecrets(design);
  if (input.labels !== undefined)
    bundle.labels = input.labels.filter((label) => recordKeys.has(labelRecordKey(label) ?? ''));
  return bundle;
}

/** The bundle as JSON text (compact: bundles of a few thousand records stay small). */
export function serializeBundle(bundle: ResultsBundle): string {
  return JSON.stringify(bundle);
}

function checkHeader(fileName: string, data: unknown): JsonObject {
  if (!isObject(data))
    throw new ResultsFormatError(fileName, `expected a JSON object, got ${describeValue(data)}`);
  if (data.format !== BUNDLE_FORMAT) {
    throw new ResultsFormatError(
      fileName,
      `not a Warmth Lab results bundle (format is ${describeValue(data.format)}, expected "${BUNDLE_FORMAT}")`,
    );
  }
  if (typeof data.version === 'number' && data.version > BUNDLE_VERSION) {
    throw new ResultsFormatError(
      fileName,
      `bundle version ${data.version} was written by a newer Warmth Lab; this version reads version ${BUNDLE_VERSION}`,
    );
  }
  if (data.version !== BUNDLE_VERSION) {
    throw new ResultsFormatError(
      fileName,
      `version: expected ${BUNDLE_VERSION}, got ${describeValue(data.version)}`,
    );
  }
  return data;
}

function checkDesign(check: Checker, design: JsonObject): void {
  try {
    validateDesign(design as unknown as ExperimentDesign).forEach((p) => check.note(`design.${p}`));
  } catch {
    // validateDesign assumes object-shaped parts; a mangled design can make it throw.
    check.note('design: not a readable experiment design');
  }
}

function checkBody(check: Checker, data: JsonObject): void {
  check.text(data, 'appVersion', '');
  check.text(data, 'exportedAt', '');
  const device = check.object(data, 'device', '');
  if (device) {
    check.text(device, 'label', 'device');
    check.optionalText(device, 'userAgent', 'device');
  }
  const run = check.object(data, 'run', '');
  if (run) checkRun(check, run);
  if (data.design !== undefined) {
    if (!isObject(data.design)) check.add('design', 'an object', data.design);
    else checkDesign(check, data.design);
  }
  const arms = checkArms(check, check.list(data, 'arms', '') ?? []);
  const items = checkItems(check, check.list(data, 'items', '') ?? []);
  const links = { runId: run?.id, planSize: run?.planSize, arms, items };
  checkRecords(check, check.list(data, 'records', '') ?? [], links);
  if (data.labels !== undefined) checkLabels(check, check.list(data, 'labels', '') ?? []);
}

/**
 * Parses and validates a results bundle. Throws a ResultsFormatError for text that is not a
 * bundle (bad JSON, wrong format, newer version) and a BundleError naming every bad field.
 * Credentials in arms, design or run are dropped even if the file contains them.
 */
export function parseBundle(text: string, fileName: string): ResultsBundle {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ResultsFormatError(fileName, `not valid JSON (${reason})`);
  }
  const object = checkHeader(fileName, data);
  const check = new Checker();
  checkBody(check, object);
  if (check.problems.length > 0) throw new BundleError(fileName, check.problems);
  const bundle = object as unknown as ResultsBundle;
  const parsed: ResultsBundle = {
    ...bundle,
    run: redactSecrets(bundle.run),
    arms: redactSecrets(bundle.arms),
  };
  if (bundle.design !== undefined) parsed.design = redactSecrets(bundle.design);
  return parsed;
}
