/**
 * The Questions view's state: ties the bank browser, imports, imported sets, custom framings
 * and the composer preview together.
 *
 * Owns: creating the parts and wiring them (the browser browses the sets' entries, the
 * composer previews the browser's selection with the saved framings, a saved import refreshes
 * the sets). Invariant: one instance per page (via `app.use('questions', …)`), so a half-done
 * import or a filter survives switching tabs.
 */
import type { AppState } from './app.svelte';
import { QuestionBrowserState } from './questionsBrowser.svelte';
import { QuestionComposerState } from './questionsComposer.svelte';
import { QuestionFramingsState } from './questionsFramings.svelte';
import { QuestionImportState } from './questionsImport.svelte';
import { QuestionSetsState, downloadText } from './questionsSets.svelte';

export class QuestionsState {
  readonly sets: QuestionSetsState;
  readonly browser: QuestionBrowserState;
  readonly importer: QuestionImportState;
  readonly framings: QuestionFramingsState;
  readonly composer: QuestionComposerState;

  constructor(readonly app: AppState) {
    this.sets = new QuestionSetsState(app.storage);
    this.browser = new QuestionBrowserState(() => this.sets.entries);
    this.importer = new QuestionImportState(app.storage, () => this.sets.refresh());
    this.framings = new QuestionFramingsState(app.storage);
    this.composer = new QuestionComposerState(
      () => this.browser.selected?.item ?? null,
      () => this.framings.framings,
    );
  }

  /** Loads the saved sets and framings (called once, when the view is first shown). */
  start(): void {
    // Items a closed tab left mid-save are invisible but take space: remove them once per page.
    void this.app.storage.attempt((repos) => repos.questionSets.sweepOrphans());
    void this.sets.refresh();
    void this.framings.refresh();
  }

  /** Exports a set as Warmth Lab JSON and hands it to the browser as a download. */
  async exportSet(setId: string): Promise<void> {
    const file = await this.sets.exportSet(setId);
    if (file) downloadText(file.fileName, file.text);
  }
}

/** The view's state, created on first use with its saved data loading. */
export function createQuestionsState(app: AppState): QuestionsState {
  const state = new QuestionsState(app);
  state.start();
  return state;
}
