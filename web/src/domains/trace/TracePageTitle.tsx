import type { ReactNode } from 'react';

/**
 * A workbench page's title, its one-line description, and its buttons (wrapping under the title on a phone). Plain
 * markup: antd's Typography (its editor, tooltip and popups) is not on the way of a page a phone opens cold.
 */
export function TracePageTitle({ title, desc, actions }: { title: string; desc?: string; actions?: ReactNode }) {
  return (
    <div className="tn-page-title">
      <h3 className="tn-title">{title}</h3>
      {desc && <span className="tn-secondary">{desc}</span>}
      {actions && <div className="tn-t-head-actions">{actions}</div>}
    </div>
  );
}
