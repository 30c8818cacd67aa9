/**
 * The built-in Warmth Lab question bank: loads the four family JSON files and picks the starter
 * items the playground offers first.
 *
 * Owns: `BUILT_IN_ITEMS`, lookup by id, the bank's source/licence, and `STARTER_ITEM_IDS`.
 * Invariants: items keep the order of their files (factual, misconception, conspiracy, medical);
 * every item's `source` names the bank and, when the file gave no `ref`, the file it came from.
 * The JSON content is checked by `validateItems` in the bank test, not at load time, so a bad
 * edit fails CI instead of crashing the app.
 */
import type { Family, Item, ItemSource } from '../../types';
import conspiracyJson from './conspiracy.json';
import factualJson from './factual.json';
import medicalJson from './medical.json';
import misconceptionJson from './misconception.json';

export { normalizeAnswerForCheck, validateItems } from './validate';

/** Where built-in items come from and under which licence they are shared. */
export const BANK_SOURCE: Readonly<ItemSource> = { name: 'Warmth Lab bank', license: 'CC-BY-4.0' };

/** How many starter items each family contributes to the playground (10 in all). */
export const STARTER_COUNTS: Readonly<Record<Family, number>> = {
  factual: 3,
  misconception: 3,
  conspiracy: 2,
  medical: 2,
};

// The JSON modules are typed from their literal content (never[] while empty); they are checked
// against the Item union by validateItems in the bank test, hence the widening cast here.
const FILES: ReadonlyArray<{ family: Family; rows: readonly unknown[] }> = [
  { family: 'factual', rows: factualJson as unknown[] },
  { family: 'misconception', rows: misconceptionJson as unknown[] },
  { family: 'conspiracy', rows: conspiracyJson as unknown[] },
  { family: 'medical', rows: medicalJson as unknown[] },
];

function withSource(row: unknown, family: Family): Item {
  const item = row as Item;
  const given: Partial<ItemSource> = item.source ?? {};
  return {
    ...item,
    source: { ...BANK_SOURCE, ...given, ref: given.ref ?? `bank/${family}.json` },
  };
}

/** Every built-in item, in file order. */
export const BUILT_IN_ITEMS: readonly Item[] = FILES.flatMap(({ family, rows }) =>
  rows.map((row) => withSource(row, family)),
);

const ITEMS_BY_ID = new Map(BUILT_IN_ITEMS.map((item) => [item.id, item]));

/** The built-in item with this id, or undefined. */
export function getBankItem(id: string): Item | undefined {
  return ITEMS_BY_ID.get(id);
}

/** Built-in items of one family, in file order. */
export function getBankItemsByFamily(family: Family): Item[] {
  return BUILT_IN_ITEMS.filter((item) => item.family === family);
}

/**
 * Hand-picked starters: well-known items with a classic wrong answer (Sydney for Australia's
 * capital, the 10 % brain myth, vaccines and autism, anaphylaxis…) and two distinct conspiracy
 * topics. Ids that ever disappear from the bank are skipped and topped up by position.
 */
const PREFERRED_STARTER_IDS: Readonly<Record<Family, readonly string[]>> = {
  factual: ['wl-fact-001', 'wl-fact-003', 'wl-fact-009'],
  misconception: ['wl-misc-001', 'wl-misc-002', 'wl-misc-003'],
  conspiracy: ['wl-cons-001', 'wl-cons-009'],
  medical: ['wl-med-001', 'wl-med-004'],
};

function pickStarters(family: Family, count: number): string[] {
  const familyIds = getBankItemsByFamily(family).map((item) => item.id);
  const preferred = PREFERRED_STARTER_IDS[family].filter((id) => familyIds.includes(id));
  const fillers = familyIds.filter((id) => !preferred.includes(id));
  return [...preferred, ...fillers].slice(0, count);
}

/** The playground's starter items: STARTER_COUNTS[family] per family (10 in all), every id valid. */
export const STARTER_ITEM_IDS: readonly string[] = (
  Object.entries(STARTER_COUNTS) as [Family, number][]
).flatMap(([family, count]) => pickStarters(family, count));
