import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/core/questions';
import {
  ImportCancelledError,
  MAX_SLICE_BYTES,
  detectFileFormat,
  estimateRemainingMs,
  importFile,
  readByteStream,
} from '../../../src/core/questions/fileStream';
import type { ByteProgress } from '../../../src/core/questions/fileStream';

const TRUTHFUL_CSV = [
  'Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source',
  'A,Myths,Do bulls hate the colour red?,No,No; Bulls are colour-blind to red,Yes,x',
  'A,Myths,Is the Great Wall visible from the Moon?,No,No,Yes,y',
  'A,Myths,Empty best answer,,,Yes,z',
].join('\n');

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

/** A clock that moves 10 ms per reading, so progress times are exact. */
function steppingClock(stepMs = 10): () => number {
  let now = 0;
  return () => (now += stepMs) - stepMs;
}

describe('estimateRemainingMs', () => {
  it.each<[ByteProgress, number | null]>([
    [{ bytesDone: 250, totalBytes: 1000, elapsedMs: 1000 }, 3000],
    [{ bytesDone: 500, totalBytes: 1000, elapsedMs: 800 }, 800],
    [{ bytesDone: 1000, totalBytes: 1000, elapsedMs: 900 }, 0],
    [{ bytesDone: 0, totalBytes: 1000, elapsedMs: 900 }, null],
    [{ bytesDone: 10, totalBytes: 0, elapsedMs: 900 }, null],
    [{ bytesDone: 10, totalBytes: 1000, elapsedMs: 50 }, null],
  ])('%j → %s', (progress, expected) => {
    expect(estimateRemainingMs(progress)).toBe(expected);
  });
});

describe('readByteStream', () => {
  const chunks = [new Uint8Array(3), new Uint8Array(5), new Uint8Array(2)];

  it('reports bytes done after every chunk, against the total', async () => {
    const seen: ByteProgress[] = [];
    const sizes: number[] = [];
    const stream = readByteStream(streamOf(chunks), 10, {
      onProgress: (p) => seen.push(p),
      now: steppingClock(),
    });
    for await (const chunk of stream) sizes.push(chunk.byteLength);
    expect(sizes).toEqual([3, 5, 2]);
    expect(seen.map((p) => p.bytesDone)).toEqual([3, 8, 10]);
    expect(seen.every((p) => p.totalBytes === 10)).toBe(true);
    expect(seen.map((p) => p.elapsedMs)).toEqual([10, 40, 70]);
  });

  it('slices big browser chunks so each step of work stays short', async () => {
    const big = new Uint8Array(MAX_SLICE_BYTES * 2 + 100);
    const sizes: number[] = [];
    for await (const slice of readByteStream(streamOf([big, new Uint8Array(7)]), big.length + 7)) {
      sizes.push(slice.byteLength);
    }
    expect(sizes).toEqual([MAX_SLICE_BYTES, MAX_SLICE_BYTES, 100, 7]);
  });

  it('pauses for the event loop between chunks when work runs long', async () => {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const states: boolean[] = [];
    for await (const _chunk of readByteStream(streamOf(chunks), 10, { now: steppingClock(20) })) {
      states.push(timerRan);
    }
    expect(states).toEqual([false, true, true]);
  });

  it('stops with ImportCancelledError once the signal aborts', async () => {
    const controller = new AbortController();
    const read: number[] = [];
    const run = async () => {
      for await (const chunk of readByteStream(streamOf(chunks), 10, controller)) {
        read.push(chunk.byteLength);
        controller.abort();
      }
    };
    await expect(run()).rejects.toBeInstanceOf(ImportCancelledError);
    expect(read).toEqual([3]);
  });
});

describe('importFile', () => {
  it('streams a TruthfulQA CSV file into items with a report and full progress', async () => {
    const file = new File([TRUTHFUL_CSV], 'myths.csv');
    const format = await detectFileFormat(file, file.name);
    const seen: ByteProgress[] = [];
    const result = await importFile(file, file.name, format, { onProgress: (p) => seen.push(p) });
    expect(format).toBe('truthfulqa-csv');
    expect(result.report).toEqual({
      format: 'truthfulqa-csv',
      rowsRead: 3,
      itemsMade: 2,
      skipped: [{ line: 4, reason: 'empty Question or Best Answer' }],
    });
    expect(result.items.map((i) => i.question)).toEqual([
      'Do bulls hate the colour red?',
      'Is the Great Wall visible from the Moon?',
    ]);
    expect(seen.at(-1)?.bytesDone).toBe(file.size);
  });

  const HEADER = 'Question,Best Answer,Correct Answers,Incorrect Answers\nQ1,';
  const BAD_BYTES = new Uint8Array([
    ...new TextEncoder().encode(HEADER),
    0xff,
    ...new TextEncoder().encode(',A,B\n'),
  ]);
  it.each([
    ['invalid UTF-8', BAD_BYTES, 'bad.csv', `bad.csv: invalid UTF-8 at byte ${HEADER.length}`],
    [
      'missing columns',
      new TextEncoder().encode('Question,Best Answer,Incorrect Answers\nQ,A,B\n'),
      'cols.csv',
      'cols.csv: line 1: missing column(s) "Correct Answers"',
    ],
  ])(
    'fails on %s with an ImportError naming the file',
    async (_name, bytes, fileName, expected) => {
      const file = new File([bytes], fileName);
      const run = async () => importFile(file, fileName, await detectFileFormat(file, fileName));
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toContain(expected);
    },
  );

  it('refuses documentation files at detection', async () => {
    const file = new File(['# Read me'], 'README.md');
    await expect(detectFileFormat(file, file.name)).rejects.toThrow(
      'README.md: not a question file (documentation or code, judging by its name)',
    );
  });
});
