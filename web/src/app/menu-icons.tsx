import { AlertOutlined, DashboardOutlined, ExclamationCircleOutlined, TrophyOutlined, FileTextOutlined, ThunderboltOutlined, ApiOutlined, ApartmentOutlined, BellOutlined, SendOutlined, SoundOutlined, AppstoreOutlined, AuditOutlined, BarChartOutlined, CameraOutlined, CheckSquareOutlined, CloudUploadOutlined, CommentOutlined, DatabaseOutlined, DiffOutlined, EnvironmentOutlined, ExperimentOutlined, FileSearchOutlined, IdcardOutlined, InboxOutlined, MessageOutlined, NodeIndexOutlined, NotificationOutlined, QuestionCircleOutlined, SafetyOutlined, ScanOutlined, ScheduleOutlined, SettingOutlined, ShopOutlined, SwapOutlined, TagsOutlined, TeamOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { AlertsMenuLabel } from '../domains/monitoring/AlertsBadge';
import type { MenuPath } from './menu';

/** Each menu entry's icon (menu.tsx lists the entries); a new entry without one fails typecheck here. */
export const MENU_ICONS: Record<MenuPath, ReactNode> = {
  '/agencies': <ApartmentOutlined />,
  '/allocate': <UserAddOutlined />,
  '/users': <TeamOutlined />,
  '/applications': <InboxOutlined />,
  '/change-requests': <DiffOutlined />,
  '/import': <CloudUploadOutlined />,
  '/subjects': <ShopOutlined />,
  '/notices': <SendOutlined />,
  '/supervision/tasks': <ScheduleOutlined />,
  '/supervision/field': <CameraOutlined />,
  '/supervision/inspections': <FileSearchOutlined />,
  '/supervision/checklists': <CheckSquareOutlined />,
  '/enforcement/cases': <SafetyOutlined />,
  '/monitoring/sampling': <CameraOutlined />,
  '/monitoring/samples': <ExperimentOutlined />,
  '/monitoring/summaries': <BarChartOutlined />,
  '/monitoring/alerts': <AlertOutlined />,
  '/monitoring/lab': <SettingOutlined />,
  '/trace/lookup': <NodeIndexOutlined />,
  '/my-subject': <IdcardOutlined />,
  '/inbox': <BellOutlined />,
  '/trace/batches': <TagsOutlined />,
  '/trace/trades': <SwapOutlined />,
  '/trace/recall-notices': <NotificationOutlined />,
  '/scan': <ScanOutlined />,
  '/trace/products': <AppstoreOutlined />,
  '/trace/bases': <EnvironmentOutlined />,
  '/analytics/monitors': <DashboardOutlined />,
  '/analytics/rectifications': <ExclamationCircleOutlined />,
  '/rectifications': <ExclamationCircleOutlined />,
  '/analytics/assessment': <TrophyOutlined />,
  '/analytics/reports': <FileTextOutlined />,
  '/audit': <AuditOutlined />,
  '/ops/backups': <DatabaseOutlined />,
  '/ops/jobs': <ScheduleOutlined />,
  '/ops/feedback': <MessageOutlined />,
  '/ops/incidents': <ThunderboltOutlined />,
  '/ops/announcements': <SoundOutlined />,
  '/integration': <ApiOutlined />,
  '/account': <UserOutlined />,
  '/feedback/mine': <CommentOutlined />,
  '/help': <QuestionCircleOutlined />,
};

/** Shown instead of an entry's plain label (a count beside it). */
export const MENU_LABELS: Partial<Record<MenuPath, ComponentType<{ label: string }>>> = {
  '/monitoring/alerts': AlertsMenuLabel,
};
