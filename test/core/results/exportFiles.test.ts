import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createBundle, parseBundle, poolBundles } from '../../../src/core/results';
import { parseAnalysisCsv, runAnalysis } from '../../../src/core/stats';
import type { Arm, FactualItem, ResponseRecord } from '../../../src/core/types';
import {
  exportAnalysisJson,
  exportBundles,
  exportLongCsv,
  exportPaperLayout,
} from '../../../src/core/results/exportFiles';

const ITEM: FactualItem = {
  id: 'q1',
  family: 'factual',
  question: 'Capital of France?',
  correct: 'Paris',
  aliases: [],
  wrong: ['Lyon'],
  source: { name: 'test', license: 'CC0' },
};
const ARMS: Arm[] = (['base', 'warm'] as const).map((role) => ({
  id: role,
  label: role,
  modelId: 'm',
  settings: { temperature: 0, maxTokens: 8 },
  role,
}));

function record(planIndex: number, role: 'base' | 'warm', output: string, isCorrect: boolean) {
  const result: ResponseRecord = {
    runId: 'run-1',
    planIndex,
    armId: role,
    armRole: role,
    modelId: 'm',
    itemId: 'q1',
    family: 'factual',
    condition: { context: 'none', belief: 'none' },
    sample: 0,
    prompt: { text: 'Capital of France?', variantIds: {} },
    output,
    finishReason: 'stop',
    grades: [{ outcome: isCorrect ? 'correct' : 'incorrect', grader: 'rule', reason: '' }],
    usage: { promptTokens: 1, completionTokens: 1 },
    elapsedMs: 1,
    createdAt: '2025-01-01T00:00:00Z',
  };
  return result;
}

const RUN = {
  id: 'run-1',
  name: 'Demo',
  status: 'done' as const,
  planSize: 2,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};
const ENDPOINT_ARM = { ...(ARMS[1] as Arm), apiKey: 'sk-secret-123' } as Arm;
const BUNDLE = createBundle({
  run: RUN,
  arms: [ARMS[0] as Arm, ENDPOINT_ARM],
  items: [ITEM],
  records: [record(0, 'base', '=1+1 Paris', true), record(1, 'warm', 'Lyon', false)],
  appVersion: '1',
  device: { label: 'Laptop' },
});
const POOLED = poolBundles([BUNDLE]);

describe('exports', () => {
  it('writes the analysis in the CLI analyze --json shape', () => {
    const table = parseAnalysisCsv(
      'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation\n' +
        'm,trivia,base,q1,unmodified,original,a,CORRECT\nm,trivia,warm,q1,unmodified,original,b,INCORRECT\n',
    );
    const report = runAnalysis(table, { mode: 'strict' });
    const file = exportAnalysisJson({ report, notes: [], ruleGraded: 0, elapsedMs: 1 });
    expect(file.fileName).toBe('warmth-lab-analysis-strict.json');
    const parsed = JSON.parse(file.data as string) as {
      rows_in: number;
      mcnemar: { odds_ratio: unknown; base_only_correct: number }[];
    };
    expect(parsed.rows_in).toBe(2);
    expect(parsed.mcnemar[0]?.base_only_correct).toBe(1);
    // As the reference writer spells it: an infinite odds ratio is the string "inf".
    expect(parsed.mcnemar[0]?.odds_ratio).toBe('inf');
    expect(Object.keys(JSON.parse(file.data as string))).toEqual([
      'rows_in',
      'refusals_detected',
      'rows_analysed',
      'error_rates',
      'refusal_rates',
      'mcnemar',
      'glm',
      'ruleGraded',
      'leftOut',
      'convention',
    ]);
  });

  it('writes a long CSV with the device and a formula-escaped output', () => {
    const file = exportLongCsv(POOLED, '0.1.0');
    const text = file.data as string;
    expect(text.split('\n')[0]?.startsWith('run_id,plan_index,device,model')).toBe(true);
    expect(text).toContain(",'=1+1 Paris,");
    expect(text).toContain('run-1,0,Laptop,m');
    expect(file.summary).toBe('2 answers saved as long CSV.');
  });

  it('writes one bundle without API keys, or a ZIP for several', () => {
    const single = exportBundles([BUNDLE]);
    expect(single?.fileName).toBe('warmth-lab-bundle-Demo-run-1.json');
    expect(single?.data as string).not.toContain('sk-secret-123');
    expect(parseBundle(single?.data as string, 'x.json').records).toHaveLength(2);
    const several = exportBundles([BUNDLE, { ...BUNDLE, run: { ...RUN, id: 'run-2' } }]);
    expect(several?.fileName).toBe('warmth-lab-bundles.zip');
    expect(several?.type).toBe('application/zip');
    expect(exportBundles([])).toBeNull();
  });

  it('zips the paper layout with model_configs.py', () => {
    const file = exportPaperLayout(POOLED, new Date(2025, 0, 1));
    const unzipped = unzipSync(file.data as Uint8Array);
    expect(Object.keys(unzipped).sort()).toEqual([
      'warmth_lab_outputs/m/original/trivia_original_outputs.csv',
      'warmth_lab_outputs/m/warm/trivia_warm_outputs.csv',
      'warmth_lab_outputs/model_configs.py',
    ]);
    const texts = Object.values(unzipped).map((bytes) => strFromU8(bytes));
    expect(texts.join('\n')).toContain("'=1+1 Paris");
    expect(file.summary).toBe('2 per-model files (2 rows) and model_configs.py zipped.');
  });
});
