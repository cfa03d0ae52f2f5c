import type { MessageKey } from './messages.zh';
import type { AgencyLevel } from '../domains/registry/registry.types';
import type { Permission } from './types';

export type MenuGroup = 'system' | 'subjects' | 'trace' | 'supervision' | 'monitoring' | 'analytics';
/** The menu's groups in order (系统管理 / 主体管理 / 追溯 / 监管执法 / 监测 / 统计分析); a group nobody's entry fills is not shown. */
export const MENU_GROUPS: readonly MenuGroup[] = ['system', 'subjects', 'trace', 'supervision', 'monitoring', 'analytics'];

export type MenuEntry = {
  path: string;
  label: MessageKey;
  /** Where it sits in the menu; none for the account page, which ends the menu on its own. */
  group?: MenuGroup;
  permission?: Permission;
  /** only for officials (a producer's account has its own page for the same permission) */
  agencyOnly?: boolean;
  /** only for officials of these levels: a tool for the field is for those who go there, not the ministry */
  levels?: readonly AgencyLevel[];
  /** only for a producer's or trader's account */
  subjectOnly?: boolean;
};

/** Who goes to bases and markets (基地巡查, 抽样): counties and their township stations; above them, officials direct and read. */
const FIELD_LEVELS: readonly AgencyLevel[] = ['county', 'township'];

/**
 * The console's pages in menu order; an entry shows only to accounts holding its permission. Their icons (and the
 * alerts' count) are in menu-icons.tsx, loaded with the side menu: the shell, which reads this list for the
 * breadcrumb and the first page, does not wait for 30 icons on a phone (issue 15 §9).
 */
export const MENU = [
  { path: '/agencies', label: 'menu.agencies', group: 'system', permission: 'agency.read' },
  { path: '/allocate', label: 'menu.allocate', group: 'system', permission: 'agency.allocate' },
  { path: '/users', label: 'menu.users', group: 'system', permission: 'user.read' },
  { path: '/applications', label: 'menu.applications', group: 'subjects', permission: 'subject.approve' },
  { path: '/change-requests', label: 'menu.changeRequests', group: 'subjects', permission: 'subject.approve' },
  { path: '/import', label: 'import.menu', group: 'subjects', permission: 'subject.approve' },
  { path: '/subjects', label: 'menu.subjects', group: 'subjects', permission: 'subject.read' },
  { path: '/notices', label: 'menu.notices', group: 'subjects', permission: 'notice.send', agencyOnly: true },
  { path: '/supervision/tasks', label: 'menu.tasks', group: 'supervision', permission: 'supervision.task' },
  { path: '/supervision/field', label: 'menu.inspect', group: 'supervision', permission: 'supervision.inspect', levels: FIELD_LEVELS },
  { path: '/supervision/inspections', label: 'menu.inspections', group: 'supervision', permission: 'supervision.read' },
  { path: '/supervision/checklists', label: 'menu.checklists', group: 'supervision', permission: 'supervision.checklist' },
  { path: '/enforcement/cases', label: 'menu.cases', group: 'supervision', permission: 'enforcement.read' },
  { path: '/monitoring/sampling', label: 'menu.sampling', group: 'monitoring', permission: 'monitoring.sample' },
  { path: '/monitoring/samples', label: 'menu.samples', group: 'monitoring', permission: 'monitoring.read', agencyOnly: true },
  { path: '/monitoring/summaries', label: 'menu.summaries', group: 'analytics', permission: 'monitoring.read', agencyOnly: true },
  { path: '/monitoring/alerts', label: 'menu.alerts', group: 'monitoring', permission: 'monitoring.alert' },
  { path: '/monitoring/lab', label: 'menu.lab', group: 'monitoring', permission: 'monitoring.sample' },
  { path: '/trace/lookup', label: 'menu.lookup', group: 'trace', permission: 'trace.graph', agencyOnly: true },
  { path: '/my-subject', label: 'menu.mySubject', group: 'subjects', permission: 'subject.self' },
  { path: '/inbox', label: 'inbox.menu', group: 'subjects', permission: 'notice.read', subjectOnly: true },
  { path: '/trace/batches', label: 'menu.batches', group: 'trace', permission: 'trace.read' },
  { path: '/trace/trades', label: 'menu.trades', group: 'trace', permission: 'trace.read' },
  { path: '/trace/recall-notices', label: 'menu.recallNotices', group: 'trace', permission: 'trace.read', subjectOnly: true },
  { path: '/scan', label: 'menu.scan', group: 'trace', permission: 'trace.read' },
  { path: '/trace/products', label: 'menu.products', group: 'trace', permission: 'trace.read' },
  { path: '/trace/bases', label: 'menu.bases', group: 'trace', permission: 'trace.read' },
  { path: '/analytics/monitors', label: 'menu.monitors', group: 'analytics', permission: 'monitor.read', agencyOnly: true },
  { path: '/analytics/rectifications', label: 'menu.rectifications', group: 'analytics', permission: 'monitor.read', agencyOnly: true },
  { path: '/rectifications', label: 'menu.rectifications', group: 'subjects', permission: 'rectification.answer', subjectOnly: true },
  { path: '/analytics/assessment', label: 'menu.assessment', group: 'analytics', permission: 'monitor.target', agencyOnly: true },
  { path: '/analytics/reports', label: 'menu.reports', group: 'analytics', permission: 'report.read', agencyOnly: true },
  { path: '/audit', label: 'menu.audit', group: 'system', permission: 'audit.read' },
  { path: '/ops/backups', label: 'menu.backups', group: 'system', permission: 'backup.read' },
  { path: '/ops/jobs', label: 'menu.jobs', group: 'system', permission: 'job.read' },
  { path: '/ops/feedback', label: 'menu.feedback', group: 'system', permission: 'feedback.handle' },
  { path: '/ops/incidents', label: 'menu.incidents', group: 'system', permission: 'incident.read' },
  { path: '/ops/announcements', label: 'menu.announcements', group: 'system', permission: 'announcement.publish' },
  { path: '/integration', label: 'menu.integration', group: 'system', permission: 'integration.read' },
  { path: '/account', label: 'menu.account' },
  { path: '/feedback/mine', label: 'menu.myFeedback', permission: 'feedback.file' },
  { path: '/help', label: 'menu.help' },
] as const satisfies readonly MenuEntry[];

/** A menu entry's page; each has its icon in menu-icons.tsx (loaded with the side menu, not with the shell). */
export type MenuPath = (typeof MENU)[number]['path'];
export type MenuItem = MenuEntry & { path: MenuPath };
const ITEMS: readonly MenuItem[] = MENU;

/**
 * The entries this account sees, in menu order: it holds the permission, an agency-only page only for an official,
 * a field tool only for an official of a level that goes to the field. The permission still lets the others open
 * the page by its address (a province official may inspect); the menu shows each role what it uses.
 */
export function menuFor(me: { agency: { level: AgencyLevel } | null; can: (permission: Permission) => boolean }): MenuItem[] {
  return ITEMS.filter(
    (m) =>
      (!m.permission || me.can(m.permission)) &&
      (!m.agencyOnly || Boolean(me.agency)) &&
      (!m.subjectOnly || !me.agency) &&
      (!m.levels || (me.agency !== null && m.levels.includes(me.agency.level))),
  );
}

/** The menu entry a path belongs to: the longest entry path it starts with (`/trace/batches/1` → 批次). */
export function entryOf(pathname: string): MenuItem | undefined {
  return ITEMS.filter((m) => pathname === m.path || pathname.startsWith(`${m.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
}
