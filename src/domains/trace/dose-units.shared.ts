/**
 * Units a dose of an input (投入品) is recorded in: codes, as product units are, so every console and language says
 * them in its own words (千克/亩, kg/mu) rather than showing what was typed. Shared with the console; imports nothing.
 * Per 亩 for what is spread on a field, per head for what an animal is given, bare amounts for either.
 */
export const DOSE_UNITS = ['kg_per_mu', 'g_per_mu', 'ml_per_mu', 'l_per_mu', 'kg', 'g', 'ml', 'l', 'kg_per_head', 'ml_per_head'] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];
