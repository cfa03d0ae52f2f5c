import { QuestionCircleOutlined } from '@ant-design/icons';

export const icons = {
  '/help': <QuestionCircleOutlined />,
};
