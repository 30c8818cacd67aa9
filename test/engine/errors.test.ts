import { describe, expect, it } from 'vitest';
import { fromWireError, toWireError } from '../../src/engine/errors';

describe('wire errors', () => {
  it('round-trips name and message and names a lost device', () => {
    const original = Object.assign(new Error('no such model'), { name: 'ModelNotFoundError' });
    expect(toWireError(original)).toEqual({ name: 'ModelNotFoundError', message: 'no such model' });
    const rebuilt = fromWireError(toWireError(original));
    expect([rebuilt.name, rebuilt.message, rebuilt instanceof Error]).toEqual([
      'ModelNotFoundError',
      'no such model',
      true,
    ]);
    expect(toWireError(new Error('Device was lost. OOM')).name).toBe('DeviceLostError');
    expect(toWireError('plain string')).toEqual({ name: 'Error', message: 'plain string' });
  });
});
