/**
 * Public entry point of the results module: long CSV, JSON bundle, pooling across devices and
 * the paper authors' per-model layout. Other layers import from here.
 */
export { ResultsFormatError } from './errors';
export type { ResultsReadReport } from './errors';
export {
  EVALUATION_CODES,
  applyHumanLabels,
  chooseGrade,
  graderKind,
  parseOutcome,
} from './grades';
export { LONG_LEAD_COLUMNS, LONG_REQUIRED_COLUMNS, LONG_TAIL_COLUMNS } from './longColumns';
export { toLongCsv } from './longCsv';
export type { ExportRecord, LongCsvContext } from './longCsv';
export { fromLongCsv } from './longCsvRead';
export {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleError,
  createBundle,
  parseBundle,
  serializeBundle,
} from './bundle';
export type { BundleRun, CreateBundleInput, DeviceInfo, ResultsBundle } from './bundle';
export { isSecretFieldName, redactSecrets } from './redact';
export { poolBundles } from './pool';
export type { PoolDuplicate, PoolOrigin, PooledRecord, PooledResults } from './pool';
export { toPaperLayout } from './paperLayout';
export type { PaperExport, PaperFile } from './paperLayout';
export { fromPaperLayout } from './paperImport';
export type { PaperImport, PaperImportOptions } from './paperImport';
export { guessIsYesTrue } from './paperItems';
export {
  PAPER_COLUMNS,
  PAPER_DATASETS,
  PAPER_EXPORT_DIR,
  PAPER_EXTRA_COLUMNS,
  QUESTION_COLUMNS,
  paperItemId,
} from './paperNames';
export type { PaperDataset } from './paperNames';
export { formatOptionsDict, parseOptionsDict } from './pythonDict';
export { createComparedModelLookup } from './comparedModel';
export { createZip } from './zip';
export type { ZipEntry } from './zip';
export { planRestore } from './restore';
export type { RestoreExisting, RestorePlan, RestoreWrites } from './restore';
