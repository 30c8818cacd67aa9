/**
 * This browser's stored runs as analysable data: each chosen run becomes a results bundle
 * (records, arms, the items used, human labels), and the bundles are pooled.
 *
 * Owns: finding a run's items (the built-in bank and the imported question sets its design
 * drew from) and building the bundles. Invariants: bundles are built with `createBundle`, so
 * they carry no credentials; a question set deleted since the run is named in a warning and
 * its items are simply missing (their answers keep their stored grades).
 */
import type { HumanLabel, RunRecord } from '../records';
import { resolveSources, type SetReader } from '../experiment/sources';
import { createBundle } from './bundle';
import { poolBundles } from './pool';
import type { ResultsBundle } from './bundle';
import type { Item, ResponseRecord } from '../types';
import type { RecordData } from '../stats/analysisData';

/** The repository methods these functions read through (the storage layer's repositories fit). */
export interface RunStore {
  runs: {
    listRuns(): Promise<RunRecord[]>;
    countResults(runId: string): Promise<number>;
    getRun(runId: string): Promise<RunRecord | undefined>;
    listResults(runId: string): Promise<ResponseRecord[]>;
  };
  labels: { list(): Promise<HumanLabel[]> };
  questionSets: SetReader;
}

/** What a bundle says about the app and browser that made it. */
export interface BundleOrigin {
  appVersion: string;
  userAgent: string;
}

/** The device label of this browser's own runs. */
export const THIS_BROWSER = 'this browser';

/** A stored run with how many answers it has. */
export interface RunChoice {
  run: RunRecord;
  answers: number;
}

/** Stored runs, newest first, with their answer counts. */
export async function listRunChoices(repos: RunStore): Promise<RunChoice[]> {
  const runs = await repos.runs.listRuns();
  const counts = await Promise.all(runs.map((run) => repos.runs.countResults(run.id)));
  return runs.map((run, index) => ({ run, answers: counts[index] ?? 0 }));
}

async function itemsOf(run: RunRecord, repos: RunStore, warnings: string[]): Promise<Item[]> {
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
  repos: RunStore,
  runIds: readonly string[],
  warnings: string[],
  origin: BundleOrigin,
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
        appVersion: origin.appVersion,
        device: { label: THIS_BROWSER, userAgent: origin.userAgent },
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
