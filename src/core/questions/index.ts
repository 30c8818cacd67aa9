/**
 * Public surface of the question model and importers; other layers import from here.
 *
 * Owns: nothing but re-exports. Invariant: everything exported is framework-free.
 */
export { detectFormat, DETECT_HEAD_CHARS } from './formats';
export type { FormatId } from './formats';
export { importChunks, importText } from './importer';
export type { ImportOptions } from './context';
export { ImportError, countByFamily } from './importResult';
export type { ImportReport, ImportResult, SkippedRow } from './importResult';
export { decodeUtf8Chunks } from './utf8';
export { exportQuestionSet, QUESTION_SET_FORMAT, QUESTION_SET_VERSION } from './questionSet';
export type { QuestionSetFile } from './questionSet';
export { importMapped, readRowsForMapping } from './mapped';
export type { ColumnMapping, MappedRow } from './mapped';
export { summarizeResultsChunks, DATASET_FAMILY } from './resultsTable';
export type { ResultsSummary } from './resultsTable';
export { validateItem } from './validate';
export { rewriteFirstPerson } from './firstPerson';
export { MAX_WHOLE_JSON_CHARS } from './stream';
