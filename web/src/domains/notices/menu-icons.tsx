import { BellOutlined, SendOutlined, SoundOutlined } from '@ant-design/icons';

export const icons = {
  '/notices': <SendOutlined />,
  '/inbox': <BellOutlined />,
  '/ops/announcements': <SoundOutlined />,
};
