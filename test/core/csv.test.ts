import { describe, expect, it } from 'vitest';
import {
  CsvParser,
  CsvSyntaxError,
  escapeCsvCell,
  parseCsv,
  parseCsvObjects,
  writeCsv,
} from '../../src/core/csv';

describe('parseCsv', () => {
  it.each([
    [
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      '\ufeffa,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a,"b,c"\n', [['a', 'b,c']]],
    ['"say ""hi""",x\n', [['say "hi"', 'x']]],
    [
      'a,"line1\nline2"\nz,y',
      [
        ['a', 'line1\nline2'],
        ['z', 'y'],
      ],
    ],
    ['a,,\n', [['a', '', '']]],
    ['a\n\n\nb\n', [['a'], ['b']]],
    ['"",x\n', [['', 'x']]],
  ])('parses %j', (text, expected) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
  });

  // Edge cases the hand-written parser got wrong (issue 14), and what each must give.
  it.each([
    [
      'a quoted last field without a final newline',
      'a,b\n1,"x"',
      [
        ['a', 'b'],
        ['1', 'x'],
      ],
    ],
    [
      'a quoted last cell with a newline',
      'q,a\n"x","y"\n',
      [
        ['q', 'a'],
        ['x', 'y'],
      ],
    ],
    [
      'CRLF with a quoted last field',
      'a,b\r\n1,"x"\r\n2,y',
      [
        ['a', 'b'],
        ['1', 'x'],
        ['2', 'y'],
      ],
    ],
    [
      'a BOM before a quoted header',
      '\ufeff"a",b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['an embedded CRLF', 'a\r\n"x\r\ny"\r\n', [['a'], ['x\r\ny']]],
  ])('reads %s', (_label, text, expected) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
  });

  it.each([
    [
      'an unterminated quote at the end',
      'a,b\n1,2\n3,"x\n',
      'line 3: unterminated quoted field (file truncated?)',
    ],
    [
      'text after a closing quote',
      'a,b\n1,"x"y\n',
      'line 2: malformed quoted field (a closing quote must be followed by a comma or the end of the line; write a quote inside a field as "")',
    ],
  ])('rejects %s with its line', (_label, text, message) => {
    expect(() => parseCsv(text)).toThrow(message);
  });

  it('reports the physical line each record starts on, counting embedded newlines', () => {
    const lines = parseCsv('h\n"a\nb"\nc\n').map((r) => r.line);
    expect(lines).toEqual([1, 2, 4]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'x,"q ""1"",\n2"\r\ny,z\r\n';
    const whole = parseCsv(text).map((r) => r.fields);
    const parser = new CsvParser();
    const parts = [...text].flatMap((ch) => parser.push(ch));
    parts.push(...parser.end());
    expect(parts.map((r) => r.fields)).toEqual(whole);
    expect(whole).toEqual([
      ['x', 'q "1",\n2'],
      ['y', 'z'],
    ]);
  });

  it('rejects an unterminated quote with the line it started on', () => {
    expect(() => parseCsv('a\n"open,\nmore')).toThrow(
      new CsvSyntaxError('unterminated quoted field (file truncated?)', 2),
    );
  });
});

describe('parseCsvObjects', () => {
  it('names the line and the expected columns on a short row', () => {
    expect(() => parseCsvObjects('a,b\n1,2\n3\n')).toThrow(
      'line 3: expected 2 fields (a, b), found 1',
    );
  });
  it('maps rows to header names', () => {
    expect(parseCsvObjects('a,b\n1,2\n').rows).toEqual([{ values: { a: '1', b: '2' }, line: 2 }]);
  });
});

describe('writing', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@x', "'@x"],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['he said "no"', '"he said ""no"""'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });
  it('leaves numbers alone, including negative ones', () => {
    expect(escapeCsvCell(-1.5)).toBe('-1.5');
  });
  it('round-trips through the parser', () => {
    const text = writeCsv(['q', 'n'], [{ q: 'a "b"\nc', n: 3 }]);
    expect(parseCsvObjects(text).rows[0]?.values).toEqual({ q: 'a "b"\nc', n: '3' });
  });
});
