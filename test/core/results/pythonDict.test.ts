import { describe, expect, it } from 'vitest';
import { formatOptionsDict, parseOptionsDict } from '../../../src/core/results';

describe('options dict', () => {
  it.each([
    [['Aspirin', 'Rest'], "{'A': 'Aspirin', 'B': 'Rest'}"],
    [["Crohn's disease", 'x'], `{'A': "Crohn's disease", 'B': 'x'}`],
    [['He said "it\'s" here', 'a\\b\nc'], `{'A': 'He said "it\\'s" here', 'B': 'a\\\\b\\nc'}`],
  ])('%j ↔ %s', (options, text) => {
    expect(formatOptionsDict(options)).toBe(text);
    expect(parseOptionsDict(text)).toEqual(options);
  });

  it.each([
    ['["a","b"]', ['a', 'b']],
    ["{'B': 'second', 'A': 'first'}", ['first', 'second']],
    ['not options', undefined],
    ["{'A': 'open", undefined],
  ])('parses %s', (text, expected) => {
    expect(parseOptionsDict(text)).toEqual(expected);
  });
});
