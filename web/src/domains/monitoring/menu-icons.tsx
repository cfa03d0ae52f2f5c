import { AlertOutlined, BarChartOutlined, CameraOutlined, ExperimentOutlined, NotificationOutlined, SettingOutlined, DatabaseOutlined } from '@ant-design/icons';
import { AlertsMenuLabel } from './AlertsBadge';
import type { MenuIconsOf } from '../../app/console-domain';
import type { monitoringConsole } from '.';

export const icons = {
  '/monitoring/sampling': <CameraOutlined />,
  '/monitoring/samples': <ExperimentOutlined />,
  '/monitoring/summaries': <BarChartOutlined />,
  '/monitoring/alerts': <AlertOutlined />,
  '/monitoring/lab': <SettingOutlined />,
  '/monitoring/reference': <DatabaseOutlined />,
  '/trace/recall-notices': <NotificationOutlined />,
} satisfies MenuIconsOf<typeof monitoringConsole>;

/** The alerts' entry shows how many are open beside its name. */
export const labels = { '/monitoring/alerts': AlertsMenuLabel };
