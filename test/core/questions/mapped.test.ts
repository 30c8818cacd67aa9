import { describe, expect, it } from 'vitest';
import { importMapped, importText, readRowsForMapping } from '../../../src/core/questions';
import type { ColumnMapping } from '../../../src/core/questions';
import type { MedicalItem } from '../../../src/core/types';

describe('importMapped', () => {
  it('maps CSV rows with list columns into misconception items', () => {
    const { rows } = readRowsForMapping(
      'q,best,others,bad\nDo bulls hate red?,No,Colour does not matter;Not really,Yes;They see red\n',
      'mine.csv',
    );
    const mapping: ColumnMapping = {
      family: 'misconception',
      question: 'q',
      answer: 'best',
      aliases: 'others',
      wrong: 'bad',
      license: 'CC0-1.0',
    };
    const { items, report } = importMapped(rows, mapping, { fileName: 'mine.csv' });
    expect(items).toEqual([
      {
        id: 'custom:Do bulls hate red?',
        family: 'misconception',
        question: 'Do bulls hate red?',
        correct: 'No',
        aliases: ['Colour does not matter', 'Not really'],
        wrong: ['Yes', 'They see red'],
        source: { name: 'mine.csv', license: 'CC0-1.0', ref: 'mine.csv', line: 2 },
      },
    ]);
    expect(report.rowsRead).toBe(1);
  });

  it('maps JSON objects with options and a letter index into medical items', () => {
    const rows = [
      { id: 'a', stem: 'Scurvy?', choices: ['Vitamin D', 'Vitamin C', 'Iron'], key: 'B' },
      { id: 'b', stem: 'Rickets?', choices: { A: 'Vitamin D', B: 'Zinc' }, key: '0' },
    ];
    const mapping: ColumnMapping = {
      family: 'medical',
      question: 'stem',
      options: 'choices',
      answerIndex: 'key',
      id: 'id',
    };
    const items = importMapped(rows, mapping, { fileName: 'med.json' }).items as MedicalItem[];
    expect(items.map((i) => [i.id, i.correct, i.answerIndex, i.wrong.length])).toEqual([
      ['a', 'Vitamin C', 1, 2],
      ['b', 'Vitamin D', 0, 1],
    ]);
  });

  it('derives wrong answers from other rows when none are mapped', () => {
    const rows = [
      { q: 'Largest planet?', a: 'Jupiter' },
      { q: 'Red planet?', a: 'Mars' },
    ];
    const { items } = importMapped(
      rows,
      { family: 'factual', question: 'q', answer: 'a' },
      { fileName: 'f.json' },
    );
    expect(items.map((i) => [i.wrong, i.isWrongDerived])).toEqual([
      [['Mars'], true],
      [['Jupiter'], true],
    ]);
  });

  it('names mapped columns that do not exist', () => {
    expect(() =>
      importMapped(
        [{ q: 'x' }],
        { family: 'factual', question: 'q', answer: 'ans' },
        { fileName: 'f.json' },
      ),
    ).toThrow('f.json: line 1: mapped column(s) not found: ans');
  });

  it('streams a generic CSV when the mapping is given to importText', async () => {
    const text = 'claim_q,truth,lie,yes\nIs water wet?,Water is wet.,Water is dry.,yes\n';
    const mapping: ColumnMapping = {
      family: 'conspiracy',
      question: 'claim_q',
      answer: 'truth',
      wrong: 'lie',
      isYesTrue: 'yes',
    };
    const { items } = await importText('generic-csv', text, { fileName: 'c.csv', mapping });
    expect(items[0]).toMatchObject({
      trueStatement: 'Water is wet.',
      falseStatement: 'Water is dry.',
      isYesTrue: true,
    });
  });
});
