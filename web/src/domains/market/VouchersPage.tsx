import { Card, Input, List, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadMore } from '../../app/LoadMore';
import { ListBody } from '../../app/LoadError';
import { ListTotalText } from '../../app/ListTools';
import { useAddressFilters } from '../../shared/use-address-filters';
import { useListPage } from '../../shared/use-list-page';
import { marketApi, type MarketVoucher } from './market.api';
import type { MessageKey } from '../../app/messages.zh';

const STATUSES = ['active', 'held', 'failed', 'closed', 'consumed'] as const;
const ALARMING = new Set(['held', 'failed']);

/** 入市凭证: the market-entry vouchers of my region's markets, newest first, searched and filtered in the address. */
export default function VouchersPage() {
  const { t } = useI18n();
  const [params, setFilters] = useAddressFilters();
  const q = params.get('q') ?? undefined;
  const status = params.get('status') ?? undefined;
  const fetchPage = useMemo(() => (cursor?: string) => marketApi.vouchers({ q, status: status as (typeof STATUSES)[number] | undefined, cursor }), [q, status]);
  const list = useListPage<MarketVoucher>(fetchPage);
  const statusLabel = (s: string) => t(`market.status.${s}` as MessageKey);

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('menu.marketVouchers')}</Typography.Title>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear defaultValue={q} placeholder={t('market.vouchers.search')} aria-label={t('market.vouchers.search')} onSearch={(v) => setFilters({ q: v.trim() || undefined })} style={{ width: 280 }} />
          <Select
            allowClear
            value={status}
            placeholder={t('market.vouchers.status')}
            aria-label={t('market.vouchers.status')}
            onChange={(v?: string) => setFilters({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
            style={{ width: 160 }}
          />
          <RefreshButton list={list} />
          <ListTotalText total={list.total} />
        </Space>
        <ListBody list={list} empty={t('market.vouchers.empty')}>
          <List
            loading={list.loading}
            dataSource={list.items}
            renderItem={(v) => (
              <List.Item key={v.id} data-testid="market-voucher">
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      <Typography.Text className="tn-t-code" copyable>
                        {v.code}
                      </Typography.Text>
                      <span>{`${v.productName} ${v.quantity} ${v.unit}`}</span>
                      <Tag color={ALARMING.has(v.status) ? 'red' : 'default'}>{statusLabel(v.status)}</Tag>
                    </Space>
                  }
                  description={
                    <Space wrap size={[16, 0]}>
                      <span>
                        {`${t('market.vouchers.market')}：${v.marketName}`}
                        {v.stall ? ` · ${t('market.vouchers.stall', { stall: v.stall })}` : ''}
                        {!v.marketRegistered && (
                          <Tooltip title={t('market.vouchers.unregistered')}>
                            <Typography.Text type="secondary">{' ⓘ'}</Typography.Text>
                          </Tooltip>
                        )}
                      </span>
                      <span>{`${t('market.vouchers.seller')}：${v.sellerName || '—'}`}</span>
                      <span>
                        {`${t('market.vouchers.source')}：`}
                        <span className="tn-t-code">{v.sourceBatchCode}</span>
                      </span>
                      <span>{`${t('market.vouchers.enteredAt')}：${formatTime(v.enteredAt)}`}</span>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </ListBody>
        <LoadMore list={list} />
      </Card>
    </div>
  );
}
