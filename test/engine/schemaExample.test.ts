import { describe, expect, it } from 'vitest';
import { exampleFromSchema } from '../../src/engine/schemaExample';

describe('exampleFromSchema', () => {
  it.each([
    [
      '{"type":"object","properties":{"verdict":{"enum":["correct","incorrect"]},"why":{"type":"string"}},"required":["verdict"]}',
      { verdict: 'correct' },
    ],
    [
      '{"type":"object","properties":{"n":{"type":"integer","minimum":1},"ok":{"type":"boolean"}}}',
      { n: 1, ok: false },
    ],
    ['{"type":"array"}', []],
    ['not json', null],
  ])('%s', (schema, expected) => {
    expect(exampleFromSchema(schema)).toEqual(expected);
  });
});
