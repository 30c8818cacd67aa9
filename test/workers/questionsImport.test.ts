import { describe, expect, it } from 'vitest';
import { handleImportRequest } from '../../src/workers/questionsImportHandler';
import type { ImportWorkerEvent } from '../../src/workers/questionsImportProtocol';
import { runImport } from '../../src/ui/state/questionsImportClient';
import { ImportCancelledError } from '../../src/core/questions/fileStream';

const CSV = 'q,a,w\nOne plus one?,2,3\nTwo plus two?,4,5\n';
const MAPPING = { family: 'factual' as const, question: 'q', answer: 'a', wrong: 'w' };

describe('handleImportRequest (the import worker)', () => {
  it('posts progress, then the result, tagged with the request id', async () => {
    const events: ImportWorkerEvent[] = [];
    const file = new File([CSV], 'sums.csv');
    await handleImportRequest(
      {
        type: 'import',
        id: 7,
        file,
        fileName: 'sums.csv',
        format: 'generic-csv',
        mapping: MAPPING,
      },
      (event) => events.push(event),
    );
    expect(events.map((e) => [e.type, e.id])).toEqual([
      ['progress', 7],
      ['done', 7],
    ]);
    const done = events[1];
    expect(done?.type === 'done' && done.result.items.map((i) => [i.question, i.correct])).toEqual([
      ['One plus one?', '2'],
      ['Two plus two?', '4'],
    ]);
  });

  it('posts an error as name and message, never throwing', async () => {
    const events: ImportWorkerEvent[] = [];
    const file = new File([CSV], 'sums.csv');
    await handleImportRequest(
      { type: 'import', id: 8, file, fileName: 'sums.csv', format: 'generic-csv' },
      (event) => events.push(event),
    );
    expect(events.at(-1)).toEqual({
      type: 'error',
      id: 8,
      error: {
        name: 'ImportError',
        message:
          'sums.csv: unrecognised columns: choose which column holds the question and answers (generic mapper)',
      },
    });
  });
});

describe('runImport without workers (Node)', () => {
  it('imports in this thread with the same result', async () => {
    const result = await runImport(new File([CSV], 'sums.csv'), 'sums.csv', 'generic-csv', {
      mapping: MAPPING,
    });
    expect(result.report).toEqual({
      format: 'generic-csv',
      rowsRead: 2,
      itemsMade: 2,
      skipped: [],
    });
  });

  it('rejects with ImportCancelledError when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = runImport(new File([CSV], 'sums.csv'), 'sums.csv', 'generic-csv', {
      mapping: MAPPING,
      signal: controller.signal,
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
  });
});
