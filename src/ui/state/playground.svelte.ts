/**
 * Playground state: one question, one framing, two arms answering side by side.
 *
 * Owns: the chosen item (any bank or imported item, or a typed question), the condition, the
 * composed prompt (derived), the streamed answers of the current comparison and their rule grades
 * (derived, under the app-wide convention read through the constructor's getter). Invariants: both arms receive the identical composed prompt;
 * answers are saved as they stream (partial, then final) so a reload never loses a comparison;
 * output is kept as plain text for rendering as text only; an answer is graded only once it is
 * complete, never while it streams.
 */
import { composePrompt } from '../../core/framing';
import { newId, nowIso } from '../../core/ids';
import { gradeResponse } from '../../core/grading';
import { getBankItem, STARTER_ITEM_IDS } from '../../core/questions/bank';
import { toArmMessages } from '../../core/personas';
import type { Comparison, ComparisonArm } from '../../core/records';
import type {
  Arm,
  BeliefId,
  ComposedPrompt,
  ContextId,
  FactualItem,
  Grade,
  GradingConvention,
  Item,
} from '../../core/types';
import type { Generator } from '../../core/types';

export interface ArmOutput {
  text: string;
  finishReason?: string;
  decodeTokensPerSecond?: number;
  elapsedMs?: number;
  error?: string;
}

export interface ComparisonSink {
  save(comparison: Comparison): Promise<void>;
}

/** A typed question becomes a factual item so the composer and graders treat it like any other. */
function toCustomItem(question: string, correct: string, wrong: string): FactualItem {
  return {
    id: 'custom-question',
    family: 'factual',
    question: question.trim(),
    correct: correct.trim(),
    aliases: [],
    wrong: [wrong.trim() || 'something else'],
    source: { name: 'typed in the playground', license: 'user' },
  };
}

export class PlaygroundState {
  // Replaced whole when the user picks another question, never edited.
  #picked = $state.raw<Item | null>(getBankItem(STARTER_ITEM_IDS[0] ?? '') ?? null);
  #pickedFrom = $state('Built-in bank');
  #isCustom = $state(false);
  #customQuestion = $state('');
  #customCorrect = $state('');
  #customWrong = $state('');
  #context = $state<ContextId>('emotion:sad');
  #belief = $state<BeliefId>('asserts-wrong');
  #isHedged = $state(false);
  #outputs = $state<Record<string, ArmOutput>>({});
  #isRunning = $state(false);
  // The item the shown answers were asked about: grades never follow later edits of the question.
  #asked = $state.raw<Item | null>(null);
  #controller: AbortController | null = null;
  #conventionOf: () => GradingConvention = () => 'correct';

  /** `conventionOf` reads the app-wide grading convention (default: always `correct`). */
  constructor(conventionOf?: () => GradingConvention) {
    if (conventionOf) this.#conventionOf = conventionOf;
  }

  /** The convention the shown answers are graded under. */
  get convention(): GradingConvention {
    return this.#conventionOf();
  }

