import { z } from 'zod';

// The wire shape of every list, apart from the keyset reading it (pagination.ts) and the counting (list-total.ts):
// contracts import these, and the console reads contracts' types, so this module imports nothing but zod.

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

/** Query-string fields every list accepts. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
  cursor: z.string().max(400).optional(),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const totalOut = z.object({ value: z.number().int(), capped: z.boolean() });

/** A cursor page that also carries the total of its filter on the first page (no cursor). */
export function countedPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({ total: totalOut.optional() });
}
