/**
 * The app's views, loaded lazily so the start-up bundle holds only the shell and the playground.
 */
import type { Component } from 'svelte';

export type ViewId =
  'playground' | 'questions' | 'experiments' | 'review' | 'results' | 'models' | 'about';

export interface ViewDef {
  id: ViewId;
  label: string;
  load: () => Promise<{ default: Component }>;
}

export const VIEWS: readonly ViewDef[] = [
  { id: 'playground', label: 'Playground', load: () => import('./PlaygroundView.svelte') },
  { id: 'questions', label: 'Questions', load: () => import('./QuestionsView.svelte') },
  { id: 'experiments', label: 'Experiments', load: () => import('./ExperimentsView.svelte') },
  { id: 'review', label: 'Review grades', load: () => import('./ReviewView.svelte') },
  { id: 'results', label: 'Analyse results', load: () => import('./ResultsView.svelte') },
  { id: 'models', label: 'Models', load: () => import('./ModelsView.svelte') },
  { id: 'about', label: 'Privacy & about', load: () => import('./AboutView.svelte') },
];

/** Reads the view from the URL hash (`#/experiments`), falling back to the playground. */
export function viewFromHash(hash: string): ViewId {
  // A shared design link (`#design=v1.…`) opens the Experiments view, which reads the design.
  if (/^#?design=/.test(hash)) return 'experiments';
  const id = hash.replace(/^#\/?/, '').split(/[/?&]/)[0];
  return VIEWS.some((v) => v.id === id) ? (id as ViewId) : 'playground';
}
