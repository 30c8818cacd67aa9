/**
 * Which model an answer is compared under in the analysis.
 *
 * Owns: the rule that lets a warm arm running other weights (a user's warm fine-tune) pair with
 * the base arm of the same run, as the paper compared each original model with its warm copy.
 * Invariant: within a run that has exactly one base model, every answer is analysed under that
 * model (the arm's role still says base or warm); otherwise each answer keeps its own model.
 */

interface ModelledRecord {
  runId: string;
  armRole: string;
  modelId: string;
}

/** Returns a function giving each record's compared model id (see the module header). */
export function createComparedModelLookup(
  records: readonly ModelledRecord[],
): (record: ModelledRecord) => string {
  const baseModels = new Map<string, Set<string>>();
  for (const record of records) {
    if (record.armRole !== 'base') continue;
    const models = baseModels.get(record.runId) ?? new Set<string>();
    models.add(record.modelId);
    baseModels.set(record.runId, models);
  }
  return (record) => {
    const models = baseModels.get(record.runId);
    return models?.size === 1 ? ([...models][0] as string) : record.modelId;
  };
}
