import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, ExperimentOutlined, ScissorOutlined, ShopOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Alert, App, Button, Skeleton, Space, Tag } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { CopyText } from '../../../app/CopyText';
import { LazyResult as Result } from '../../../app/LazyResult';
import { Panel } from '../../../app/Panel';
import { useI18n } from '../../../app/i18n';
import { ApiError } from '../../../app/api-error';
import { LoadError } from '../../../app/LoadError';
import type { Batch, Trade } from '../trace.types';
import { formatDate } from '../../../app/format';
import { BatchFacts } from './BatchFacts';
import { label, SOURCE_COLOR } from '../trace-labels';
import { traceApi, useKeyPerOpening } from '../trace.api';
import { useAll } from '../master-data/use-all';
import '../trace.css';

// What a phone needs first is the batch and its actions; the forms behind the actions (pickers, number inputs,
// scanners), the printing card and the chain (a tree and a graph) load after, or when opened.
const ChainView = lazy(() => import('../graph/ChainView').then((m) => ({ default: m.ChainView })));
const PrintCard = lazy(() => import('../labels/PrintCard').then((m) => ({ default: m.PrintCard })));
const TradeResult = lazy(() => import('../movements/TradeResult').then((m) => ({ default: m.TradeResult })));
const SellDrawer = lazy(() => import('../movements/SellDrawer').then((m) => ({ default: m.SellDrawer })));
const MarketDrawer = lazy(() => import('../movements/MarketDrawer').then((m) => ({ default: m.MarketDrawer })));
const SplitModal = lazy(() => import('./SplitModal').then((m) => ({ default: m.SplitModal })));
const ProcessDrawer = lazy(() => import('../movements/ProcessDrawer').then((m) => ({ default: m.ProcessDrawer })));
const CorrectionHistory = lazy(() => import('../corrections/CorrectionHistory').then((m) => ({ default: m.CorrectionHistory })));
const BatchCorrectModal = lazy(() => import('../corrections/BatchCorrectModal').then((m) => ({ default: m.BatchCorrectModal })));
const VoidModal = lazy(() => import('../corrections/VoidModal').then((m) => ({ default: m.VoidModal })));

/** /trace/batches/:id — one page per batch, so that moving to another batch starts afresh. */
export default function BatchDetailPage() {
  const { id = '' } = useParams();
  return <BatchDetail key={id} id={id} />;
}

type Acting = 'sell' | 'market' | 'split' | 'process' | 'correct' | 'void' | null;

