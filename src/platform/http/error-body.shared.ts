import { z } from 'zod';

/** The one error body of the API (DESIGN.md §5): a stable code, the message in both languages, and details. */
export const errorBody = z.object({
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  details: z.record(z.string(), z.unknown()),
});
