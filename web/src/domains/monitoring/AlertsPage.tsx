import { alertTitle } from './monitoring-labels';
import { Badge, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadMore } from '../../app/LoadMore';
import { useAddressFilters } from '../../shared/use-address-filters';
import { useListPage } from '../../shared/use-list-page';
import { ListBody } from '../../app/LoadError';
import { ListTotalText } from '../../app/ListTools';
import { ListScopeTags, useListScope } from '../../shared/ListScope';
import { monitoringApi } from './monitoring.api';

/**
 * 预警: the failed samples whose producer or sampled holder is in my county; unread ones first to the eye. A figure adds
 * `region` and `from`/`to` (raised on those days) to the address, shown as active filters.
 */
export default function AlertsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setFilters] = useAddressFilters();
  const unread = params.get('unread') === 'true';
  const { scope, clear } = useListScope();
  const fetchPage = useMemo(() => (cursor?: string) => monitoringApi.alerts({ unread: unread || undefined, ...scope, cursor }), [unread, scope]);
  const list = useListPage(fetchPage);

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('menu.alerts')}</Typography.Title>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={unread ? 'unread' : 'all'}
            onChange={(v) => setFilters({ unread: v === 'unread' ? 'true' : undefined })}
            options={[
              { value: 'all', label: t('alert.all') },
              { value: 'unread', label: t('alert.unread') },
            ]}
          />
          <ListScopeTags scope={scope} clear={clear} />
          <RefreshButton list={list} />
          <ListTotalText total={list.total} />
        </Space>
        <ListBody list={list} empty={t('alert.empty')}>
          <List
            loading={list.loading}
            dataSource={list.items}
            renderItem={(a) => (
              <List.Item key={a.id} onClick={() => navigate(`/monitoring/alerts/${a.id}`)} style={{ cursor: 'pointer' }} data-testid="alert-item">
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      {!a.readAt && <Badge status="error" />}
                      <Typography.Text strong={!a.readAt}>{alertTitle(t, a)}</Typography.Text>
                      {a.caseId && <Tag color="volcano">{t('alert.caseOpened')}</Tag>}
                    </Space>
                  }
                  description={
                    <Space wrap size={[16, 0]}>
                      <span>{`${a.productName} · ${a.subjectName ?? '—'}`}</span>
                      <span className="tn-t-code">{a.code}</span>
                      <span>{t('alert.recallCount', { n: a.recallTotal })}</span>
                      <span>{formatTime(a.createdAt)}</span>
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
