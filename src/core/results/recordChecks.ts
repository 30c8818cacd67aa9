/**
 * Validation of the response records and human labels of a results bundle.
 *
 * Owns: what a well-formed bundled record is, including its links to the bundle's run, arms
 * and items. Invariants: every problem names the record by index and the field by name
 * (`records[3].condition.belief`); (runId, planIndex) is unique within a bundle.
 */
import { isBeliefId, isContextId } from '../framing';
import { FAMILIES } from '../types';
import type { Checker, JsonObject } from './checker';
import { isObject } from './checker';
import { ROLES } from './bundleChecks';

const OUTCOMES = ['correct', 'incorrect', 'refusal', 'unparseable'];
const FINISH_REASONS = ['stop', 'length', 'abort', 'error'];
const CUSTOM_ID = /^custom:.+/;

/** What records are checked against: the bundle's run, arms and items. */
export interface RecordLinks {
  runId: unknown;
  planSize: unknown;
  arms: Map<string, JsonObject>;
  items: Map<string, JsonObject>;
}

function checkCondition(check: Checker, record: JsonObject, path: string): void {
  const condition = check.object(record, 'condition', path);
  if (!condition) return;
  const at = `${path}.condition`;
  const { context, belief } = condition;
  if (!(typeof context === 'string' && (isContextId(context) || CUSTOM_ID.test(context)))) {
    check.add(`${at}.context`, 'a known context id or custom:<id>', context);
  }
  if (!(typeof belief === 'string' && (isBeliefId(belief) || CUSTOM_ID.test(belief)))) {
    check.add(`${at}.belief`, 'a known belief id or custom:<id>', belief);
  }
  check.boolean(condition, 'isHedged', at, true);
  check.boolean(condition, 'hasLeadIn', at, true);
}

function checkGrades(check: Checker, record: JsonObject, path: string): void {
  const grades = check.list(record, 'grades', path);
  grades?.forEach((grade, i) => {
    const at = `${path}.grades[${i}]`;
    if (!isObject(grade)) return check.add(at, 'a grade object', grade);
    check.oneOf(grade, 'outcome', at, OUTCOMES);
    check.text(grade, 'grader', at);
    check.text(grade, 'reason', at, true);
    check.optionalText(grade, 'at', at);
  });
}

function checkShape(check: Checker, record: JsonObject, path: string): void {
  check.text(record, 'runId', path);
  check.wholeNumber(record, 'planIndex', path);
  check.text(record, 'armId', path);
  check.oneOf(record, 'armRole', path, ROLES);
  check.text(record, 'modelId', path);
  check.text(record, 'itemId', path);
  check.oneOf(record, 'family', path, FAMILIES);
  checkCondition(check, record, path);
  check.wholeNumber(record, 'sample', path);
  const prompt = check.object(record, 'prompt', path);
  if (prompt) {
    check.text(prompt, 'text', `${path}.prompt`, true);
    check.object(prompt, 'variantIds', `${path}.prompt`);
  }
  check.text(record, 'output', path, true);
  check.oneOf(record, 'finishReason', path, FINISH_REASONS);
  checkGrades(check, record, path);
  const usage = check.object(record, 'usage', path);
  if (usage) {
    check.wholeNumber(usage, 'promptTokens', `${path}.usage`);
    check.wholeNumber(usage, 'completionTokens', `${path}.usage`);
  }
  check.number(record, 'elapsedMs', path);
  check.number(record, 'seed', path, true);
  check.text(record, 'createdAt', path);
}

function isRole(value: unknown): boolean {
  return (ROLES as readonly unknown[]).includes(value);
}

function isFamily(value: unknown): boolean {
  return (FAMILIES as readonly unknown[]).includes(value);
}

/** Links to the run, arm and item; only checked once the fields themselves are well-formed. */
function checkLinks(check: Checker, record: JsonObject, path: string, links: RecordLinks): void {
  if (typeof record.runId === 'string' && record.runId !== links.runId) {
    check.note(
      `${path}.runId: expected the bundle's run "${String(links.runId)}", got "${record.runId}"`,
    );
  }
  const planSize = links.planSize;
  if (
    typeof planSize === 'number' &&
    planSize > 0 &&
    typeof record.planIndex === 'number' &&
    record.planIndex >= planSize
  ) {
    check.note(
      `${path}.planIndex: ${record.planIndex} is outside the run's plan of ${planSize} entries`,
    );
  }
  const arm = typeof record.armId === 'string' ? links.arms.get(record.armId) : undefined;
  if (typeof record.armId === 'string' && !arm)
    check.note(`${path}.armId: no arm "${record.armId}" in arms`);
  if (arm && isRole(arm.role) && isRole(record.armRole) && arm.role !== record.armRole) {
    check.note(
      `${path}.armRole: "${record.armRole}" differs from arm "${String(arm.id)}" (role "${String(arm.role)}")`,
    );
  }
  const item = typeof record.itemId === 'string' ? links.items.get(record.itemId) : undefined;
  if (typeof record.itemId === 'string' && !item)
    check.note(`${path}.itemId: no item "${record.itemId}" in items`);
  if (item && isFamily(item.family) && isFamily(record.family) && item.family !== record.family) {
    check.note(
      `${path}.family: "${record.family}" differs from item "${String(item.id)}" (family "${String(item.family)}")`,
    );
  }
}

/** Checks every record, its links and that (runId, planIndex) pairs are unique. */
export function checkRecords(check: Checker, records: unknown[], links: RecordLinks): void {
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const path = `records[${i}]`;
    if (!isObject(record)) return check.add(path, 'a record object', record);
    checkShape(check, record, path);
    checkLinks(check, record, path, links);
    const key = `${String(record.runId)}#${String(record.planIndex)}`;
    const first = seen.get(key);
    if (first !== undefined) check.note(`${path}: same run and planIndex as records[${first}]`);
    else seen.set(key, i);
  });
}

/** Checks the optional human labels. */
export function checkLabels(check: Checker, labels: unknown[]): void {
  labels.forEach((label, i) => {
    const path = `labels[${i}]`;
    if (!isObject(label)) return check.add(path, 'a label object', label);
    check.text(label, 'key', path);
    check.oneOf(label, 'outcome', path, OUTCOMES);
    check.text(label, 'labeller', path);
    check.text(label, 'at', path);
    check.boolean(label, 'isBlind', path);
  });
}
