import { ApiOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { integrationConsole } from '.';

export const icons = {
  '/integration': <ApiOutlined />,
} satisfies MenuIconsOf<typeof integrationConsole>;
