import { AuditOutlined, CommentOutlined, DatabaseOutlined, MessageOutlined, ScheduleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { opsConsole } from '.';

export const icons = {
  '/audit': <AuditOutlined />,
  '/ops/backups': <DatabaseOutlined />,
  '/ops/jobs': <ScheduleOutlined />,
  '/ops/feedback': <MessageOutlined />,
  '/ops/incidents': <ThunderboltOutlined />,
  '/feedback/mine': <CommentOutlined />,
} satisfies MenuIconsOf<typeof opsConsole>;
