import { ApiOutlined } from '@ant-design/icons';

export const icons = {
  '/integration': <ApiOutlined />,
};
