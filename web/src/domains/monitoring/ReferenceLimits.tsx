import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { citationIn, supersededOf } from '../../../../src/domains/monitoring/limit-citation.shared';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ListBody, LoadError } from '../../app/LoadError';
import { LoadMore } from '../../app/LoadMore';
import { useListPage } from '../../shared/use-list-page';
import { formatTime } from '../../app/format';
import { AddLimitDrawer } from './AddLimitDrawer';
import { mg } from './monitoring-labels';
import { monitoringApi } from './monitoring.api';
import { useLoaded } from './reference-load';

type Row = Awaited<ReturnType<typeof monitoringApi.referenceLimits>>['items'][number];
const ORIGINS = ['reference', 'province', 'lab'] as const;

/**
 * 限量: each live row (or every version, with 含已废止), what it applies to (class, or GB 31650's species and tissue),
 * the value or 不得检出, its citation and source, who added it and how many results were judged against it.
 */
export function ReferenceLimits() {
  const { t, lang, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const me = useMe();
  const [origin, setOrigin] = useState<(typeof ORIGINS)[number] | undefined>();
  const [retired, setRetired] = useState(false);
  const [adding, setAdding] = useState(false);
  const [history, setHistory] = useState<{ rows?: Row[]; error?: unknown; id: number } | null>(null);
  const [analyteCode, setAnalyteCode] = useState<string | undefined>();
  const analytes = useLoaded(useCallback(() => monitoringApi.referenceAnalytes(), []));
  const list = useListPage(
    useCallback(
      (cursor?: string) => monitoringApi.referenceLimits({ ...(origin ? { origin } : {}), ...(analyteCode ? { analyteCode } : {}), retired: retired ? 'yes' : 'no', ...(cursor ? { cursor } : {}) }),
      [origin, analyteCode, retired],
    ),
  );

  const openHistory = (id: number) => {
    setHistory({ id });
    monitoringApi.limitHistory(id).then(
      (rows) => setHistory({ id, rows }),
      (error: unknown) => setHistory({ id, error }),
    );
  };
  const retire = (row: Row) =>
    modal.confirm({
      title: t('ref.retireConfirm'),
      onOk: async () => {
        try {
          await monitoringApi.retireLimit(row.id);
          void list.reload();
        } catch (err) {
          void message.error(errorText(err));
        }
      },
    });

  const columns = [
    { key: 'analyte', title: t('ref.analyte'), render: (_v: unknown, r: Row) => r.analyteZh },
    {
      key: 'applies',
      title: t('ref.appliesTo'),
      render: (_v: unknown, r: Row) => (r.tissueZh ? <span data-testid="ref-species">{t('ref.speciesTissue', { species: r.speciesZh ?? '', tissue: r.tissueZh })}</span> : r.commodityZh),
    },
    { key: 'mrl', title: t('ref.mrl'), render: (_v: unknown, r: Row) => (r.mrlMgPerKg === null ? <Tag color="red">{t('ref.notDetected')}</Tag> : mg(r.mrlMgPerKg)) },
    {
      key: 'citation',
      title: t('ref.citation'),
      render: (_v: unknown, r: Row) => {
        const replaced = supersededOf(r.standard);
        return (
          <Space size={4} wrap>
            <Typography.Link href={r.sourceUrl} target="_blank" rel="noreferrer">
              {citationIn(lang, [r.standard, r.clause].filter(Boolean).join(' '))}
            </Typography.Link>
            {replaced && (
              <Tag color="orange" data-testid="ref-superseded">
                {t('ref.superseded', { by: replaced.by, since: replaced.since })}
              </Tag>
            )}
          </Space>
        );
      },
    },
    {
      key: 'origin',
      title: t('ref.origin'),
      render: (_v: unknown, r: Row) => (
        <Space size={4} wrap>
          <Tag>{t(`ref.origin.${r.origin}`)}</Tag>
          {r.origin === 'reference' && <Tag>{t('ref.version', { n: r.version })}</Tag>}
          {r.retiredAt && <Tag color="default">{t('ref.retiredAt', { at: formatTime(r.retiredAt) })}</Tag>}
          {r.ownerAgencyName && <Typography.Text type="secondary">{r.ownerAgencyName}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'results', title: t('ref.results'), render: (_v: unknown, r: Row) => r.results },
    {
      key: 'actions',
      title: t('ref.actions'),
      render: (_v: unknown, r: Row) => (
        <Space size={4}>
          <Button size="small" icon={<HistoryOutlined />} onClick={() => openHistory(r.id)}>
            {t('ref.history')}
          </Button>
          {r.origin !== 'reference' && !r.retiredAt && me.can('monitoring.reference') && (
            <Button size="small" danger onClick={() => retire(r)}>
              {t('ref.retire')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={analytes.error ? t('ref.analytesFailed') : t('ref.allAnalytes')}
          status={analytes.error ? 'error' : undefined}
          loading={analytes.loading}
          style={{ width: 200 }}
          value={analyteCode}
          onChange={setAnalyteCode}
          options={analytes.items.map((a) => ({ value: a.code, label: a.nameZh }))}
          data-testid="ref-analyte"
        />
        <Select allowClear placeholder={t('ref.allOrigins')} style={{ width: 160 }} value={origin} onChange={setOrigin} options={ORIGINS.map((o) => ({ value: o, label: t(`ref.origin.${o}`) }))} data-testid="ref-origin" />
        <Space>
          <Switch checked={retired} onChange={setRetired} />
          {t('ref.withRetired')}
        </Space>
        {me.can('monitoring.reference') && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="ref-add-limit">
            {t('ref.addLimit')}
          </Button>
        )}
      </Space>
      <ListBody list={list} empty={t('ref.noLimits')}>
        <Table size="small" rowKey="id" loading={list.loading} dataSource={list.items} columns={columns} pagination={false} scroll={{ x: true }} data-testid="ref-limits" />
      </ListBody>
      <LoadMore list={list} />
      <AddLimitDrawer open={adding} onClose={() => setAdding(false)} onDone={() => { setAdding(false); void list.reload(); }} />
      <Modal open={history !== null} title={t('ref.historyTitle')} footer={null} onCancel={() => setHistory(null)} width={900} destroyOnHidden>
        {history?.error ? (
          <LoadError error={history.error} onRetry={() => openHistory(history.id)} />
        ) : (
          <Table size="small" rowKey="id" loading={!history?.rows} dataSource={history?.rows ?? []} columns={columns.filter((c) => c.key !== 'actions')} pagination={false} scroll={{ x: true }} data-testid="ref-history" />
        )}
      </Modal>
    </>
  );
}
