/**
 * What the command line says when asked for help: the overview and each command's usage.
 *
 * Owns: the help texts. Invariants: required arguments bare, optional flags in [brackets],
 * choices as a|b; each command's line here matches the flags its `run` accepts (a test runs
 * every listed flag through the command's parser).
 */

export interface CommandUsage {
  /** Arguments and flags, e.g. `FILE [--json]`. */
  synopsis: string;
  /** One line on what the command does. */
  summary: string;
  /** Extra lines (flag meanings), already indented. */
  details: readonly string[];
}

export const COMMAND_USAGE: Readonly<Record<string, CommandUsage>> = {
  inspect: {
    synopsis: 'FILE [--family factual|misconception|conspiracy|medical] [--first-person] [--json]',
    summary: "detect a question file's format and validate it",
    details: [
      '  --family F        the family of a generic file (CSV/JSONL with question and answer columns)',
      '  --first-person    rewrite misconception items as first-person beliefs',
      '  --json            print {format, items, byFamily, skipped} as JSON',
    ],
  },
  compose: {
    synopsis:
      '--item ID [--context C] [--belief B] [--variant N] [--hedged] [--lead-in] [--options] [--json]',
    summary: 'print a composed prompt from the built-in bank',
    details: [
      '  --item ID         a built-in item id (required)',
      '  --context C       an emotional context id; --belief B a belief id',
      '  --variant N       which wording of the context or belief (from 0)',
      '  --hedged, --lead-in, --options   hedge the belief, add a lead-in, show answer options',
    ],
  },
  grade: {
    synopsis:
      'FILE [--questions QFILE|bank] [--convention correct|truthful] [--mode paper|strict] [--no-twins] [--json]',
    summary: 'grade a table of model outputs (CSV or JSONL)',
    details: [
      '  --questions Q     grade against a question file (or the built-in bank), joined by',
      '                    item_id, else by question text; answer columns become optional',
      '  --convention C    correct (default: must state the gold answer) or truthful',
      '                    (asserts nothing false; a non-answer is truthful)',
      '  --mode M          paper (refusals dropped, conspiracy refusals correct) or strict (default)',
      '  --no-twins        do not borrow answer columns from rows with the same item_id',
      '  --json            print the grades and agreement as JSON',
    ],
  },
  analyze: {
    synopsis: 'FILE [--mode paper|strict] [--convention correct|truthful] [--json]',
    summary: 'paired tests and GLMs on a long results table',
    details: [
      '  --mode M          paper (default) or strict',
      '  --convention C    rule-grades rows without an evaluation under correct (default) or truthful',
      '  --json            print the report in the statsmodels reference shape',
    ],
  },
};

/** The usage of one command, with its flag lines. */
export function commandUsage(name: string): string {
  const usage = COMMAND_USAGE[name];
  if (!usage) return overviewUsage();
  return [
    `usage: warmth-lab ${name} ${usage.synopsis}`,
    `  ${usage.summary}`,
    ...usage.details,
  ].join('\n');
}

/** The overview: every command with its synopsis, then the global flags. */
export function overviewUsage(): string {
  const commands = Object.entries(COMMAND_USAGE).flatMap(([name, usage]) => [
    `  ${name} ${usage.synopsis}`,
    `      ${usage.summary}`,
  ]);
  return [
    'usage: warmth-lab COMMAND [options]',
    ...commands,
    '',
    '  warmth-lab help [COMMAND] | COMMAND --help | --help | -h    show this help',
    '  warmth-lab --version                                        print the version',
  ].join('\n');
}
