import { sql } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import { anyone, is, type Term } from '../../platform/auth/visibility.js';
import type { Department } from './accounts/agency-values.shared.js';

// 部门 (issue 21 §3): beside a region's general 农业农村 agency there may be 畜牧兽医, 渔业 and 农垦 agencies of the same
// level, each answering for its own industries. A county with only the general agency works as before.

/**
 * The industries a department's agency answers for unless its allocation names others. 农垦 names none: its
 * subjects are state farms of every industry, so no application is routed to it by industry alone.
 */
export const DEPARTMENT_INDUSTRIES: Record<Department, string[] | null> = {
  agriculture: null,
  animal_husbandry: ['livestock'],
  fishery: ['fishery'],
  reclamation: null,
};

export const isGeneral = (department: string | undefined) => department === undefined || department === 'agriculture';

/**
 * The department an application of the township goes to: the county's active department agency whose industries
 * hold every industry applied for (a fish farm to the 渔业 bureau), else the general agency. A mixed producer
 * (vegetables and fish) stays with the general agency, which answers for the whole county.
 */
export async function routeDepartment(db: Executor, townshipCode: string, industries: readonly string[]): Promise<Department> {
  const [row] = await queryRows<{ department: Department }>(
    db,
    sql`SELECT department FROM agencies
        WHERE kind = 'supervision' AND level = 'county' AND region_code = ${townshipCode.slice(0, 6)} AND status = 'active'
          AND department <> 'agriculture' AND industries IS NOT NULL AND industries @> ${`{${industries.join(',')}}`}::text[]
        ORDER BY department LIMIT 1`,
  );
  return row?.department ?? 'agriculture';
}

/**
 * Which departments' applications an agency sees: a county supervision agency decides its own department's only
 * (the general one what no department took); a department's agency at any level sees its department's; the
 * general agencies above the county and the county's other agencies see all, as before.
 */
export function departmentTerm<F extends string>(actor: AgencyActor, field: F): Term<F> {
  // An actor built by hand with only its jurisdiction (a report over a region) is a general one.
  const agency = actor.agency as AgencyActor['agency'] | undefined;
  const department = agency?.department ?? 'agriculture';
  if (!isGeneral(department)) return is(field, department);
  if (agency?.kind === 'supervision' && agency.level === 'county') return is(field, 'agriculture');
  return anyone;
}

/**
 * The department a subject recorded or imported by this agency belongs to: a department's agency records its own
 * department's producers (the fishery bureau's temporary record of a fish pond stays in its sight); anyone else the
 * general one, as before.
 */
export function ownDepartment(actor: AgencyActor): Department {
  const department = (actor.agency.department ?? 'agriculture') as Department;
  return actor.agency.kind === 'supervision' ? department : 'agriculture';
}
