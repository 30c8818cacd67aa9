/**
 * The storage layer's public face: open the database once and get every repository over it.
 *
 * Owns: wiring. Invariant: one connection serves all repositories, so a version change in
 * another tab closes everything at once and the UI gets one message.
 */
import type { OpenOptions } from './db';
import { openWarmthDb } from './db';
import { ComparisonsRepo } from './comparisonsRepo';
import { QuestionSetsRepo } from './questionSetsRepo';
import { RunsRepo } from './runsRepo';
import { SettingsRepo } from './settingsRepo';
import { LabelsRepo } from './labelsRepo';
import { DesignsRepo, FramingsRepo, ModelsRepo } from './simpleRepos';
import type { WarmthDb } from './schema';

export interface Repositories {
  db: WarmthDb;
  comparisons: ComparisonsRepo;
  questionSets: QuestionSetsRepo;
  framings: FramingsRepo;
  designs: DesignsRepo;
  runs: RunsRepo;
  labels: LabelsRepo;
  settings: SettingsRepo;
  models: ModelsRepo;
}

/** Creates every repository over one open database. */
export function createRepositories(db: WarmthDb): Repositories {
  return {
    db,
    comparisons: new ComparisonsRepo(db),
    questionSets: new QuestionSetsRepo(db),
    framings: new FramingsRepo(db),
    designs: new DesignsRepo(db),
    runs: new RunsRepo(db),
    labels: new LabelsRepo(db),
    settings: new SettingsRepo(db),
    models: new ModelsRepo(db),
  };
}

/** Opens the database and creates the repositories (see `openWarmthDb` for errors). */
export async function openRepositories(options: OpenOptions = {}): Promise<Repositories> {
  return createRepositories(await openWarmthDb(options));
}

export { StorageError, STORAGE_MESSAGES, VERSION_CHANGE_MESSAGE } from './errors';
export type { StorageErrorKind } from './errors';
export { createRunStore } from './runsRepo';
export { openWarmthDb } from './db';
export type { OpenOptions } from './db';
export { restoreBundle, restoreBundles } from './bundleRestore';
export type { RestoreOutcome } from './bundleRestore';
