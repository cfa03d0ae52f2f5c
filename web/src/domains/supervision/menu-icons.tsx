import { CameraOutlined, CheckSquareOutlined, FileSearchOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { supervisionConsole } from '.';

export const icons = {
  '/supervision/tasks': <ScheduleOutlined />,
  '/supervision/field': <CameraOutlined />,
  '/supervision/inspections': <FileSearchOutlined />,
  '/supervision/checklists': <CheckSquareOutlined />,
} satisfies MenuIconsOf<typeof supervisionConsole>;
