import { sql } from 'drizzle-orm';
import { pgTable, varchar } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { queryRows } from '../db/rows.js';
import type { AgencyActor, AgencyKind } from './actor.js';
import { jurisdictionFilter } from './jurisdiction.js';
import { allOf, anyOf, below, defineVisibility, inActorJurisdiction, is, nextPrefix, nobody, regionRange, regionWithin, within } from './visibility.js';

describe('nextPrefix: the first code past every code under a prefix', () => {
  it('raises the last digit, carrying over trailing 9s', () => {
    expect(nextPrefix('37')).toBe('38');
    expect(nextPrefix('3707')).toBe('3708');
    expect(nextPrefix('370783')).toBe('370784');
    expect(nextPrefix('370789')).toBe('37079');
    expect(nextPrefix('3799')).toBe('38');
    expect(nextPrefix('10')).toBe('11');
    expect(nextPrefix('0')).toBe('1');
  });
  it('has no bound for an all-9s prefix, and refuses anything but digits', () => {
    expect(nextPrefix('99')).toBeNull();
    expect(nextPrefix('9')).toBeNull();
    expect(nextPrefix('')).toBeNull();
    expect(() => nextPrefix('37%')).toThrow();
    expect(() => nextPrefix("37' OR '1")).toThrow();
  });
});

// Codes at the edges of the ranges below: a prefix itself, its last child, the next sibling, shorter and longer codes.
const CODES = ['', '3', '36', '369999999', '37', '370', '3707', '370783', '370783100', '370783999', '370784', '3708', '37079', '3799', '379999999999', '38', '380000000', '9', '99', '990000', '999999999999'];
const PREFIXES = ['', '3', '37', '3707', '370783', '370789', '3799', '99', '9', '370783100'];

describe('regionWithin agrees with the range for every edge code', () => {
  it('is startsWith, and lies in [p, next(p)) exactly then', () => {
    for (const p of PREFIXES) {
      const next = nextPrefix(p);
      for (const c of CODES) {
        const inRange = c >= p && (next === null || c < next);
        expect([p, c, regionWithin(c, p)]).toEqual([p, c, c.startsWith(p)]);
        expect([p, c, inRange]).toEqual([p, c, c.startsWith(p)]);
      }
    }
    expect(regionWithin(null, '')).toBe(false);
  });
});

const probe = pgTable('visibility_probe', { agencyId: varchar('agency_id', { length: 40 }), regionCode: varchar('region_code', { length: 12 }), otherRegion: varchar('other_region', { length: 12 }) });

const actorAt = (kind: AgencyKind, jurisdiction: string, id = 'me'): AgencyActor => ({
  kind: 'agency',
  userId: 'u',
  username: 'u',
  displayName: 'u',
  role: 'staff',
  permissions: new Set(),
  mustChangePassword: false,
  agency: { id, name: id, kind, level: 'county', regionCode: jurisdiction },
  jurisdiction,
});

const rule = defineVisibility({ agencyId: probe.agencyId, regionCode: probe.regionCode, otherRegion: probe.otherRegion }, (actor) =>
  actor.agency.kind === 'testing'
    ? is('agencyId', actor.agency.id)
    : actor.agency.kind === 'enforcement'
      ? allOf(below('regionCode', actor.jurisdiction), within('otherRegion', actor.jurisdiction))
      : anyOf(is('agencyId', actor.agency.id), inActorJurisdiction(actor, 'regionCode'), within('otherRegion', actor.jurisdiction), nobody),
);

describe('one rule, two renderings: the SQL filter keeps exactly the rows the in-memory check allows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.database.db.execute(sql`CREATE TABLE visibility_probe (agency_id varchar(40), region_code varchar(12), other_region varchar(12))`);
    const rows = CODES.flatMap((c, i) => [sql`(${i % 3 === 0 ? 'me' : 'other'}, ${c}, ${CODES[(i * 7) % CODES.length]!})`, sql`('other', ${c}, NULL)`]);
    await t.database.db.execute(sql`INSERT INTO visibility_probe VALUES ${sql.join(rows, sql`, `)}`);
  });
  afterAll(async () => t?.close());

  it('for every prefix and kind of agency', async () => {
    for (const p of PREFIXES) {
      for (const kind of ['supervision', 'testing', 'enforcement'] as const) {
        const actor = actorAt(kind, p);
        const all = await queryRows<{ agency_id: string; region_code: string; other_region: string | null }>(t.database.db, sql`SELECT * FROM visibility_probe ORDER BY 1, 2, 3`);
        const expected = all.filter((r) => rule.allows(actor, { agencyId: r.agency_id, regionCode: r.region_code, otherRegion: r.other_region }));
        const got = await queryRows(t.database.db, sql`SELECT * FROM visibility_probe WHERE ${rule.filter(actor)} ORDER BY 1, 2, 3`);
        expect([p, kind, got]).toEqual([p, kind, expected]);
        const ranged = await queryRows<{ region_code: string }>(t.database.db, sql`SELECT region_code FROM visibility_probe WHERE ${regionRange(probe.regionCode, p)} ORDER BY 1`);
        expect(ranged.map((r) => r.region_code)).toEqual(all.map((r) => r.region_code).filter((c) => c.startsWith(p)).sort());
        if (p !== '') {
          const filtered = await queryRows(t.database.db, sql`SELECT * FROM visibility_probe WHERE ${jurisdictionFilter(actor, probe.regionCode)} ORDER BY 1, 2, 3`);
          expect(filtered).toEqual(all.filter((r) => r.region_code.startsWith(p)));
        }
      }
    }
  });
});
