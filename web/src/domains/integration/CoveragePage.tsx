import { Button, Card, Drawer, Skeleton, Table, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { CursorTable } from '../../app/CursorTable';
import { useI18n } from '../../app/i18n';
import { EmptyState, LoadError } from '../../app/LoadError';
import { useCursorList } from '../../app/use-cursor-list';
import { certificationApi, type Coverage, type CoverageHolder } from './certification.api';
import type { CertificationScheme } from './integration.types';
import { useLoaded } from '../../shared/use-loaded';

type Row = Coverage['schemes'][number];

/** 认证主体覆盖: certified holders of my jurisdiction (as their systems pushed them) and how many are registered here. */
export default function CoveragePage() {
  const { t } = useI18n();
  const { data: coverage, error, retry } = useLoaded(certificationApi.coverage);
  const [scheme, setScheme] = useState<CertificationScheme | null>(null);

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('coverage.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('coverage.hint')}</Typography.Text>
      </div>
      <Card>
        {error ? (
          <LoadError error={error} onRetry={retry} />
        ) : !coverage ? (
          <Skeleton active />
        ) : (
          <Table<Row>
            rowKey="scheme"
            size="small"
            pagination={false}
            dataSource={coverage.schemes}
            locale={{ emptyText: <EmptyState description={t('coverage.empty')} /> }}
            data-testid="coverage-table"
            columns={[
              { title: t('coverage.scheme'), dataIndex: 'scheme', render: (v: CertificationScheme) => t(`integration.scheme.${v}`) },
              { title: t('coverage.holders'), dataIndex: 'holders' },
              { title: t('coverage.onPlatform'), dataIndex: 'onPlatform' },
              { title: t('coverage.share'), dataIndex: 'share', render: (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`) },
              {
                title: t('coverage.notOnPlatform'),
                key: 'missing',
                render: (_v, r) =>
                  r.holders > r.onPlatform ? (
                    <Button size="small" onClick={() => setScheme(r.scheme)}>
                      {r.holders - r.onPlatform}
                    </Button>
                  ) : (
                    t('coverage.noneMissing')
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Drawer title={scheme ? `${t(`integration.scheme.${scheme}`)} · ${t('coverage.notOnPlatform')}` : ''} open={scheme !== null} onClose={() => setScheme(null)} width={720} destroyOnHidden>
        {scheme && <Holders scheme={scheme} />}
      </Drawer>
    </div>
  );
}

function Holders({ scheme }: { scheme: CertificationScheme }) {
  const { t } = useI18n();
  const fetchPage = useMemo(
    () => async (cursor?: string) => {
      const page = await certificationApi.holders(scheme, cursor);
      return { ...page, items: page.items.map((h) => ({ ...h, id: h.number })) };
    },
    [scheme],
  );
  const onError = useCallback(() => undefined, []);
  const list = useCursorList(fetchPage, onError);
  return (
    <CursorTable<CoverageHolder & { id: string }>
      list={list}
      size="small"
      columns={[
        { title: t('coverage.number'), dataIndex: 'number', className: 'tn-nowrap' },
        { title: t('coverage.holder'), dataIndex: 'holderName' },
        { title: t('traceChecks.identity'), dataIndex: 'holderShown', className: 'tn-nowrap' },
        { title: t('coverage.products'), dataIndex: 'products' },
        { title: t('coverage.validTo'), dataIndex: 'validTo', className: 'tn-nowrap' },
      ]}
    />
  );
}
