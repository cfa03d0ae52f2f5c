import { AlertOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Grid, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { saveBlob } from '../../../app/api';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/LoadError';
import type { BatchLookup, RecallList } from '../trace.types';
import { lookupApi } from '../codes/lookup.api';
import { RECALL_TABLE_WIDTH, recallColumns } from './recall-columns';
import { qty } from '../trace-labels';
import { useAction } from '../../../shared/use-action';

/** 召回清单: produced on request (each list is audited), shown as a table with its totals, and downloadable as Excel. */
export function RecallCard({ batch }: { batch: BatchLookup }) {
  const { t } = useI18n();
  const [list, setList] = useState<RecallList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy: loading, run: act } = useAction();
  const { busy: downloading, run } = useAction();
  const wide = Boolean(Grid.useBreakpoint().md);
  const columns = useMemo(() => recallColumns(t, wide), [t, wide]);

  const generate = async () => {
    setError(null);
    await act(
      async () => {
        setList(await lookupApi.recall(batch.id));
      },
      // The refusal stays in place, inline, rather than as a passing message.
      (_err, said) => {
        setError(said);
        return true;
      },
    );
  };

  const download = async () => {
    await run(async () => {
      saveBlob(await lookupApi.recallXlsx(batch.id), t('recall.file', { code: batch.code }));
    });
  };

  return (
    <Card title={t('recall.title')} data-testid="recall-card" className="tn-t-recall">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('recall.desc')}</Typography.Text>
        <div className="tn-t-actions">
          <Button type="primary" danger icon={<AlertOutlined />} loading={loading} onClick={() => void generate()} data-testid="recall-generate">
            {list ? t('recall.regenerate') : t('recall.generate')}
          </Button>
          <Button icon={<FileExcelOutlined />} loading={downloading} onClick={() => void download()} data-testid="recall-download">
            {t('recall.download')}
          </Button>
        </div>
        {error && <Alert type="error" showIcon title={error} data-testid="recall-error" />}
        {list && (
          <>
            <Typography.Text type="secondary">{t('recall.generatedAt', { time: formatTime(list.generatedAt) })}</Typography.Text>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, sm: 2, lg: 4 }}
              data-testid="recall-totals"
              items={[
                { key: 'batches', label: t('recall.totals.batches'), children: list.totals.batches },
                { key: 'holders', label: t('recall.totals.holders'), children: list.totals.holders },
                { key: 'maxHops', label: t('recall.totals.maxHops'), children: list.totals.maxHops },
                {
                  key: 'byUnit',
                  label: t('recall.totals.byUnit'),
                  children: list.totals.byUnit.map((u) => <div key={u.unit}>{t('recall.totals.unit', { shipped: qty(t, u.shipped, u.unit), stock: qty(t, u.stock, u.unit) })}</div>),
                },
              ]}
            />
            {list.holders.length === 0 ? (
              <EmptyState description={t('recall.none')} />
            ) : (
              <Table
                rowKey="batchId"
                size="small"
                columns={columns}
                dataSource={list.holders}
                pagination={list.holders.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                scroll={{ x: RECALL_TABLE_WIDTH }}
                data-testid="recall-table"
              />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
