/**
 * Plain words for the problems of the custom-framing form.
 *
 * Owns: rewording `validateCustomFraming`'s field-level messages for someone filling in the form,
 * who never typed an id: the id is made from the label, so an id problem caused by an empty label
 * is dropped in favour of the label's own message. Invariant: every other problem is kept, in
 * order, with its original text first, so nothing the validator found is hidden.
 */

const PLAIN: Readonly<Record<string, string>> = {
  'label: text is empty': 'Label: type a short name for this framing (its id is made from it).',
  'variants: expected at least one sentence':
    'variants: expected at least one sentence — type one per line in the box above.',
};

/** The validator's problems as the form shows them. */
export function toPlainFormProblems(problems: readonly string[]): string[] {
  const hasLabelProblem = problems.some((problem) => problem.startsWith('label:'));
  return problems
    .filter((problem) => !(hasLabelProblem && problem.startsWith('id:')))
    .map((problem) =>
      problem.startsWith('id:')
        ? 'Label: needs at least one letter or digit (its id is made from it).'
        : (PLAIN[problem] ?? problem),
    );
}
