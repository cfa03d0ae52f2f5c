import { PlusOutlined } from '@ant-design/icons';
import { Card, Select, Space, Tag, Typography, Button } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { CursorTable } from '../../app/CursorTable';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { RefreshButton } from '../../app/RefreshButton';
import { useCursorList } from '../../app/use-cursor-list';
import { RegionName } from '../../shared/RegionName';
import { Countdown } from './Countdown';
import { INCIDENT_STATES, incidentsApi, LEVEL_COLOR, STATE_COLOR, type IncidentLevel, type IncidentState, type IncidentSummary } from './incidents.api';
import { LiaisonCard, LiaisonsList, NoticesCard } from './IncidentLiaison';
import { ReportIncidentModal } from './ReportIncidentModal';

/** 应急响应: the incidents I may see, with level, state and the countdown; operations reports here, provinces read. */
export default function IncidentsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [state, setState] = useState<IncidentState | undefined>();
  const [level, setLevel] = useState<number | undefined>();
  const [reporting, setReporting] = useState(false);
  const fetchPage = useMemo(() => (cursor?: string) => incidentsApi.list({ state, level }, cursor), [state, level]);
  const list = useCursorList(
    fetchPage,
    useCallback(() => undefined, []),
  );
  const operations = me.can('incident.report');

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('incident.title')}</Typography.Title>
        <Typography.Text type="secondary">{t(operations ? 'incident.hint' : 'incident.provinceHint')}</Typography.Text>
      </div>
      {me.can('incident.liaison') && <LiaisonCard />}
      <NoticesCard />
      <Card>
        <div className="tn-filters">
          <Select allowClear placeholder={t('incident.state')} value={state} onChange={setState} style={{ minWidth: 120 }} options={INCIDENT_STATES.map((s) => ({ value: s, label: t(`incident.state.${s}`) }))} data-testid="incident-filter-state" />
          <Select allowClear placeholder={t('incident.level')} value={level} onChange={setLevel} style={{ minWidth: 120 }} options={([1, 2, 3] as const).map((l) => ({ value: l, label: t(`incident.level.${l}`) }))} data-testid="incident-filter-level" />
          <RefreshButton list={list} />
          {operations && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)} data-testid="incident-report">
              {t('incident.report')}
            </Button>
          )}
        </div>
        <CursorTable<IncidentSummary>
          list={list}
          size="small"
          rowKey="id"
          onRow={(r) => ({ onClick: () => navigate(`/ops/incidents/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('incident.no'), dataIndex: 'no', className: 'tn-nowrap' },
            { title: t('incident.level'), dataIndex: 'level', className: 'tn-nowrap', render: (l: IncidentLevel) => <Tag color={LEVEL_COLOR[l]}>{t(`incident.level.${l}`)}</Tag> },
            { title: t('incident.state'), dataIndex: 'state', className: 'tn-nowrap', render: (s: IncidentState) => <Tag color={STATE_COLOR[s]}>{t(`incident.state.${s}`)}</Tag> },
            { title: t('incident.occurredAt'), dataIndex: 'occurredAt', className: 'tn-nowrap', render: formatTime },
            { title: t('incident.phenomenon'), dataIndex: 'phenomenon', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 260 }}>{v}</Typography.Text> },
            {
              title: t('incident.provinces'),
              dataIndex: 'provinces',
              render: (p: string[]) =>
                p.length ? (
                  <Space size={4} wrap>
                    {p.map((c) => (
                      <RegionName key={c} code={c} />
                    ))}
                  </Space>
                ) : (
                  t('incident.national')
                ),
            },
            { title: t('incident.countdown'), key: 'countdown', className: 'tn-nowrap', render: (_v, r) => <Countdown incident={r} /> },
          ]}
        />
      </Card>
      {operations && <LiaisonsList />}
      <ReportIncidentModal open={reporting} onClose={() => setReporting(false)} onReported={(id) => navigate(`/ops/incidents/${id}`)} />
    </div>
  );
}
