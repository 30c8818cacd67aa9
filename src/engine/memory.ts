/**
 * Will two arms' models fit in GPU memory together? A pure, conservative estimate.
 *
 * Owns: the warning shown when arms use different models. Invariants: pure (device memory is
 * passed in); a single distinct model never warns (it is loaded once); endpoint models use no
 * local GPU memory; an unknown device is given UNKNOWN_DEVICE_BUDGET_MB. Browsers report device
 * memory only coarsely (`navigator.deviceMemory`, GiB, capped at 8) and never GPU memory, so the
 * budget is HALF of the reported memory: the OS, the browser and (on integrated GPUs, which
 * share system RAM) the page itself need the rest.
 */

/** Budget assumed when the browser does not report device memory (4 GiB). */
export const UNKNOWN_DEVICE_BUDGET_MB = 4096;
/** Share of reported device memory two models may take together. */
export const DEVICE_MEMORY_SHARE = 0.5;

export interface ArmModelMemory {
  modelId: string;
  /** From the catalog or saved record; 0 for endpoints; null when unknown. */
  vramRequiredMB: number | null;
}

export interface MemoryCheck {
  isWarning: boolean;
  /** Sum over distinct models with a known need; null when fewer than two distinct models. */
  totalMB: number | null;
  budgetMB: number;
  /** Empty when there is nothing to say. */
  message: string;
}

/** The GPU memory budget for a device reporting `deviceMemoryGiB` (null/invalid → unknown). */
export function memoryBudgetMB(deviceMemoryGiB: number | null | undefined): number {
  if (typeof deviceMemoryGiB !== 'number' || !Number.isFinite(deviceMemoryGiB)) {
    return UNKNOWN_DEVICE_BUDGET_MB;
  }
  if (deviceMemoryGiB <= 0) return UNKNOWN_DEVICE_BUDGET_MB;
  return Math.round(deviceMemoryGiB * 1024 * DEVICE_MEMORY_SHARE);
}

/**
 * Warns when arms on different models likely need more GPU memory together than the device has.
 * `deviceMemoryGiB` is `navigator.deviceMemory` (undefined in Firefox/Safari).
 */
export function checkArmsMemory(
  arms: readonly ArmModelMemory[],
  deviceMemoryGiB: number | null | undefined,
): MemoryCheck {
  const budgetMB = memoryBudgetMB(deviceMemoryGiB);
  const distinct = new Map<string, number | null>();
  for (const arm of arms) distinct.set(arm.modelId, arm.vramRequiredMB);
  if (distinct.size < 2) return { isWarning: false, totalMB: null, budgetMB, message: '' };
  const unknown = [...distinct].filter(([, mb]) => mb === null).map(([id]) => id);
  const totalMB = [...distinct.values()].reduce<number>((sum, mb) => sum + (mb ?? 0), 0);
  const budgetText = describeBudget(budgetMB, deviceMemoryGiB);
  if (totalMB > budgetMB) {
    return {
      isWarning: true,
      totalMB,
      budgetMB,
      message:
        `These ${distinct.size} models need about ${Math.round(totalMB)} MB of GPU memory together, ` +
        `more than ${budgetText}. Loading both may crash the GPU process; use one model for ` +
        'every arm, or smaller models.',
    };
  }
  const unknownNote =
    unknown.length === 0 ? '' : ` The memory need of ${unknown.join(', ')} is unknown.`;
  return {
    isWarning: false,
    totalMB,
    budgetMB,
    message: `These models need about ${Math.round(totalMB)} MB together, within ${budgetText}.${unknownNote}`,
  };
}

function describeBudget(budgetMB: number, deviceMemoryGiB: number | null | undefined): string {
  return budgetMB === UNKNOWN_DEVICE_BUDGET_MB && !(Number(deviceMemoryGiB) > 0)
    ? `the ${budgetMB} MB assumed for a device that does not report its memory`
    : `the ${budgetMB} MB budget for this device (half of the memory it reports)`;
}
