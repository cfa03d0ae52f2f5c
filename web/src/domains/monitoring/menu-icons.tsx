import { AlertOutlined, BarChartOutlined, CameraOutlined, ExperimentOutlined, NotificationOutlined, SettingOutlined } from '@ant-design/icons';
import { AlertsMenuLabel } from './AlertsBadge';

export const icons = {
  '/monitoring/sampling': <CameraOutlined />,
  '/monitoring/samples': <ExperimentOutlined />,
  '/monitoring/summaries': <BarChartOutlined />,
  '/monitoring/alerts': <AlertOutlined />,
  '/monitoring/lab': <SettingOutlined />,
  '/trace/recall-notices': <NotificationOutlined />,
};

/** The alerts' entry shows how many are open beside its name. */
export const labels = { '/monitoring/alerts': AlertsMenuLabel };
