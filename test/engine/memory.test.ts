import { describe, expect, it } from 'vitest';
import { checkArmsMemory, memoryBudgetMB, UNKNOWN_DEVICE_BUDGET_MB } from '../../src/engine/memory';

const QWEN = { modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', vramRequiredMB: 1060 };
const LLAMA3B = { modelId: 'Llama-3.2-3B-Instruct-q4f32_1-MLC', vramRequiredMB: 2951 };
const PHI = { modelId: 'Phi-3.5-mini-instruct-q4f32_1-MLC', vramRequiredMB: 5483 };
const ENDPOINT = { modelId: 'endpoint:ollama', vramRequiredMB: 0 };
const UNKNOWN = { modelId: 'local-mystery', vramRequiredMB: null };

describe('memoryBudgetMB', () => {
  it.each([
    [undefined, UNKNOWN_DEVICE_BUDGET_MB],
    [null, 4096],
    [Number.NaN, 4096],
    [0, 4096],
    [-2, 4096],
    [8, 4096],
    [4, 2048],
    [16, 8192],
    [0.5, 256],
  ])('device memory %s GiB → %s MB', (gib, expected) => {
    expect(memoryBudgetMB(gib)).toBe(expected);
  });
});

describe('checkArmsMemory', () => {
  it.each([
    ['no arms', [], null, false, null],
    ['one arm', [QWEN], null, false, null],
    ['same model twice (loaded once)', [PHI, PHI], null, false, null],
    ['two small models, unknown device', [QWEN, LLAMA3B], null, false, 4011],
    ['two small models, 4 GiB device', [QWEN, LLAMA3B], 4, true, 4011],
    ['large pair, unknown device', [QWEN, PHI], undefined, true, 6543],
    ['large pair, 16 GiB device', [QWEN, PHI], 16, false, 6543],
    ['endpoint adds nothing', [PHI, ENDPOINT], 16, false, 5483],
    ['unknown need counts as 0', [UNKNOWN, QWEN], null, false, 1060],
    ['three distinct models', [QWEN, LLAMA3B, QWEN, ENDPOINT], 8, false, 4011],
  ] as const)('%s', (_name, arms, device, isWarning, totalMB) => {
    const check = checkArmsMemory(arms, device);
    expect(check.isWarning).toBe(isWarning);
    expect(check.totalMB).toBe(totalMB);
    expect(check.message === '').toBe(totalMB === null);
  });

  it('names the figures and the assumed budget when warning on an unknown device', () => {
    const check = checkArmsMemory([QWEN, PHI], null);
    expect(check.budgetMB).toBe(4096);
    expect(check.message).toContain('about 6543 MB');
    expect(check.message).toContain('4096 MB assumed for a device that does not report');
  });

  it('names the reported-device budget and models of unknown need', () => {
    const check = checkArmsMemory([UNKNOWN, QWEN], 16);
    expect(check.message).toContain('8192 MB budget for this device');
    expect(check.message).toContain('The memory need of local-mystery is unknown.');
  });
});
