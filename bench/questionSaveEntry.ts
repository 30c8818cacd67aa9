// Browser side of bench/questionSave.mjs: saves N synthetic items through QuestionSetsRepo into
// the page's real IndexedDB and reports the longest main-thread task seen meanwhile.
import type { Item } from '../src/core/types';
import { openWarmthDb } from '../src/storage/db';
import { QuestionSetsRepo } from '../src/storage/questionSetsRepo';

function makeItems(count: number): Item[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `trivia-${i}`,
    family: 'factual',
    question: `Which synthetic question number ${i} is this, and what is its answer?`,
    correct: `answer ${i}`,
    aliases: [`ans ${i}`],
    wrong: [`wrong ${i}`],
    source: { name: 'bench', license: 'CC0' },
  })) as unknown as Item[];
}

async function run(count: number, batchSize?: number) {
  const items = makeItems(count);
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const db = await openWarmthDb({ name: `bench-${Date.now()}` });
  const repo = new QuestionSetsRepo(db, { batchSize });
  const started = performance.now();
  let batches = 0;
  const report = { format: 'triviaqa-jsonl', rowsRead: count, itemsMade: count, skipped: [] };
  await repo.saveSet(
    { name: 'bench', format: 'triviaqa-jsonl', fileName: 'bench.jsonl', report },
    items,
    () => batches++,
  );
  const totalMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return {
    question_save_items: count,
    question_save_batches: batches,
    question_save_total_ms: Math.round(totalMs),
    question_save_longest_task_ms: Math.round(Math.max(0, ...tasks)),
    question_save_tasks_over_200_ms: tasks.filter((ms) => ms > 200).length,
    question_save_long_tasks: tasks.length,
  };
}

(globalThis as unknown as { runQuestionSave: typeof run }).runQuestionSave = run;
