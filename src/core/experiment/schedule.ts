/**
 * Run order: which plan entry to generate next.
 *
 * Owns: the trade-off between pairing and memory. Arms that share weights (same modelId) are
 * interleaved prompt by prompt, so a run stopped early still has matched base/warm pairs; arms
 * with different weights run phase by phase (all of model A, then all of model B), so only one
 * model needs to be in GPU memory. Invariant: scheduling only reorders — each entry keeps its
 * plan `index`, which is what resume and storage use.
 */
import type { PlanEntry } from './plan';

export interface SchedulePhase {
  modelId: string;
  /** How many entries of the schedule run on this model. */
  count: number;
}

/**
 * Orders a plan for running: one phase per model (models in order of first appearance), and
 * within a phase the plan's own order, in which arms are innermost (interleaved per prompt).
 */
export function scheduleEntries(plan: readonly PlanEntry[]): PlanEntry[] {
  const phases = new Map<string, PlanEntry[]>();
  const byIndex = [...plan].sort((a, b) => a.index - b.index);
  for (const entry of byIndex) {
    const phase = phases.get(entry.modelId);
    if (phase === undefined) phases.set(entry.modelId, [entry]);
    else phase.push(entry);
  }
  return [...phases.values()].flat();
}

/** The model phases of a schedule, in order; consecutive entries on one model form one phase. */
export function describePhases(schedule: readonly PlanEntry[]): SchedulePhase[] {
  const phases: SchedulePhase[] = [];
  for (const entry of schedule) {
    const last = phases[phases.length - 1];
    if (last !== undefined && last.modelId === entry.modelId) last.count++;
    else phases.push({ modelId: entry.modelId, count: 1 });
  }
  return phases;
}
