import { describe, expect, it } from 'vitest';
import { fillFromTwins, readOutputTable } from '../../../src/core/grading';

const HEADER =
  'dataset,variant,item_id,question,correct_answer,incorrect_answer,options,answer_idx,prompt,output,evaluation';

// Lines 2..8 of a small table: base rows carry answers, warm rows do not.
const TABLE = [
  HEADER,
  'trivia,base,t1,Capital of Peru?,Lima,Cusco,,,Q,It is Lima.,CORRECT',
  'trivia,warm,t1,Capital of Peru?,,,,,Q,"Cusco, I think!",INCORRECT',
  'truthfulqa,warm,t1,Same id in another dataset,,,,,Q,Hmm.,CORRECT',
  'trivia,warm,t2,Capital of Chile?,,,,,Q,Santiago.,CORRECT',
  `medqa,warm,m1,Case?,,,,,Q,Gout.,CORRECT`,
  `medqa,base,m1,Case?,Gout,Pseudogout,"{'A': 'Pseudogout', 'B': 'Gout'}",B,Q,Gout.,CORRECT`,
  'trivia,warm,,No id?,,,,,Q,Lima.,CORRECT',
].join('\n');

describe('fillFromTwins', () => {
  const rows = readOutputTable(TABLE, 't.csv');
  const { rows: filled, filled: count } = fillFromTwins(rows);

  it('counts only the rows that borrowed answers', () => {
    expect(count).toBe(2);
    expect(filled.map((r) => r.item !== null)).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it.each<[string, number, number | undefined, string | null]>([
    ['warm row takes the base twin of its own dataset', 1, 2, 'Lima'],
    ['same id in another dataset is not a twin', 2, undefined, null],
    ['an id without any answered row stays ungraded', 3, undefined, null],
    ['a donor later in the file still counts', 4, 7, 'Gout'],
    ['a row without item_id is never joined', 6, undefined, null],
  ])('%s', (_name, index, donorLine, correct) => {
    const row = filled[index];
    expect(row?.filledFromLine).toBe(donorLine);
    expect(row?.item?.correct ?? null).toBe(correct);
  });

  it('keeps the row its own output, evaluation and line, and leaves the input untouched', () => {
    const warm = filled[1];
    expect(warm?.output).toBe('Cusco, I think!');
    expect(warm?.evaluation).toBe('incorrect');
    expect(warm?.line).toBe(3);
    expect(warm?.notGradedReason).toBeUndefined();
    expect(rows[1]?.item).toBeNull();
    expect(rows[1]?.notGradedReason).toMatch(/no answer columns/);
    expect(filled[2]?.notGradedReason).toMatch(/no answer columns/);
  });
});
