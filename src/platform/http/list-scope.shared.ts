import { z } from 'zod';

/**
 * The region and period a list is narrowed to when a figure opens it (统计分析 and 首页 → the list behind the
 * figure, issue 16 §1): rows filed under a region node and dated on China days [from, to]. Which date a list uses is
 * the date its figure counts by (a sample's sampling day, an inspection's day, a case's filing…). A region outside
 * the caller's jurisdiction narrows to nothing: visibility still applies first.
 */
export const listScope = {
  region: z
    .string()
    .regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/)
    .optional()
    .describe('a region node (2, 4, 6 or 9 digits): rows filed under it'),
  from: z.iso.date().optional().describe('dated on or after this day (China time)'),
  to: z.iso.date().optional().describe('dated on or before this day (China time)'),
};
export type ListScope = { region?: string | undefined; from?: string | undefined; to?: string | undefined };
