import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Result, Segmented, Skeleton, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { saveBlob } from '../../app/api';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { RegionName } from '../../shared/RegionName';
import { label } from '../trace/trace-labels';
import { monitoringApi } from './monitoring.api';
import type { RecallHolder, RecallOrder } from './monitoring.types';

const ANSWER_COLOR: Record<RecallHolder['answer'], string> = { unanswered: 'error', acknowledged: 'processing', reported: 'success' };

/** 召回/下架令: the county's view — each holder's answer and quantities, the totals, who has not answered; .xlsx. */
export default function RecallOrderPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [state, setState] = useState<{ id: string; order?: RecallOrder; error?: string } | null>(null);
  const [only, setOnly] = useState<'all' | 'unanswered'>('all');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    monitoringApi.recallOrder(id).then(
      (order) => live && setState({ id, order }),
      (err: unknown) => live && setState({ id, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, errorText, reload]);

  if (state?.id === id && state.error)
    return <Result status="warning" subTitle={state.error} extra={<Button onClick={() => { setState(null); setReload((n) => n + 1); }}>{t('app.retry')}</Button>} />;
  const order = state?.id === id ? state.order : undefined;
  if (!order) return <Card><Skeleton active /></Card>;

  const unit = (u: string) => label(t, 'unit', u);
  const qty = (n: number | null, u: string) => (n === null ? '—' : `${n} ${unit(u)}`);
  const columns: TableColumnsType<RecallHolder> = [
    { key: 'holder', title: t('recall.col.holder'), render: (_, h) => <span>{h.holderName}<br /><span className="tn-t-code">{h.code}</span></span> },
    { key: 'region', title: t('recall.col.county'), render: (_, h) => <RegionName code={h.regionCode} /> },
    { key: 'held', title: t('recall.col.held'), render: (_, h) => qty(h.quantity, h.unit), align: 'right' },
    { key: 'via', title: t('recall.col.via'), render: (_, h) => (h.contactVia === 'market' && h.marketName ? t('recall.via.marketNamed', { name: h.marketName }) : t(`recall.via.${h.contactVia}`)) },
    { key: 'answer', title: t('recall.col.answer'), render: (_, h) => <Tag color={ANSWER_COLOR[h.answer]} data-testid="recall-answer">{t(`recall.answer.${h.answer}`)}</Tag> },
    { key: 'disposed', title: t('recall.col.disposed'), render: (_, h) => (h.reportedAt ? t('recall.disposed', { withdrawn: qty(h.withdrawn, h.unit), destroyed: qty(h.destroyed, h.unit), returned: qty(h.returned, h.unit) }) : '—') },
  ];
  const rows = only === 'all' ? order.holders : order.holders.filter((h) => h.answer === 'unanswered');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="recall-order">
      <Card>
        <div className="tn-page-title">
          <Typography.Title level={3}>{t('recall.orderHeading', { kind: t(`recall.kind.${order.kind}`), product: order.productName })}</Typography.Title>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void monitoringApi.recallOrderSheet(order.id).then(
                (blob) => saveBlob(blob, `召回令-${order.sampleNo}.xlsx`),
                (err: unknown) => void message.error(errorText(err)),
              )
            }
            data-testid="recall-order-xlsx"
          >
            {t('recall.export')}
          </Button>
        </div>
        {order.closedAt && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(`recall.closed.${order.closedHow ?? 'released'}`, { note: order.closeNote ?? '' })} data-testid="recall-order-closed" />}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'sample', label: t('sample.no'), children: <Link to={`/monitoring/samples/${order.sampleId}`}>{order.sampleNo}</Link> },
            { key: 'agency', label: t('recall.issuer'), children: `${order.agencyName} · ${order.issuedByName} · ${formatTime(order.issuedAt)}` },
            { key: 'instructions', label: t('recall.instructions'), children: order.instructions },
            { key: 'due', label: t('recall.dueOn'), children: order.dueOn ?? '—' },
          ]}
        />
      </Card>
      <Card size="small" title={t('recall.totals')} data-testid="recall-totals">
        <Space wrap size={32}>
          <Statistic title={t('recall.total.holders')} value={order.totals.holders} />
          <Statistic title={t('recall.total.acknowledged')} value={order.totals.acknowledged} />
          <Statistic title={t('recall.total.reported')} value={order.totals.reported} />
          <Statistic title={t('recall.total.unanswered')} value={order.totals.unanswered} valueStyle={order.totals.unanswered ? { color: '#cf1322' } : undefined} />
        </Space>
        {order.totals.byUnit.map((u) => (
          <Typography.Paragraph key={u.unit} style={{ margin: '8px 0 0' }} data-testid="recall-unit-totals">
            {t('recall.unitTotals', { held: qty(u.held, u.unit), withdrawn: qty(u.withdrawn, u.unit), destroyed: qty(u.destroyed, u.unit), returned: qty(u.returned, u.unit) })}
          </Typography.Paragraph>
        ))}
      </Card>
      <Card size="small" title={t('recall.holders')} extra={<Segmented value={only} onChange={(v) => setOnly(v as 'all' | 'unanswered')} options={[{ value: 'all', label: t('recall.filter.all') }, { value: 'unanswered', label: t('recall.filter.unanswered') }]} />}>
        <Table<RecallHolder> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false} scroll={{ x: 760 }} locale={{ emptyText: t('recall.noneUnanswered') }} data-testid="recall-holders" />
      </Card>
    </Space>
  );
}
