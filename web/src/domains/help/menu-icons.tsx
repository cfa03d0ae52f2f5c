import { QuestionCircleOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { helpConsole } from '.';

export const icons = {
  '/help': <QuestionCircleOutlined />,
} satisfies MenuIconsOf<typeof helpConsole>;
