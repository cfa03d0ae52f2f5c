import { StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Radio, Space, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { monitoringApi } from './monitoring.api';
import type { Alert, RecallKind } from './monitoring.types';
import { useAction } from '../../shared/use-action';

/**
 * 召回/下架令 on an alert: the county supervision agency alerted issues it (kind, instructions, deadline) or releases
 * the held batches with a reason; everyone alerted follows the order once issued.
 */
export function RecallOrderCard({ alert, onChanged }: { alert: Alert; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const [issuing, setIssuing] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const { busy, run } = useAction();
  const [note, setNote] = useState('');
  const [form] = Form.useForm<{ kind: RecallKind; instructions: string; dueOn?: Dayjs }>();
  const issuer = me.agency?.kind === 'supervision' && me.agency.level === 'county';
  if (!alert.batchId) return null;

  const issue = async () => {
    const v = await form.validateFields();
    await run(async () => {
      const order = await monitoringApi.issueRecall(alert.id, { kind: v.kind, instructions: v.instructions.trim(), ...(v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}) });
      void message.success(t('recall.issued', { n: order.totals.holders }));
      navigate(`/monitoring/recall-orders/${order.id}`);
    });
  };
  const release = async () => {
    await run(async () => {
      const { released } = await monitoringApi.release(alert.id, note.trim());
      void message.success(t('recall.released', { n: released }));
      setReleasing(false);
      onChanged();
    });
  };

  return (
    <Card size="small" title={t('recall.orderTitle')} data-testid="recall-order-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {alert.recallOrderId ? (
          <Link to={`/monitoring/recall-orders/${alert.recallOrderId}`} data-testid="recall-order-link">
            {t('recall.open')}
          </Link>
        ) : (
          <Typography.Text type="secondary">{issuer ? t('recall.notIssued') : t('recall.notIssuedOther')}</Typography.Text>
        )}
        {issuer && (
          <Space wrap>
            {!alert.recallOrderId && (
              <Button type="primary" danger icon={<StopOutlined />} onClick={() => setIssuing(true)} data-testid="recall-issue">
                {t('recall.issue')}
              </Button>
            )}
            <Button icon={<UnlockOutlined />} onClick={() => setReleasing(true)} data-testid="recall-release">
              {t('recall.release')}
            </Button>
          </Space>
        )}
      </Space>
      <Modal open={issuing} title={t('recall.issue')} okText={t('recall.issueOk')} okButtonProps={{ danger: true, loading: busy, 'data-testid': 'recall-issue-ok' } as ButtonProps} onOk={() => void issue()} onCancel={() => setIssuing(false)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label={t('recall.kind')} rules={[{ required: true, message: t('recall.kindNeeded') }]}>
            <Radio.Group options={(['recall', 'withdraw'] as const).map((k) => ({ value: k, label: t(`recall.kind.${k}`) }))} data-testid="recall-kind" />
          </Form.Item>
          <Form.Item name="instructions" label={t('recall.instructions')} rules={[{ required: true, min: 4, whitespace: true, message: t('recall.instructionsNeeded') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="recall-instructions" />
          </Form.Item>
          <Form.Item name="dueOn" label={t('recall.dueOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={releasing} title={t('recall.release')} okText={t('recall.releaseOk')} okButtonProps={{ disabled: note.trim().length < 2, loading: busy, 'data-testid': 'recall-release-ok' } as ButtonProps} onOk={() => void release()} onCancel={() => setReleasing(false)}>
        <Typography.Paragraph type="secondary">{t('recall.releaseHint')}</Typography.Paragraph>
        <Input.TextArea rows={3} value={note} maxLength={500} placeholder={t('recall.releaseNote')} onChange={(e) => setNote(e.target.value)} data-testid="recall-release-note" />
      </Modal>
    </Card>
  );
}
