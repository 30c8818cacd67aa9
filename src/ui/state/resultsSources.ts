/**
 * This browser's stored runs as analysable data: each chosen run becomes a results bundle
 * (records, arms, the items used, human labels), and the bundles are pooled.
 *
 * Owns: finding a run's items (the built-in bank and the imported question sets its design
 * drew from) and building the bundles. Invariants: bundles are built with `createBundle`, so
 * they carry no credentials; a question set deleted since the run is named in a warning and
 * its items are simply missing (their answers keep their stored grades).
 */
import type { RunRecord } from '../../core/records';
import { resolveSources } from '../../core/experiment/sources';
import { createBundle, poolBundles } from '../../core/results';
import type { ResultsBundle } from '../../core/results';
import type { Item } from '../../core/types';
import type { Repositories } from '../../storage';
import type { RecordData } from '../../workers/analysisProtocol';

/** The device label of this browser's own runs. */
export const THIS_BROWSER = 'this browser';

/** A stored run with how many answers it has. */
export interface RunChoice {
  run: RunRecord;
  answers: number;
}

/** Stored runs, newest first, with their answer counts. */
export async function listRunChoices(repos: Repositories): Promise<RunChoice[]> {
  const runs = await repos.runs.listRuns();
  const counts = await Promise.all(runs.map((run) => repos.runs.countResults(run.id)));
  return runs.map((run, index) => ({ run, answers: counts[index] ?? 0 }));
}

async function itemsOf(run: RunRecord, repos: Repositories, warnings: string[]): Promise<Item[]> {
  const { items, missing } = await resolveSources(run.design.items.sources, repos.questionSets);
  for (const source of missing) {
    warnings.push(
      `run "${run.name}": question set "${source}" is no longer stored; its questions are missing from exports`,
    );
  }
  return items;
}

/** One bundle per run, as `Export → JSON bundle` writes them. */
export async function bundleRuns(
  repos: Repositories,
  runIds: readonly string[],
  warnings: string[],
): Promise<ResultsBundle[]> {
  const labels = await repos.labels.list();
  const bundles: ResultsBundle[] = [];
  for (const runId of runIds) {
    const run = await repos.runs.getRun(runId);
    if (!run) throw new Error(`Run "${runId}" is no longer stored in this browser.`);
    bundles.push(
      createBundle({
        run,
        arms: run.design.arms,
        items: await itemsOf(run, repos, warnings),
        records: await repos.runs.listResults(runId),
        labels,
        appVersion: __APP_VERSION__,
        device: { label: THIS_BROWSER, userAgent: globalThis.navigator?.userAgent ?? '' },
      }),
    );
  }
  return bundles;
}

/** Pools this browser's bundles into a data set (duplicates across runs are reported). */
export function runsAsData(bundles: readonly ResultsBundle[], warnings: string[]): RecordData {
  return {
    kind: 'records',
    pooled: poolBundles(bundles),
    sources: bundles.map((bundle, index) => ({
      bundle: index + 1,
      file: `run "${bundle.run.name}"`,
      device: bundle.device.label,
      layout: 'this browser',
      rows: bundle.records.length,
      warnings: index === 0 ? warnings : [],
    })),
  };
}
