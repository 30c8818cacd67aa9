/**
 * Display labels of framing ids for dashboard rows and chart axes.
 *
 * Owns: the fallback for ids outside the catalogue: a user framing `custom:<slug>` shows as its
 * slug, so labels never come out empty or undefined.
 */
import { BELIEFS, getContext } from '../framing';

function customName(id: string): string {
  return id.startsWith('custom:') ? id.slice('custom:'.length) : id;
}

/** "Sad", "No context", or the slug of a custom context. */
export function contextLabelOf(id: string): string {
  return getContext(id)?.label ?? customName(id);
}

/** "Asserts a wrong answer", "No belief", or the slug of a custom belief. */
export function beliefLabelOf(id: string): string {
  return BELIEFS.find((belief) => belief.id === id)?.label ?? customName(id);
}
