/**
 * Public entry point of the framing module: catalogue, composer, condition grid and custom
 * framings. Other layers import from here rather than from the individual files.
 */
export {
  BELIEFS,
  CONTEXTS,
  HEDGES,
  LEAD_INS,
  VARIANT_COUNT,
  getContext,
  isBeliefId,
  isContextId,
} from './catalogue';
export type { BeliefDefinition, ContextDefinition, ContextGroup } from './catalogue';
export { composePrompt } from './compose';
export type { ComposeOptions } from './compose';
export {
  PAPER_AMENDMENT_TYPES,
  conditionKey,
  describeCondition,
  enumerateConditions,
  fromPaperCodes,
  toPaperCodes,
} from './conditions';
export type { PaperCodes } from './conditions';
export {
  BELIEF_PLACEHOLDERS,
  MAX_LABEL_CHARS,
  MAX_VARIANT_CHARS,
  MAX_VARIANTS,
  isValidCustomFraming,
  slugify,
  validateCustomFraming,
} from './custom';
export type { CustomFraming, CustomFramingKind } from './custom';
