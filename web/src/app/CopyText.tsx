import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from './i18n';

/**
 * A text with a copy button, as antd's `Typography.Text copyable` shows it, without Typography's code (its
 * editor, tooltip and popups): the batch pages a phone opens cold use it for a batch's code (issue 15 §9).
 */
export function CopyText({ text, children, className, strong, testId }: { text: string; children: ReactNode; className?: string; strong?: boolean; testId?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 3000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <span className={`tn-copy-text${strong ? ' tn-strong' : ''}${className ? ` ${className}` : ''}`} data-testid={testId}>
      {children}
      <button
        type="button"
        className="tn-copy"
        aria-label={t('common.copy')}
        title={t('common.copy')}
        onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => undefined)}
      >
        {copied ? <CheckOutlined /> : <CopyOutlined />}
      </button>
    </span>
  );
}
