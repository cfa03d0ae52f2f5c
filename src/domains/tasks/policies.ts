import type { AgencyActor, AgencyKind, AgencyLevel } from '../../platform/auth/actor.js';
import { PREFIX_LENGTH } from '../../platform/auth/jurisdiction.js';
import { agencyVisibility, isGeneral } from '../registry/index.js';
import type { TaskKind } from './task-state.shared.js';

/**
 * Which kinds of agency a task may go to (seed 五(二), 五(四)): base inspections to lower supervision agencies;
 * risk monitoring to testing agencies and lower supervision agencies, which organise it; supervisory sampling
 * also to enforcement; an enforcement task only to enforcement agencies; notices to anyone.
 */
export const RECIPIENT_KINDS: Record<TaskKind, readonly AgencyKind[]> = {
  notice: ['supervision', 'testing', 'enforcement'],
  base_inspection: ['supervision'],
  routine_monitoring: ['supervision', 'testing'],
  special_monitoring: ['supervision', 'testing'],
  supervisory_sampling: ['supervision', 'testing', 'enforcement'],
  enforcement: ['enforcement'],
};

/** What an enforcement agency may commission from a testing agency (seed 五(四) 四、五: 抽样单, 监测任务). */
export const ENFORCEMENT_COMMISSIONS: readonly TaskKind[] = ['supervisory_sampling', 'routine_monitoring', 'special_monitoring'];

type AgencyRef = { id: string; kind: AgencyKind; level: AgencyLevel; regionCode: string; department?: string };

/** Inside the publisher's jurisdiction at all (checked first: it is the refusal that names the rule broken). */
export function recipientInJurisdiction(actor: AgencyActor, agency: AgencyRef): boolean {
  return agencyVisibility.allows(actor, agency) && agency.id !== actor.agency.id;
}

/**
 * A supervision agency publishes to agencies of lower levels in its region, and to its own level's testing and
 * enforcement agencies (those it allocated), each of a kind the task's kind allows. An enforcement agency
 * commissions sampling and monitoring from testing agencies (always for one of its cases).
 */
export function canPublishTo(actor: AgencyActor, kind: TaskKind, agency: AgencyRef): boolean {
  if (!recipientInJurisdiction(actor, agency)) return false;
  // An enforcement agency sends sampling sheets and monitoring tasks to testing agencies of its level or below.
  if (actor.agency.kind === 'enforcement') return ENFORCEMENT_COMMISSIONS.includes(kind) && agency.kind === 'testing' && PREFIX_LENGTH[agency.level] >= PREFIX_LENGTH[actor.agency.level];
  if (actor.agency.kind !== 'supervision') return false;
  if (!RECIPIENT_KINDS[kind].includes(agency.kind)) return false;
  const lower = PREFIX_LENGTH[agency.level] > PREFIX_LENGTH[actor.agency.level];
  const ownLevelPeer = agency.level === actor.agency.level && agency.regionCode === actor.agency.regionCode && agency.kind !== 'supervision';
  return (lower && reachesDepartment(actor, agency)) || ownLevelPeer;
}

/**
 * 部门 (issue 21 §3): a department's agency (渔业, 畜牧兽医, 农垦) sends down to the supervision agencies of its own
 * department, and to the townships' general stations, which serve every department of their township (a township
 * keeps one 农业综合服务站); the general agencies send to any. Testing and enforcement agencies have no department.
 */
function reachesDepartment(actor: AgencyActor, agency: AgencyRef): boolean {
  if (isGeneral(actor.agency.department) || agency.kind !== 'supervision') return true;
  if (agency.department === actor.agency.department) return true;
  return agency.level === 'township' && isGeneral(agency.department);
}
