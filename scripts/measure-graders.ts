/**
 * Measures the rule graders against reference labels, on a develop part and an untouched
 * holdout part, under both conventions (issue 11).
 *
 * Run: `npx tsx scripts/measure-graders.ts [--show develop|holdout [--reasons]] [--family NAME]`.
 * Splits, fixed before any tuning:
 * - Qwen outputs (paper GPT-4o labels): develop = base rows, holdout = warm rows (answers borrowed
 *   from their base twin by item_id);
 * - TruthfulQA human labels: develop = questions whose FNV-1a hash of the question text is even,
 *   holdout = odd. Items come from TruthfulQA_v1_817.csv (every true and false answer).
 * Prints agreement (correct vs not-correct), kappa, per family/variant, and committed
 * (high-confidence) accuracy and coverage. `--show` lists disagreements of one part;
 * `--show PART --reasons` tallies agreement per grading reason instead.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { computeAgreement } from '../src/core/grading/agreement';
import type { AgreementPair } from '../src/core/grading/agreement';
import { gradeResponse } from '../src/core/grading/grade';
import { readOutputTable } from '../src/core/grading/outputTable';
import { fillFromTwins } from '../src/core/grading/twins';
import { importText } from '../src/core/questions/importer';
import type { GradingConvention, Item, Outcome } from '../src/core/types';

const FIX = '../shared/fixtures';
const QWEN = `${FIX}/paper-sample-outputs/qwen32b-outputs-long.csv`;
const HUMAN = `${FIX}/truthfulqa-human-labels/dev-long.csv`;
const TQA = `${FIX}/truthfulqa/TruthfulQA_v1_817.csv`;

interface Case {
  item: Item;
  output: string;
  label: Outcome;
  group: string;
  variant: string;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function qwenCases(): { develop: Case[]; holdout: Case[] } {
  const { rows } = fillFromTwins(readOutputTable(readFileSync(QWEN, 'utf8'), QWEN));
  const develop: Case[] = [];
  const holdout: Case[] = [];
  for (const row of rows) {
    if (!row.item || !row.evaluation) continue;
    const c = {
      item: row.item,
      output: row.output,
      label: row.evaluation,
      group: row.dataset,
      variant: row.variant ?? '?',
    };
    (row.filledFromLine === undefined ? develop : holdout).push(c);
  }
  return { develop, holdout };
}

function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

async function humanCases(): Promise<{ develop: Case[]; holdout: Case[] }> {
  const imported = await importText('truthfulqa-csv', readFileSync(TQA, 'utf8'), {
    fileName: TQA,
  });
  const byQuestion = new Map(imported.items.map((item) => [item.question.trim(), item]));
  const develop: Case[] = [];
  const holdout: Case[] = [];
  for (const [dataset, question, output, evaluation] of parseCsv(readFileSync(HUMAN, 'utf8')).slice(
    1,
  )) {
    const item = byQuestion.get((question ?? '').trim());
    if (!item || output === undefined || !evaluation) continue;
    const c: Case = {
      item,
      output,
      label: evaluation === 'CORRECT' ? 'correct' : 'incorrect',
      group: dataset ?? 'truthfulqa',
      variant: 'human',
    };
    (fnv1a(item.question.trim()) % 2 === 0 ? develop : holdout).push(c);
  }
  return { develop, holdout };
}

function pct(x: number | null): string {
  return x === null ? '  -  ' : (x * 100).toFixed(1).padStart(5);
}

function report(name: string, cases: Case[], convention: GradingConvention, show: boolean): void {
  const pairs: AgreementPair[] = [];
  const committed: AgreementPair[] = [];
  const reasons = new Map<string, [number, number]>();
  for (const c of cases) {
    const grade = gradeResponse(c.item, c.output, { convention });
    const pair = { a: grade.outcome, b: c.label, family: c.group, arm: c.variant };
    pairs.push(pair);
    if (grade.confidence === 'high') committed.push(pair);
    const agree = (grade.outcome === 'correct') === (c.label === 'correct');
    const key = `${grade.outcome} ${grade.confidence} ${grade.reason.replace(/'[^']*'/g, "'…'")}`;
    const tally = reasons.get(key) ?? [0, 0];
    tally[agree ? 0 : 1]++;
    reasons.set(key, tally);
    if (show && !agree && !byReason) {
      console.log(
        `--- ${c.group} ${c.variant} label=${c.label} got=${grade.outcome} (${grade.confidence}) ${grade.reason}`,
      );
      console.log(
        `Q: ${c.item.question}\nGOLD: ${c.item.correct}\nWRONG: ${c.item.wrong.slice(0, 3).join(' | ')}`,
      );
      console.log(`OUT: ${c.output.slice(0, 700).replace(/\n+/g, ' ⏎ ')}`);
    }
  }
  if (show && byReason) {
    for (const [key, [ok, bad]] of [...reasons].sort(
      (a, b) => b[1][0] + b[1][1] - a[1][0] - a[1][1],
    )) {
      console.log(`${String(ok).padStart(5)} agree ${String(bad).padStart(5)} differ  ${key}`);
    }
  }
  const all = computeAgreement(pairs, { isBinary: true });
  const com = computeAgreement(committed, { isBinary: true });
  const fam = Object.entries(all.byFamily)
    .map(([k, s]) => `${k} ${pct(s.accuracy)} (n=${s.n})`)
    .join(' · ');
  const arms = Object.entries(all.byArm)
    .map(([k, s]) => `${k} ${pct(s.accuracy)}`)
    .join(' · ');
  console.log(
    `${name.padEnd(16)} ${convention.padEnd(9)} n=${String(all.n).padStart(4)} agree ${pct(all.accuracy)} κ ${all.kappa?.toFixed(2) ?? '-'} | committed ${pct(com.accuracy)} cov ${pct(com.n / Math.max(1, all.n))} | ${fam} | ${arms}`,
  );
}

const args = process.argv.slice(2);
const show = args[args.indexOf('--show') + 1];
const byReason = args.includes('--reasons');
const onlyFamily = args.includes('--family') ? args[args.indexOf('--family') + 1] : undefined;
const qwen = qwenCases();
const human = await humanCases();
const pick = (cases: Case[]): Case[] => cases.filter((c) => !onlyFamily || c.group === onlyFamily);
for (const convention of ['correct', 'truthful'] as const) {
  report(
    'qwen develop',
    pick(qwen.develop),
    convention,
    show === 'develop' && convention === 'correct',
  );
  report(
    'qwen holdout',
    pick(qwen.holdout),
    convention,
    show === 'holdout' && convention === 'correct',
  );
  report(
    'human develop',
    pick(human.develop),
    convention,
    show === 'develop' && convention === 'truthful',
  );
  report(
    'human holdout',
    pick(human.holdout),
    convention,
    show === 'holdout' && convention === 'truthful',
  );
}
