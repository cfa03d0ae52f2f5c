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
import { supervisionApi } from './supervision.api';
import type { Inspection } from './supervision.types';

/** 巡查记录: inspections of my jurisdiction, newest first, and the Excel export of a period. */
export default function InspectionsPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const fetchPage = useMemo(() => (cursor?: string) => supervisionApi.inspections({ cursor }), []);
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
