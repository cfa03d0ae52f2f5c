import { Alert, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useAction } from '../../shared/use-action';
import { marketApi, type MarketVerified } from './market.api';
import type { MessageKey } from '../../app/messages.zh';

const MAX_CODES = 1000;

/** 批量核验: codes pasted one per line, each answered with its batch, state and any failure, hold or recall. */
export default function VerifyPage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [items, setItems] = useState<MarketVerified[] | null>(null);
  const { busy, run } = useAction();
  const codes = text
    .split(/[\s,，;；]+/)
    .map((c) => c.trim())
    .filter(Boolean);

  const check = async () => {
    // A list over the limit is refused with the limit shown, never cut short silently.
    if (codes.length === 0) return setProblem(t('market.verify.none'));
    if (codes.length > MAX_CODES) return setProblem(t('market.verify.tooMany', { n: codes.length }));
    setProblem(null);
    const answer = await run(() => marketApi.verify(codes));
    if (answer) setItems(answer.items);
  };
  const attention = (r: MarketVerified) => r.result !== 'valid' || r.failed || r.held || r.recalled;

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('menu.marketVerify')}</Typography.Title>
      </div>
      <Card>
        <Form layout="vertical" onFinish={check}>
          <Form.Item label={t('market.verify.codes')} validateStatus={problem ? 'error' : undefined} help={problem ?? undefined}>
            <Input.TextArea rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('market.verify.codes')} data-testid="market-verify-codes" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="market-verify-submit">
            {t('market.verify.submit')}
          </Button>
        </Form>
      </Card>
      {items && (
        <Card style={{ marginTop: 16 }}>
          <Alert type={items.some(attention) ? 'warning' : 'success'} showIcon title={t('market.verify.summary', { n: items.length, bad: items.filter(attention).length })} style={{ marginBottom: 12 }} />
          <Table
            rowKey={(r) => r.code}
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={items}
            columns={[
              { title: t('market.verify.codes').split('（')[0], dataIndex: 'code', render: (c: string) => <span className="tn-t-code">{c}</span> },
              { title: t('market.verify.batch'), dataIndex: 'batchCode', render: (c: string | null, r) => (c ? <span className="tn-t-code">{`${c} · ${r.productName ?? ''}`}</span> : '—') },
              {
                title: t('market.vouchers.status'),
                key: 'state',
                render: (_: unknown, r) => (
                  <Space wrap size={4} data-testid="market-verify-state">
                    <Tag color={r.result === 'valid' ? 'default' : 'orange'}>{t(`market.verify.result.${r.result}` as MessageKey)}</Tag>
                    {r.failed && <Tag color="red">{t('market.verify.failed')}</Tag>}
                    {r.held && <Tag color="orange">{t('market.verify.held')}</Tag>}
                    {r.recalled && <Tag color="red">{t('market.verify.recalled')}</Tag>}
                    {r.inMyMarkets && <Tag color="blue">{t('market.verify.mine')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
