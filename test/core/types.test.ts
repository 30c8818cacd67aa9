import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../src/core/types';

describe('FAMILIES', () => {
  it('lists the four task families of the study in a fixed order', () => {
    expect(FAMILIES).toEqual(['factual', 'misconception', 'conspiracy', 'medical']);
  });
});
