import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AgencyActor } from '../../../platform/auth/actor.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { eventQueryPlan, matchAnyEpcPlan } from './query.queries.js';

// MATCH_anyEPC is served by the any_epcs GIN index (issue 18 §5: p99 ≤ 20 ms over 10 M events): the plan of the very
// query a province's reader sends finds the events through it, with the jurisdiction a filter on those rows, not a
// bitmap of the whole province's events (what an index on region_code made of it) nor a walk of the table.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const owner = randomUUID();
  await t.database.db.execute(sql`
    INSERT INTO epcis_events (event_id, event_hash, owner_kind, owner_id, region_code, capture_id, event_type, event_time, action, epcs, any_epcs, document)
    SELECT 'urn:uuid:' || md5(g::text)::uuid, 'ni:///sha-256;' || md5(g::text), 'agency', ${owner}::uuid,
           CASE WHEN g % 2 = 0 THEN '370000' ELSE '510000' END, ${owner}::uuid, 'ObjectEvent', timestamptz '2026-11-01' + g * interval '1 second', 'OBSERVE',
           ARRAY['urn:epc:id:sgtin:0614141.107346.' || g], ARRAY['urn:epc:id:sgtin:0614141.107346.' || g], '{}'::jsonb
    FROM generate_series(1, 20000) AS g`);
  await t.database.db.execute(sql`VACUUM (ANALYZE) epcis_events`);
});
afterAll(async () => t?.close());

const province = (): AgencyActor => ({
    kind: 'agency',
    userId: randomUUID(),
    username: 'plan',
    displayName: 'plan',
    role: 'admin',
    permissions: new Set(['epcis.query']),
    mustChangePassword: false,
    agency: { id: randomUUID(), name: '山东省农业农村厅', kind: 'supervision', level: 'province', regionCode: '370000' },
    jurisdiction: '37',
});

it('a province’s MATCH_anyEPC finds the events through the any_epcs GIN index', async () => {
  const plan = await matchAnyEpcPlan(t.database.db, province(), 'urn:epc:id:sgtin:0614141.107346.42');
  expect(plan).toMatch(/Bitmap Index Scan on epcis_events_any_epcs/);
  expect(plan).not.toMatch(/BitmapAnd|Seq Scan on epcis_events|Index Scan using epcis_events_pkey/);
});

// EQ_eventID (and GET /events/{eventID}) look up event_id's hash index, and the few events captured again under
// another eventID through the partial GIN of other_event_ids: both halves of the OR go through an index.
it('EQ_eventID finds the events through the event_id hash index and the other_event_ids GIN', async () => {
  const plan = await eventQueryPlan(t.database.db, province(), { EQ_eventID: 'urn:uuid:a1d0c6e8-3f02-7327-d846-1063f4ac58a6' });
  expect(plan).toMatch(/Bitmap Index Scan on epcis_events_event_id\b/);
  expect(plan).toMatch(/Bitmap Index Scan on epcis_events_other_event_ids/);
  expect(plan).not.toMatch(/Seq Scan on epcis_events/);
});
