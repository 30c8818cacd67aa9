/**
 * Shorter accepted forms of a reference answer, so qualifiers never decide a grade.
 *
 * Owns: deriving "Louis XVI" from "Louis XVI of France" or "King Louis XVI", "Mount Everest"
 * from "Mount Everest (Nepal/China)", "Ada Lovelace" from "Ada Lovelace, Countess of Lovelace".
 * Rules: drop parentheticals; drop a trailing "of <Place>" or ", <descriptor>" after a name;
 * drop a leading title (King, Queen, Saint, Dr, Sir, President, …). Invariant: a derived form
 * is kept only when it still has a word of two or more letters and does not equal, or sit
 * inside, any opposing answer (so "John Adams" never shortens into a wrong "Adams").
 */
import { words } from './normalize';

const TITLES =
  /^(?:king|queen|saint|st\.?|dr\.?|doctor|sir|dame|lord|lady|president|prince|princess|emperor|empress|pope|general|captain|prof\.?|professor|mr\.?|mrs\.?|ms\.?|the)\s+/i;

function shortForms(answer: string): string[] {
  const forms = new Set<string>();
  const noParens = answer.replace(/\s*[([][^)\]]*[)\]]/g, '').trim();
  forms.add(noParens);
  // "Louis XVI of France" → "Louis XVI": only after a capitalised name, not "Bay of Pigs".
  const noOf = noParens.replace(
    /^((?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w.'-]*)\s+of\s+[A-Z][\w\s.'-]*$/,
    '$1',
  );
  forms.add(noOf);
  forms.add(noOf.replace(/^([A-Z][^,]{2,}),\s+.*$/, '$1'));
  for (const form of [...forms]) forms.add(form.replace(TITLES, ''));
  forms.delete(answer);
  return [...forms].map((f) => f.trim()).filter((f) => words(f).some((w) => w.length > 1));
}

function isInside(form: string[], other: string[]): boolean {
  for (let i = 0; i + form.length <= other.length; i++) {
    if (form.every((w, k) => other[i + k] === w)) return true;
  }
  return false;
}

/**
 * The answers plus their derived short forms (see module header), without duplicates and
 * without any form that an opposing answer contains.
 */
export function widenAnswers(answers: string[], opposing: string[]): string[] {
  const opposed = opposing.map(words);
  const seen = new Set(answers.map((a) => words(a).join(' ')));
  const out = [...answers];
  for (const answer of answers) {
    for (const form of shortForms(answer)) {
      const key = words(form);
      if (seen.has(key.join(' ')) || opposed.some((o) => isInside(key, o))) continue;
      seen.add(key.join(' '));
      out.push(form);
    }
  }
  return out;
}
