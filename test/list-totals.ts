import { expect } from 'vitest';
import type { Client } from './harness.js';

/**
 * Reads a list page by page (two rows a page, so paging is exercised) and checks its total: on the first page only,
 * not capped, and equal to the rows fetched. Returns the rows, for the caller's own checks of what they are.
 */
export async function rowsMatchTotal<T = Record<string, unknown>>(who: Client, url: string): Promise<T[]> {
  const join = url.includes('?') ? '&' : '?';
  const rows: T[] = [];
  let cursor: string | null = null;
  let total: { value: number; capped: boolean } | undefined;
  for (let page = 0; page < 100; page++) {
    const res = await who.get(`${url}${join}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    const body = res.json() as { items: T[]; nextCursor: string | null; total?: { value: number; capped: boolean } };
    if (page === 0) total = body.total;
    else expect(body.total, `${url}: a later page carries no total`).toBeUndefined();
    rows.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  expect(total, `${url}: the first page carries the total`).toEqual({ value: rows.length, capped: false });
  return rows;
}
