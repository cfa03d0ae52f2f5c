import { Alert, App, Button, Card, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CursorTable } from '../../app/CursorTable';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import type { MessageKey } from '../../app/messages.zh';
import { RefreshButton } from '../../app/RefreshButton';
import { useCursorList } from '../../app/use-cursor-list';
import { DELIVERY_STATUSES } from '../../../../src/domains/integration/outbound/feed.shared';
import { refreshShellNotices } from '../notices/shell-notices';
import { outboundApi, type WebhookDelivery, type WebhookEndpoint, type WebhookEndpoints } from './outbound.api';

const STATUS_COLOR: Record<WebhookDelivery['status'], string> = { pending: 'blue', delivered: 'green', failed: 'red', held: 'orange' };
const ENDPOINT_COLOR: Record<WebhookEndpoint['status'], string> = { active: 'green', paused: 'orange', removed: 'default' };

/**
 * A client system's webhook endpoints (a paused one says so and why; its registrar's admin resumes it, which sends
 * what it missed again) and its delivery log, newest first: what was sent, how often it was tried, the last answer.
 */
export function WebhooksCard({ clientId, manage }: { clientId: string; manage: boolean }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [resuming, setResuming] = useState<string | null>(null);
  const [endpoints, setEndpoints] = useState<WebhookEndpoints | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<WebhookDelivery['status'] | undefined>(undefined);

  const loadEndpoints = useCallback(async () => {
    try {
      setEndpoints(await outboundApi.webhooks(clientId));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [clientId]);
  useEffect(() => {
    void loadEndpoints();
  }, [loadEndpoints]);

  const fetchDeliveries = useMemo(() => (cursor?: string) => outboundApi.deliveries(clientId, status, cursor), [clientId, status]);
  const onError = useCallback(() => undefined, []);
  const deliveries = useCursorList(fetchDeliveries, onError);
  const paused = endpoints?.items.filter((e) => e.status === 'paused') ?? [];
  // The failure's own text is the delivery worker's (English, technical): the console says what kind it was.
  const reasonText = (reason: string | null) => {
    if (!reason) return '—';
    const status = /^HTTP (\d{3})$/.exec(reason);
    if (status) return t('outbound.httpStatus', { status: status[1]! });
    return reason.startsWith('the client has no live key') ? t('outbound.noLiveKey') : t('outbound.noAnswer');
  };
  const resume = async (endpointId: string) => {
    setResuming(endpointId);
    try {
      const done = await outboundApi.resume(clientId, endpointId);
      void message.success(t('outbound.resumed', { count: done.deliveries }));
      await loadEndpoints();
      deliveries.reload();
      refreshShellNotices();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setResuming(null);
    }
  };

  return (
    <Card title={t('outbound.webhooks')} style={{ marginTop: 16 }} data-testid="integration-webhooks">
      <Typography.Paragraph type="secondary">{t('outbound.webhooksHint')}</Typography.Paragraph>
      {paused.length > 0 && <Alert type="warning" showIcon message={t('outbound.pausedNote', { count: paused.length })} style={{ marginBottom: 12 }} />}
      {error && !endpoints ? (
        <LoadError error={error} onRetry={loadEndpoints} />
      ) : (
        <Table<WebhookEndpoint>
          rowKey="id"
          size="small"
          pagination={false}
          loading={!endpoints}
          dataSource={endpoints?.items ?? []}
          locale={{ emptyText: t('outbound.noEndpoints') }}
          columns={[
            { title: t('outbound.url'), dataIndex: 'url', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('outbound.kinds'), dataIndex: 'kinds', render: (v: string[]) => v.map((k) => <Tag key={k}>{t(`outbound.kind.${k}` as MessageKey)}</Tag>) },
            { title: t('outbound.endpointStatus'), dataIndex: 'status', render: (v: WebhookEndpoint['status']) => <Tag color={ENDPOINT_COLOR[v]}>{t(`outbound.endpointStatus.${v}`)}</Tag> },
            { title: t('outbound.failuresInRow'), dataIndex: 'failuresInRow' },
            { title: t('outbound.pausedAt'), dataIndex: 'pausedAt', className: 'tn-nowrap', render: (v: string | null) => (v ? formatTime(v) : '—') },
            { title: t('outbound.pausedReason'), dataIndex: 'pausedReason', render: (v: string | null, e) => (e.status === 'paused' ? reasonText(v) : '—') },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_v: unknown, e: WebhookEndpoint) =>
                      e.status === 'paused' ? (
                        <Popconfirm title={t('outbound.resumeConfirm')} onConfirm={() => resume(e.id)} okText={t('outbound.resume')} cancelText={t('common.cancel')}>
                          <Button size="small" type="primary" loading={resuming === e.id} data-testid={`integration-resume-${e.id}`}>
                            {t('outbound.resume')}
                          </Button>
                        </Popconfirm>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('outbound.deliveries')}
      </Typography.Title>
      <div className="tn-filters">
        <Select<WebhookDelivery['status']>
          allowClear
          placeholder={t('outbound.allStatuses')}
          value={status}
          onChange={(v) => setStatus(v)}
          style={{ minWidth: 160 }}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`outbound.status.${s}`) }))}
          data-testid="integration-delivery-status"
        />
        <RefreshButton list={deliveries} />
      </div>
      <CursorTable<WebhookDelivery>
        list={deliveries}
        size="small"
        locale={{ emptyText: t('outbound.noDeliveries') }}
        columns={[
          { title: t('outbound.createdAt'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
          { title: t('outbound.change'), dataIndex: 'eventType', render: (v: string) => t(`outbound.kind.${v.split('.')[0]}` as MessageKey) },
          { title: t('outbound.deliveryStatus'), dataIndex: 'status', render: (v: WebhookDelivery['status'], d) => <Tag color={STATUS_COLOR[v]}>{d.replay ? t('outbound.replayed', { status: t(`outbound.status.${v}`) }) : t(`outbound.status.${v}`)}</Tag> },
          { title: t('outbound.attempts'), dataIndex: 'attempts' },
          { title: t('outbound.lastAnswer'), key: 'last', render: (_v, d) => (d.lastStatus ? t('outbound.httpStatus', { status: d.lastStatus }) : d.lastError ? t('outbound.noAnswer') : '—') },
          { title: t('outbound.deliveredAt'), dataIndex: 'deliveredAt', className: 'tn-nowrap', render: (v: string | null) => (v ? formatTime(v) : '—') },
          { title: t('outbound.deliveryId'), dataIndex: 'id', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
