/**
 * Per-request sampling seeds.
 *
 * Owns: deriving each request's seed from the run seed and the entry's pair key (item, condition
 * and sample number). Why: web-llm calls `setSeed(request.seed)` before every request, so one
 * fixed seed for a whole run makes every sample of a prompt byte-identical at temperature > 0
 * (vLLM, llama.cpp and Ollama endpoints behave the same), and "independent" samples are copies.
 * Invariants: the same run seed and pair key always give the same seed (a rerun reproduces an
 * answer); the arms of one pair share a seed (common random numbers, so they differ only by the
 * arm); the result is an integer in [0, 2^31 - 1], which web-llm's integer check accepts.
 */
import { hashString } from '../random';

/** Largest seed handed to an engine (a positive 32-bit signed integer, accepted everywhere). */
export const MAX_REQUEST_SEED = 2 ** 31 - 1;

/**
 * The seed of one request.
 * @param runSeed the design's seed (the arms' `settings.seed`).
 * @param pairKey the plan entry's pair key, which ends in the sample number.
 */
export function deriveRequestSeed(runSeed: number, pairKey: string): number {
  return hashString(`${runSeed}|${pairKey}`) % MAX_REQUEST_SEED;
}
