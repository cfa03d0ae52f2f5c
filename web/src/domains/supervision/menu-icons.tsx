import { CameraOutlined, CheckSquareOutlined, FileSearchOutlined, ScheduleOutlined } from '@ant-design/icons';

export const icons = {
  '/supervision/tasks': <ScheduleOutlined />,
  '/supervision/field': <CameraOutlined />,
  '/supervision/inspections': <FileSearchOutlined />,
  '/supervision/checklists': <CheckSquareOutlined />,
};
