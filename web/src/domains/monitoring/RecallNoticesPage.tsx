import { CheckOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, List, Modal, Result, Skeleton, Space, Tag, Typography, type ButtonProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { label } from '../trace/trace-labels';
import { monitoringApi } from './monitoring.api';
import type { RecallNotice } from './monitoring.types';
import { useAction } from '../../shared/use-action';

type Disposal = { withdrawn: number | null; destroyed: number | null; returned: number | null; note?: string };

/**
 * 召回通知, a holder's side: each batch the county's recall order names (its own, or a stall's it reaches as the
 * market's operator), to acknowledge and then answer with the quantities withdrawn, destroyed and returned.
 */
export default function RecallNoticesPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [state, setState] = useState<{ items?: RecallNotice[]; error?: string } | null>(null);
  const [reporting, setReporting] = useState<RecallNotice | null>(null);
  const { busy, run: act } = useAction();
  const [form] = Form.useForm<Disposal>();

  const load = useCallback(() => {
    monitoringApi.notices().then(
      (items) => setState({ items }),
      (err: unknown) => setState({ error: errorText(err) }),
    );
  }, [errorText]);
  useEffect(load, [load]);

  if (state?.error) return <Result status="warning" subTitle={state.error} extra={<Button onClick={() => { setState(null); load(); }}>{t('app.retry')}</Button>} />;
  if (!state?.items) return <Card><Skeleton active /></Card>;

  const run = async (job: () => Promise<RecallNotice>, done: string) => {
    await act(async () => {
      const next = await job();
      setState((s) => ({ items: (s?.items ?? []).map((n) => (n.id === next.id ? next : n)) }));
      void message.success(done);
      setReporting(null);
    });
  };
  const submitReport = async () => {
    if (!reporting) return;
    const v = await form.validateFields();
    const body = { withdrawn: v.withdrawn ?? 0, destroyed: v.destroyed ?? 0, returned: v.returned ?? 0, ...(v.note?.trim() ? { note: v.note.trim() } : {}) };
    const total = body.withdrawn + body.destroyed + body.returned;
    if (total <= 0) return void message.error(t('notice.reportEmpty'));
    // The server has the last word; this only says it before the round trip, without changing what was typed.
    if (total > reporting.quantity) return void message.error(t('notice.reportTooMuch', { held: `${reporting.quantity} ${label(t, 'unit', reporting.unit)}` }));
    await run(() => monitoringApi.reportNotice(reporting.id, body), t('notice.reported'));
  };

  return (
    <Card title={t('recallNotices.title')} data-testid="recall-notices">
      {state.items.length === 0 ? (
        <Empty description={t('recallNotices.empty')} />
      ) : (
        <List
          dataSource={state.items}
          renderItem={(n) => {
            const open = !n.closedAt;
            return (
              <List.Item data-testid="recall-notice">
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <Tag color="error">{t(`recall.kind.${n.kind}`)}</Tag>
                    <Typography.Text strong>{n.productName}</Typography.Text>
                    <Link className="tn-t-code" to={n.viaMarket ? '#' : `/trace/batches/${n.batchId}`}>{n.code}</Link>
                    <Tag color={n.answer === 'unanswered' ? 'error' : n.answer === 'acknowledged' ? 'processing' : 'success'} data-testid="notice-answer">{t(`recall.answer.${n.answer}`)}</Tag>
                    {!open && <Tag>{t('notice.closed')}</Tag>}
                  </Space>
                  {n.viaMarket && <Alert type="info" showIcon title={t('notice.viaMarket', { holder: n.holderName })} />}
                  <Typography.Text>{n.instructions}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('notice.meta', { agency: n.agencyName, time: formatTime(n.issuedAt), due: n.dueOn ?? '—', held: `${n.quantity} ${label(t, 'unit', n.unit)}` })}
                  </Typography.Text>
                  {n.reportedAt && (
                    <Typography.Text data-testid="notice-disposed">
                      {t('recall.disposed', { withdrawn: `${n.withdrawn ?? 0}`, destroyed: `${n.destroyed ?? 0}`, returned: `${n.returned ?? 0}` })}
                    </Typography.Text>
                  )}
                  {open && (
                    <Space wrap>
                      {n.answer === 'unanswered' ? (
                        <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void run(() => monitoringApi.acknowledge(n.id), t('notice.acknowledged'))} data-testid="notice-ack">
                          {t('notice.acknowledge')}
                        </Button>
                      ) : (
                        <Button
                          icon={<FormOutlined />}
                          onClick={() => {
                            form.setFieldsValue({ withdrawn: n.withdrawn, destroyed: n.destroyed, returned: n.returned, note: n.reportNote ?? '' });
                            setReporting(n);
                          }}
                          data-testid="notice-report"
                        >
                          {n.reportedAt ? t('notice.reportAgain') : t('notice.report')}
                        </Button>
                      )}
                    </Space>
                  )}
                </Space>
              </List.Item>
            );
          }}
        />
      )}
      <Modal open={reporting !== null} title={t('notice.report')} okText={t('notice.submit')} okButtonProps={{ loading: busy, 'data-testid': 'notice-report-ok' } as ButtonProps} onOk={() => void submitReport()} onCancel={() => setReporting(null)} destroyOnHidden>
        {reporting && <Typography.Paragraph type="secondary">{t('notice.heldHint', { held: `${reporting.quantity} ${label(t, 'unit', reporting.unit)}` })}</Typography.Paragraph>}
        <Form form={form} layout="vertical">
          {(['withdrawn', 'destroyed', 'returned'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`notice.qty.${k}`)} rules={[{ type: 'number', min: 0, message: t('notice.notNegative') }]}>
              <InputNumber style={{ width: '100%' }} data-testid={`notice-${k}`} />
            </Form.Item>
          ))}
          <Form.Item name="note" label={t('notice.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
