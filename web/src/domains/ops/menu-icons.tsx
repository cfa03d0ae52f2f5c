import { AuditOutlined, CommentOutlined, DatabaseOutlined, MessageOutlined, ScheduleOutlined, ThunderboltOutlined } from '@ant-design/icons';

export const icons = {
  '/audit': <AuditOutlined />,
  '/ops/backups': <DatabaseOutlined />,
  '/ops/jobs': <ScheduleOutlined />,
  '/ops/feedback': <MessageOutlined />,
  '/ops/incidents': <ThunderboltOutlined />,
  '/feedback/mine': <CommentOutlined />,
};
