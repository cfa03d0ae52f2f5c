import { describe, expect, it } from 'vitest';
import type { AgencyActor, AgencyKind, AgencyLevel, Role } from '../../platform/auth/actor.js';
import { PREFIX_LENGTH } from '../../platform/auth/jurisdiction.js';
import { canWorkOnSample, samplingRefusal, type ReceiptFacts } from './policies.js';
import { sampleVisibility } from './visibility.js';

/** The in-memory side of the one sample rule (its SQL side is exercised by the samples tests on both databases). */
const canReadSample = (a: AgencyActor, sample: { agencyId: string; regionCode: string; originRegion: string | null }, taskPublisher: string | null) =>
  sampleVisibility.allows(a, { ...sample, taskPublisher });

function actor(kind: AgencyKind, level: AgencyLevel, regionCode: string, opts: { id?: string; role?: Role; userId?: string } = {}): AgencyActor {
  return {
    kind: 'agency',
    userId: opts.userId ?? 'u1',
    username: 'x',
    displayName: 'X',
    role: opts.role ?? 'staff',
    permissions: new Set(),
    mustChangePassword: false,
    agency: { id: opts.id ?? `${kind}-${regionCode}`, name: 'A', kind, level, regionCode },
    jurisdiction: regionCode.slice(0, PREFIX_LENGTH[level]),
  };
}

const lab = actor('testing', 'county', '370783', { id: 'lab', userId: 'sampler' });
const receipt = (over: Partial<ReceiptFacts> = {}): ReceiptFacts => ({ kind: 'routine_monitoring', status: 'accepted', accepted: true, assigneeIds: ['sampler'], ...over });

describe('who may sample under a task', () => {
  it('an assigned sampler of the testing agency, while the task is accepted or in progress, of each sampling kind', () => {
    for (const kind of ['routine_monitoring', 'special_monitoring', 'supervisory_sampling']) {
      for (const status of ['accepted', 'in_progress']) expect(samplingRefusal(lab, receipt({ kind, status }))).toBeNull();
    }
  });
  it('the agency’s admin without being assigned; another staff member only once assigned', () => {
    expect(samplingRefusal(actor('testing', 'county', '370783', { id: 'lab', role: 'admin', userId: 'boss' }), receipt({ assigneeIds: [] }))).toBeNull();
    expect(samplingRefusal(actor('testing', 'county', '370783', { id: 'lab', userId: 'other' }), receipt())).toBe('NOT_ASSIGNED');
  });
  it('not before the agency accepted it, nor once reported, closed or overdue', () => {
    expect(samplingRefusal(lab, receipt({ status: 'published', accepted: false }))).toBe('TASK_NOT_ACCEPTED');
    expect(samplingRefusal(lab, receipt({ status: 'overdue', accepted: false }))).toBe('TASK_NOT_ACCEPTED');
    for (const status of ['reported', 'closed', 'overdue']) expect(samplingRefusal(lab, receipt({ status }))).toBe('TASK_NOT_OPEN');
  });
  it('not under a notice, an inspection or an enforcement task, and never by a supervision or enforcement agency', () => {
    for (const kind of ['notice', 'base_inspection', 'enforcement']) expect(samplingRefusal(lab, receipt({ kind }))).toBe('NOT_A_SAMPLING_TASK');
    expect(samplingRefusal(actor('supervision', 'county', '370783', { role: 'admin' }), receipt())).toBe('NOT_A_TESTING_AGENCY');
    expect(samplingRefusal(actor('enforcement', 'county', '370783', { role: 'admin' }), receipt())).toBe('NOT_A_TESTING_AGENCY');
  });
});

describe('who works on a sample and who reads it', () => {
  const sample = { agencyId: 'lab', regionCode: '370783100', originRegion: '510117' };
  it('only the users of the testing agency that took it receive it and enter results', () => {
    expect(canWorkOnSample(lab, sample)).toBe(true);
    expect(canWorkOnSample(actor('testing', 'city', '3707', { id: 'city-lab', role: 'admin' }), sample)).toBe(false);
    expect(canWorkOnSample(actor('supervision', 'county', '370783'), sample)).toBe(false);
  });
  it('the lab, the publisher of the task, and supervision or enforcement over the sampling place or the producer’s county', () => {
    expect(canReadSample(lab, sample, 'pub')).toBe(true);
    expect(canReadSample(actor('supervision', 'province', '37', { id: 'pub' }), sample, 'pub')).toBe(true);
    expect(canReadSample(actor('supervision', 'county', '370783'), sample, 'pub')).toBe(true);
    expect(canReadSample(actor('enforcement', 'county', '370783'), sample, 'pub')).toBe(true);
    expect(canReadSample(actor('supervision', 'township', '370783100'), sample, 'pub')).toBe(true);
    expect(canReadSample(actor('enforcement', 'county', '510117'), sample, 'pub')).toBe(true);
    expect(canReadSample(actor('supervision', 'ministry', ''), sample, 'pub')).toBe(true);
  });
  it('not another lab of the region, nor agencies elsewhere', () => {
    expect(canReadSample(actor('testing', 'city', '3707'), sample, 'pub')).toBe(false);
    expect(canReadSample(actor('supervision', 'county', '370784'), sample, 'pub')).toBe(false);
    expect(canReadSample(actor('supervision', 'county', '370784'), { ...sample, originRegion: null }, 'pub')).toBe(false);
  });
});
