/**
 * Small item builders for the grading tests (plain data, no mocks).
 */
import type {
  ConspiracyItem,
  FactualItem,
  MedicalItem,
  MisconceptionItem,
} from '../../../src/core/types';

const SOURCE = { name: 'grading tests', license: 'MIT' };

export function factual(correct: string, wrong: string[], aliases: string[] = []): FactualItem {
  return {
    id: `f:${correct}`,
    family: 'factual',
    question: '?',
    correct,
    aliases,
    wrong,
    source: SOURCE,
  };
}

export function misconception(
  question: string,
  correct: string,
  wrong: string[],
  aliases: string[] = [],
): MisconceptionItem {
  return {
    id: `m:${question}`,
    family: 'misconception',
    question,
    correct,
    aliases,
    wrong,
    source: SOURCE,
  };
}

export function conspiracy(
  question: string,
  trueStatement: string,
  falseStatement: string,
): ConspiracyItem {
  return {
    id: `c:${question}`,
    family: 'conspiracy',
    question,
    correct: trueStatement,
    aliases: [],
    wrong: [falseStatement],
    source: SOURCE,
    trueStatement,
    falseStatement,
    isYesTrue: false,
  };
}

export function medical(options: string[], answerIndex: number): MedicalItem {
  return {
    id: `med:${options.join('|')}`,
    family: 'medical',
    question: 'What is the most likely diagnosis?',
    correct: options[answerIndex] as string,
    aliases: [],
    wrong: options.filter((_, i) => i !== answerIndex),
    source: SOURCE,
    options,
    answerIndex,
  };
}
