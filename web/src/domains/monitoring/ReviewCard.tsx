import { CheckOutlined, RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Space, Steps, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { monitoringApi } from './monitoring.api';
import type { Report, Sample } from './monitoring.types';
import { ResultsTable } from './ReportsCard';
import { useAction } from '../../shared/use-action';

const STEP_OF: Record<Report['status'], number> = { entered: 1, reviewed: 2, approved: 3, returned: 0 };

/**
 * 检验 → 审核 → 批准 of the draft in review: where it stands, who entered and reviewed it, why it was sent back, its
 * results, and the step the reader may take (審核 or 批准, or 退回 with a reason). Nothing leaves the lab before 批准.
 */
export function ReviewCard({ sample, draft, onSaved }: { sample: Sample; draft: Report; onSaved: (sample: Sample) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { busy, run: send } = useAction();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const can = (a: Sample['actions'][number]) => sample.actions.includes(a);

  const act = async (run: () => Promise<Sample>, done: string) => {
    await send(async () => {
      onSaved(await run());
      void message.success(done);
      setReturning(false);
      setReason('');
    });
  };
  const waiting = draft.status === 'entered' ? t('review.waitingReview') : draft.status === 'reviewed' ? t('review.waitingApproval') : t('review.returnedWaiting');

  return (
    <Card size="small" title={t('review.title', { version: draft.version })} data-testid="review-card" extra={<Tag color={draft.status === 'returned' ? 'warning' : 'processing'} data-testid="review-status">{t(`reportStatus.${draft.status}`)}</Tag>}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Steps
          size="small"
          current={STEP_OF[draft.status]}
          status={draft.status === 'returned' ? 'error' : 'process'}
          items={[
            { title: t('review.stepEnter'), content: draft.enteredByName },
            { title: t('review.stepReview'), content: draft.reviewedByName ?? '' },
            { title: t('review.stepApprove') },
          ]}
        />
        <Typography.Text type="secondary" data-testid="review-waiting">{waiting}</Typography.Text>
        {draft.status === 'returned' && draft.returnReason && (
          <Typography.Text type="warning" data-testid="review-return-reason">{t('review.returnReason', { reason: draft.returnReason })}</Typography.Text>
        )}
        {draft.reason && <Typography.Text>{t('report.reason', { reason: draft.reason })}</Typography.Text>}
        <Typography.Text>{t('review.draftVerdict', { verdict: t(`verdict.${draft.verdict}`) })}</Typography.Text>
        {draft.status !== 'returned' && <ResultsTable results={draft.results} testId="review-results" />}
        <Space wrap>
          {can('review') && (
            <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void act(() => monitoringApi.review(sample.id, draft.version), t('review.reviewed'))} data-testid="review-approve-step">
              {t('review.review')}
            </Button>
          )}
          {can('approve') && (
            <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void act(() => monitoringApi.approve(sample.id, draft.version), t('review.approved'))} data-testid="review-approve">
              {t('review.approve')}
            </Button>
          )}
          {can('return') && (
            <Button danger icon={<RollbackOutlined />} disabled={busy} onClick={() => setReturning(true)} data-testid="review-return">
              {t('review.return')}
            </Button>
          )}
        </Space>
        {draft.history.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} data-testid="review-history">
            {draft.history.map((h) => `${formatTime(h.at)} ${h.byName} ${t(`reportStep.${h.action}`)}${h.reason ? `(${h.reason})` : ''}`).join(';')}
          </Typography.Paragraph>
        )}
      </Space>
      <Modal
        open={returning}
        title={t('review.returnTitle')}
        okText={t('review.return')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: busy, 'data-testid': 'review-return-ok' } as ButtonProps}
        onOk={() => void act(() => monitoringApi.sendBack(sample.id, draft.version, reason.trim()), t('review.returned'))}
        onCancel={() => setReturning(false)}
      >
        <Input.TextArea rows={3} value={reason} maxLength={1000} placeholder={t('review.returnPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid="review-return-reason-input" />
      </Modal>
    </Card>
  );
}
