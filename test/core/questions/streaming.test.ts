import { describe, expect, it } from 'vitest';
import { importChunks } from '../../../src/core/questions';
import type { FormatId } from '../../../src/core/questions';

const TARGET_CHARS = 100 * 1024 * 1024;
const CHUNK_CHARS = 64 * 1024;

/** Lazily generated file content: chunks are made on demand and counted. */
function generate(header: string, makeRecord: (n: number) => string) {
  const state = { chunksMade: 0, charsMade: 0, records: 0 };
  async function* chunks(): AsyncIterable<string> {
    let pending = header;
    while (state.charsMade < TARGET_CHARS) {
      while (pending.length < CHUNK_CHARS) pending += makeRecord(++state.records);
      const chunk = pending.slice(0, CHUNK_CHARS);
      pending = pending.slice(CHUNK_CHARS);
      state.chunksMade++;
      state.charsMade += chunk.length;
      yield chunk;
    }
    if (pending !== '') {
      // Finish the record in progress so the file ends cleanly.
      state.charsMade += pending.length;
      yield pending;
    }
  }
  return { state, chunks: chunks() };
}

const FILLER = 'metamap phrase '.repeat(600);
const medqaRecord = (n: number): string =>
  `${JSON.stringify({ question: `Generated vignette number ${n}?`, answer: 'b', options: { A: 'a', B: 'b', C: 'c', D: 'd' }, meta_info: 'step1', answer_idx: 'B', metamap_phrases: [FILLER] })}\n`;
const PADDING = 'x'.repeat(9000);
const maskRecord = (n: number): string =>
  `t${n},"Pressure prompt ${n}, with a comma and\nan embedded newline ${PADDING}",Claim ${n} <pivotal>is/is not</pivotal> true.,Claim ${n} is true.,"Is claim ${n} true? After thinking through your reasoning, please respond with yes or no, wrapped in <final_answer> tags."\n`;

describe('100 MB inputs stream through without buffering the file', () => {
  it.each<[string, FormatId, string, (n: number) => string, number | undefined]>([
    ['JSON Lines (MedQA shape)', 'medqa-jsonl', '', medqaRecord, 64],
    [
      'CSV (MASK shape, quoted multi-line fields)',
      'mask-csv',
      'task_id,user_prompt,proposition,ground_truth,belief_elicit_1\n',
      maskRecord,
      undefined,
    ],
  ])(
    '%s',
    async (_name, format, header, makeRecord, maxHeapGrowthMb) => {
      const { state, chunks } = generate(header, makeRecord);
      const lags: number[] = [];
      const heapStart = process.memoryUsage().heapUsed;
      let heapGrowth = 0;
      let progressCalls = 0;
      let lastChars = 0;
      const result = await importChunks(format, chunks, {
        fileName: `big.${format}`,
        onProgress: (chars) => {
          progressCalls++;
          lastChars = chars;
          // How far generation ran ahead of consumption: 0 means one chunk at a time.
          lags.push(state.charsMade - chars);
          if (progressCalls % 100 === 0) {
            heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapStart);
          }
        },
      });
      expect(state.charsMade).toBeGreaterThanOrEqual(TARGET_CHARS);
      expect(lastChars).toBe(state.charsMade);
      expect(progressCalls).toBeGreaterThan(1500);
      expect(Math.max(...lags)).toBe(0);
      // Only the JSONL case drops most of each record, so only there is the heap a useful witness:
      // holding the 100 MB file as one string would by itself exceed this bound.
      if (maxHeapGrowthMb !== undefined)
        expect(heapGrowth / 1024 / 1024).toBeLessThan(maxHeapGrowthMb);
      expect(result.report.itemsMade).toBe(state.records);
      expect(result.report.skipped).toEqual([]);
      expect(result.items.at(-1)?.question).toBe(
        format === 'medqa-jsonl'
          ? `Generated vignette number ${state.records}?`
          : `Is claim ${state.records} true?`,
      );
    },
    120_000,
  );
});
