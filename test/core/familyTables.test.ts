import { describe, expect, it } from 'vitest';
import { FAMILY_REGISTRY } from '../../src/core/families';
import { DATASET_FAMILY } from '../../src/core/questions/resultsTable';
import { PAPER_DATASETS, familyOfDataset } from '../../src/core/results/paperNames';
import {
  DATASET_SPELLINGS,
  isKnownDataset,
  isReferenceDataset,
} from '../../src/core/stats/vocabulary';
import { FAMILIES } from '../../src/core/types';
import { FAMILY_STYLES } from '../../src/ui/components/charts/palette';

describe('family tables are read from the registry', () => {
  it.each(FAMILIES.map((family) => [family, FAMILY_REGISTRY[family]] as const))(
    '%s',
    (family, info) => {
      expect(DATASET_SPELLINGS[info.paperDataset]).toBe(family);
      expect(PAPER_DATASETS[family]).toBe(info.paperDataset);
      expect(familyOfDataset(info.paperDataset)).toBe(family);
      expect(DATASET_FAMILY[info.paperDataset]).toBe(family);
      expect(FAMILY_STYLES[family]).toEqual({ colour: info.colour, shape: info.shape });
      expect([isKnownDataset(family), isKnownDataset(info.paperDataset)]).toEqual([true, true]);
      expect(isReferenceDataset(info.paperDataset)).toBe(info.isReference);
    },
  );

  it('keeps the paper’s spellings and the aliases', () => {
    expect(DATASET_SPELLINGS).toEqual({
      trivia: 'factual',
      truthfulqa: 'misconception',
      disinfo: 'conspiracy',
      medqa: 'medical',
    });
    expect([DATASET_FAMILY.mask, DATASET_FAMILY.triviaqa]).toEqual(['conspiracy', 'factual']);
    expect(familyOfDataset('medical')).toBeUndefined();
  });
});
