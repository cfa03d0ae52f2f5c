import type { ReactNode } from 'react';

/**
 * A white box with an optional title and extras, as antd's Card looks, in plain markup: Card brings antd's Tabs
 * (and their overflow menu), which the pages a phone opens cold do not use (issue 15 §9).
 */
export function Panel({ title, extra, children, testId }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="tn-panel" data-testid={testId}>
      {(title || extra) && (
        <div className="tn-panel-head">
          <div className="tn-panel-title">{title}</div>
          {extra && <div className="tn-panel-extra">{extra}</div>}
        </div>
      )}
      <div className="tn-panel-body">{children}</div>
    </section>
  );
}
