import { z } from 'zod';

// Wire shapes of the county bulk import (批量导入); the row problems of a refused file travel in the 422
// error's details: { rows: [{ row, problems: [{ field, code, message: { zh, en } }] }], badRowCount, rowCount }.

export const importProblemOut = z.object({ field: z.string(), code: z.string(), message: z.object({ zh: z.string(), en: z.string() }) });
export const importRowReportOut = z.object({ row: z.number().int().describe('Excel row number'), problems: z.array(importProblemOut) });
export type ImportProblem = z.infer<typeof importProblemOut>;
export type ImportRowReport = z.infer<typeof importRowReportOut>;

export const importCredentialOut = z.object({ row: z.number().int(), name: z.string(), username: z.string(), initialPassword: z.string() });

export const importResultOut = z.object({
  importId: z.string(),
  registered: z.number().int(),
  /** Temporary subjects (recorded in the field) that an imported row claimed in place. */
  claimed: z.number().int(),
  elapsedMs: z.number().int().describe('from receiving the file to the commit'),
  timings: z.object({ readMs: z.number().int(), checkMs: z.number().int(), hashMs: z.number().int(), writeMs: z.number().int() }),
  credentials: z.array(importCredentialOut).describe('initial logins; shown once, never stored'),
  credentialsXlsx: z.string().describe('the same credentials as an .xlsx, base64'),
});
export type ImportResult = z.infer<typeof importResultOut>;
