/**
 * Keeping keyboard focus when the control that had it goes away (a confirm step replaces a
 * button, a deleted row disappears, a saved report closes). Without this, pressing Enter drops
 * focus to <body> and a keyboard user starts again from the top of the page.
 */
import { tick } from 'svelte';

/** Attachment: focuses the element once it is inserted (e.g. the "Delete" of a confirm step). */
export function focusOnMount(element: HTMLElement): void {
  element.focus();
}

/**
 * After the DOM has updated, focuses the first element that matches one of `selectors`, in order
 * (say, the row's button, else the list's heading). Headings need tabindex="-1" to take focus.
 */
export async function focusAfterUpdate(...selectors: string[]): Promise<void> {
  await tick();
  for (const selector of selectors) {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) {
      element.focus();
      return;
    }
  }
}
