/**
 * Colours and point shapes of the charts (canvas cannot read CSS variables cheaply).
 *
 * Owns: the mapping from arms and beliefs to Okabe–Ito colours (families take theirs from the
 * registry in core/families), each paired with a distinct point shape so no chart relies on
 * colour alone. Invariant: base and warm match
 * --base and --warm in app.css.
 */
import { FAMILY_REGISTRY } from '../../../core/families';
import type { Arm, Family } from '../../../core/types';

export const ROLE_COLOURS: Readonly<Record<Arm['role'], string>> = {
  base: '#0072b2',
  warm: '#c0560b',
  cold: '#009e73',
  neutral: '#6b6b6b',
};

/** Each family's colour and shape, as declared in the family registry. */
export const FAMILY_STYLES: Readonly<Record<Family, { colour: string; shape: PointShape }>> =
  Object.fromEntries(
    Object.values(FAMILY_REGISTRY).map((info) => [
      info.id,
      { colour: info.colour, shape: info.shape },
    ]),
  ) as Record<Family, { colour: string; shape: PointShape }>;

export const BELIEF_STYLES: readonly { colour: string; shape: PointShape }[] = [
  { colour: '#1b1b1b', shape: 'circle' },
  { colour: '#d55e00', shape: 'triangle' },
  { colour: '#0072b2', shape: 'rect' },
  { colour: '#cc79a7', shape: 'rectRot' },
  { colour: '#009e73', shape: 'star' },
];

export type PointShape = 'circle' | 'triangle' | 'rect' | 'rectRot' | 'star' | 'crossRot';

/** The colour of an arm: its role's colour, with later arms of a role falling back to grey. */
export function armColour(arm: Arm): string {
  return ROLE_COLOURS[arm.role];
}
