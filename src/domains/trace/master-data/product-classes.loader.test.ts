import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { loadProductClasses } from './product-classes.loader.js';
import { productClasses } from '../schema.js';

// A database loaded before a class was shipped gets it at the next start; a class it already holds is left alone.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('loadProductClasses', () => {
  it('inserts the classes the table lacks and only them, never rewriting one it holds', async () => {
    const db = t.database.db;
    expect(await loadProductClasses(db)).toBe(0);
    await db.delete(productClasses).where(eq(productClasses.code, '1402'));
    await db.update(productClasses).set({ nameEn: 'Laver (edited)' }).where(eq(productClasses.code, '1401'));
    expect(await loadProductClasses(db)).toBe(1);
    const rows = await db.select().from(productClasses).where(eq(productClasses.parentCode, '14')).orderBy(productClasses.code);
    expect(rows.map((r) => [r.code, r.nameZh, r.nameEn])).toEqual([
      ['1401', '海带', 'Laver (edited)'],
      ['1402', '紫菜', 'Laver'],
    ]);
    expect(rows[1]!.sourceUrl).toMatch(/^https?:\/\//);
  });
});
