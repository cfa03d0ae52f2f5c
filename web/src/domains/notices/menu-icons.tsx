import { BellOutlined, SendOutlined, SoundOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { noticesConsole } from '.';

export const icons = {
  '/notices': <SendOutlined />,
  '/inbox': <BellOutlined />,
  '/ops/announcements': <SoundOutlined />,
} satisfies MenuIconsOf<typeof noticesConsole>;
