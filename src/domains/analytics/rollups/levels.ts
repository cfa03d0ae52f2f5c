/**
 * The region tree as rollups keep it: depth 0 the ministry (''), 1 province (2 digits), 2 city (4), 3 county (6),
 * 4 township (9). A code longer than 9 digits (a village) is counted up to its township.
 */
export const DEPTH_LENGTHS = [0, 2, 4, 6, 9] as const;
export type Depth = 0 | 1 | 2 | 3 | 4;

/** The depth of a region prefix, or null for a length the tree does not have. */
export function depthOf(prefix: string): Depth | null {
  const i = DEPTH_LENGTHS.indexOf(prefix.length as (typeof DEPTH_LENGTHS)[number]);
  return i < 0 ? null : (i as Depth);
}

export const lengthOf = (depth: Depth): number => DEPTH_LENGTHS[depth];
