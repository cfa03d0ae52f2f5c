import { CommentOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../app/i18n';

// The form (antd's Form, Select, Upload) loads at the first press: it is on every page's header, and a phone opening
// a page cold should not wait for it (issue 15 §9).
const FeedbackModal = lazy(() => import('./FeedbackModal'));

/** 反馈问题 in the header: opens the modal that files a suggestion or problem about the page on screen. */
export function FeedbackButton({ compact }: { compact?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // Each opening is a new modal (a fresh form, page address and idempotency key); the last one stays to close.
  const [opening, setOpening] = useState(0);
  return (
    <>
      <Button
        type="text"
        className="tn-header-button"
        icon={<CommentOutlined />}
        onClick={() => {
          setOpening((n) => n + 1);
          setOpen(true);
        }}
        data-testid="feedback-open"
        aria-label={t('feedback.button')}
      >
        {compact ? null : t('feedback.button')}
      </Button>
      {opening > 0 && (
        <Suspense fallback={null}>
          <FeedbackModal key={opening} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
