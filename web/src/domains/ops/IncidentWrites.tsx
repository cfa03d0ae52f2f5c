import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useMe } from '../../app/auth';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import type { MessageKey } from '../../app/messages.zh';
import { RegionName } from '../../shared/RegionName';
import { incidentsApi, type Write } from './incidents.api';

const HOURS = [1, 2, 6, 12, 24, 72];

/** 后期恢复: the business writes from before the failure to the recovery, each marked once re-checked. */
export function IncidentWrites({ id }: { id: string }) {
  const allowed = useMe().can('incident.report');
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [hours, setHours] = useState(2);
  const [data, setData] = useState<{ items: Write[]; nextCursor: string | null; unchecked: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    if (!allowed) return;
    setError(null);
    try {
      setData(await incidentsApi.writes(id, hours));
    } catch (err) {
      setError(err);
    }
  }, [id, hours, allowed]);
  useEffect(() => void load(), [load]);
  if (!allowed) return null;
  const more = async () => {
    if (!data?.nextCursor) return;
    const next = await incidentsApi.writes(id, hours, data.nextCursor);
    setData({ ...next, items: [...data.items, ...next.items] });
  };
  const check = async (w: Write) => {
    try {
      await incidentsApi.check(id, w.auditId);
      await load();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Card
      title={t('incident.writes')}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('incident.writesHours')}</Typography.Text>
          <Select value={hours} onChange={setHours} options={HOURS.map((n) => ({ value: n, label: t('incident.writesHoursValue', { n }) }))} data-testid="incident-writes-hours" />
        </Space>
      }
      data-testid="incident-writes"
    >
      <Typography.Paragraph type="secondary">{t('incident.writesHint', { hours })}</Typography.Paragraph>
      {error ? (
        <LoadError error={error} onRetry={load} />
      ) : (
        <>
          {data && <Tag color={data.unchecked ? 'orange' : 'green'}>{t('incident.unchecked', { n: data.unchecked })}</Tag>}
          <Table<Write>
            size="small"
            rowKey="auditId"
            loading={!data}
            pagination={false}
            scroll={{ x: 720 }}
            dataSource={data?.items ?? []}
            columns={[
              { title: t('incident.write.at'), dataIndex: 'at', className: 'tn-nowrap', render: formatTime },
              { title: t('incident.write.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? '—' },
              { title: t('incident.write.action'), dataIndex: 'action', render: (a: string) => t(`action.${a}` as MessageKey) },
              { title: t('incident.write.region'), dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} /> },
              {
                title: t('incident.write.checked'),
                key: 'checked',
                render: (_v, w) =>
                  w.checkedAt ? (
                    <Typography.Text type="success">{t('incident.write.checkedBy', { name: w.checkedByName ?? '' })}</Typography.Text>
                  ) : (
                    <Button size="small" onClick={() => void check(w)} data-testid="incident-write-check">
                      {t('incident.write.check')}
                    </Button>
                  ),
              },
            ]}
          />
          {data?.nextCursor && <Button onClick={() => void more()}>{t('common.loadMore')}</Button>}
        </>
      )}
    </Card>
  );
}
