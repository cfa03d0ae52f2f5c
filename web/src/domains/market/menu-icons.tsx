import { FileSearchOutlined, ScanOutlined, ShopOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { marketConsole } from '.';

export const icons = {
  '/market': <ShopOutlined />,
  '/market/vouchers': <FileSearchOutlined />,
  '/market/verify': <ScanOutlined />,
} satisfies MenuIconsOf<typeof marketConsole>;
