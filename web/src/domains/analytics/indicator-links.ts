import type { MessageKey } from '../../app/messages.zh';
import type { Permission } from '../../app/types';
import type { IndicatorKey } from './analytics.types';

/** The list behind each figure, and the permission it needs (a figure links only for a reader who may open it). */
export const INDICATOR_LISTS: Partial<Record<IndicatorKey, { path: string; permission: Permission }>> = {
  subjectsActive: { path: '/subjects', permission: 'subject.read' },
  subjectsSuspended: { path: '/subjects', permission: 'subject.read' },
  subjectsTemporary: { path: '/subjects', permission: 'subject.read' },
  applicationsPending: { path: '/applications', permission: 'subject.approve' },
  changeRequestsPending: { path: '/change-requests', permission: 'subject.approve' },
  inspections: { path: '/supervision/inspections', permission: 'supervision.read' },
  inspectionProblems: { path: '/supervision/inspections', permission: 'supervision.read' },
  rectificationsPending: { path: '/supervision/inspections', permission: 'supervision.read' },
  rectificationsOverdue: { path: '/supervision/inspections', permission: 'supervision.read' },
  rectificationsDone: { path: '/supervision/inspections', permission: 'supervision.read' },
  transfersPending: { path: '/enforcement/cases', permission: 'enforcement.case' },
  samples: { path: '/monitoring/samples', permission: 'monitoring.read' },
  samplesToReceive: { path: '/monitoring/samples', permission: 'monitoring.read' },
  samplesToTest: { path: '/monitoring/samples', permission: 'monitoring.read' },
  samplesTested: { path: '/monitoring/samples', permission: 'monitoring.read' },
  samplesFailed: { path: '/monitoring/samples', permission: 'monitoring.read' },
  alerts: { path: '/monitoring/alerts', permission: 'monitoring.alert' },
  alertsUnread: { path: '/monitoring/alerts', permission: 'monitoring.alert' },
  cases: { path: '/enforcement/cases', permission: 'enforcement.read' },
  casesOpen: { path: '/enforcement/cases', permission: 'enforcement.read' },
  penalties: { path: '/enforcement/cases', permission: 'enforcement.read' },
};

export const indicatorLabel = (key: IndicatorKey) => `ind.${key}` as MessageKey;
