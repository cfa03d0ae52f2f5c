import { App, Button, Card, Descriptions, List, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/auth';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import { RegionName } from '../../shared/RegionName';
import { incidentsApi, LEVEL_COLOR, type IncidentLevel, type Liaison, type Notice } from './incidents.api';
import { useAction } from '../../shared/use-action';

/** 联络员: a province's supervision admin names one account of the agency to receive the incident notices. */
export function LiaisonCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [data, setData] = useState<{ liaison: Liaison; candidates: { id: string; displayName: string }[] } | null>(null);
  const [picked, setPicked] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useAction();
  const load = useCallback(async () => {
    setError(null);
    try {
      const d = await incidentsApi.myLiaison();
      setData(d);
      setPicked(d.liaison.userId ?? undefined);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => void load(), [load]);
  const save = async () => {
    if (!picked) return;
    await run(async () => {
      await incidentsApi.setLiaison(picked);
      void message.success(t('incident.done'));
      await load();
    });
  };
  return (
    <Card title={t('incident.liaison.title')} style={{ marginBottom: 16 }} data-testid="incident-liaison">
      <Typography.Paragraph type="secondary">{t('incident.liaison.hint')}</Typography.Paragraph>
      {error ? (
        <LoadError error={error} onRetry={load} />
      ) : (
        <Space wrap>
          <Typography.Text strong data-testid="incident-liaison-name">
            {data?.liaison.displayName ?? t('incident.liaison.none')}
          </Typography.Text>
          <Select style={{ minWidth: 200 }} placeholder={t('incident.liaison.pick')} value={picked} onChange={setPicked} options={(data?.candidates ?? []).map((c) => ({ value: c.id, label: c.displayName }))} data-testid="incident-liaison-pick" />
          <Button type="primary" loading={busy} disabled={!picked || picked === data?.liaison.userId} onClick={() => void save()} data-testid="incident-liaison-save">
            {t('incident.liaison.save')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

/** The notices to my province, shown only to its liaison (others get none from the server). */
export function NoticesCard() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [data, setData] = useState<{ items: Notice[]; unread: number } | null>(null);
  useEffect(() => {
    void incidentsApi
      .notices()
      .then(setData)
      .catch(() => setData(null));
  }, []);
  if (!data || data.items.length === 0) return null;
  const read = async (id: number) => {
    try {
      setData(await incidentsApi.readNotice(id));
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Card title={t('incident.notices')} extra={data.unread > 0 && <Tag color="red">{t('incident.notices.unread', { n: data.unread })}</Tag>} style={{ marginBottom: 16 }} data-testid="incident-notices">
      <List
        size="small"
        dataSource={data.items}
        renderItem={(n) => (
          <List.Item
            actions={[
              n.readAt ? (
                <Typography.Text type="secondary" key="read">
                  {t('incident.notice.readAt')}
                </Typography.Text>
              ) : (
                <Button key="read" size="small" onClick={() => void read(n.id)} data-testid="incident-notice-read">
                  {t('incident.notice.read')}
                </Button>
              ),
            ]}
          >
            <Space wrap>
              <Typography.Text type="secondary">{formatTime(n.sentAt)}</Typography.Text>
              <Tag>{t(`incident.notice.kind.${n.kind}`)}</Tag>
              <Tag color={LEVEL_COLOR[n.level as IncidentLevel]}>{t(`incident.level.${n.level as IncidentLevel}`)}</Tag>
              <Link to={`/ops/incidents/${n.incidentId}`}>{n.incidentNo}</Link>
              <Typography.Text>{n.phenomenon}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Every province's liaison, for operations (whom to call). */
export function LiaisonsList() {
  const { t } = useI18n();
  const allowed = useMe().can('incident.report');
  const [items, setItems] = useState<Liaison[]>([]);
  useEffect(() => {
    if (!allowed) return;
    void incidentsApi
      .liaisons()
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [allowed]);
  if (!items.length) return null;
  return (
    <Card title={t('incident.liaison.list')} style={{ marginTop: 16 }} data-testid="incident-liaisons">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        {items.map((l) => (
          <Descriptions.Item key={l.provinceCode} label={<RegionName code={l.provinceCode} />}>
            {l.displayName ?? t('incident.liaison.none')}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