  item: Item | null = $derived.by(() => {
    if (!this.#isCustom) return this.#picked;
    if (!this.#customQuestion.trim() || !this.#customCorrect.trim()) return null;
    return toCustomItem(this.#customQuestion, this.#customCorrect, this.#customWrong);
  });

  prompt: ComposedPrompt | null = $derived.by(() =>
    this.item
      ? composePrompt(this.item, {
          context: this.#context,
          belief: this.#belief,
          isHedged: this.#isHedged,
        })
      : null,
  );

  /** The item the shown answers were asked about (its gold answer is shown beside them). */
  get asked(): Item | null {
    return this.#asked;
  }

  /** The rule grade of each finished answer, by arm id (absent while streaming or on error). */
  grades: Record<string, Grade> = $derived.by(() => {
    const item = this.#asked;
    if (!item || this.#isRunning) return {};
    const graded: Record<string, Grade> = {};
    for (const [armId, output] of Object.entries(this.#outputs)) {
      // A stopped answer is incomplete: grading it would report a verdict on half a sentence.
      if (!output.finishReason || output.finishReason === 'abort' || output.error) continue;
      graded[armId] = gradeResponse(item, output.text, { convention: this.convention });
    }
    return graded;
  });

  get itemId(): string {
    return this.#picked?.id ?? '';
  }
  /** Where the picked question came from: "Built-in bank" or an imported set's name. */
  get pickedFrom(): string {
    return this.#pickedFrom;
  }
  get isCustom(): boolean {
    return this.#isCustom;
  }
  get customQuestion(): string {
    return this.#customQuestion;
  }
  get customCorrect(): string {
    return this.#customCorrect;
  }
  get customWrong(): string {
    return this.#customWrong;
  }
  get context(): ContextId {
    return this.#context;
  }
  get belief(): BeliefId {
    return this.#belief;
  }
  get isHedged(): boolean {
    return this.#isHedged;
  }
  get outputs(): Record<string, ArmOutput> {
    return this.#outputs;
  }
  get isRunning(): boolean {
    return this.#isRunning;
  }

  selectItem(id: string): void {
    const item = getBankItem(id);
    if (item) this.pick(item, 'Built-in bank');
  }
  /** Asks about any item: one from the bank or from an imported set. */
  pick(item: Item, from: string): void {
    this.#picked = item;
    this.#pickedFrom = from;
    this.#isCustom = false;
    this.#outputs = {};
  }
  setCustom(fields: { question?: string; correct?: string; wrong?: string }): void {
    this.#isCustom = true;
    if (fields.question !== undefined) this.#customQuestion = fields.question;
    if (fields.correct !== undefined) this.#customCorrect = fields.correct;
    if (fields.wrong !== undefined) this.#customWrong = fields.wrong;
  }
  useStarter(): void {
    this.#isCustom = false;
  }
  setContext(context: ContextId): void {
    this.#context = context;
  }
  setBelief(belief: BeliefId): void {
    this.#belief = belief;
  }
  setHedged(isHedged: boolean): void {
    this.#isHedged = isHedged;
  }

  /** Aborts the running comparison; partial answers are kept and saved. */
  stop(): void {
    this.#controller?.abort();
  }

  /** Runs every arm in turn on the same prompt, streaming and saving as tokens arrive. */
  async run(
    generator: Generator,
    arms: Arm[],
    meta: { modelId: string; engineLabel: string },
    sink: ComparisonSink,
  ): Promise<void> {
    const item = this.item;
    const prompt = this.prompt;
    if (!item || !prompt || this.#isRunning) return;
    this.#controller = new AbortController();
    this.#isRunning = true;
    this.#asked = item;
    this.#outputs = Object.fromEntries(arms.map((arm) => [arm.id, { text: '' }]));
    const comparison = this.#newComparison(item, prompt, arms, meta);
    try {
      for (const [index, arm] of arms.entries()) {
        if (this.#controller.signal.aborted) break;
        await this.#runArm(generator, arm, prompt, comparison, index, sink);
      }
    } finally {
      this.#isRunning = false;
      this.#controller = null;
      await sink.save(comparison);
    }
  }

  async #runArm(
    generator: Generator,
    arm: Arm,
    prompt: ComposedPrompt,
    comparison: Comparison,
    index: number,
    sink: ComparisonSink,
  ): Promise<void> {
    const signal = this.#controller?.signal;
    const slot = comparison.arms[index] as ComparisonArm;
    let lastSave = 0;
    try {
      const result = await generator.generate(
        toArmMessages(arm, prompt.text),
        arm.settings,
        (delta) => {
          const current = this.#outputs[arm.id] ?? { text: '' };
          this.#outputs[arm.id] = { ...current, text: current.text + delta };
          slot.output = this.#outputs[arm.id]?.text ?? '';
          // Partial answers are persisted at most every 500 ms: a reload keeps what streamed.
          if (Date.now() - lastSave > 500) {
            lastSave = Date.now();
            void sink.save(structuredClone($state.snapshot(comparison) as Comparison));
          }
        },
        signal,
      );
      Object.assign(slot, {
        output: result.text,
        usage: result.usage,
        elapsedMs: result.elapsedMs,
        finishReason: result.finishReason,
      });
      this.#outputs[arm.id] = {
        text: result.text,
        finishReason: result.finishReason,
        decodeTokensPerSecond: result.usage.decodeTokensPerSecond,
        elapsedMs: result.elapsedMs,
      };
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      slot.finishReason = 'error';
      this.#outputs[arm.id] = { ...(this.#outputs[arm.id] ?? { text: '' }), error: message };
    }
  }

  #newComparison(
    item: Item,
    prompt: ComposedPrompt,
    arms: Arm[],
    meta: { modelId: string; engineLabel: string },
  ): Comparison {
    return {
      id: newId('cmp'),
      createdAt: nowIso(),
      modelId: meta.modelId,
      engineLabel: meta.engineLabel,
      itemId: this.#isCustom ? undefined : item.id,
      question: item.question,
      correctAnswer: item.correct,
      condition: { context: this.#context, belief: this.#belief, isHedged: this.#isHedged },
      prompt,
      settings: arms[0]?.settings ?? { temperature: 0, maxTokens: 256 },
      arms: arms.map((arm) => ({
        armId: arm.id,
        label: arm.label,
        systemPrompt: arm.systemPrompt,
        output: '',
        usage: { promptTokens: 0, completionTokens: 0 },
        elapsedMs: 0,
      })),
    };
  }
}
