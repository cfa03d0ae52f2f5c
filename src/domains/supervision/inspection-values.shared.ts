// The fixed choices of an inspection (基地巡查), for the contracts and the console's forms alike.
export const INSPECTION_INDUSTRIES = ['planting', 'livestock', 'fishery'] as const;
export type InspectionIndustry = (typeof INSPECTION_INDUSTRIES)[number];
