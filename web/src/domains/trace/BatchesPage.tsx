import { ExperimentOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Input, Popconfirm, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { RefreshButton } from '../../app/RefreshButton';
import { useI18n } from '../../app/i18n';
import { EmptyState, LoadError } from '../../app/LoadError';
import { ExportButton, ListTotalText } from '../../app/ListTools';
import { LoadMore } from '../../app/LoadMore';
import { useCursorList } from '../../app/use-cursor-list';
import { BatchItem } from './BatchItem';
import { TracePageTitle } from './TracePageTitle';
import { newKey, traceApi } from './trace.api';
import { BATCH_SOURCES, BATCH_STATUSES, type Batch, type BatchFilters } from './trace.types';
import './trace.css';

// Its form (pickers, number inputs) loads when it is first opened, not with the list a phone opens cold.
const ProcessDrawer = lazy(() => import('./ProcessDrawer').then((m) => ({ default: m.ProcessDrawer })));

/** /trace/batches: 批次, my batches newest first; record one, process some into a new one, merge several of one product. */
export default function BatchesPage() {
  const me = useMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [merging, setMerging] = useState(false);
  const [selected, setSelected] = useState<Batch[]>([]);
  const [processing, setProcessing] = useState(false);
  const [busy, setBusy] = useState(false);
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const [filters, setFilters] = useState<BatchFilters>({});
  const fetchPage = useMemo(() => (cursor?: string) => traceApi.searchBatches(filters, cursor), [filters]);
  const list = useCursorList(fetchPage, showError);
  const setDays = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilters((f) => ({ ...f, from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined }));
  const writes = me.can('trace.write');

  const products = new Set(selected.map((b) => b.productId));
  const canMerge = selected.length >= 2 && products.size === 1;

  const merge = async () => {
    setBusy(true);
    try {
      const batch = await traceApi.merge(
        selected.map((b) => b.id),
        newKey(),
      );
      void message.success(t('merge.done', { code: batch.code }));
      navigate(`/trace/batches/${batch.id}`);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <TracePageTitle
        title={t('batch.title')}
        desc={t('batch.desc')}
        actions={
          writes && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/trace/batches/new')} data-testid="new-batch">
                {t('batch.new')}
              </Button>
              <Button icon={<ExperimentOutlined />} onClick={() => setProcessing(true)}>
                {t('process.title')}
              </Button>
              <Button
                icon={<MergeCellsOutlined />}
                type={merging ? 'dashed' : 'default'}
                onClick={() => {
                  setMerging(!merging);
                  setSelected([]);
                }}
              >
                {merging ? t('merge.stop') : t('merge.title')}
              </Button>
            </>
          )
        }
      />
      {merging && (
        <Alert
          type={selected.length >= 2 && !canMerge ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={selected.length >= 2 && !canMerge ? t('merge.sameProduct') : t('merge.hint', { n: selected.length })}
          action={
            <Popconfirm title={t('merge.confirm', { n: selected.length })} onConfirm={merge} disabled={!canMerge}>
              <Button type="primary" size="small" disabled={!canMerge} loading={busy}>
                {t('merge.submit', { n: selected.length })}
              </Button>
            </Popconfirm>
          }
        />
      )}
      <Card
        extra={
          <Space>
            <ListTotalText total={list.total} />
            <ExportButton path="/trace/batches.xlsx" query={filters} filename={`${t('list.file.batches')}.xlsx`} total={list.total} />
            <RefreshButton list={list} />
          </Space>
        }
        title={t('batch.list')}
      >
        <div className="tn-filters" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('batchList.search')}
            style={{ width: 240, maxWidth: '100%' }}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
            aria-label={t('batchList.search')}
            data-testid="batch-search"
          />
          <Select<NonNullable<BatchFilters['status']>>
            allowClear
            style={{ width: 150 }}
            placeholder={t('batchList.status')}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
            options={BATCH_STATUSES.map((s) => ({ value: s, label: t(`batchStatus.${s}`) }))}
            aria-label={t('batchList.status')}
          />
          <Select<NonNullable<BatchFilters['source']>>
            allowClear
            style={{ width: 120 }}
            placeholder={t('batchList.source')}
            value={filters.source}
            onChange={(source) => setFilters((f) => ({ ...f, source }))}
            options={BATCH_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
            aria-label={t('batchList.source')}
          />
          <DatePicker.RangePicker onChange={(range) => setDays(range)} aria-label={t('list.days')} />
        </div>
        {list.error && list.items.length === 0 ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : list.items.length === 0 && !list.loading ? (
          <EmptyState description={t('batch.empty')} />
        ) : (
          <div className="tn-wrap-list">
            {list.items.map((b) => (
              <BatchItem
                key={b.id}
                batch={b}
                selectable={merging}
                selected={selected.some((s) => s.id === b.id)}
                onSelect={(on) => setSelected((current) => (on ? [...current, b] : current.filter((s) => s.id !== b.id)))}
              />
            ))}
          </div>
        )}
        <LoadMore list={list} />
      </Card>
      <Space style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('batch.scanHint')}</Typography.Text>
      </Space>
      {processing && (
        <Suspense fallback={null}>
          <ProcessDrawer open onClose={() => setProcessing(false)} onDone={(batch) => navigate(`/trace/batches/${batch.id}`)} />
        </Suspense>
      )}
    </div>
  );
}
