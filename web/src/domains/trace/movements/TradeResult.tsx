import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { saveBlob } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { Trade } from '../trace.types';
import { PrintCard } from '../labels/PrintCard';
import { label, qty } from '../trace-labels';
import { traceApi } from '../trace.api';
import { useAction } from '../../../shared/use-action';

/** Downloads the 入市追溯凭证 of a market entry as a PDF. */
export function VoucherButton({ trade, type = 'default' }: { trade: Trade; type?: 'primary' | 'default' }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { busy, run } = useAction();
  const download = async () => {
    await run(async () => {
      saveBlob(await traceApi.voucher(trade.id), `voucher-${trade.buyerBatchCode ?? trade.id}.pdf`);
      void message.success(t('print.downloaded'));
    });
  };
  return (
    <Button type={type} icon={<FilePdfOutlined />} loading={busy} onClick={() => void download()} data-testid="download-voucher">
      {t('market.voucher')}
    </Button>
  );
}

/**
 * What a sale left to do: a registered buyer's confirmation to wait for; the type-2 code of an unregistered
 * buyer, whose labels the seller prints; the type-3 voucher of a market entry, to print and hand over.
 */
export function TradeResult({ trade }: { trade: Trade }) {
  const { t } = useI18n();
  const code = trade.buyerBatchCode;
  return (
    <div className="tn-t-result" data-testid="trade-result">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text strong>
          {t(trade.kind === 'market' ? 'result.market' : trade.kind === 'manual' ? 'result.manual' : 'result.pending', {
            name: trade.buyer?.name ?? '',
            quantity: qty(t, trade.quantity, trade.unit),
            kind: label(t, 'marketKind', trade.buyer?.marketKind),
          })}
        </Typography.Text>
        {code && (
          <Typography.Text>
            {t(trade.kind === 'market' ? 'result.voucherCode' : 'result.buyerCode')}{t('common.colon')}
            <Typography.Text className="tn-t-code" copyable data-testid="result-code">
              {code}
            </Typography.Text>
          </Typography.Text>
        )}
        {trade.kind === 'market' && <VoucherButton trade={trade} type="primary" />}
        {trade.kind === 'manual' && trade.buyerBatchId && code && <PrintCard batchId={trade.buyerBatchId} code={code} title={t('result.printForBuyer')} certificate={false} />}
      </Space>
    </div>
  );
}
