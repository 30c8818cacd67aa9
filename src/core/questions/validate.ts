/**
 * Structural validation of `Item` values that arrive as untrusted data (our own exports,
 * importer output, user mappings).
 *
 * Owns: the rules every item must satisfy beyond its TypeScript type: non-empty id, question and
 * answers; at least one wrong answer; no empty alias strings; conspiracy statements; medical
 * options that contain the correct answer at `answerIndex`. Invariant: `validateItem` either
 * returns the value typed as `Item` or throws an `ImportError` naming where and which field.
 */
import { FAMILIES } from '../types';
import type { Family, Item } from '../types';
import { ImportError } from './importResult';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isStringList(value: unknown, minLength: number): value is string[] {
  return Array.isArray(value) && value.length >= minLength && value.every(isNonEmptyString);
}

function fail(where: string, id: string, detail: string): never {
  throw new ImportError(where, id ? `item "${id}": ${detail}` : detail);
}

function checkCommon(value: Json, where: string): string {
  if (!isNonEmptyString(value.id)) fail(where, '', 'expected a non-empty string "id"');
  const id = value.id;
  if (!FAMILIES.includes(value.family as Family)) {
    fail(where, id, `"family" must be one of ${FAMILIES.join(', ')}`);
  }
  for (const field of ['question', 'correct'] as const) {
    if (!isNonEmptyString(value[field])) fail(where, id, `"${field}" must be a non-empty string`);
  }
  if (!isStringList(value.aliases, 0)) {
    fail(where, id, '"aliases" must be a list of non-empty strings');
  }
  if (!isStringList(value.wrong, 1)) {
    fail(where, id, '"wrong" must list at least one non-empty string');
  }
  checkSource(value.source, where, id);
  checkOptional(value, where, id);
  return id;
}

function checkSource(source: unknown, where: string, id: string): void {
  if (!isRecord(source) || !isNonEmptyString(source.name) || !isNonEmptyString(source.license)) {
    fail(where, id, '"source" must have non-empty "name" and "license"');
  }
  if (source.ref !== undefined && typeof source.ref !== 'string') {
    fail(where, id, '"source.ref" must be a string');
  }
  if (source.line !== undefined && !Number.isInteger(source.line)) {
    fail(where, id, '"source.line" must be an integer');
  }
}

function checkOptional(value: Json, where: string, id: string): void {
  if (value.isWrongDerived !== undefined && typeof value.isWrongDerived !== 'boolean') {
    fail(where, id, '"isWrongDerived" must be true or false');
  }
  if (value.meta !== undefined) {
    const isPlain =
      isRecord(value.meta) &&
      Object.values(value.meta).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
    if (!isPlain) fail(where, id, '"meta" must map names to strings, numbers or booleans');
  }
  if (value.authorPrompts !== undefined) {
    const isValid =
      Array.isArray(value.authorPrompts) &&
      value.authorPrompts.every(
        (p) =>
          isRecord(p) &&
          typeof p.promptTemplate === 'string' &&
          typeof p.amendmentType === 'string' &&
          isNonEmptyString(p.prompt),
      );
    if (!isValid)
      fail(where, id, '"authorPrompts" must be {promptTemplate, amendmentType, prompt}[]');
  }
}

function checkConspiracy(value: Json, where: string, id: string): void {
  if (!isNonEmptyString(value.trueStatement) || !isNonEmptyString(value.falseStatement)) {
    fail(where, id, 'a conspiracy item needs non-empty "trueStatement" and "falseStatement"');
  }
  if (typeof value.isYesTrue !== 'boolean') fail(where, id, '"isYesTrue" must be true or false');
}

function checkMedical(value: Json, where: string, id: string): void {
  if (!isStringList(value.options, 2)) {
    fail(where, id, 'a medical item needs "options": at least two non-empty strings');
  }
  const index = value.answerIndex;
  if (
    !Number.isInteger(index) ||
    (index as number) < 0 ||
    (index as number) >= value.options.length
  ) {
    fail(where, id, `"answerIndex" must be an integer from 0 to ${value.options.length - 1}`);
  }
  if (value.options[index as number] !== value.correct) {
    fail(where, id, '"options[answerIndex]" must equal "correct"');
  }
}

/**
 * Checks that `value` is a well-formed `Item` and returns it typed.
 * @param where Prefix for error messages, e.g. "set.json: item 3".
 * @throws ImportError naming the item id and the offending field.
 */
export function validateItem(value: unknown, where: string): Item {
  if (!isRecord(value)) throw new ImportError(where, 'expected an item object');
  const id = checkCommon(value, where);
  if (value.family === 'conspiracy') checkConspiracy(value, where, id);
  if (value.family === 'medical') checkMedical(value, where, id);
  return value as unknown as Item;
}