/** A batch: its facts and inputs, printing, selling, market entry, splitting, processing, and its chain. */
function BatchDetail({ id }: { id: string }) {
  const me = useMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const sellTo = params.get('sellTo') ?? undefined;
  const [batch, setBatch] = useState<Batch | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [acting, setActing] = useState<Acting>(sellTo ? 'sell' : null);
  const [lastTrade, setLastTrade] = useState<Trade | null>(null);
  const [version, setVersion] = useState(0);
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const bases = useAll(traceApi.bases, showError, Boolean(batch?.baseId));
  const voidKey = useKeyPerOpening(acting === 'void');

  const reload = useCallback(() => {
    traceApi.batch(id).then(
      (b) => {
        setError(null);
        setBatch(b);
      },
      (err: unknown) => setError(err),
    );
  }, [id]);
  useEffect(reload, [reload]);

  const close = () => {
    setActing(null);
    // A buyer scanned on the scan page is for this one sale: not again after a reload.
    if (sellTo) setParams({}, { replace: true });
  };
  const done = () => {
    close();
    reload();
    setVersion((v) => v + 1);
  };

  // Only a 404 is "not found"; any other failure is said as such, with 重试.
  if (error && error instanceof ApiError && error.status === 404) return <Result status="warning" title={t('batch.notFound')} subTitle={errorText(error)} extra={<Button onClick={() => navigate('/trace/batches')}>{t('batch.backToList')}</Button>} />;
  if (error && !batch) return <LoadError error={error} onRetry={reload} />;
  if (!batch) return <Panel><Skeleton active /></Panel>;
  const available = batch.stock - batch.frozen;
  const canAct = me.can('trace.write') && batch.status === 'active' && available > 0;
  // Only a batch of one's own production is corrected here; a received one is corrected through its trade (退货).
  const canCorrect = me.can('trace.write') && batch.status === 'active' && batch.source === 'own';
  const corrected = (b: Batch) => {
    setActing(null);
    setBatch(b);
    setVersion((v) => v + 1);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {/* Plain markup (Panel, CopyText) rather than antd's Card and Typography, whose code (tabs, popups, an editor)
          a phone would download before it could show the batch (issue 15 §9). */}
      <Panel>
        <div className="tn-page-title" style={{ marginBottom: 8 }}>
          <h3 className="tn-title" data-testid="batch-title">
            {batch.productName}
          </h3>
          <Tag color={SOURCE_COLOR[batch.source]}>{label(t, 'source', batch.source)}</Tag>
          {batch.status !== 'active' && <Tag color={batch.status === 'held' || batch.status === 'failed' || batch.status === 'voided' ? 'error' : undefined}>{label(t, 'batchStatus', batch.status)}</Tag>}
          <div className="tn-t-head-actions">
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/trace/batches')}>
              {t('batch.backToList')}
            </Button>
          </div>
        </div>
        <p className="tn-paragraph">
          {t('batch.code')}{t('common.colon')}
          <CopyText className="tn-t-code" text={batch.code} testId="batch-code" strong>
            {batch.code}
          </CopyText>
        </p>
        {(batch.status === 'held' || batch.status === 'failed') && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="batch-held"
            title={t(batch.status === 'held' ? 'batch.heldTitle' : 'batch.failedTitle')}
            description={<Link to="/trace/recall-notices">{t('batch.heldNotices')}</Link>}
          />
        )}
        {batch.voided && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="batch-voided" title={t('void.voidedOn', { date: formatDate(batch.voided.at), reason: batch.voided.reason })} />}
        <BatchFacts batch={batch} base={bases?.find((b) => b.id === batch.baseId) ?? null} />
        {canAct && (
          <Space wrap style={{ marginTop: 16 }} data-testid="batch-actions">
            <Button type="primary" icon={<ShoppingCartOutlined />} onClick={() => setActing('sell')} data-testid="sell">
              {t('sell.action')}
            </Button>
            <Button icon={<ShopOutlined />} onClick={() => setActing('market')} data-testid="market-entry">
              {t('market.action')}
            </Button>
            <Button icon={<ScissorOutlined />} onClick={() => setActing('split')}>
              {t('split.action')}
            </Button>
            <Button icon={<ExperimentOutlined />} onClick={() => setActing('process')}>
              {t('process.title')}
            </Button>
          </Space>
        )}
        {canCorrect && (
          <Space wrap style={{ marginTop: 12 }} data-testid="batch-corrections">
            <Button icon={<EditOutlined />} onClick={() => setActing('correct')}>
              {t('correct.action')}
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={() => setActing('void')}>
              {t('void.action')}
            </Button>
          </Space>
        )}
      </Panel>
      {/* Each behind its own boundary: one loading later (a drawer being opened) must not hide the others meanwhile. */}
      <Later>{lastTrade && <TradeResult trade={lastTrade} />}</Later>
      <Later>{batch.status !== 'voided' && <PrintCard batchId={batch.id} code={batch.code} />}</Later>
      <Later>{me.can('trace.graph') && <ChainView batchId={batch.id} version={version} />}</Later>
      <Later>
        {acting === 'sell' && (
          <SellDrawer
            batch={batch}
            open
            buyerToken={sellTo}
            onClose={close}
            onSold={(trade) => {
              setLastTrade(trade);
              done();
            }}
          />
        )}
      </Later>
      <Later>
        {acting === 'market' && (
          <MarketDrawer
            batch={batch}
            open
            onClose={() => setActing(null)}
            onEntered={(trade) => {
              setLastTrade(trade);
              done();
            }}
          />
        )}
      </Later>
      <Later>{acting === 'split' && <SplitModal batch={batch} open onClose={() => setActing(null)} onSplit={done} />}</Later>
      <Later>{acting === 'process' && <ProcessDrawer open from={batch} onClose={() => setActing(null)} onDone={(b) => navigate(`/trace/batches/${b.id}`)} />}</Later>
      <Later>
        <CorrectionHistory kind="batches" targetId={batch.id} version={version} names={{ [batch.productId]: batch.productName, ...Object.fromEntries((bases ?? []).map((b) => [b.id, b.name])) }} />
      </Later>
      <Later>{acting === 'correct' && <BatchCorrectModal batch={batch} open onClose={() => setActing(null)} onDone={corrected} />}</Later>
      <Later>
        {acting === 'void' && (
          <VoidModal
            open
            title={t('void.batchTitle')}
            hint={t('void.batchHint')}
            onClose={() => setActing(null)}
            onSubmit={async (reason) => {
              try {
                corrected(await traceApi.voidBatch(batch.id, reason, voidKey));
                void message.success(t('void.done'));
              } catch (err) {
                showError(err);
              }
            }}
          />
        )}
      </Later>
    </Space>
  );
}

/** A part of the page loaded after it: nothing in its place until it comes. */
function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}
