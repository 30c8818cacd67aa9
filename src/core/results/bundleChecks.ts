/**
 * Validation of the run, arms and items of a results bundle.
 *
 * Owns: what a well-formed bundled run, arm and item is. Invariant: every problem names the
 * field by its path in the bundle (`arms[2].settings.maxTokens`), so an error message points
 * at the exact place in the file. Records and labels are checked in recordChecks.ts.
 */
import { FAMILIES } from '../types';
import type { Checker, JsonObject } from './checker';
import { isObject } from './checker';

export const ROLES = ['base', 'warm', 'cold', 'neutral'] as const;
const RUN_STATUSES = ['planned', 'running', 'paused', 'done', 'cancelled', 'failed'];

/** Checks `run` (a RunRecord without its design). */
export function checkRun(check: Checker, run: JsonObject): void {
  check.text(run, 'id', 'run');
  check.text(run, 'name', 'run', true);
  check.oneOf(run, 'status', 'run', RUN_STATUSES);
  check.wholeNumber(run, 'planSize', 'run');
  check.text(run, 'createdAt', 'run');
  check.text(run, 'updatedAt', 'run');
  check.optionalText(run, 'engineLabel', 'run');
  check.optionalText(run, 'reason', 'run');
}

function checkArm(check: Checker, arm: JsonObject, path: string): void {
  check.text(arm, 'id', path);
  check.text(arm, 'label', path);
  check.text(arm, 'modelId', path);
  check.oneOf(arm, 'role', path, ROLES);
  check.optionalText(arm, 'systemPrompt', path);
  const settings = check.object(arm, 'settings', path);
  if (settings) {
    check.number(settings, 'temperature', `${path}.settings`);
    check.wholeNumber(settings, 'maxTokens', `${path}.settings`);
  }
}

/** Checks every arm and that arm ids are unique; returns the arms by id. */
export function checkArms(check: Checker, arms: unknown[]): Map<string, JsonObject> {
  const byId = new Map<string, JsonObject>();
  arms.forEach((arm, i) => {
    const path = `arms[${i}]`;
    if (!isObject(arm)) return check.add(path, 'an arm object', arm);
    checkArm(check, arm, path);
    if (typeof arm.id !== 'string') return;
    if (byId.has(arm.id)) check.note(`${path}.id: "${arm.id}" is used by an earlier arm`);
    byId.set(arm.id, arm);
  });
  return byId;
}

function checkFamilyFields(check: Checker, item: JsonObject, path: string): void {
  if (item.family === 'medical') {
    if (!check.textList(item, 'options', path, 2)) return;
    const options = item.options as string[];
    const index = item.answerIndex;
    if (!(
      typeof index === 'number' &&
      Number.isInteger(index) &&
      index >= 0 &&
      index < options.length
    )) {
      check.add(`${path}.answerIndex`, `a whole number from 0 to ${options.length - 1}`, index);
    }
  } else if (item.family === 'conspiracy') {
    check.text(item, 'trueStatement', path);
    check.text(item, 'falseStatement', path);
    check.boolean(item, 'isYesTrue', path);
  }
}

function checkItem(check: Checker, item: JsonObject, path: string): void {
  check.text(item, 'id', path);
  check.oneOf(item, 'family', path, FAMILIES);
  check.text(item, 'question', path);
  check.text(item, 'correct', path);
  check.textList(item, 'aliases', path);
  check.textList(item, 'wrong', path, 1);
  const source = check.object(item, 'source', path);
  if (source) {
    check.text(source, 'name', `${path}.source`);
    check.text(source, 'license', `${path}.source`);
  }
  checkFamilyFields(check, item, path);
}

/** Checks every item and that item ids are unique; returns the items by id. */
export function checkItems(check: Checker, items: unknown[]): Map<string, JsonObject> {
  const byId = new Map<string, JsonObject>();
  items.forEach((item, i) => {
    const path = `items[${i}]`;
    if (!isObject(item)) return check.add(path, 'an item object', item);
    checkItem(check, item, path);
    if (typeof item.id !== 'string') return;
    if (byId.has(item.id)) check.note(`${path}.id: "${item.id}" is used by an earlier item`);
    byId.set(item.id, item);
  });
  return byId;
}
