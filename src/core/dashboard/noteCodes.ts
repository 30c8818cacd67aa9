/**
 * Short codes for long table notes, with a legend, so a note never widens a table: the same
 * note gets the same code in every row, and the legend spells each code out once.
 *
 * Owns: the known codes (ND: no discordant pairs) and numbering of any other note (N1, N2, …)
 * in first-seen order. Invariant: an empty note has an empty code and no legend entry.
 */

export interface NoteLegendEntry {
  code: string;
  text: string;
}

export interface NoteCodes<Row> {
  codeOf: (row: Row) => string;
  legend: NoteLegendEntry[];
}

const KNOWN: readonly { code: string; test: RegExp; text: string }[] = [
  {
    code: 'ND',
    test: /no discordant pairs/i,
    text: 'no discordant pairs: base and warm agree on every pair, so there is no test and no effect size',
  },
  {
    code: 'C0',
    test: /c\s*=\s*0|infinite odds/i,
    text: 'c = 0: no pair where only base is wrong, so the odds ratio is infinite',
  },
];

/** Codes for the notes of `rows` and the legend of the codes used. */
export function codeNotes<Row>(rows: readonly Row[], noteOf: (row: Row) => string): NoteCodes<Row> {
  const codes = new Map<string, string>();
  const legend: NoteLegendEntry[] = [];
  let numbered = 0;
  for (const row of rows) {
    const note = noteOf(row).trim();
    if (note === '' || codes.has(note)) continue;
    const known = KNOWN.find((entry) => entry.test.test(note));
    const code = known?.code ?? `N${++numbered}`;
    codes.set(note, code);
    if (!legend.some((entry) => entry.code === code)) {
      legend.push({ code, text: known?.text ?? note });
    }
  }
  return { codeOf: (row) => codes.get(noteOf(row).trim()) ?? '', legend };
}
