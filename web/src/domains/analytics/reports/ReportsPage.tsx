import { FileExcelOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { saveBlob } from '../../../app/api';
import { useMe } from '../../../app/auth';
import { CursorTable } from '../../../app/CursorTable';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState, LoadError } from '../../../app/LoadError';
import { RefreshButton } from '../../../app/RefreshButton';
import { useCursorList } from '../../../app/use-cursor-list';
import { recentMonths } from '../months';
import { useLoaded } from '../../../shared/use-loaded';
import { DOCUMENT_KINDS, REPORT_KINDS, reportsApi, type DocumentUpload, type Report, type ReportDetail, type ReportDocument, type ReportKind } from './reports.api';

const STATUS_COLOR = { draft: 'default', submitted: 'blue', acknowledged: 'green' } as const;

/** Half years that have begun, newest first (`2026-H2`). */
function recentHalves(months: string[]): string[] {
  return [...new Set(months.map((m) => `${m.slice(0, 4)}-H${Number(m.slice(5, 7)) <= 6 ? 1 : 2}`))];
}

function ReportDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const load = useCallback(() => (id ? reportsApi.detail(id) : Promise.resolve(null)), [id]);
  const { data, error, retry } = useLoaded<ReportDetail | null>(load);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (what: string, job: () => Promise<void>) => {
    setBusy(what);
    try {
      await job();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  const name = data ? t('report.file', { agency: data.agencyName, period: data.period, kind: t(`report.kind.${data.kind}`), version: data.version }) : '';
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={data ? name : t('report.detail')} destroyOnHidden>
      {error ? (
        <LoadError error={error} onRetry={retry} />
      ) : (
        data && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-detail">
            <Space wrap>
              <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void run('xlsx', async () => saveBlob(await reportsApi.xlsx(data.id), `${name}.xlsx`))} data-testid="report-xlsx">
                {t('report.xlsx')}
              </Button>
              <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void run('pdf', async () => saveBlob(await reportsApi.pdf(data.id), `${name}.pdf`))} data-testid="report-pdf">
                {t('periodic.pdf')}
              </Button>
              {data.status === 'draft' && me.can('report.write') && (
                <Button
                  type="primary"
                  loading={busy === 'submit'}
                  data-testid="report-submit"
                  onClick={() =>
                    void run('submit', async () => {
                      await reportsApi.submit(data.id);
                      void message.success(t('report.submitted'));
                      retry();
                      onChanged();
                    })
                  }
                >
                  {t('report.submit')}
                </Button>
              )}
              {data.status === 'submitted' && me.can('report.acknowledge') && (
                <Button
                  type="primary"
                  loading={busy === 'ack'}
                  data-testid="report-ack"
                  onClick={() =>
                    void run('ack', async () => {
                      await reportsApi.acknowledge(data.id);
                      void message.success(t('report.acknowledged'));
                      retry();
                      onChanged();
                    })
                  }
                >
                  {t('report.acknowledge')}
                </Button>
              )}
            </Space>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('report.period')}>{t('report.range', { from: data.content.firstDay, to: data.content.lastDay })}</Descriptions.Item>
              <Descriptions.Item label={t('report.statusLabel')}>
                <Tag color={STATUS_COLOR[data.status]}>{t(`report.status.${data.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('report.generatedAt')}>{formatTime(data.generatedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('report.submittedAt')}>{formatTime(data.submittedAt)}</Descriptions.Item>
            </Descriptions>
            {data.content.sections.map((s) => (
              <Card key={s.key} size="small" title={t(`report.section.${s.key}`)}>
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  showHeader={false}
                  dataSource={s.figures}
                  columns={[
                    { key: 'k', render: (_, f) => t(`report.figure.${f.key}` as Parameters<typeof t>[0]) },
                    { key: 'v', dataIndex: 'value', align: 'right', width: 120 },
                  ]}
                />
              </Card>
            ))}
          </Space>
        )
      )}
    </Drawer>
  );
}

function PeriodicReports() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const months = useMemo(() => recentMonths(), []);
  const [kind, setKind] = useState<ReportKind>('monthly');
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const fetchPage = useMemo(() => (cursor?: string) => reportsApi.list(cursor), []);
  const list = useCursorList(fetchPage, useCallback(() => undefined, []));
  const periods = kind === 'monthly' ? months : recentHalves(months);

  const generate = async () => {
    if (!period) return;
    setBusy(true);
    try {
      const r = await reportsApi.generate({ kind, period }, crypto.randomUUID());
      void message.success(t('report.generated', { version: r.version }));
      void list.reload();
      setOpen(r.id);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {me.can('report.write') && (
        <div className="tn-filters">
          <Select value={kind} onChange={(k) => { setKind(k); setPeriod(undefined); }} options={REPORT_KINDS.map((k) => ({ value: k, label: t(`report.kind.${k}`) }))} style={{ width: 160 }} data-testid="report-kind" />
          <Select value={period} onChange={setPeriod} placeholder={t('report.choosePeriod')} options={periods.map((p) => ({ value: p, label: p }))} style={{ width: 130 }} data-testid="report-period" />
          <Button type="primary" disabled={!period} loading={busy} onClick={() => void generate()} data-testid="report-generate">
            {t('report.generate')}
          </Button>
          <RefreshButton list={list} />
        </div>
      )}
      <CursorTable<Report>
        list={list}
        size="small"
        scroll={{ x: 760 }}
        locale={{ emptyText: <EmptyState description={t('report.empty')} /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        data-testid="report-list"
        columns={[
          { title: t('report.agency'), dataIndex: 'agencyName', className: 'tn-nowrap' },
          { title: t('report.kindLabel'), dataIndex: 'kind', render: (k: ReportKind) => t(`report.kind.${k}`) },
          { title: t('report.period'), dataIndex: 'period', className: 'tn-nowrap' },
          { title: t('periodic.version'), dataIndex: 'version', render: (v: number, r: Report) => (r.scheduled ? t('report.versionScheduled', { v }) : t('report.versionN', { v })) },
          { title: t('report.statusLabel'), dataIndex: 'status', render: (s: Report['status']) => <Tag color={STATUS_COLOR[s]}>{t(`report.status.${s}`)}</Tag> },
          { title: t('report.generatedAt'), dataIndex: 'generatedAt', className: 'tn-nowrap', render: formatTime },
          { title: t('report.submittedAt'), dataIndex: 'submittedAt', className: 'tn-nowrap', render: formatTime },
        ]}
      />
      <ReportDrawer id={open} onClose={() => setOpen(null)} onChanged={() => void list.reload()} />
    </>
  );
}

function Documents() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<{ kind?: (typeof DOCUMENT_KINDS)[number]; title: string; note?: string }>();
  const [files, setFiles] = useState<DocumentUpload[]>([]);
  const [writing, setWriting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const fetchPage = useMemo(() => (cursor?: string) => reportsApi.documents(cursor), []);
  const list = useCursorList(fetchPage, useCallback(() => undefined, []));

  const submit = async () => {
    const v = await form.validateFields();
    if (files.length === 0) {
      void message.error(t('doc.attachmentRequired'));
      return;
    }
    setBusy(true);
    try {
      await reportsApi.submitDocument({ kind: v.kind!, title: v.title, note: v.note || undefined, attachments: files.map((f) => f.fileId) }, key);
      void message.success(t('doc.submitted'));
      setWriting(false);
      setFiles([]);
      setKey(crypto.randomUUID());
      form.resetFields();
      void list.reload();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="tn-filters">
        {me.can('report.write') && (
          <Button type="primary" onClick={() => setWriting(true)} data-testid="doc-new">
            {t('doc.new')}
          </Button>
        )}
        <RefreshButton list={list} />
      </div>
      <CursorTable<ReportDocument>
        list={list}
        size="small"
        scroll={{ x: 760 }}
        locale={{ emptyText: <EmptyState description={t('doc.empty')} /> }}
        columns={[
          { title: t('report.agency'), dataIndex: 'agencyName', className: 'tn-nowrap' },
          { title: t('doc.kind'), dataIndex: 'kind', render: (k: ReportDocument['kind']) => t(`doc.kind.${k}`) },
          { title: t('doc.title'), dataIndex: 'title' },
          {
            title: t('doc.attachments'),
            key: 'files',
            render: (_: unknown, d: ReportDocument) => (
              <Space orientation="vertical" size={0}>
                {d.attachments.map((f) => (
                  <a key={f.id} href={reportsApi.attachmentUrl(d.id, f.id)} target="_blank" rel="noreferrer">
                    {f.name}
                  </a>
                ))}
              </Space>
            ),
          },
          { title: t('doc.submitter'), dataIndex: 'submitterName', className: 'tn-nowrap' },
          { title: t('report.submittedAt'), dataIndex: 'submittedAt', className: 'tn-nowrap', render: formatTime },
        ]}
      />
      <Modal open={writing} title={t('doc.new')} okText={t('doc.submit')} confirmLoading={busy} onOk={() => void submit()} onCancel={() => setWriting(false)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label={t('doc.kind')} rules={[{ required: true, message: t('doc.kindRequired') }]}>
            <Select options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`doc.kind.${k}`) }))} data-testid="doc-kind" />
          </Form.Item>
          <Form.Item name="title" label={t('doc.title')} rules={[{ required: true, message: t('doc.titleRequired') }, { min: 2, max: 120 }]}>
            <Input data-testid="doc-title" />
          </Form.Item>
          <Form.Item name="note" label={t('doc.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Upload
            multiple
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              const f = file as File;
              reportsApi.upload(f, f.name).then(
                (saved) => {
                  setFiles((l) => [...l, saved]);
                  onSuccess?.(saved);
                },
                (err: unknown) => {
                  void message.error(errorText(err));
                  onError?.(err as Error);
                },
              );
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="doc-upload">
              {t('doc.upload')}
            </Button>
          </Upload>
          <ul>
            {files.map((f) => (
              <li key={f.fileId}>{f.name}</li>
            ))}
          </ul>
        </Form>
      </Modal>
    </>
  );
}

function Submissions() {
  const { t } = useI18n();
  const load = useCallback(() => reportsApi.submissions(), []);
  const { data, error, loading, retry } = useLoaded(load);
  if (error) return <LoadError error={error} onRetry={retry} />;
  type Row = NonNullable<typeof data>['items'][number];
  const sub = (s: Row['monthly']) => (s ? t('sub.cell', { period: s.period, version: s.version, at: formatTime(s.submittedAt), state: s.acknowledged ? t('report.status.acknowledged') : t('report.status.submitted') }) : t('sub.none'));
  return (
    <Table<Row>
      rowKey="regionCode"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={data?.items ?? []}
      scroll={{ x: 760 }}
      data-testid="submissions"
      locale={{ emptyText: <EmptyState description={t('sub.empty')} /> }}
      columns={[
        { title: t('report.agency'), dataIndex: 'agencyName' },
        { title: t('report.kind.monthly'), key: 'm', render: (_, r) => sub(r.monthly) },
        { title: t('report.kind.half_year'), key: 'h', render: (_, r) => sub(r.halfYear) },
        { title: t('sub.documents'), key: 'd', render: (_, r) => (r.documents ? t('sub.docs', { n: r.documents, at: formatTime(r.lastDocumentAt) }) : t('sub.none')) },
      ]}
    />
  );
}

/** 信息调度: periodic reports (generated, downloaded, submitted, acknowledged) and documents to the ministry. */
export default function ReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'periodic';
  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('periodic.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('report.hint')}</Typography.Text>
      </div>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'periodic', label: t('report.tabPeriodic'), children: <PeriodicReports /> },
            { key: 'documents', label: t('report.tabDocuments'), children: <Documents /> },
            ...(me.can('report.acknowledge') ? [{ key: 'submissions', label: t('report.tabSubmissions'), children: <Submissions /> }] : []),
          ]}
        />
      </Card>
    </div>
  );
}
