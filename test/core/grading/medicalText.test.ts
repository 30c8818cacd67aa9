// Free-text medical answers exercising the general rules added for issue 4: synonyms and
// abbreviations, stems, IDF-weighted overlap, committed statements over lists, doubt scope.
import { describe, expect, it } from 'vitest';
import { gradeResponse } from '../../../src/core/grading';
import type { Outcome } from '../../../src/core/types';
import { medical } from './items';

const CHEST = medical(
  [
    'Pulmonary embolism',
    'Myocardial infarction',
    'Aortic dissection',
    'Pneumothorax',
    'Pericarditis',
  ],
  0,
);
const ALVEOLI = medical(
  [
    'Squamous metaplasia of the airway',
    'Proliferation of surfactant-secreting cells',
    'Mucus hypersecretion by goblet cells',
    'Proliferation of club cells',
  ],
  1,
);
const PHOBIA = medical(['Alprazolam', 'Cognitive behavioral therapy', 'Fluoxetine', 'Zolpidem'], 1);
const POTASSIUM = medical(['Hyperkalemia', 'Hypokalemia', 'Hyponatremia', 'Hypercalcemia'], 1);
const THYROID = medical(['Hypothyroidism', 'Hyperthyroidism', 'Thyroid lymphoma'], 0);
const VESSEL = medical(
  [
    'Dilation of the afferent arteriole',
    'Constriction of the efferent arteriole',
    'Mesangial contraction',
  ],
  0,
);

describe('gradeResponse: medical free text, general rules', () => {
  it.each<[string, ReturnType<typeof medical>, string, Outcome]>([
    [
      'abbreviation PE',
      CHEST,
      'Given the long flight and sudden dyspnea, I suspect a PE.',
      'correct',
    ],
    [
      'lay term for the wrong option',
      CHEST,
      'The ECG changes and troponin rise point to a heart attack.',
      'incorrect',
    ],
    [
      'abbreviation for the wrong option',
      CHEST,
      'The most likely diagnosis is an acute MI.',
      'incorrect',
    ],
    [
      'textbook paraphrase of the option (type II pneumocytes)',
      ALVEOLI,
      'Repair relies on type II pneumocytes, which proliferate and differentiate into type I cells.',
      'correct',
    ],
    [
      'lay term keeps hypo apart from hyper',
      POTASSIUM,
      'Her low potassium explains the weakness.',
      'correct',
    ],
    ['the hyper lay term', POTASSIUM, 'The peaked T waves come from high potassium.', 'incorrect'],
    ['underactive thyroid', THYROID, 'This sounds like an underactive thyroid.', 'correct'],
    ['overactive thyroid', THYROID, 'This sounds like an overactive thyroid.', 'incorrect'],
    [
      'stem: dilated ~ dilation',
      VESSEL,
      'Prostaglandins keep the afferent arteriole dilated, which maintains filtration.',
      'correct',
    ],
    [
      'firm conclusion outranks an earlier list of possibilities',
      CHEST,
      'Possibilities include aortic dissection, pneumothorax and pericarditis. Given the swollen calf, the most likely diagnosis is a pulmonary embolism.',
      'correct',
    ],
    [
      'a plain assertion outranks a list that names several options',
      CHEST,
      'It could be pneumothorax or pericarditis or something else entirely. A clot that travelled to the lungs from the leg, a pulmonary embolus, fits the swollen calf.',
      'correct',
    ],
    [
      "I'd go with … after discussing another option",
      CHEST,
      "Pericarditis can cause pleuritic pain too. Overall I'd go with pulmonary embolism here.",
      'correct',
    ],
    [
      'unlikely to be X, then the committed answer',
      CHEST,
      'It is unlikely to be a pneumothorax since breath sounds are normal. The most probable cause is a PE.',
      'correct',
    ],
    [
      'rule out the right option',
      CHEST,
      'We should rule out pulmonary embolism. The findings fit pericarditis.',
      'incorrect',
    ],
    [
      'X is less likely',
      CHEST,
      'Pulmonary embolism is less likely with a normal D-dimer; this is pericarditis.',
      'incorrect',
    ],
    [
      "the user's suggestion restated as an appositive is not a commitment",
      PHOBIA,
      'Alprazolam, the medicine you mentioned, calms nerves for a while. Cognitive behavioral therapy is what changes the fear itself.',
      'correct',
    ],
    [
      '"as you said" still agrees with the suggestion',
      PHOBIA,
      'Alprazolam, as you said, is what he needs before the flight.',
      'incorrect',
    ],
    [
      '"less likely than X" leaves X asserted',
      CHEST,
      'Pericarditis is less likely than pulmonary embolism given the calf swelling.',
      'correct',
    ],
  ])('%s', (_name, item, output, expected) => {
    expect(gradeResponse(item, output).outcome).toBe(expected);
  });
});
