// The units of the trace domain, one table for the contracts, the services and the console's forms.

/** Units a product is counted in; a batch of the product uses the same unit. */
export const PRODUCT_UNITS = ['kg', 'g', 'jin', 'tonne', 'piece', 'box', 'bag', 'head', 'bird', 'dozen'] as const;
export const AREA_UNITS = ['mu', 'hectare', 'm2', 'water_mu'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];
export type AreaUnit = (typeof AREA_UNITS)[number];

/** Live animals (counted per head or bird) travel with their animal quarantine certificate (动物检疫合格证明). */
export const LIVE_ANIMAL_UNITS: readonly string[] = ['head', 'bird'] satisfies ProductUnit[];
