import { describe, expect, it } from 'vitest';
import type { AgencyActor, AgencyKind, AgencyLevel } from '../../platform/auth/actor.js';
import { canPublishTo } from './policies.js';
import { nextTaskStatus, TASK_STATUSES, type TaskAction, type TaskStatus } from './task-state.shared.js';

// The recipient's state machine and the publishing rule as plain functions.

describe('task state machine', () => {
  const table: [TaskStatus, TaskAction, boolean, TaskStatus | null][] = [
    ['published', 'accept', false, 'accepted'],
    ['published', 'progress', false, null],
    ['published', 'report', false, null],
    ['published', 'assign', false, null],
    ['accepted', 'accept', true, null],
    ['accepted', 'assign', true, 'accepted'],
    ['accepted', 'progress', true, 'in_progress'],
    ['in_progress', 'progress', true, 'in_progress'],
    ['in_progress', 'report', true, 'reported'],
    ['reported', 'progress', true, null],
    ['reported', 'overdue', true, null],
    ['overdue', 'accept', false, 'overdue'],
    ['overdue', 'accept', true, null],
    ['overdue', 'progress', true, 'overdue'],
    ['overdue', 'report', true, 'reported'],
    ['closed', 'close', true, null],
    ['closed', 'progress', true, null],
  ];
  it.each(table)('%s --%s (accepted: %s)--> %s', (from, action, accepted, to) => {
    expect(nextTaskStatus(from, action, accepted)).toBe(to);
  });

  it('lets the publisher close from every open status, and the job mark overdue only unreported work', () => {
    for (const s of TASK_STATUSES) {
      expect(nextTaskStatus(s, 'close', true)).toBe(s === 'closed' ? null : 'closed');
      expect(nextTaskStatus(s, 'overdue', true)).toBe(['published', 'accepted', 'in_progress'].includes(s) ? 'overdue' : null);
    }
  });
});

const actor = (kind: AgencyKind, level: AgencyLevel, regionCode: string): AgencyActor => ({
  kind: 'agency',
  userId: 'u',
  username: 'u',
  displayName: 'u',
  role: 'admin',
  permissions: new Set(),
  mustChangePassword: false,
  agency: { id: `${kind}-${regionCode}`, name: '', kind, level, regionCode },
  jurisdiction: regionCode,
});
const agency = (kind: AgencyKind, level: AgencyLevel, regionCode: string) => ({ id: `${kind}-${regionCode}`, kind, level, regionCode });

describe('who a task may go to', () => {
  const county = actor('supervision', 'county', '370783');
  it('lower levels in the jurisdiction and the own level’s testing and enforcement agencies, by kind of task', () => {
    expect(canPublishTo(county, 'base_inspection', agency('supervision', 'township', '370783100'))).toBe(true);
    expect(canPublishTo(county, 'base_inspection', agency('testing', 'county', '370783'))).toBe(false);
    expect(canPublishTo(county, 'routine_monitoring', agency('testing', 'county', '370783'))).toBe(true);
    expect(canPublishTo(county, 'enforcement', agency('enforcement', 'county', '370783'))).toBe(true);
    expect(canPublishTo(county, 'enforcement', agency('supervision', 'township', '370783100'))).toBe(false);
    expect(canPublishTo(county, 'notice', agency('supervision', 'county', '370783'))).toBe(false);
  });
  it('never outside the jurisdiction nor upward', () => {
    expect(canPublishTo(county, 'notice', agency('supervision', 'township', '510117104'))).toBe(false);
    expect(canPublishTo(county, 'notice', agency('supervision', 'city', '3707'))).toBe(false);
    expect(canPublishTo(actor('supervision', 'city', '3707'), 'notice', agency('enforcement', 'county', '370783'))).toBe(true);
    expect(canPublishTo(actor('enforcement', 'county', '370783'), 'notice', agency('supervision', 'township', '370783100'))).toBe(false);
  });
  it('lets an enforcement agency commission only sampling and monitoring, only from testing agencies of its level or below', () => {
    const law = actor('enforcement', 'city', '3707');
    expect(canPublishTo(law, 'supervisory_sampling', agency('testing', 'county', '370783'))).toBe(true);
    expect(canPublishTo(law, 'routine_monitoring', agency('testing', 'city', '3707'))).toBe(true);
    expect(canPublishTo(law, 'base_inspection', agency('testing', 'county', '370783'))).toBe(false);
    expect(canPublishTo(law, 'supervisory_sampling', agency('enforcement', 'county', '370783'))).toBe(false);
    expect(canPublishTo(law, 'supervisory_sampling', agency('testing', 'province', '37'))).toBe(false);
  });
});
