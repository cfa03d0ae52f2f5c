import { ApartmentOutlined, BranchesOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Skeleton, Space, Tag, Tooltip, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { saveBlob } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/LoadError';
import type { TraceDirection, TraceNode, TraceResult } from '../trace.types';
import { ChainGraph } from './ChainGraph';
import { useOwnBatchOpener, type ChainOpener } from './chain-opener';
import { layoutChain } from './chain-layout';
import { chainTree, type ChainTreeNode } from './chain-tree';
import { amount, EDGE_COLOR, label, SOURCE_COLOR } from '../trace-labels';
import { traceApi } from '../trace.api';
import { useAction } from '../../../shared/use-action';

type View = 'tree' | 'graph';
type Loaded = { batchId: string; backward: TraceResult | null; forward: TraceResult | null; error?: string };

/**
 * 追溯链: where the batch came from (溯源, backward) and where it went (去向, forward), as a tree or a graph. A click
 * on a batch does what `opener` says; by default (the workbench) a batch of my own subject opens its page.
 */
export function ChainView({
  batchId,
  version,
  opener,
}: {
  batchId: string;
  /** changes when the batch's chain may have changed */
  version: number;
  opener?: ChainOpener;
}) {
  const { t, errorText } = useI18n();
  const ownBatches = useOwnBatchOpener();
  const open = opener ?? ownBatches;
  const [view, setView] = useState<View>('tree');
  // Until one is chosen: where the batch came from, or — for a batch that is a source — where it went.
  const [chosen, setDirection] = useState<TraceDirection | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([traceApi.trace(batchId, 'backward'), traceApi.trace(batchId, 'forward')]).then(
      ([backward, forward]) => live && setLoaded({ batchId, backward, forward }),
      (err: unknown) => live && setLoaded({ batchId, backward: null, forward: null, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [batchId, version, errorText]);

  const current = loaded?.batchId === batchId ? loaded : null;
  const layout = useMemo(() => (current && !current.error ? layoutChain(current.backward, current.forward) : null), [current]);
  const direction: TraceDirection = chosen ?? (current?.backward?.edges.length === 0 && current.forward?.edges.length ? 'forward' : 'backward');

  return (
    <Card
      title={t('chain.title')}
      data-testid="chain-card"
      extra={
        <Space wrap>
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'tree', label: t('chain.tree'), icon: <BranchesOutlined /> },
              { value: 'graph', label: t('chain.graph'), icon: <ApartmentOutlined /> },
            ]}
            data-testid="chain-view"
          />
        </Space>
      }
    >
      {/* Below the title, not beside it: on a phone the header holds the title and the view switch only. */}
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <FsmaButton batchId={batchId} code={current?.backward?.nodes.find((n) => n.id === batchId)?.code ?? ''} />
      </div>
      {!current ? (
        <Skeleton active />
      ) : current.error ? (
        <Alert type="warning" showIcon title={current.error} />
      ) : view === 'graph' ? (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{open.hint}</Typography.Text>
          {layout && <ChainGraph layout={layout} opener={open} />}
        </Space>
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Segmented<TraceDirection>
            value={direction}
            onChange={setDirection}
            options={[
              { value: 'backward', label: t('chain.backward') },
              { value: 'forward', label: t('chain.forward') },
            ]}
            data-testid="chain-direction"
          />
          <ChainTree result={direction === 'backward' ? current.backward : current.forward} opener={open} />
        </Space>
      )}
    </Card>
  );
}

function ChainTree({ result, opener }: { result: TraceResult | null; opener: ChainOpener }) {
  const { t } = useI18n();
  const built = useMemo(() => (result ? chainTree(result) : null), [result]);
  if (!result || !built) return null;
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  if (!built.root.children.length) return <EmptyState description={t(result.direction === 'backward' ? 'chain.noBackward' : 'chain.noForward')} />;

  const toData = (c: ChainTreeNode): TreeDataNode => {
    const n = byId.get(c.id);
    return { key: c.key, title: n ? <NodeTitle node={n} edgeKind={c.edgeKind} edgeQuantity={c.edgeQuantity} /> : c.id, children: c.children.map(toData) };
  };
  const keys: string[] = [];
  const collect = (c: ChainTreeNode, depth: number) => {
    if (depth < 4) keys.push(c.key);
    c.children.forEach((k) => collect(k, depth + 1));
  };
  collect(built.root, 0);
  return (
    <div className="tn-t-tree" data-testid="chain-tree">
      <Tree
        key={result.direction}
        treeData={[toData(built.root)]}
        defaultExpandedKeys={keys}
        showLine
        selectable
        onSelect={(_keys, info) => {
          const id = String(info.node.key).split('/').pop()!;
          const n = byId.get(id);
          if (n && id !== result.rootId && opener.canOpen(n)) opener.open(n);
        }}
      />
      {(built.cut || result.truncated) && <Typography.Text type="warning">{t('chain.truncated')}</Typography.Text>}
    </div>
  );
}

function NodeTitle({ node: n, edgeKind, edgeQuantity }: { node: TraceNode; edgeKind: string | null; edgeQuantity: number | null }) {
  const { t } = useI18n();
  return (
    <span className="tn-t-tree-node" data-testid="chain-tree-node">
      {edgeKind && (
        <Tag color={EDGE_COLOR[edgeKind]} variant="outlined">
          {label(t, 'edgeKind', edgeKind)}
          {edgeQuantity !== null ? ` ${amount(edgeQuantity)}` : ''}
        </Tag>
      )}
      <Typography.Text strong>{n.productName}</Typography.Text>
      <Tag color={SOURCE_COLOR[n.source]}>{label(t, 'source', n.source)}</Tag>
      <span className="tn-t-code">{n.code}</span>
      <Typography.Text type="secondary">
        {n.holder.name}
        {n.holder.countyName ? ` · ${n.holder.countyName}` : ''} · {amount(n.quantity)} {label(t, 'unit', n.unit)} · {formatDate(n.harvestDate ?? n.createdAt)}
      </Typography.Text>
    </span>
  );
}

/** The chain as the FDA's FSMA 204 spreadsheet: an exporter answers a request of the US FDA with one click. */
function FsmaButton({ batchId, code }: { batchId: string; code: string }) {
  const { t } = useI18n();
  const { busy, run } = useAction();
  const download = async () => {
    await run(async () => {
      saveBlob(await traceApi.fsma204(batchId, 'xlsx'), t('chain.fsmaFile', { code }));
    });
  };
  return (
    <Tooltip title={t('chain.fsmaHint')}>
      <Button size="small" icon={<FileExcelOutlined />} loading={busy} onClick={() => void download()} data-testid="chain-fsma">
        {t('chain.fsma')}
      </Button>
    </Tooltip>
  );
}
