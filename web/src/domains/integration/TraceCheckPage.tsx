import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { saveBlob } from '../../app/api';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { certificationApi, type TraceCheck, type TraceCheckItem, type TraceCheckOutcome } from './certification.api';
import { useAction } from '../../shared/use-action';
import { Loaded } from '../../shared/Loaded';
import { useLoaded } from '../../shared/use-loaded';

const OUTCOME_COLOR: Record<TraceCheckOutcome, string> = { implements: 'green', inactive: 'orange', suspended: 'red', not_registered: 'default', outside: 'default' };

/** One 追溯挂钩 check: per subject of the list, what was found and the evidence; exported as a workbook. */
export default function TraceCheckPage() {
  const { id = '' } = useParams();
  const loaded = useLoaded(useCallback(() => certificationApi.check(id), [id]));
  return <Loaded state={loaded}>{(check) => <TraceCheckView check={check} />}</Loaded>;
}

function TraceCheckView({ check }: { check: TraceCheck }) {
  const { t } = useI18n();
  const { busy, run } = useAction();
  const download = async () => {
    await run(async () => {
      saveBlob(await certificationApi.exportCheck(check.id), t('traceChecks.exportFile', { title: check.title }));
    });
  };
  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{check.title}</Typography.Title>
        <Typography.Text type="secondary">
          {formatTime(check.createdAt)} · {t('traceChecks.summary', { count: check.itemCount, implementing: check.implementing })}
        </Typography.Text>
      </div>
      <Card
        extra={
          <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void download()} data-testid="trace-check-export">
            {t('traceChecks.export')}
          </Button>
        }
      >
        <Table<TraceCheckItem>
          rowKey="seq"
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={check.items}
          data-testid="trace-check-items"
          columns={[
            { title: '#', dataIndex: 'seq', render: (v: number) => v + 1, className: 'tn-nowrap' },
            { title: t('traceChecks.nameGiven'), dataIndex: 'nameGiven' },
            { title: t('traceChecks.identity'), dataIndex: 'identityShown', className: 'tn-nowrap' },
            { title: t('traceChecks.outcome'), dataIndex: 'outcome', render: (v: TraceCheckOutcome) => <Tag color={OUTCOME_COLOR[v]}>{t(`traceChecks.outcome.${v}`)}</Tag> },
            { title: t('traceChecks.subjectName'), dataIndex: 'subjectName' },
            { title: t('traceChecks.batches'), dataIndex: 'batches', className: 'tn-nowrap' },
            { title: t('traceChecks.scanTrades'), dataIndex: 'scanTrades', className: 'tn-nowrap' },
            { title: t('traceChecks.vouchers'), dataIndex: 'marketVouchers', className: 'tn-nowrap' },
            { title: t('traceChecks.last'), dataIndex: 'lastActivityAt', className: 'tn-nowrap', render: (v: string | null) => (v ? formatTime(v) : '') },
          ]}
        />
      </Card>
    </div>
  );
}
