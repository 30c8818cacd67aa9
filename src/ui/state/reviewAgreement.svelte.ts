/**
 * The agreement panel: two chosen graders compared over the open run's answers.
 *
 * Owns: the two choices and the binary toggle. Everything shown (accuracy, kappa, confusion
 * matrix, per-family and per-arm breakdowns, disagreements) is derived from the stored grades by
 * core `computeAgreement`, so relabelling or a new judge verdict updates it at once. Invariants:
 * each answer counts once, with the latest grade of each chosen grader made under the view's
 * convention (human labels always count); kappa is never NaN.
 */
import type { AgreementReport } from '../../core/grading';
import { computeAgreement } from '../../core/grading';
import type { ReviewState } from './review.svelte';
import type { ComparedRecord } from '../../core/review/reviewLogic';
import { comparedRecords, graderChoices } from '../../core/review/reviewLogic';
import { gradesUnder } from '../../core/review/unsureFirst';

export class ReviewAgreementState {
  readonly #review: ReviewState;
  #graderA = $state('rule');
  #graderB = $state('human');
  #isBinary = $state(false);

  choices: string[] = $derived.by(() => graderChoices(this.#review.records));
  compared: ComparedRecord[] = $derived.by(() =>
    comparedRecords(
      gradesUnder(this.#review.records, this.#review.convention),
      this.#graderA,
      this.#graderB,
    ),
  );
  report: AgreementReport = $derived(
    computeAgreement(
      this.compared.map((c) => c.pair),
      { isBinary: this.#isBinary },
    ),
  );
  /** The answers the two graders disagree on, in plan order. */
  disagreements: ComparedRecord[] = $derived(
    this.report.disagreements.flatMap((index) => this.compared[index] ?? []),
  );

  constructor(review: ReviewState) {
    this.#review = review;
  }

  get graderA(): string {
    return this.#graderA;
  }
  get graderB(): string {
    return this.#graderB;
  }
  get isBinary(): boolean {
    return this.#isBinary;
  }

  setGraderA(choice: string): void {
    this.#graderA = choice;
  }
  setGraderB(choice: string): void {
    this.#graderB = choice;
  }
  setBinary(isBinary: boolean): void {
    this.#isBinary = isBinary;
  }
}
