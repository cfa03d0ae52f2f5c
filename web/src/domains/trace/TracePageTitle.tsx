import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A workbench page's title, its one-line description, and its buttons (wrapping under the title on a phone). */
export function TracePageTitle({ title, desc, actions }: { title: string; desc?: string; actions?: ReactNode }) {
  return (
    <div className="tn-page-title">
      <Typography.Title level={3}>{title}</Typography.Title>
      {desc && <Typography.Text type="secondary">{desc}</Typography.Text>}
      {actions && <div className="tn-t-head-actions">{actions}</div>}
    </div>
  );
}
