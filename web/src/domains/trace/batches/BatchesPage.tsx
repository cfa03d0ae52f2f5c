import { ExperimentOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { Panel } from '../../../app/Panel';
import { RefreshButton } from '../../../app/RefreshButton';
import { useI18n } from '../../../app/i18n';
import { EmptyState, LoadError } from '../../../app/LoadError';
import { ExportButton, ListTotalText } from '../../../app/ListTools';
import { FsmaPeriodButton } from '../fsma/FsmaPeriodButton';
import { LoadMore } from '../../../app/LoadMore';
import { useCursorList } from '../../../app/use-cursor-list';
import { BatchItem } from './BatchItem';
import { TracePageTitle } from '../TracePageTitle';
import { newKey, traceApi } from '../trace.api';
import type { Batch, BatchFilters } from '../trace.types';
import '../trace.css';

// Its form (pickers, number inputs) loads when it is first opened, not with the list a phone opens cold; the filters
// and the merge bar (pickers, selects, a confirmation popup) come after the list (issue 15 §9).
const ProcessDrawer = lazy(() => import('../movements/ProcessDrawer').then((m) => ({ default: m.ProcessDrawer })));
const Filters = lazy(() => import('./BatchFilters'));
const MergeBar = lazy(() => import('./MergeBar'));

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
        <Suspense fallback={null}>
          <MergeBar count={selected.length} canMerge={canMerge} busy={busy} onMerge={() => void merge()} />
        </Suspense>
      )}
      <Panel
        extra={
          <Space wrap>
            <ListTotalText total={list.total} />
            <ExportButton path="/trace/batches.xlsx" query={filters} filename={`${t('list.file.batches')}.xlsx`} total={list.total} />
            <FsmaPeriodButton />
            <RefreshButton list={list} />
          </Space>
        }
        title={t('batch.list')}
      >
        <div className="tn-filters" style={{ marginBottom: 12 }}>
          <Suspense fallback={null}>
            <Filters filters={filters} setFilters={setFilters} />
          </Suspense>
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
      </Panel>
      <Space style={{ marginTop: 8 }}>
        <span className="tn-secondary">{t('batch.scanHint')}</span>
      </Space>
      {processing && (
        <Suspense fallback={null}>
          <ProcessDrawer open onClose={() => setProcessing(false)} onDone={(batch) => navigate(`/trace/batches/${batch.id}`)} />
        </Suspense>
      )}
    </div>
  );
}
