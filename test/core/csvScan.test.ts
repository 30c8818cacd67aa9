import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../src/core/csv';
import type { CsvRecord } from '../../src/core/csv';
import { scanRegularCsv } from '../../src/core/csvScan';
import { createRng } from '../../src/core/random';

/** The scanner's records (copied out of its reused array), or null when it declined. */
function scan(text: string): CsvRecord[] | null {
  const records: CsvRecord[] = [];
  const nextLine = scanRegularCsv(text, (fields, line) =>
    records.push({ fields: [...fields], line }),
  );
  return nextLine === null ? null : records;
}

/** parseCsv's records, or the CsvSyntaxError it threw. */
function parse(text: string): CsvRecord[] | CsvSyntaxError {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
}

function csvFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.csv'))
    .map((name) => path.join(dir, name));
}

describe('scanRegularCsv reads what parseCsv reads, or declines', () => {
  it.each([
    [
      'plain LF rows',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'CRLF rows and no final newline',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 2],
    ],
    [
      'a BOM and blank lines',
      '\ufeffa,b\n\n1,2\n\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [1, 3],
    ],
    [
      'quoted commas, quotes and newlines',
      'a,b\n"x, ""y""\nz",2\n3,4\n',
      [
        ['a', 'b'],
        ['x, "y"\nz', '2'],
        ['3', '4'],
      ],
      [1, 2, 4],
    ],
    [
      'empty fields',
      'a,,\n,,\n',
      [
        ['a', '', ''],
        ['', '', ''],
      ],
      [1, 2],
    ],
    [
      'a stray CR ending an LF line',
      'a,b\n1,2\r\n3,4\n',
      [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ],
      [1, 2, 3],
    ],
    [
      'a CR inside an unquoted field',
      'a,b\n1\r1,2\n',
      [
        ['a', 'b'],
        ['1\r1', '2'],
      ],
      [1, 2],
    ],
  ])('%s', (_name, text, fields, lines) => {
    const scanned = scan(text);
    expect(scanned).toEqual(parse(text));
    expect(scanned?.map((record) => record.fields)).toEqual(fields);
    expect(scanned?.map((record) => record.line)).toEqual(lines);
  });

  it.each([
    ['a quote inside an unquoted field', 'a,b\n1,x"y\n'],
    ['text after a closing quote', 'a,b\n"x"y,2\n'],
    ['an unterminated quote', 'a,b\n"x,2\n'],
    ['a bare LF row end in a CRLF file', 'a,b\r\n1,2\n3,4\r\n'],
    ['a CR after a closing quote in an LF file', 'a,b\n1,"2"\r\n'],
  ])('declines %s', (_name, text) => {
    expect(scan(text)).toBeNull();
  });

  it('agrees with parseCsv on 3,000 generated texts full of quotes, CRs and blank lines', () => {
    const random = createRng('csv-scan');
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const PIECES = ['a', 'bc', ',', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '', 'x y'];
    const cell = () => {
      const body = Array.from({ length: Math.floor(random() * 4) }, () => pick(PIECES)).join('');
      if (random() < 0.5) return `"${body.replaceAll('"', '""')}"`;
      return random() < 0.8 ? body.replace(/[",\r\n]/g, '') : body;
    };
    let scanned = 0;
    for (let index = 0; index < 3000; index++) {
      const newline = random() < 0.3 ? '\r\n' : '\n';
      const rows = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, cell).join(','),
      );
      const text =
        (random() < 0.1 ? '\ufeff' : '') + rows.join(newline) + (random() < 0.5 ? newline : '');
      const result = scan(text);
      if (result === null) continue;
      scanned++;
      expect(result, JSON.stringify(text)).toEqual(parse(text));
    }
    // Most generated texts are regular: the comparison above is not vacuous.
    expect(scanned).toBeGreaterThan(1500);
  });
});

const SHARED = path.resolve('../shared/fixtures');
const FIXTURES = [...csvFilesUnder(SHARED), ...csvFilesUnder(path.resolve('test/fixtures'))];

describe.skipIf(!existsSync(SHARED))(
  'scanRegularCsv on the real fixture files (skipped: ../shared/fixtures not found)',
  () => {
    it.each(FIXTURES.map((file) => [path.relative(process.cwd(), file), file]))(
      '%s',
      (_name, file) => {
        const text = readFileSync(file as string, 'utf8');
        const scanned = scan(text);
        // The results files the analysis reads big must take the fast lane.
        if (/-long\.csv$/.test(file as string)) expect(scanned).not.toBeNull();
        if (scanned !== null) expect(scanned).toEqual(parse(text));
        else expect(parse(text)).toBeInstanceOf(Array);
      },
    );
  },
);
