import { AlertOutlined, CommentOutlined, MessageOutlined, ApartmentOutlined, AppstoreOutlined, AuditOutlined, DatabaseOutlined, BarChartOutlined, CameraOutlined, ExperimentOutlined, CheckSquareOutlined, FileSearchOutlined, SafetyOutlined, ScheduleOutlined, CloudUploadOutlined, DiffOutlined, EnvironmentOutlined, IdcardOutlined, InboxOutlined, NodeIndexOutlined, ScanOutlined, ShopOutlined, SwapOutlined, TagsOutlined, TeamOutlined, UserAddOutlined, UserOutlined, SettingOutlined, NotificationOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { AlertsMenuLabel } from '../domains/monitoring/AlertsBadge';
import type { MessageKey } from './messages.zh';
import type { Permission } from './types';

export type MenuEntry = { path: string; label: MessageKey; icon: ReactNode; permission?: Permission; /** only for officials (a producer's account has its own page for the same permission) */ agencyOnly?: boolean; /** shown instead of the plain label (a count beside it) */ Label?: ComponentType<{ label: string }>; /** only for a producer's or trader's account */ subjectOnly?: boolean };

/** The console's pages in menu order; an entry shows only to accounts holding its permission. */
export const MENU: MenuEntry[] = [
  { path: '/agencies', label: 'menu.agencies', icon: <ApartmentOutlined />, permission: 'agency.read' },
  { path: '/allocate', label: 'menu.allocate', icon: <UserAddOutlined />, permission: 'agency.allocate' },
  { path: '/users', label: 'menu.users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/applications', label: 'menu.applications', icon: <InboxOutlined />, permission: 'subject.approve' },
  { path: '/change-requests', label: 'menu.changeRequests', icon: <DiffOutlined />, permission: 'subject.approve' },
  { path: '/import', label: 'import.menu', icon: <CloudUploadOutlined />, permission: 'subject.approve' },
  { path: '/subjects', label: 'menu.subjects', icon: <ShopOutlined />, permission: 'subject.read' },
  { path: '/supervision/tasks', label: 'menu.tasks', icon: <ScheduleOutlined />, permission: 'supervision.task' },
  { path: '/supervision/field', label: 'menu.inspect', icon: <CameraOutlined />, permission: 'supervision.inspect' },
  { path: '/supervision/inspections', label: 'menu.inspections', icon: <FileSearchOutlined />, permission: 'supervision.read' },
  { path: '/supervision/checklists', label: 'menu.checklists', icon: <CheckSquareOutlined />, permission: 'supervision.checklist' },
  { path: '/enforcement/cases', label: 'menu.cases', icon: <SafetyOutlined />, permission: 'enforcement.read' },
  { path: '/monitoring/sampling', label: 'menu.sampling', icon: <CameraOutlined />, permission: 'monitoring.sample' },
  { path: '/monitoring/samples', label: 'menu.samples', icon: <ExperimentOutlined />, permission: 'monitoring.read', agencyOnly: true },
  { path: '/monitoring/summaries', label: 'menu.summaries', icon: <BarChartOutlined />, permission: 'monitoring.read', agencyOnly: true },
  { path: '/monitoring/alerts', label: 'menu.alerts', icon: <AlertOutlined />, permission: 'monitoring.alert', Label: AlertsMenuLabel },
  { path: '/monitoring/lab', label: 'menu.lab', icon: <SettingOutlined />, permission: 'monitoring.sample' },
  { path: '/trace/lookup', label: 'menu.lookup', icon: <NodeIndexOutlined />, permission: 'trace.graph', agencyOnly: true },
  { path: '/my-subject', label: 'menu.mySubject', icon: <IdcardOutlined />, permission: 'subject.self' },
  { path: '/trace/batches', label: 'menu.batches', icon: <TagsOutlined />, permission: 'trace.read' },
  { path: '/trace/trades', label: 'menu.trades', icon: <SwapOutlined />, permission: 'trace.read' },
  { path: '/trace/recall-notices', label: 'menu.recallNotices', icon: <NotificationOutlined />, permission: 'trace.read', subjectOnly: true },
  { path: '/scan', label: 'menu.scan', icon: <ScanOutlined />, permission: 'trace.read' },
  { path: '/trace/products', label: 'menu.products', icon: <AppstoreOutlined />, permission: 'trace.read' },
  { path: '/trace/bases', label: 'menu.bases', icon: <EnvironmentOutlined />, permission: 'trace.read' },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/ops/backups', label: 'menu.backups', icon: <DatabaseOutlined />, permission: 'backup.read' },
  { path: '/ops/feedback', label: 'menu.feedback', icon: <MessageOutlined />, permission: 'feedback.handle' },
  { path: '/feedback/mine', label: 'menu.myFeedback', icon: <CommentOutlined />, permission: 'feedback.file' },
  { path: '/account', label: 'menu.account', icon: <UserOutlined /> },
  { path: '/help', label: 'menu.help', icon: <QuestionCircleOutlined /> },
];

/** The entries this account sees: it holds the permission, and an agency-only page only for an official. */
export function menuFor(me: { agency: unknown; can: (permission: Permission) => boolean }): MenuEntry[] {
  return MENU.filter((m) => (!m.permission || me.can(m.permission)) && (!m.agencyOnly || Boolean(me.agency)) && (!m.subjectOnly || !me.agency));
}
