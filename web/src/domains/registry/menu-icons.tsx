import { ApartmentOutlined, CloudUploadOutlined, DiffOutlined, IdcardOutlined, InboxOutlined, ShopOutlined, TeamOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { registryConsole } from '.';

export const icons = {
  '/agencies': <ApartmentOutlined />,
  '/allocate': <UserAddOutlined />,
  '/users': <TeamOutlined />,
  '/applications': <InboxOutlined />,
  '/change-requests': <DiffOutlined />,
  '/import': <CloudUploadOutlined />,
  '/subjects': <ShopOutlined />,
  '/my-subject': <IdcardOutlined />,
  '/account': <UserOutlined />,
} satisfies MenuIconsOf<typeof registryConsole>;
