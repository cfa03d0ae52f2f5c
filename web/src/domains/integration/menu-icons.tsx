import { ApiOutlined, FileProtectOutlined, PieChartOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { integrationConsole } from '.';

export const icons = {
  '/integration': <ApiOutlined />,
  '/trace-checks': <FileProtectOutlined />,
  '/coverage': <PieChartOutlined />,
} satisfies MenuIconsOf<typeof integrationConsole>;
