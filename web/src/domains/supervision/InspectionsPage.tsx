import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { saveBlob } from '../../app/api';
import { CursorTable } from '../../app/CursorTable';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useCursorList } from '../../app/use-cursor-list';
import { ListTotalText } from '../../app/ListTools';
import { ListScopeTags, useListScope } from '../../shared/ListScope';
import { useAddressFilters } from '../../shared/use-address-filters';
import { supervisionApi } from './supervision.api';
import type { Inspection } from './supervision.types';

const CONCLUSIONS = ['compliant', 'problem'] as const;
const RECTIFICATIONS = ['pending', 'overdue', 'done'] as const;
const oneOf = <T extends string>(v: string | null, of: readonly T[]): T | undefined => (v && (of as readonly string[]).includes(v) ? (v as T) : undefined);

/**
 * 巡查记录: inspections of my jurisdiction, newest first, and the Excel export of a period. A figure opens it with
 * `conclusion` or `rectification`, `region` and `from`/`to` in the address (with `periodOf=due` the days bound the
 * rectification's deadline, as the statistics count 整改); each shows as an active filter that can be removed.
 */
export default function InspectionsPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const [params, setFilters] = useAddressFilters();
  const conclusion = oneOf(params.get('conclusion'), CONCLUSIONS);
  const rectification = oneOf(params.get('rectification'), RECTIFICATIONS);
  const periodOf = params.get('periodOf') === 'due' ? ('due' as const) : undefined;
  const { scope, clear } = useListScope();
  const drop = (key: string) => setFilters({ [key]: undefined });
  const fetchPage = useMemo(
    () => (cursor?: string) => supervisionApi.inspections({ conclusion, rectification, ...scope, periodOf: scope.from || scope.to ? periodOf : undefined, cursor }),
    [conclusion, rectification, scope, periodOf],
  );
  const list = useCursorList(fetchPage, showError);

  const exportPeriod = async () => {
    const [from, to] = period.map((d) => d.format('YYYY-MM-DD')) as [string, string];
    try {
      saveBlob(await supervisionApi.inspectionsSheet(from, to), `巡查记录-${from}-${to}.xlsx`);
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('inspections.title')}</Typography.Title>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker value={period} onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])} allowClear={false} />
          <Button icon={<DownloadOutlined />} onClick={() => void exportPeriod()}>
            {t('inspections.export')}
          </Button>
          <RefreshButton list={list} />
          <ListTotalText total={list.total} />
        </Space>
        <Space wrap size={4} style={{ marginBottom: 12 }}>
          {conclusion && (
            <Tag closable color="blue" onClose={() => drop('conclusion')} data-testid="filter-conclusion">
              {t('inspect.conclusion')}
              {t('common.colon')}
              {t(conclusion === 'problem' ? 'inspect.problem' : 'inspect.compliant')}
            </Tag>
          )}
          {rectification && (
            <Tag closable color="blue" onClose={() => drop('rectification')} data-testid="filter-rectification">
              {t(`inspections.rectification.${rectification}`)}
            </Tag>
          )}
          <ListScopeTags scope={scope} clear={clear} periodLabel={periodOf ? t('scope.duePeriod') : undefined} />
        </Space>
        <CursorTable<Inspection>
          list={list}
          columns={[
            { title: t('inspect.past'), key: 'at', render: (_, i) => formatTime(i.inspectedAt) },
            { title: t('inspect.newName'), dataIndex: 'subjectName', key: 'subject' },
            { title: t('tasks.recipients'), key: 'agency', render: (_, i) => `${i.agencyName} · ${i.inspectorName}` },
            {
              title: t('inspect.conclusion'),
              key: 'conclusion',
              render: (_, i) => (
                <Space wrap size={4}>
                  <Tag color={i.conclusion === 'problem' ? 'red' : 'green'}>{t(i.conclusion === 'problem' ? 'inspect.problem' : 'inspect.compliant')}</Tag>
                  {i.rectification !== 'none' && <Tag color={i.rectification === 'overdue' ? 'red' : undefined}>{t(`inspections.rectification.${i.rectification}`)}</Tag>}
                  {i.transfer && <Tag color="orange">{t('inspect.transferred', { name: i.transfer.toAgencyName })}</Tag>}
                </Space>
              ),
            },
            { title: t('inspect.findings'), dataIndex: 'findings', key: 'findings' },
          ]}
        />
      </Card>
    </div>
  );
}
