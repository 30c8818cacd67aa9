/**
 * Public surface of the grading core: rule graders (conventions, confidence, the commitment
 * reader and the style suite), the one refusal rule, modes, LLM judge,
 * human labels, agreement statistics and the outputs-table reader. Other layers import from
 * here rather than from individual modules.
 */
export { applyMode, gradeResponse, GRADING_MODES, RULE_GRADER_VERSION } from './grade';
export type { GradeOptions, GradingMode } from './grade';
export { detectRefusal, isLikelyRefusal, isRefusal, PAPER_REFUSAL_PHRASES } from './refusal';
export { prepareOutput, isNonAnswer } from './commitment';
export type { PreparedOutput } from './commitment';
export { styleSuite, WRAPPINGS } from './styleSuite';
export type { StyleSuiteReport, Wrapping, WrappingResult } from './styleSuite';
export { buildJudgeMessages, JUDGE_JSON_SCHEMA, parseJudgeReply } from './judge';
export { runJudgePass } from './judgePass';
export type { JudgePassOptions, JudgePassSummary, JudgeStore } from './judgePass';
export {
  labelRecordKey,
  labelsOfRun,
  labelTarget,
  labelToGrade,
  nextInQueue,
  pairsWithLabels,
  recordKey,
  storedLabelKey,
} from './humanLabels';
export type { HumanLabel, LabelTarget, QueueEntry, QueueOptions } from './humanLabels';
export { computeAgreement } from './agreement';
export type { AgreementClass, AgreementPair, AgreementReport, AgreementSummary } from './agreement';
export { extractLetters, letterOf } from './letters';
export { OutputTableError, readOutputTable } from './outputTable';
export type { OutputRow } from './outputTable';
export { fillFromTwins } from './twins';
export type { TwinFill } from './twins';
export { gradeUnder, isGradeUnder, recordsUnder, withGradesUnder } from './gradeUnder';
