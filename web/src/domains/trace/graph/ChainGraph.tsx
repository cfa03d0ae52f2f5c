import { Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../app/i18n';
import type { ChainOpener } from './chain-opener';
import { clip, NODE_H, NODE_W, textWidth, type ChainLayout } from './chain-layout';
import { amount, EDGE_COLOR, label } from '../trace-labels';

/** The chain as a layered SVG graph: sources on the left, the batch highlighted, buyers on the right. */
export function ChainGraph({ layout, opener }: { layout: ChainLayout; /** which batches a click opens, and how */ opener: ChainOpener }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  // A wide chain scrolls inside its box: start with the batch itself in the middle of it.
  useEffect(() => {
    const root = layout.nodes.find((n) => n.root);
    const element = box.current;
    if (root && element) element.scrollLeft = Math.max(0, root.x + NODE_W / 2 - element.clientWidth / 2);
  }, [layout]);
  return (
    <div className="tn-t-graph" data-testid="chain-graph" ref={box}>
      <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={t('chain.graph')}>
        <defs>
          {Object.entries(EDGE_COLOR).map(([kind, color]) => (
            <marker key={kind} id={`tn-arrow-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />
            </marker>
          ))}
        </defs>
        {layout.edges.map((e) => (
          <g key={`${e.from}-${e.to}-${e.kind}`}>
            <path d={e.path} fill="none" stroke={EDGE_COLOR[e.kind] ?? '#8c8c8c'} strokeWidth={1.6} markerEnd={`url(#tn-arrow-${EDGE_COLOR[e.kind] ? e.kind : 'trade'})`} />
            <text x={e.mid.x} y={e.mid.y - 5} textAnchor="middle" fontSize={11} fill={EDGE_COLOR[e.kind] ?? '#595959'} paintOrder="stroke" stroke="#fcfcfc" strokeWidth={3}>
              {`${label(t, 'edgeKind', e.kind)} ${amount(e.quantity)}`}
            </text>
          </g>
        ))}
        {layout.nodes.map((n) => {
          const amountText = `${amount(n.quantity)}${label(t, 'unit', n.unit)}`;
          const openable = !n.root && opener.canOpen(n);
          return (
            <g
              key={n.id}
              transform={`translate(${n.x}, ${n.y})`}
              className={openable ? 'tn-t-node tn-t-node-open' : 'tn-t-node'}
              onClick={openable ? () => opener.open(n) : undefined}
              data-testid="chain-node"
            >
              <title>{`${n.productName} · ${n.code} · ${n.holder.name}`}</title>
              <rect width={NODE_W} height={NODE_H} rx={8} fill={n.root ? '#f6ffed' : '#fff'} stroke={n.root ? '#389e0d' : openable ? '#95de64' : '#d9d9d9'} strokeWidth={n.root ? 2 : 1} />
              <text x={NODE_W - 10} y={19} fontSize={12} textAnchor="end" fill="#389e0d">
                {amountText}
              </text>
              <text x={10} y={19} fontSize={13} fontWeight={600} fill="#262626">
                {clip(`${n.productName} · ${label(t, 'source', n.source)}`, NODE_W - 28 - textWidth(amountText, 12), 13)}
              </text>
              <text x={10} y={37} fontSize={11} fill="#595959" fontFamily="ui-monospace, Menlo, Consolas, monospace">
                {n.code}
              </text>
              <text x={10} y={56} fontSize={12} fill="#595959">
                {clip(`${n.holder.name}${n.holder.countyName ? ` · ${n.holder.countyName}` : ''}`, NODE_W - 20, 12)}
              </text>
            </g>
          );
        })}
      </svg>
      {layout.truncated && <Typography.Text type="warning">{t('chain.truncated')}</Typography.Text>}
    </div>
  );
}
