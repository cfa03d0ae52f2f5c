import { CameraOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { CursorTable } from '../../app/CursorTable';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useListPage } from '../../shared/use-list-page';
import { ListTotalText } from '../../app/ListTools';
import { ListScopeTags, useListScope } from '../../shared/ListScope';
import { useAddressFilters } from '../../shared/use-address-filters';
import { SampleStatusTag, VerdictTag } from './monitoring-labels';
import { TaskFilter } from './TaskFilter';
import { monitoringApi } from './monitoring.api';
import { SAMPLE_STATUSES, VERDICTS, type SampleListItem, type SampleStatus, type Verdict } from './monitoring.types';

/**
 * 样品: the samples of my jurisdiction, filtered by task, status and verdict (kept in the address); a figure adds
 * `region` and `from`/`to` (sampled on those days), shown as active filters.
 */
export default function SamplesPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setFilters] = useAddressFilters();
  const taskId = params.get('taskId') ?? undefined;
  const status = (params.get('status') as SampleStatus | null) ?? undefined;
  const verdict = (params.get('verdict') as Verdict | null) ?? undefined;
  const { scope, clear } = useListScope();
  const fetchPage = useMemo(() => (cursor?: string) => monitoringApi.samples({ taskId, status, verdict, ...scope, cursor }), [taskId, status, verdict, scope]);
  const list = useListPage(fetchPage);
  const filter = (name: string, value: string | undefined) => setFilters({ [name]: value });

  const columns: TableColumnsType<SampleListItem> = [
    { key: 'no', title: t('sample.no'), render: (_, s) => <Link to={`/monitoring/samples/${s.id}`}>{s.sampleNo}</Link>, width: 170 },
    { key: 'product', title: t('sample.product'), render: (_, s) => `${s.productName}（${s.classZh}）` },
    { key: 'subject', title: t('sample.subject'), render: (_, s) => s.subjectName ?? '—' },
    { key: 'place', title: t('sample.place'), render: (_, s) => s.placeName },
    { key: 'task', title: t('sample.task'), render: (_, s) => <Link to={`/monitoring/samples?taskId=${s.taskId}`}>{s.taskTitle}</Link> },
    { key: 'sampled', title: t('sample.sampler'), render: (_, s) => `${s.samplerName} · ${formatTime(s.sampledAt)}` },
    { key: 'status', title: t('sample.status'), render: (_, s) => <SampleStatusTag status={s.status} />, width: 90 },
    { key: 'verdict', title: t('result.verdict'), render: (_, s) => <VerdictTag verdict={s.verdict} />, width: 90 },
  ];

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('menu.samples')}</Typography.Title>
        {me.can('monitoring.sample') && (
          <Button type="primary" icon={<CameraOutlined />} onClick={() => navigate('/monitoring/sampling')}>
            {t('menu.sampling')}
          </Button>
        )}
      </div>
      <Card data-testid="samples-table">
        <Space wrap style={{ marginBottom: 12 }}>
          <TaskFilter value={taskId} onChange={(v) => filter('taskId', v)} />
          <Select allowClear placeholder={t('sample.status')} value={status} onChange={(v) => filter('status', v)} options={SAMPLE_STATUSES.map((s) => ({ value: s, label: t(`sampleStatus.${s}`) }))} style={{ width: 130 }} />
          <Select allowClear placeholder={t('result.verdict')} value={verdict} onChange={(v) => filter('verdict', v)} options={VERDICTS.map((v) => ({ value: v, label: t(`verdict.${v}`) }))} style={{ width: 130 }} />
          <ListScopeTags scope={scope} clear={clear} />
          <RefreshButton list={list} />
          <ListTotalText total={list.total} />
        </Space>
        <CursorTable<SampleListItem> list={list} columns={columns} onRow={(s) => ({ onDoubleClick: () => navigate(`/monitoring/samples/${s.id}`) })} />
      </Card>
    </div>
  );
}
