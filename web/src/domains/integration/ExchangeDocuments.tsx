import { Card, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { CursorTable } from '../../app/CursorTable';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { RefreshButton } from '../../app/RefreshButton';
import { useCursorList } from '../../app/use-cursor-list';
import { DOCUMENT_STATES, ITEM_KINDS } from '../../../../src/domains/integration/inbound/inbound.shared';
import { exchangeApi, type DocumentState, type ExchangeDocument, type ExchangeItemProblem, type ItemKind } from './exchange.api';

const STATE_COLOR: Record<DocumentState, string> = { queued: 'blue', applied: 'green', refused: 'red' };

/** 数据交换: the documents a provincial platform pushed, their state, and for a refused one the report of each bad item. */
export function ExchangeDocuments({ clientId }: { clientId: string }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<DocumentState | undefined>(undefined);
  const fetchPage = useMemo(() => (cursor?: string) => exchangeApi.documents(clientId, state, cursor), [clientId, state]);
  const onError = useCallback(() => undefined, []);
  const list = useCursorList(fetchPage, onError);
  const counts = (d: ExchangeDocument) =>
    ITEM_KINDS.filter((k) => d.counts[k])
      .map((k) => t('exchange.count', { kind: t(`exchange.kind.${k}`), n: d.counts[k]! }))
      .join(t('exchange.listSeparator'));

  return (
    <Card title={t('exchange.documents')} style={{ marginBottom: 16 }} data-testid="exchange-documents">
      <Typography.Paragraph type="secondary">{t('exchange.hint')}</Typography.Paragraph>
      <div className="tn-filters">
        <Select<DocumentState | ''>
          style={{ width: 160 }}
          value={state ?? ''}
          onChange={(v) => setState(v === '' ? undefined : v)}
          options={[{ value: '', label: t('exchange.allStates') }, ...DOCUMENT_STATES.map((s) => ({ value: s, label: t(`exchange.state.${s}`) }))]}
          data-testid="exchange-state-filter"
        />
        <RefreshButton list={list} />
      </div>
      <CursorTable<ExchangeDocument>
        list={list}
        size="small"
        locale={{ emptyText: t('exchange.empty') }}
        expandable={{
          rowExpandable: (d) => d.errors.length > 0,
          expandedRowRender: (d) => (
            <div>
              {d.errorCount > d.errors.length && <Typography.Paragraph type="secondary">{t('exchange.moreProblems', { shown: d.errors.length, total: d.errorCount })}</Typography.Paragraph>}
              <Table<ExchangeItemProblem>
                rowKey={(p) => `${p.kind}-${p.index}-${p.code}-${p.field ?? ''}`}
                size="small"
                pagination={d.errors.length > 20 ? { pageSize: 20 } : false}
                dataSource={d.errors}
                columns={[
                  { title: t('exchange.itemKind'), dataIndex: 'kind', render: (k: ItemKind) => t(`exchange.kind.${k}`) },
                  { title: t('exchange.itemNo'), dataIndex: 'index', render: (i: number) => i + 1 },
                  { title: t('exchange.itemId'), dataIndex: 'id', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
                  { title: t('exchange.problem'), key: 'message', render: (_v, p) => p.message[lang] },
                ]}
              />
            </div>
          ),
        }}
        columns={[
          { title: t('exchange.receivedAt'), dataIndex: 'receivedAt', className: 'tn-nowrap', render: formatTime },
          { title: t('exchange.documentId'), dataIndex: 'documentId', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('exchange.items'), key: 'items', render: (_v, d) => counts(d) },
          { title: t('exchange.stateTitle'), dataIndex: 'state', render: (s: DocumentState) => <Tag color={STATE_COLOR[s]}>{t(`exchange.state.${s}`)}</Tag> },
          {
            title: t('exchange.outcome'),
            key: 'outcome',
            render: (_v, d) =>
              d.state === 'applied'
                ? t('exchange.appliedCounts', { applied: d.appliedCount, unchanged: d.unchangedCount })
                : d.state === 'refused'
                  ? t('exchange.refusedCount', { n: d.errorCount })
                  : t('exchange.waiting'),
          },
          { title: t('exchange.finishedAt'), dataIndex: 'finishedAt', className: 'tn-nowrap', render: (v: string | null) => (v ? formatTime(v) : '—') },
        ]}
      />
    </Card>
  );
}
