import type { Industry } from './subject-values.shared.js';

/**
 * Units of scale (规模) and annual output (年产量) that fit each industry: a planting farm is measured in
 * mu, a herd in head, a fish farm in mu of water surface. An application's units must fit one of its industries.
 */
export const SCALE_UNITS = { planting: ['mu', 'hectare', 'greenhouse_m2'], livestock: ['head', 'bird', 'barn_m2'], fishery: ['water_mu', 'cage_m3'] } as const;
export const OUTPUT_UNITS = { planting: ['tonne', 'kg'], livestock: ['head', 'bird', 'tonne'], fishery: ['tonne', 'kg'] } as const;
export const ALL_SCALE_UNITS = [...new Set(Object.values(SCALE_UNITS).flat())] as [string, ...string[]];
export const ALL_OUTPUT_UNITS = [...new Set(Object.values(OUTPUT_UNITS).flat())] as [string, ...string[]];
export type ScaleUnit = (typeof SCALE_UNITS)[Industry][number];
export type OutputUnit = (typeof OUTPUT_UNITS)[Industry][number];

/** The units that fit at least one of the industries, in table order. */
export function unitsFor(table: typeof SCALE_UNITS | typeof OUTPUT_UNITS, industries: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const i of industries ?? []) for (const u of (table as Record<string, readonly string[]>)[i] ?? []) if (!out.includes(u)) out.push(u);
  return out;
}

/** Whether a unit fits at least one of the industries (the server's rule UNITS_DO_NOT_FIT). */
export const unitFits = (table: typeof SCALE_UNITS | typeof OUTPUT_UNITS, industries: readonly string[], unit: string): boolean => unitsFor(table, industries).includes(unit);
