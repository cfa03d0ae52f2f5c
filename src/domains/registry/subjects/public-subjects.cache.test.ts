import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { createPublicSubjects } from './public-subjects.cache.js';

// The public page's copy of subjects' names and certificates: fresh for its time to live, read again after it.

let t: TestApp;
let coopId: string;
beforeAll(async () => {
  t = await createTestApp();
  [{ id: coopId }] = (await queryRows<{ id: string }>(t.database.db, sql`SELECT subject_id AS id FROM users WHERE username = 'sg-coop'`)) as [{ id: string }];
});
afterAll(async () => t?.close());
afterEach(() => vi.useRealTimers());

const rename = (name: string) => t.database.db.execute(sql`UPDATE subjects SET name = ${name} WHERE id = ${coopId}`);

describe('createPublicSubjects', () => {
  it('keeps a subject’s public facts for its time to live, then reads them again; with 0 it always reads', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const kept = createPublicSubjects(t.database.db, 60);
    const always = createPublicSubjects(t.database.db, 0);
    const original = (await kept.get([coopId])).get(coopId)!;
    expect(original).toMatchObject({ name: expect.any(String), regionCode: expect.stringMatching(/^\d{9,12}$/), certificates: [] });
    expect(Object.keys(original).sort()).toEqual(['certificates', 'name', 'orgForm', 'priorityFlags', 'regionCode']);
    try {
      await rename('改名后的合作社');
      expect((await kept.get([coopId])).get(coopId)!.name).toBe(original.name);
      expect((await always.get([coopId])).get(coopId)!.name).toBe('改名后的合作社');
      vi.setSystemTime(Date.now() + 61_000);
      expect((await kept.get([coopId])).get(coopId)!.name).toBe('改名后的合作社');
    } finally {
      await rename(original.name);
    }
  });

  it('answers only the subjects that exist', async () => {
    const facts = await createPublicSubjects(t.database.db, 60).get([coopId, '00000000-0000-4000-8000-000000000000']);
    expect([...facts.keys()]).toEqual([coopId]);
  });
});
