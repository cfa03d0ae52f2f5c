import { SafetyOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { enforcementConsole } from '.';

export const icons = {
  '/enforcement/cases': <SafetyOutlined />,
} satisfies MenuIconsOf<typeof enforcementConsole>;
