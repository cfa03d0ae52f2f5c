import type { MessageKey } from '../../app/messages.zh';
import type { Permission } from '../../app/types';
import type { Scope } from '../../shared/ListScope';
import type { HomeCountKey, IndicatorKey } from './analytics.types';

type ListLink = {
  path: string;
  permission: Permission;
  /** The list's own filter that matches the figure (status, stage…), in its address. */
  filter?: Record<string, string>;
  /** Whether the list takes `region`, `from`, `to` (list-scope.shared.ts); a list that does not is opened whole. */
  scoped?: boolean;
};

/** The list behind each figure, and the permission it needs (a figure links only for a reader who may open it). */
export const INDICATOR_LISTS: Partial<Record<IndicatorKey, ListLink>> = {
  subjectsActive: { path: '/subjects', permission: 'subject.read', filter: { status: 'active' }, scoped: true },
  subjectsSuspended: { path: '/subjects', permission: 'subject.read', filter: { status: 'suspended' }, scoped: true },
  subjectsTemporary: { path: '/subjects', permission: 'subject.read', filter: { status: 'temporary' }, scoped: true },
  priorityNationalLeading: { path: '/subjects', permission: 'subject.read', filter: { priority: 'national_leading' }, scoped: true },
  priorityProvincialLeading: { path: '/subjects', permission: 'subject.read', filter: { priority: 'provincial_leading' }, scoped: true },
  priorityVegetableBasket: { path: '/subjects', permission: 'subject.read', filter: { priority: 'vegetable_basket' }, scoped: true },
  priorityScale: { path: '/subjects', permission: 'subject.read', filter: { priority: 'scale' }, scoped: true },
  applicationsPending: { path: '/applications', permission: 'subject.approve', filter: { status: 'pending' }, scoped: true },
  changeRequestsPending: { path: '/change-requests', permission: 'subject.approve', filter: { status: 'pending' }, scoped: true },
  inspections: { path: '/supervision/inspections', permission: 'supervision.read', scoped: true },
  inspectionProblems: { path: '/supervision/inspections', permission: 'supervision.read', filter: { conclusion: 'problem' }, scoped: true },
  // 整改 are counted on the day they are due: the list bounds that day.
  rectificationsPending: { path: '/supervision/inspections', permission: 'supervision.read', filter: { rectification: 'pending', periodOf: 'due' }, scoped: true },
  rectificationsOverdue: { path: '/supervision/inspections', permission: 'supervision.read', filter: { rectification: 'overdue', periodOf: 'due' }, scoped: true },
  rectificationsDone: { path: '/supervision/inspections', permission: 'supervision.read', filter: { rectification: 'done', periodOf: 'due' }, scoped: true },
  // Every pending transfer filed in the region (box=jurisdiction), on the day transferred: what the figure counts.
  transfersPending: { path: '/enforcement/cases', permission: 'enforcement.case', filter: { tab: 'transfers', box: 'jurisdiction', status: 'pending' }, scoped: true },
  samples: { path: '/monitoring/samples', permission: 'monitoring.read', scoped: true },
  samplesToReceive: { path: '/monitoring/samples', permission: 'monitoring.read', filter: { status: 'sampled' }, scoped: true },
  samplesToTest: { path: '/monitoring/samples', permission: 'monitoring.read', filter: { status: 'received' }, scoped: true },
  samplesTested: { path: '/monitoring/samples', permission: 'monitoring.read', filter: { status: 'tested' }, scoped: true },
  samplesFailed: { path: '/monitoring/samples', permission: 'monitoring.read', filter: { verdict: 'fail' }, scoped: true },
  alerts: { path: '/monitoring/alerts', permission: 'monitoring.alert_read', scoped: true },
  alertsUnread: { path: '/monitoring/alerts', permission: 'monitoring.alert_read', filter: { unread: 'true' }, scoped: true },
  cases: { path: '/enforcement/cases', permission: 'enforcement.read', filter: { tab: 'cases' }, scoped: true },
  casesOpen: { path: '/enforcement/cases', permission: 'enforcement.read', filter: { tab: 'cases', stage: 'open' }, scoped: true },
  casesFiled: { path: '/enforcement/cases', permission: 'enforcement.read', filter: { tab: 'cases', stage: 'filed' }, scoped: true },
  casesInvestigation: { path: '/enforcement/cases', permission: 'enforcement.read', filter: { tab: 'cases', stage: 'investigation' }, scoped: true },
  casesDecision: { path: '/enforcement/cases', permission: 'enforcement.read', filter: { tab: 'cases', stage: 'decision' }, scoped: true },
  penalties: { path: '/enforcement/cases', permission: 'enforcement.read', filter: { tab: 'cases' }, scoped: true },
};

/** The lists behind a home page's own counts (home.counts.ts on the server). */
export const HOME_COUNT_LISTS: Record<HomeCountKey, { path: string; permission: Permission }> = {
  tradesToConfirm: { path: '/trace/trades?direction=incoming', permission: 'trace.read' },
  batchesInStock: { path: '/trace/batches?status=active', permission: 'trace.read' },
  certificatesExpiring: { path: '/my-subject', permission: 'subject.self' },
  noticesUnread: { path: '/inbox', permission: 'notice.read' },
  inactiveProducers: { path: '/analytics/monitors', permission: 'monitor.read' },
  tasksOpen: { path: '/supervision/tasks', permission: 'supervision.task' },
  inspectionsDue: { path: '/supervision/tasks', permission: 'supervision.task' },
  reportsAwaiting: { path: '/monitoring/samples?status=received', permission: 'monitoring.read' },
  tasksDueSoon: { path: '/supervision/tasks', permission: 'supervision.task' },
};

/**
 * The address of the list behind a figure for a reader who may open it (else null), narrowed to the figure's region
 * and period when the list takes them: what the list then counts is the figure.
 */
export function listPath(key: IndicatorKey, can: (p: Permission) => boolean, scope: Scope = {}): string | null {
  const list = INDICATOR_LISTS[key];
  if (!list || !can(list.permission)) return null;
  const params = new URLSearchParams(list.filter);
  if (list.scoped) for (const [k, v] of Object.entries(scope)) if (v) params.set(k, v);
  if (!list.scoped || (!scope.from && !scope.to)) params.delete('periodOf');
  const query = params.toString();
  return query ? `${list.path}?${query}` : list.path;
}

export const indicatorLabel = (key: IndicatorKey) => `ind.${key}` as MessageKey;
