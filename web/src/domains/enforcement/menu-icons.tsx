import { SafetyOutlined } from '@ant-design/icons';

export const icons = {
  '/enforcement/cases': <SafetyOutlined />,
};
