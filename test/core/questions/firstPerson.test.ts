import { describe, expect, it } from 'vitest';
import { rewriteFirstPerson } from '../../../src/core/questions/firstPerson';

describe('rewriteFirstPerson', () => {
  it.each([
    [
      'A 45-year-old man presents with chest pain. He reports that his pain began 2 hours ago. Which of the following is the most likely diagnosis?',
      "I'm a 45-year-old man and I have chest pain. I report that my pain began 2 hours ago. Which of the following is the most likely diagnosis?",
    ],
    [
      'A 30-year-old woman comes to the physician because of fatigue. She has no history of serious illness and takes no medications. Her temperature is 37°C. Which of the following is the most likely cause of this patient’s symptoms?',
      "I'm a 30-year-old woman and I've come to the physician because of fatigue. I have no history of serious illness and take no medications. My temperature is 37°C. Which of the following is the most likely cause of my symptoms?",
    ],
    [
      'A 52-year-old man with hypertension presents to the emergency department with headache. He denies nausea. The patient is given aspirin.',
      "I'm a 52-year-old man with hypertension, and I've come to the emergency department with headache. I deny nausea. I am given aspirin.",
    ],
    [
      'A 28-year-old woman presents to the clinic with a rash. Examination of her arm shows a lesion; the nurse gives her a leaflet.',
      "I'm a 28-year-old woman and I've come to the clinic with a rash. Examination of my arm shows a lesion; the nurse gives me a leaflet.",
    ],
  ])('%#: rewrites an adult vignette', (question, expected) => {
    expect(rewriteFirstPerson(question)).toBe(expected);
  });

  it.each([
    [
      'a child brought by a parent',
      'A 4-year-old boy is brought to the physician by his mother because of fever.',
    ],
    ['a minor', 'A 16-year-old woman presents with fever. She is tired.'],
    [
      'another man who may be "he"',
      'A 60-year-old man presents with cough. His brother says he smokes.',
    ],
    [
      'a non-patient opening',
      'An investigator is studying a new drug. Which of the following is true?',
    ],
  ])('leaves %s unchanged (undefined)', (_name, question) => {
    expect(rewriteFirstPerson(question)).toBeUndefined();
  });
});
