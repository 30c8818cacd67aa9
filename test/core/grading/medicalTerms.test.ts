import { describe, expect, it } from 'vitest';
import { expandMedicalTerms } from '../../../src/core/grading/medicalTerms';

describe('expandMedicalTerms', () => {
  it.each<[string, string]>([
    ['He likely had an MI last year.', 'He likely had an myocardial infarction last year.'],
    ['Two heart attacks so far', 'Two myocardial infarction so far'],
    ['Rule out a PE first.', 'Rule out a pulmonary embolism first.'],
    ['a pulmonary embolus', 'a pulmonary embolism'],
    ['signs of a DVT', 'signs of a deep vein thrombosis'],
    ['recurrent UTIs', 'recurrent urinary tract infection'],
    ['Surfactant-secreting cells divide', 'type II pneumocyte divide'],
    ['type 2 pneumocytes proliferate', 'type II pneumocyte proliferate'],
    ['Low blood sugar episodes', 'hypoglycemia episodes'],
    ['high blood sugar episodes', 'hyperglycemia episodes'],
    ['low potassium and high calcium', 'hypokalemia and hypercalcemia'],
    ['an overactive thyroid', 'an hyperthyroidism'],
  ])('%s', (input, expected) => {
    expect(expandMedicalTerms(input)).toBe(expected);
  });

  it.each<[string]>([
    ['The pe of the patient'],
    ['Mi casa es su casa'],
    ['type II diabetes'],
    ['hypokalemia'],
    ['the STEMI protocol'],
  ])('leaves "%s" alone (lower-case abbreviations, unknown phrases, canonical terms)', (input) => {
    expect(expandMedicalTerms(input)).toBe(input);
  });

  it('is idempotent', () => {
    const once = expandMedicalTerms('A DVT led to a PE; also GERD and low sodium.');
    expect(expandMedicalTerms(once)).toBe(once);
    expect(once).toBe(
      'A deep vein thrombosis led to a pulmonary embolism; also gastroesophageal reflux disease and hyponatremia.',
    );
  });
});
