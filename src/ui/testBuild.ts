/**
 * Texts that exist only in test builds. `__SCRIPTED_ENGINE__` is a build-time constant, so in
 * production every string here folds to '' and the scripted engine's labels leave no trace in
 * dist/ (a test checks this).
 */
const IS_TEST_BUILD = typeof __SCRIPTED_ENGINE__ !== 'undefined' && __SCRIPTED_ENGINE__;

/** Shown wherever answers come from the scripted engine. */
export const SCRIPTED_NOTICE = IS_TEST_BUILD
  ? 'Answers come from the scripted test engine: canned replies for automated tests, not a model.'
  : '';

/** Shown in the model panel of a test build. */
export const SCRIPTED_MODEL_NOTICE = IS_TEST_BUILD
  ? 'Test build: loading uses the scripted test engine, not the model below.'
  : '';

/**
 * Test builds only: `?dbVersion=N` opens the database at an older schema version, so e2e tests
 * can play a tab of an older Warmth Lab. Always undefined in production.
 */
export function testDatabaseVersion(search: string): number | undefined {
  if (!IS_TEST_BUILD) return undefined;
  const version = Number(new URLSearchParams(search).get('dbVersion'));
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

/** The engine label of a test build's scripted engine when no engine object exists yet. */
export const SCRIPTED_ENGINE_NAME = IS_TEST_BUILD ? 'scripted test engine' : '';

/** Shown instead of a download size when the scripted engine stands in for the model. */
export const SCRIPTED_DOWNLOAD_NOTICE = IS_TEST_BUILD
  ? 'Scripted test engine: nothing to download.'
  : '';
