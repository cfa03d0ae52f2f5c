import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Popconfirm, Select, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useAgencyMe } from '../../app/auth';
import { CursorTable } from '../../app/CursorTable';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import { limitProblem } from '../../app/number-limit';
import { RefreshButton } from '../../app/RefreshButton';
import { useCursorList } from '../../app/use-cursor-list';
import { DEFAULT_OVERLAP_HOURS, MAX_OVERLAP_HOURS, type KeyState } from '../../../../src/domains/integration/integration.shared';
import { integrationApi, type CallPage, type ClientCall, type ClientDetail, type ClientKey, type KeyCreated } from './integration.api';
import { callCodeLabel, operationLabel } from './labels';
import { ExchangeDocuments } from './ExchangeDocuments';
import { ScopeRegions, type ScopeRegion } from './ScopeRegions';
import { SecretModal } from './SecretModal';
import { WebhooksCard } from './WebhooksCard';

const KEY_COLOR: Record<KeyState, string> = { active: 'green', expiring: 'orange', expired: 'default', revoked: 'red' };

/** One client system: its scope, its keys (issue, rotate with an overlap, revoke; a secret shown once) and its recent calls. */
export default function ClientPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const me = useAgencyMe();
  const { message } = App.useApp();
  const [client, setClient] = useState<ClientDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [created, setCreated] = useState<KeyCreated | null>(null);
  const [overlap, setOverlap] = useState<number>(DEFAULT_OVERLAP_HOURS);
  const [offered, setOffered] = useState<string[]>([]);
  const [scopeForm] = Form.useForm<{ regions: ScopeRegion[]; operations: string[]; active: boolean }>();

  const load = useCallback(async () => {
    try {
      const c = await integrationApi.client(id);
      setClient(c);
      setError(null);
      scopeForm.setFieldsValue({ regions: c.regions, operations: c.operations, active: c.status === 'active' });
    } catch (err) {
      setError(err);
    }
  }, [id, scopeForm]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!client) return;
    integrationApi.operations().then((o) => setOffered(o.kinds.find((k) => k.kind === client.kind)?.operations ?? []), () => setOffered([]));
  }, [client]);

  const [errorsOnly, setErrorsOnly] = useState(false);
  const [last24h, setLast24h] = useState<CallPage['last24h'] | null>(null);
  const fetchCalls = useMemo(
    () => async (cursor?: string) => {
      const page = await integrationApi.calls(id, errorsOnly, cursor);
      if (!cursor) setLast24h(page.last24h);
      return page;
    },
    [id, errorsOnly],
  );
  const onError = useCallback(() => undefined, []);
  const calls = useCursorList(fetchCalls, onError);

  const act = async (name: string, run: () => Promise<unknown>) => {
    setBusy(name);
    try {
      await run();
      await load();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  if (error && !client) return <LoadError error={error} onRetry={load} />;
  if (!client) return <Spin />;
  const manage = client.manageable && me.can('integration.manage');
  const live = client.keys.filter((k) => k.state === 'active' || k.state === 'expiring').length;
  const overlapProblem = limitProblem(t, overlap, { min: 1, max: MAX_OVERLAP_HOURS, integer: true, unit: t('integration.hours') });

  const saveScope = (v: { regions: ScopeRegion[]; operations: string[]; active: boolean }) =>
    act('scope', async () => {
      await integrationApi.updateScope(id, { regions: v.regions.map((r) => r.code), operations: v.operations ?? [], status: v.active ? 'active' : 'disabled' });
      void message.success(t('integration.scopeSaved'));
    });

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{client.name}</Typography.Title>
        <Typography.Text type="secondary">{t('integration.clientHint')}</Typography.Text>
      </div>
      {client.status !== 'active' && <Alert type="warning" showIcon message={t('integration.disabledNote')} style={{ marginBottom: 16 }} />}
      <Card title={t('integration.facts')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('integration.kind')}>{client.scheme ? `${t(`integration.kind.${client.kind}`)}（${t(`integration.scheme.${client.scheme}`)}）` : t(`integration.kind.${client.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('integration.status')}>
            <Tag color={client.status === 'active' ? 'green' : 'default'}>{t(`integration.status.${client.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('integration.regions')}>{client.regions.map((r) => (r.code === '' ? t('integration.wholeCountry') : (r.name ?? t('integration.regionUnnamed')))).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('integration.operations')}>{client.operations.length ? client.operations.map((op) => <Tag key={op}>{operationLabel(t, op)}</Tag>) : t('integration.noOperations')}</Descriptions.Item>
          <Descriptions.Item label={t('integration.contact')}>{client.contact ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('integration.createdAt')}>{formatTime(client.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      {manage && (
        <Card title={t('integration.scope')} style={{ marginBottom: 16 }}>
          <Form form={scopeForm} layout="vertical" onFinish={saveScope} data-testid="integration-scope-form">
            <Form.Item name="regions" label={t('integration.regions')} extra={client.kind === 'provincial_platform' ? t('integration.oneProvince') : t('integration.regionsHint')}>
              <ScopeRegions within={me.agency.level === 'ministry' ? '' : me.agency.regionCode} />
            </Form.Item>
            <Form.Item name="operations" label={t('integration.operations')}>
              <Select mode="multiple" options={offered.map((op) => ({ value: op, label: operationLabel(t, op) }))} />
            </Form.Item>
            <Form.Item name="active" label={t('integration.enabled')} valuePropName="checked" extra={t('integration.disableHint')}>
              <Switch />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy === 'scope'} data-testid="integration-scope-save">
              {t('integration.saveScope')}
            </Button>
          </Form>
        </Card>
      )}

      <Card
        title={t('integration.keys')}
        style={{ marginBottom: 16 }}
        extra={
          manage && (
            <Button type="primary" disabled={live >= 2 || client.status !== 'active'} loading={busy === 'create'} onClick={() => act('create', async () => setCreated(await integrationApi.createKey(id)))} data-testid="integration-key-create">
              {t('integration.createKey')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('integration.keysHint')}</Typography.Paragraph>
        {manage && (
          <Space style={{ marginBottom: 12 }}>
            <span>{t('integration.overlap')}</span>
            <InputNumber value={overlap} onChange={(v) => setOverlap(v ?? DEFAULT_OVERLAP_HOURS)} addonAfter={t('integration.hours')} status={overlapProblem ? 'error' : undefined} data-testid="integration-overlap" />
            {overlapProblem && <Typography.Text type="danger">{overlapProblem}</Typography.Text>}
          </Space>
        )}
        <Table<ClientKey>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={client.keys}
          locale={{ emptyText: t('integration.noKeys') }}
          columns={[
            { title: t('integration.keyId'), dataIndex: 'id', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('integration.keyState'), dataIndex: 'state', render: (v: KeyState) => <Tag color={KEY_COLOR[v]}>{t(`integration.keyState.${v}`)}</Tag> },
            { title: t('integration.issuedAt'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
            { title: t('integration.expiresAt'), dataIndex: 'expiresAt', className: 'tn-nowrap', render: (v: string | null) => (v ? formatTime(v) : '—') },
            { title: t('integration.lastUsedAt'), dataIndex: 'lastUsedAt', className: 'tn-nowrap', render: (v: string | null) => (v ? formatTime(v) : '—') },
            ...(manage
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_v: unknown, k: ClientKey) =>
                      k.state === 'active' || k.state === 'expiring' ? (
                        <Space>
                          {k.state === 'active' && (
                            <Popconfirm title={t('integration.rotateConfirm', { hours: overlap })} onConfirm={() => act(`rotate-${k.id}`, async () => setCreated(await integrationApi.rotateKey(id, k.id, overlap)))} okText={t('integration.rotate')} cancelText={t('common.cancel')}>
                              <Button size="small" disabled={overlapProblem !== null} loading={busy === `rotate-${k.id}`} data-testid={`integration-rotate-${k.id}`}>
                                {t('integration.rotate')}
                              </Button>
                            </Popconfirm>
                          )}
                          <Popconfirm title={t('integration.revokeConfirm')} onConfirm={() => act(`revoke-${k.id}`, () => integrationApi.revokeKey(id, k.id))} okText={t('integration.revoke')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')}>
                            <Button size="small" danger loading={busy === `revoke-${k.id}`} data-testid={`integration-revoke-${k.id}`}>
                              {t('integration.revoke')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {client.kind === 'provincial_platform' && <ExchangeDocuments clientId={id} />}

      <Card title={t('integration.calls')}>
        <div className="tn-filters">
          {last24h && <span data-testid="integration-last24h">{t('integration.last24h', { calls: last24h.calls, errors: last24h.errors })}</span>}
          <Space>
            <Switch checked={errorsOnly} onChange={setErrorsOnly} data-testid="integration-errors-only" />
            <span>{t('integration.errorsOnly')}</span>
          </Space>
          <RefreshButton list={calls} />
        </div>
        <CursorTable<ClientCall>
          list={calls}
          size="small"
          locale={{ emptyText: t('integration.noCalls') }}
          columns={[
            { title: t('integration.callAt'), dataIndex: 'at', className: 'tn-nowrap', render: formatTime },
            { title: t('integration.callWhat'), key: 'what', render: (_v, c) => <Typography.Text code>{`${c.method} ${c.path}`}</Typography.Text> },
            { title: t('integration.callResult'), key: 'result', render: (_v, c) => <Tag color={c.status < 400 ? 'green' : 'red'}>{callCodeLabel(t, c.code, c.status)}</Tag> },
            { title: t('integration.keyId'), dataIndex: 'keyId', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          ]}
        />
      </Card>
      <WebhooksCard clientId={id} manage={manage} />
      <SecretModal created={created} onClose={() => setCreated(null)} />
    </div>
  );
}
