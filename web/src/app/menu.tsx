import { AlertOutlined, ThunderboltOutlined, CommentOutlined, MessageOutlined, ApartmentOutlined, AppstoreOutlined, AuditOutlined, DatabaseOutlined, BarChartOutlined, CameraOutlined, ExperimentOutlined, CheckSquareOutlined, FileSearchOutlined, SafetyOutlined, ScheduleOutlined, CloudUploadOutlined, DiffOutlined, EnvironmentOutlined, IdcardOutlined, InboxOutlined, NodeIndexOutlined, ScanOutlined, ShopOutlined, SwapOutlined, TagsOutlined, TeamOutlined, UserAddOutlined, UserOutlined, SettingOutlined, NotificationOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { AlertsMenuLabel } from '../domains/monitoring/AlertsBadge';
import type { MessageKey } from './messages.zh';
import type { AgencyLevel, Permission } from './types';

export type MenuGroup = 'system' | 'subjects' | 'trace' | 'supervision' | 'monitoring' | 'analytics';
/** The menu's groups in order (系统管理 / 主体管理 / 追溯 / 监管执法 / 监测 / 统计分析); a group nobody's entry fills is not shown. */
export const MENU_GROUPS: readonly MenuGroup[] = ['system', 'subjects', 'trace', 'supervision', 'monitoring', 'analytics'];

export type MenuEntry = {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Where it sits in the menu; none for the account page, which ends the menu on its own. */
  group?: MenuGroup;
  permission?: Permission;
  /** only for officials (a producer's account has its own page for the same permission) */
  agencyOnly?: boolean;
  /** only for officials of these levels: a tool for the field is for those who go there, not the ministry */
  levels?: readonly AgencyLevel[];
  /** shown instead of the plain label (a count beside it) */
  Label?: ComponentType<{ label: string }>;
  /** only for a producer's or trader's account */
  subjectOnly?: boolean;
};

/** Who goes to bases and markets (基地巡查, 抽样): counties and their township stations; above them, officials direct and read. */
const FIELD_LEVELS: readonly AgencyLevel[] = ['county', 'township'];

/** The console's pages in menu order; an entry shows only to accounts holding its permission. */
export const MENU: MenuEntry[] = [
  { path: '/agencies', label: 'menu.agencies', group: 'system', icon: <ApartmentOutlined />, permission: 'agency.read' },
  { path: '/allocate', label: 'menu.allocate', group: 'system', icon: <UserAddOutlined />, permission: 'agency.allocate' },
  { path: '/users', label: 'menu.users', group: 'system', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/applications', label: 'menu.applications', group: 'subjects', icon: <InboxOutlined />, permission: 'subject.approve' },
  { path: '/change-requests', label: 'menu.changeRequests', group: 'subjects', icon: <DiffOutlined />, permission: 'subject.approve' },
  { path: '/import', label: 'import.menu', group: 'subjects', icon: <CloudUploadOutlined />, permission: 'subject.approve' },
  { path: '/subjects', label: 'menu.subjects', group: 'subjects', icon: <ShopOutlined />, permission: 'subject.read' },
  { path: '/supervision/tasks', label: 'menu.tasks', group: 'supervision', icon: <ScheduleOutlined />, permission: 'supervision.task' },
  { path: '/supervision/field', label: 'menu.inspect', group: 'supervision', icon: <CameraOutlined />, permission: 'supervision.inspect', levels: FIELD_LEVELS },
  { path: '/supervision/inspections', label: 'menu.inspections', group: 'supervision', icon: <FileSearchOutlined />, permission: 'supervision.read' },
  { path: '/supervision/checklists', label: 'menu.checklists', group: 'supervision', icon: <CheckSquareOutlined />, permission: 'supervision.checklist' },
  { path: '/enforcement/cases', label: 'menu.cases', group: 'supervision', icon: <SafetyOutlined />, permission: 'enforcement.read' },
  { path: '/monitoring/sampling', label: 'menu.sampling', group: 'monitoring', icon: <CameraOutlined />, permission: 'monitoring.sample' },
  { path: '/monitoring/samples', label: 'menu.samples', group: 'monitoring', icon: <ExperimentOutlined />, permission: 'monitoring.read', agencyOnly: true },
  { path: '/monitoring/summaries', label: 'menu.summaries', group: 'analytics', icon: <BarChartOutlined />, permission: 'monitoring.read', agencyOnly: true },
  { path: '/monitoring/alerts', label: 'menu.alerts', group: 'monitoring', icon: <AlertOutlined />, permission: 'monitoring.alert', Label: AlertsMenuLabel },
  { path: '/monitoring/lab', label: 'menu.lab', group: 'monitoring', icon: <SettingOutlined />, permission: 'monitoring.sample' },
  { path: '/trace/lookup', label: 'menu.lookup', group: 'trace', icon: <NodeIndexOutlined />, permission: 'trace.graph', agencyOnly: true },
  { path: '/my-subject', label: 'menu.mySubject', group: 'subjects', icon: <IdcardOutlined />, permission: 'subject.self' },
  { path: '/trace/batches', label: 'menu.batches', group: 'trace', icon: <TagsOutlined />, permission: 'trace.read' },
  { path: '/trace/trades', label: 'menu.trades', group: 'trace', icon: <SwapOutlined />, permission: 'trace.read' },
  { path: '/trace/recall-notices', label: 'menu.recallNotices', group: 'trace', icon: <NotificationOutlined />, permission: 'trace.read', subjectOnly: true },
  { path: '/scan', label: 'menu.scan', group: 'trace', icon: <ScanOutlined />, permission: 'trace.read' },
  { path: '/trace/products', label: 'menu.products', group: 'trace', icon: <AppstoreOutlined />, permission: 'trace.read' },
  { path: '/trace/bases', label: 'menu.bases', group: 'trace', icon: <EnvironmentOutlined />, permission: 'trace.read' },
  { path: '/audit', label: 'menu.audit', group: 'system', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/ops/backups', label: 'menu.backups', group: 'system', icon: <DatabaseOutlined />, permission: 'backup.read' },
  { path: '/ops/jobs', label: 'menu.jobs', group: 'system', icon: <ScheduleOutlined />, permission: 'job.read' },
  { path: '/ops/feedback', label: 'menu.feedback', group: 'system', icon: <MessageOutlined />, permission: 'feedback.handle' },
  { path: '/ops/incidents', label: 'menu.incidents', group: 'system', icon: <ThunderboltOutlined />, permission: 'incident.read' },
  { path: '/account', label: 'menu.account', icon: <UserOutlined /> },
  { path: '/feedback/mine', label: 'menu.myFeedback', icon: <CommentOutlined />, permission: 'feedback.file' },
  { path: '/help', label: 'menu.help', icon: <QuestionCircleOutlined /> },
];

/**
 * The entries this account sees, in menu order: it holds the permission, an agency-only page only for an official,
 * a field tool only for an official of a level that goes to the field. The permission still lets the others open
 * the page by its address (a province official may inspect); the menu shows each role what it uses.
 */
export function menuFor(me: { agency: { level: AgencyLevel } | null; can: (permission: Permission) => boolean }): MenuEntry[] {
  return MENU.filter(
    (m) =>
      (!m.permission || me.can(m.permission)) &&
      (!m.agencyOnly || Boolean(me.agency)) &&
      (!m.subjectOnly || !me.agency) &&
      (!m.levels || (me.agency !== null && m.levels.includes(me.agency.level))),
  );
}

/** The menu entry a path belongs to: the longest entry path it starts with (`/trace/batches/1` → 批次). */
export function entryOf(pathname: string): MenuEntry | undefined {
  return MENU.filter((m) => pathname === m.path || pathname.startsWith(`${m.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
}
