/**
 * Recognition of long results tables (one model output per row, e.g. the authors' sample
 * outputs or the synthetic statistics reference): not question files, but `inspect` reports how
 * many distinct items each dataset holds.
 *
 * Owns: `DATASET_FAMILY` (the paper's dataset names → our families) and `summarizeResultsChunks`.
 * Invariant: streamed record by record; only the set of (dataset, item_id) pairs is kept.
 */
import { FAMILY_REGISTRY } from '../families';
import type { Family } from '../types';
import { countByFamily } from './importResult';
import type { SkippedRow } from './importResult';
import { forEachCsvObject } from './stream';
import type { StreamOptions } from './stream';

/** The paper's dataset names (from the family registry) and common aliases → task families. */
export const DATASET_FAMILY: Readonly<Record<string, Family>> = {
  ...Object.fromEntries(Object.values(FAMILY_REGISTRY).map((info) => [info.paperDataset, info.id])),
  mask: 'conspiracy',
  triviaqa: 'factual',
};

const REQUIRED_COLUMNS = ['model', 'dataset', 'variant', 'item_id'];

export interface ResultsSummary {
  format: 'results-long-csv';
  rowsRead: number;
  /** Distinct (dataset, item_id) pairs. */
  items: number;
  byDataset: Record<string, number>;
  /** Distinct items per family, for datasets with a known family. */
  byFamily: Record<Family, number>;
  /** Rows with an empty dataset or item_id. */
  skipped: SkippedRow[];
}

/**
 * Streams a long results CSV and counts distinct items per dataset and family.
 * @throws ImportError naming missing columns or CSV syntax problems.
 */
export async function summarizeResultsChunks(
  chunks: AsyncIterable<string>,
  options: StreamOptions,
): Promise<ResultsSummary> {
  const itemsByDataset = new Map<string, Set<string>>();
  const skipped: SkippedRow[] = [];
  let rowsRead = 0;
  await forEachCsvObject(chunks, options, REQUIRED_COLUMNS, (values, line) => {
    rowsRead++;
    const dataset = values.dataset?.trim() ?? '';
    const itemId = values.item_id?.trim() ?? '';
    if (dataset === '' || itemId === '') {
      skipped.push({ line, reason: 'empty dataset or item_id' });
      return;
    }
    const ids = itemsByDataset.get(dataset) ?? new Set<string>();
    ids.add(itemId);
    itemsByDataset.set(dataset, ids);
  });
  const byDataset: Record<string, number> = {};
  const byFamily = countByFamily([]);
  for (const [dataset, ids] of [...itemsByDataset].sort(([a], [b]) => a.localeCompare(b))) {
    byDataset[dataset] = ids.size;
    const family = DATASET_FAMILY[dataset.toLowerCase()];
    if (family) byFamily[family] += ids.size;
  }
  const items = Object.values(byDataset).reduce((sum, n) => sum + n, 0);
  return { format: 'results-long-csv', rowsRead, items, byDataset, byFamily, skipped };
}
