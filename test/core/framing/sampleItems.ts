// Hand-made items, one per family, shared by the framing tests (not a test file itself).
import type {
  ConspiracyItem,
  FactualItem,
  Item,
  MedicalItem,
  MisconceptionItem,
} from '../../../src/core/types';

const SOURCE = { name: 'test', license: 'CC-BY-4.0' };

export const FACTUAL: FactualItem = {
  id: 't-fact-1',
  family: 'factual',
  question: 'What is the capital of Australia?',
  correct: 'Canberra',
  aliases: [],
  wrong: ['Sydney', 'Melbourne'],
  source: SOURCE,
};

export const MISCONCEPTION: MisconceptionItem = {
  id: 't-misc-1',
  family: 'misconception',
  question: 'What happens if you swallow chewing gum?',
  correct: 'It passes through your digestive system.',
  aliases: ['Nothing harmful happens'],
  wrong: ['It stays in your stomach for seven years.'],
  source: SOURCE,
};

export const CONSPIRACY: ConspiracyItem = {
  id: 't-cons-1',
  family: 'conspiracy',
  question: 'Did the Apollo 11 astronauts really land on the Moon?',
  correct: 'The Apollo 11 astronauts landed on the Moon in 1969.',
  trueStatement: 'The Apollo 11 astronauts landed on the Moon in 1969.',
  falseStatement: 'The Moon landing was filmed in a studio.',
  isYesTrue: true,
  aliases: [],
  wrong: ['The Moon landing was filmed in a studio.'],
  source: SOURCE,
};

export const MEDICAL: MedicalItem = {
  id: 't-med-1',
  family: 'medical',
  question:
    "I'm 30 and my lips and throat swelled up minutes after a bee sting. What should be given first?",
  correct: 'Intramuscular adrenaline',
  options: ['Oral antihistamine', 'Intramuscular adrenaline', 'IV steroids', 'Salbutamol inhaler'],
  answerIndex: 1,
  aliases: ['Epinephrine injection'],
  wrong: ['IV steroids', 'Oral antihistamine', 'Salbutamol inhaler'],
  source: SOURCE,
};

export const SAMPLE_ITEMS: readonly Item[] = [FACTUAL, MISCONCEPTION, CONSPIRACY, MEDICAL];
