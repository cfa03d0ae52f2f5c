import { HomeOutlined, LineChartOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { analyticsConsole } from '.';

export const icons = {
  '/home': <HomeOutlined />,
  '/analytics/statistics': <LineChartOutlined />,
} satisfies MenuIconsOf<typeof analyticsConsole>;
