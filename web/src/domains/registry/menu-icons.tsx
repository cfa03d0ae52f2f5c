import { ApartmentOutlined, CloudUploadOutlined, DiffOutlined, IdcardOutlined, InboxOutlined, ShopOutlined, TeamOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';

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
};
