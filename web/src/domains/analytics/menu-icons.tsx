import { DashboardOutlined, ExclamationCircleOutlined, FileTextOutlined, HomeOutlined, LineChartOutlined, TrophyOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { analyticsConsole } from '.';

export const icons = {
  '/home': <HomeOutlined />,
  '/analytics/statistics': <LineChartOutlined />,
  '/analytics/monitors': <DashboardOutlined />,
  '/analytics/rectifications': <ExclamationCircleOutlined />,
  '/rectifications': <ExclamationCircleOutlined />,
  '/analytics/assessment': <TrophyOutlined />,
  '/analytics/reports': <FileTextOutlined />,
} satisfies MenuIconsOf<typeof analyticsConsole>;
