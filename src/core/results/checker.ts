/**
 * A small collector of validation problems for JSON inputs, each naming the exact field.
 *
 * Owns: the wording "path: expected X, got Y" used by every bundle check. Invariant: checks
 * never throw; they record a problem and return whether the value passed, so one bad field
 * does not hide the others.
 */
import { describeValue } from './errors';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `path.field`, or just `field` at the top level. */
export function fieldPath(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

export class Checker {
  readonly problems: string[] = [];

  add(path: string, expected: string, value: unknown): false {
    this.problems.push(`${path}: expected ${expected}, got ${describeValue(value)}`);
    return false;
  }

  note(message: string): void {
    this.problems.push(message);
  }

  text(object: JsonObject, field: string, path: string, isEmptyAllowed = false): boolean {
    const value = object[field];
    if (typeof value !== 'string') return this.add(fieldPath(path, field), 'text', value);
    if (!isEmptyAllowed && value.trim() === '')
      return this.add(fieldPath(path, field), 'non-empty text', value);
    return true;
  }

  optionalText(object: JsonObject, field: string, path: string): boolean {
    return object[field] === undefined || this.text(object, field, path, true);
  }

  wholeNumber(object: JsonObject, field: string, path: string): boolean {
    const value = object[field];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return true;
    return this.add(fieldPath(path, field), 'a whole number ≥ 0', value);
  }

  number(object: JsonObject, field: string, path: string, isOptional = false): boolean {
    const value = object[field];
    if (isOptional && value === undefined) return true;
    if (typeof value === 'number' && Number.isFinite(value)) return true;
    return this.add(fieldPath(path, field), 'a number', value);
  }

  boolean(object: JsonObject, field: string, path: string, isOptional = false): boolean {
    const value = object[field];
    if ((isOptional && value === undefined) || typeof value === 'boolean') return true;
    return this.add(fieldPath(path, field), 'true or false', value);
  }

  oneOf(object: JsonObject, field: string, path: string, allowed: readonly string[]): boolean {
    const value = object[field];
    if (typeof value === 'string' && allowed.includes(value)) return true;
    return this.add(fieldPath(path, field), `one of ${allowed.join(', ')}`, value);
  }

  textList(object: JsonObject, field: string, path: string, minLength = 0): boolean {
    const value = object[field];
    const isList = Array.isArray(value) && value.every((entry) => typeof entry === 'string');
    if (isList && value.length >= minLength) return true;
    const expected =
      minLength > 0 ? `a list of at least ${minLength} text entries` : 'a list of text';
    return this.add(fieldPath(path, field), expected, value);
  }

  /** The field as an object, or undefined after recording a problem. */
  object(object: JsonObject, field: string, path: string): JsonObject | undefined {
    const value = object[field];
    if (isObject(value)) return value;
    this.add(fieldPath(path, field), 'an object', value);
    return undefined;
  }

  /** The field as an array, or undefined after recording a problem. */
  list(object: JsonObject, field: string, path: string): unknown[] | undefined {
    const value = object[field];
    if (Array.isArray(value)) return value;
    this.add(fieldPath(path, field), 'a list', value);
    return undefined;
  }
}
