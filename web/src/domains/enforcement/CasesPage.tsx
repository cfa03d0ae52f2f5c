import { App, Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadMore } from '../../app/LoadMore';
import { useCursorList } from '../../app/use-cursor-list';
import { ListBody } from '../../app/LoadError';
import { ListTotalText } from '../../app/ListTools';
import { ListScopeTags, useListScope } from '../../shared/ListScope';
import { useAddressFilters } from '../../shared/use-address-filters';
import { useWord } from '../../shared/task-labels';
import { supervisionApi } from '../supervision/supervision.api';
import type { Transfer } from '../supervision/supervision.types';
import { newKey } from '../trace/trace.api';
import { enforcementApi } from './enforcement.api';

const STAGES = ['filed', 'investigation', 'decision', 'closed', 'open'] as const;
type StageFilter = (typeof STAGES)[number];

/**
 * 执法案件: the transfers waiting for my enforcement agency (立案 opens a case from one), and the cases. A figure opens
 * the cases with `stage` ('open': not closed), `region` and `from`/`to` (filed on those days) in the address; the
 * 待受理移交 figures open the transfers with `box=jurisdiction` (every one filed in the region, whichever agency it was
 * sent to: only those sent to mine can be opened as a case here) and `region`, `from`/`to` (the days transferred).
 */
export default function CasesPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const word = useWord();
  const navigate = useNavigate();
  const handles = me.can('enforcement.case');
  const [params, setFilters] = useAddressFilters();
  // A new tab starts from an address of its own (no stage, box or scope of the other tab).
  const [, setParams] = useSearchParams();
  const tab = params.get('tab') ?? (handles ? 'transfers' : 'cases');
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const stageParam = params.get('stage');
  const stage = STAGES.find((s) => s === stageParam) as StageFilter | undefined;
  const { scope, clear } = useListScope();
  const inJurisdiction = params.get('box') === 'jurisdiction';
  const transfers = useCursorList(
    useMemo(
      () => (handles && tab === 'transfers' ? (cursor?: string) => supervisionApi.transfers({ status: 'pending', ...(inJurisdiction ? { box: 'jurisdiction' as const } : {}), ...scope, cursor }) : null),
      [handles, tab, inJurisdiction, scope],
    ),
    showError,
  );
  const cases = useCursorList(useMemo(() => (tab === 'cases' ? (cursor?: string) => enforcementApi.cases({ stage, ...scope, cursor }) : null), [tab, stage, scope]), showError);
  const dropParam = (name: 'stage' | 'box') => setFilters({ [name]: undefined });
  const [opening, setOpening] = useState<string | null>(null);

  const open = async (tr: Transfer) => {
    setOpening(tr.id);
    try {
      const created = await enforcementApi.open({ transferId: tr.id, title: tr.reason.slice(0, 120), summary: `${tr.fromAgencyName}移交：${tr.findings ?? tr.reason}`.slice(0, 2000) }, newKey());
      void message.success(t('cases.opened'));
      navigate(`/enforcement/cases/${created.id}`);
    } catch (err) {
      showError(err);
    } finally {
      setOpening(null);
    }
  };

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('cases.title')}</Typography.Title>
      </div>
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Segmented
            value={tab}
            onChange={(v) => setParams({ tab: String(v) }, { replace: true })}
            options={[...(handles ? [{ value: 'transfers', label: t('cases.transfers') }] : []), { value: 'cases', label: t('cases.list') }]}
          />
          <RefreshButton list={tab === 'transfers' ? transfers : cases} />
          <ListTotalText total={tab === 'transfers' ? transfers.total : cases.total} />
        </Space>
        {tab === 'cases' && (stage || scope.region || scope.from || scope.to) && (
          <Space wrap size={4} style={{ marginBottom: 12 }}>
            {stage && (
              <Tag closable color="blue" onClose={() => dropParam('stage')} data-testid="filter-stage">
                {stage === 'open' ? t('cases.stageOpen') : word('cases.stage', stage)}
              </Tag>
            )}
            <ListScopeTags scope={scope} clear={clear} />
          </Space>
        )}
        {tab === 'transfers' && (inJurisdiction || scope.region || scope.from || scope.to) && (
          <Space wrap size={4} style={{ marginBottom: 12 }}>
            {inJurisdiction && (
              <Tag closable color="blue" onClose={() => dropParam('box')} data-testid="filter-box">
                {t('cases.transfersInJurisdiction')}
              </Tag>
            )}
            <ListScopeTags scope={scope} clear={clear} />
          </Space>
        )}
        {tab === 'transfers' ? (
          <>
            <ListBody list={transfers} empty={t('cases.noTransfers')}>
              <List
                loading={transfers.loading}
                dataSource={transfers.items}
                renderItem={(tr) => (
                  <List.Item
                    key={tr.id}
                    data-testid="transfer-item"
                    actions={
                      tr.toAgencyId === me.agency?.id
                        ? [
                            <Button key="open" type="primary" loading={opening === tr.id} onClick={() => void open(tr)} data-testid="case-open">
                              {t('cases.open')}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <List.Item.Meta
                      title={`${tr.subjectName} · ${tr.reason}`}
                      description={`${tr.fromAgencyName} · ${formatTime(tr.createdAt)}${tr.findings ? ` · ${tr.findings}` : ''}${tr.toAgencyId === me.agency?.id ? '' : ` · ${t('cases.transferTo', { agency: tr.toAgencyName })}`}`}
                    />
                  </List.Item>
                )}
              />
            </ListBody>
            <LoadMore list={transfers} />
          </>
        ) : (
          <>
            <ListBody list={cases} empty={t('cases.none')}>
              <List
                loading={cases.loading}
                dataSource={cases.items}
                renderItem={(c) => (
                  <List.Item key={c.id} onClick={() => navigate(`/enforcement/cases/${c.id}`)} style={{ cursor: 'pointer' }} data-testid="case-item">
                    <List.Item.Meta
                      title={
                        <Space wrap size={4}>
                          <Typography.Text strong>{c.title}</Typography.Text>
                          <Tag color={c.stage === 'closed' ? 'default' : 'processing'}>{word('cases.stage', c.stage)}</Tag>
                          <Tag>{word('cases.source', c.source)}</Tag>
                        </Space>
                      }
                      description={`${c.caseNo} · ${c.subjectName ?? '—'} · ${c.agencyName} · ${formatTime(c.createdAt)}`}
                    />
                  </List.Item>
                )}
              />
            </ListBody>
            <LoadMore list={cases} />
          </>
        )}
      </Card>
    </div>
  );
}
