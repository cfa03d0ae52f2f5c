import { Card, Segmented, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { useAgencyMe } from '../../../app/auth';
import { CursorTable } from '../../../app/CursorTable';
import { formatDate, formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { actionLabel } from '../../../app/labels';
import { ListTotalText } from '../../../app/ListTools';
import type { MessageKey } from '../../../app/messages.zh';
import type { Page } from '../../../app/contract';
import type { ChangeRequest } from './subject.types';
import type { Base, Batch, Product, Trade } from '../../trace/trace.types';
import { useCursorList } from '../../../app/use-cursor-list';
import { subjectFileApi, type FileCase, type FileHistoryEntry, type FileInspection, type FileSample } from './subject-file.api';

/**
 * 主体档案 (一户一档) below a subject's registration, certificates and bad-conduct records: its bases, products,
 * batches, trades, inspections, samples, cases and changes, a tab each. A tab reads its part when first opened and
 * on its own: a part that fails shows its error and 重试, the others are unaffected. Parts the official's role may
 * not read are not offered.
 */
export function SubjectFile({ subjectId }: { subjectId: string }) {
  const me = useAgencyMe();
  const { t } = useI18n();
  const tabs = [
    { key: 'bases', label: t('file.bases'), children: <BasesPart subjectId={subjectId} /> },
    { key: 'products', label: t('file.products'), children: <ProductsPart subjectId={subjectId} /> },
    { key: 'batches', label: t('file.batches'), children: <BatchesPart subjectId={subjectId} /> },
    { key: 'trades', label: t('file.trades'), children: <TradesPart subjectId={subjectId} /> },
    me.can('supervision.read') && { key: 'inspections', label: t('file.inspections'), children: <InspectionsPart subjectId={subjectId} /> },
    me.can('monitoring.read') && { key: 'samples', label: t('file.samples'), children: <SamplesPart subjectId={subjectId} /> },
    me.can('enforcement.read') && { key: 'cases', label: t('file.cases'), children: <CasesPart subjectId={subjectId} /> },
    { key: 'changes', label: t('file.changes'), children: <ChangesPart subjectId={subjectId} canSeeRequests={me.can('subject.approve')} /> },
  ].filter((x): x is { key: string; label: string; children: React.JSX.Element } => Boolean(x));
  return (
    <Card title={t('file.title')} data-testid="subject-file">
      <Typography.Paragraph type="secondary">{t('file.desc')}</Typography.Paragraph>
      <Tabs items={tabs} destroyOnHidden={false} />
    </Card>
  );
}

/** One part: its own paged read, shown as a table with its total (when the server counts it) and its own error. */
function Part<T extends { id: string | number }>({ fetch, columns, testId }: { fetch: (cursor?: string) => Promise<Page<T>>; columns: ColumnsType<T>; testId: string }) {
  const { errorText } = useI18n();
  // The part shows its error inline (LoadError in CursorTable); no toast for each tab besides.
  const quiet = useCallback((err: unknown) => void errorText(err), [errorText]);
  const list = useCursorList(fetch, quiet);
  return (
    <div data-testid={testId}>
      <div style={{ marginBottom: 8 }}>
        <ListTotalText total={list.total} />
      </div>
      <CursorTable<T> list={list} columns={columns} size="small" scroll={{ x: 640 }} />
    </div>
  );
}

function useWord() {
  const { t } = useI18n();
  // A value in words; an unknown value is shown as it is rather than as a message key.
  return (family: string, value: string) => {
    const key = `${family}.${value}` as MessageKey;
    const text = t(key);
    return text === key ? value : text;
  };
}

function BasesPart({ subjectId }: { subjectId: string }) {
  const { t } = useI18n();
  const fetch = useMemo(() => (cursor?: string) => subjectFileApi.bases(subjectId, cursor), [subjectId]);
  return (
    <Part<Base>
      testId="file-bases"
      fetch={fetch}
      columns={[
        { title: t('file.bases'), dataIndex: 'name' },
        { title: t('file.address'), dataIndex: 'address' },
        { title: t('file.area'), key: 'area', render: (_v, b) => (b.area === null ? '—' : `${b.area} ${b.areaUnit ?? ''}`) },
        { title: t('subjects.registeredAt'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatDate },
      ]}
    />
  );
}

function ProductsPart({ subjectId }: { subjectId: string }) {
  const { t } = useI18n();
  const word = useWord();
  const fetch = useMemo(() => (cursor?: string) => subjectFileApi.products(subjectId, cursor), [subjectId]);
  return (
    <Part<Product>
      testId="file-products"
      fetch={fetch}
      columns={[
        { title: t('file.products'), dataIndex: 'name' },
        { title: t('file.class'), dataIndex: 'className' },
        { title: t('file.spec'), key: 'spec', render: (_v, p) => `${p.spec} · ${word('unit', p.unit)}` },
        { title: t('subjects.registeredAt'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatDate },
      ]}
    />
  );
}

function BatchesPart({ subjectId }: { subjectId: string }) {
  const { t } = useI18n();
  const word = useWord();
  const fetch = useMemo(() => (cursor?: string) => subjectFileApi.batches(subjectId, cursor), [subjectId]);
  return (
    <Part<Batch>
      testId="file-batches"
      fetch={fetch}
      columns={[
        { title: t('file.batches'), dataIndex: 'code', className: 'tn-nowrap', render: (v: string) => <span className="tn-code">{v}</span> },
        { title: t('file.products'), dataIndex: 'productName' },
        { title: t('batchList.source'), dataIndex: 'source', render: (v: string) => word('source', v) },
        { title: t('file.status'), dataIndex: 'status', render: (v: string) => <Tag>{word('batchStatus', v)}</Tag> },
        { title: t('file.at'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
      ]}
    />
  );
}

function TradesPart({ subjectId }: { subjectId: string }) {
  const { t } = useI18n();
  const word = useWord();
  const [direction, setDirection] = useState<'incoming' | 'outgoing'>('outgoing');
  const fetch = useMemo(() => (cursor?: string) => subjectFileApi.trades(subjectId, direction, cursor), [subjectId, direction]);
  return (
    <>
      <Segmented<'incoming' | 'outgoing'>
        value={direction}
        onChange={setDirection}
        options={[
          { value: 'outgoing', label: t('file.sales') },
          { value: 'incoming', label: t('file.purchases') },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Part<Trade>
        key={direction}
        testId="file-trades"
        fetch={fetch}
        columns={[
          { title: t('file.batches'), dataIndex: 'batchCode', className: 'tn-nowrap', render: (v: string) => <span className="tn-code">{v}</span> },
          { title: t('file.products'), dataIndex: 'productName' },
          { title: t('file.counterparty'), key: 'other', render: (_v, x) => (direction === 'outgoing' ? x.buyer.name : x.seller.name) },
          { title: t('file.status'), dataIndex: 'status', render: (v: string) => <Tag>{word('tradeStatus', v)}</Tag> },
          { title: t('file.at'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
        ]}
      />
    </>
  );
}

function InspectionsPart({ subjectId }: { subjectId: string }) {
  const { t } = useI18n();
  const word = useWord();
  const fetch = useMemo(() => (cursor?: string) => subjectFileApi.inspections(subjectId, cursor), [subjectId]);
  return (
    <Part<FileInspection>
      testId="file-inspections"
      fetch={fetch}
      columns={[
        { title: t('file.at'), dataIndex: 'inspectedAt', className: 'tn-nowrap', render: formatTime },
        { title: t('audit.agency'), key: 'by', render: (_v, x) => `${x.agencyName} · ${x.inspectorName}` },
        { title: t('file.conclusion'), dataIndex: 'conclusion', render: (v: string) => <Tag color={v === 'problem' ? 'orange' : 'green'}>{word('inspect', v)}</Tag> },
        { title: t('file.rectification'), dataIndex: 'rectification', render: (v: string) => (v === 'none' ? '—' : word('inspections.rectification', v)) },
      ]}
    />
  );
}

function SamplesPart({ subjectId }: { subjectId: string }) {
  const { t } = useI18n();
  const word = useWord();
  const fetch = useMemo(() => (cursor?: string) => subjectFileApi.samples(subjectId, cursor), [subjectId]);
  return (
    <Part<FileSample>
      testId="file-samples"
      fetch={fetch}
      columns={[
        { title: t('file.sampleNo'), dataIndex: 'sampleNo', className: 'tn-nowrap' },
        { title: t('file.products'), dataIndex: 'productName' },
        { title: t('file.status'), dataIndex: 'status', render: (v: string) => word('sampleStatus', v) },
        { title: t('file.verdict'), dataIndex: 'verdict', render: (v: string | null) => (v ? <Tag color={v === 'fail' ? 'red' : v === 'pass' ? 'green' : 'default'}>{word('verdict', v)}</Tag> : '—') },
        { title: t('file.at'), dataIndex: 'sampledAt', className: 'tn-nowrap', render: formatTime },
      ]}
    />
  );
}

function CasesPart({ subjectId }: { subjectId: string }) {
  const { t } = useI18n();
  const word = useWord();
  const fetch = useMemo(() => (cursor?: string) => subjectFileApi.cases(subjectId, cursor), [subjectId]);
  return (
    <Part<FileCase>
      testId="file-cases"
      fetch={fetch}
      columns={[
        { title: t('file.caseNo'), dataIndex: 'caseNo', className: 'tn-nowrap' },
        { title: t('file.cases'), dataIndex: 'title' },
        { title: t('audit.agency'), dataIndex: 'agencyName' },
        { title: t('file.stage'), dataIndex: 'stage', render: (v: string) => <Tag>{word('cases.stage', v)}</Tag> },
        { title: t('file.at'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
      ]}
    />
  );
}

function ChangesPart({ subjectId, canSeeRequests }: { subjectId: string; canSeeRequests: boolean }) {
  const { t } = useI18n();
  const word = useWord();
  const history = useMemo(() => (cursor?: string) => subjectFileApi.history(subjectId, cursor), [subjectId]);
  const requests = useMemo(() => (cursor?: string) => subjectFileApi.changeRequests(subjectId, cursor), [subjectId]);
  return (
    <>
      {canSeeRequests && (
        <>
          <Typography.Title level={5}>{t('file.changeRequests')}</Typography.Title>
          <Part<ChangeRequest>
            testId="file-change-requests"
            fetch={requests}
            columns={[
              { title: t('file.at'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
              { title: t('file.changed'), key: 'fields', render: (_v, c) => Object.keys(c.after).map((k) => word('profile', k)).join('、') },
              { title: t('file.status'), dataIndex: 'status', render: (v: string) => <Tag>{word('changeStatus', v)}</Tag> },
            ]}
          />
        </>
      )}
      <Typography.Title level={5}>{t('file.history')}</Typography.Title>
      <Part<FileHistoryEntry>
        testId="file-history"
        fetch={history}
        columns={[
          { title: t('file.at'), dataIndex: 'at', className: 'tn-nowrap', render: formatTime },
          { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag color="geekblue">{actionLabel(t, v)}</Tag> },
          { title: t('file.operator'), dataIndex: 'actorName', render: (v: string | null) => v ?? t('audit.system') },
          { title: t('audit.agency'), dataIndex: 'actorAffiliation', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
