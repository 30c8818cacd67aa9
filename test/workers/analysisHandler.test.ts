import { describe, expect, it } from 'vitest';
import type { AnalysisEvent, AnalysisRequest } from '../../src/workers/analysisProtocol';
import { handleAnalysisRequest } from '../../src/workers/analysisHandler';

const CSV =
  'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation\n' +
  'm,trivia,base,q1,unmodified,original,a,CORRECT\n' +
  'm,trivia,warm,q1,unmodified,original,b,INCORRECT\n' +
  'm,trivia,base,q2,unmodified,original,a,CORRECT\n';

async function run(request: AnalysisRequest): Promise<AnalysisEvent[]> {
  const events: AnalysisEvent[] = [];
  await handleAnalysisRequest(request, (event) => events.push(event));
  return events;
}

describe('handleAnalysisRequest', () => {
  it('imports Blobs with progress, then replies once', async () => {
    const events = await run({
      type: 'import',
      id: 7,
      files: [{ file: new Blob([CSV]), path: 'small.csv' }],
    });
    const final = events.filter((event) => event.type !== 'progress');
    expect(final).toHaveLength(1);
    expect(events.every((event) => event.id === 7)).toBe(true);
    expect(events.some((event) => event.type === 'progress')).toBe(true);
    const reply = final[0];
    if (reply?.type !== 'imported' || reply.data.kind !== 'table')
      throw new Error('expected a table');
    expect(reply.data.table.size).toBe(3);

    const analysed = await run({
      type: 'analyse',
      id: 8,
      input: { kind: 'table', table: reply.data.table },
      mode: 'paper',
    });
    const stages = analysed.flatMap((event) => (event.type === 'progress' ? [event.stage] : []));
    expect(stages[0]).toBe('Preparing rows, error rates and paired tests');
    expect(stages).toContain('Fitting model 4 (warmth × stated belief)');
    const last = analysed[analysed.length - 1];
    if (last?.type !== 'analysed') throw new Error('expected an analysis');
    expect(last.outcome.report.rows_in).toBe(3);
    expect(last.outcome.report.unpaired.count).toBe(1);
  });

  it('turns a bad file into one error event naming file and line', async () => {
    const events = await run({
      type: 'import',
      id: 1,
      files: [{ file: new Blob([CSV.replace('warm,q1', 'tepid,q1')]), path: 'bad.csv' }],
    });
    const last = events[events.length - 1];
    expect(last).toEqual({
      type: 'error',
      id: 1,
      error: {
        name: 'ResultsTableError',
        message: 'bad.csv: line 3: variant must be base or warm (got "tepid")',
      },
    });
  });

  it('reports an empty analysis as an error, not NaN', async () => {
    const events = await run({
      type: 'analyse',
      id: 2,
      input: { kind: 'records', records: [], items: [], isDeviceFactor: true },
      mode: 'strict',
    });
    const last = events[events.length - 1];
    expect(last?.type).toBe('error');
    if (last?.type === 'error') expect(last.error.message).toMatch(/^Nothing to analyse/);
  });
});
