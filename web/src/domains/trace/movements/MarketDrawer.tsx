import { App, Form, Input, Radio, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { MARKET_KINDS, type Batch, type MarketKind, type Trade } from '../trace.types';
import { FormDrawer } from '../../../shared/FormDrawer';
import { IdentityItem, shipmentOf, ShipmentItems, useShipmentSubmit, type ShipmentValues } from './ShipmentFields';
import { amount, label } from '../trace-labels';
import { identityToken, traceApi } from '../trace.api';

type How = 'scan' | 'typed';
type Values = ShipmentValues & { kind: MarketKind; identity?: string; name?: string; address?: string; stall?: string };

type Props = { batch: Batch; open: boolean; onClose: () => void; onEntered: (trade: Trade) => void };

/**
 * 入市: the goods go into a wholesale market, a retail market or a processor — scanned from its electronic
 * identity, or its name and address typed — with the stall. It completes at once with a type-3 voucher
 * (入市追溯凭证) to print and hand over.
 */
export function MarketDrawer({ batch, open, onClose, onEntered }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [how, setHow] = useState<How>('typed');
  const available = batch.stock - batch.frozen;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setHow('typed');
  }, [open, form]);

  const { busy, submit } = useShipmentSubmit(form, batch, open, {
    confirmTitle: t('confirm.marketTitle'),
    send: (v, key) => {
      const market =
        how === 'scan'
          ? { kind: v.kind, token: identityToken(v.identity ?? '')! }
          : { kind: v.kind, name: v.name!.trim(), ...(v.address?.trim() ? { address: v.address.trim() } : {}) };
      return traceApi.enterMarket({ ...shipmentOf(batch, v), market: { ...market, ...(v.stall?.trim() ? { stall: v.stall.trim() } : {}) } }, key);
    },
    fieldOf: { BUYER_NOT_FOUND: 'identity', TRADE_TO_SELF: 'identity', INSUFFICIENT_STOCK: 'quantity', QUARANTINE_CERT_REQUIRED: 'quarantineCert' },
    done: (trade) => {
      void message.success(t('market.done'));
      onEntered(trade);
    },
  });

  return (
    <FormDrawer open={open} title={t('market.title', { product: batch.productName })} okText={t('market.submit')} busy={busy} onOk={submit} onClose={onClose} testId="market-drawer">
      <Typography.Paragraph type="secondary">{t('market.desc', { available: `${amount(available)} ${label(t, 'unit', batch.unit)}` })}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" name="market" requiredMark={false}>
        {/* No preset kind: which market the goods went into is the seller's answer, not ours. */}
        <Form.Item name="kind" label={t('market.kind')} rules={[{ required: true, message: t('rule.choose', { field: t('market.kind') }) }]}>
          <Radio.Group optionType="button" options={MARKET_KINDS.map((k) => ({ value: k, label: label(t, 'marketKind', k) }))} />
        </Form.Item>
        <Segmented<How>
          block
          value={how}
          onChange={setHow}
          options={[
            { value: 'typed', label: t('market.typed') },
            { value: 'scan', label: t('market.scanned') },
          ]}
          style={{ marginBottom: 16 }}
        />
        {how === 'scan' ? (
          <IdentityItem label={t('market.identity')} scanTitle={t('market.scanTitle')} />
        ) : (
          <>
            <Form.Item name="name" label={t('market.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('trace.rule.text', { min: 2, max: 100 }) }]}>
              <Input maxLength={100} placeholder={t('market.namePlaceholder')} />
            </Form.Item>
            <Form.Item name="address" label={t('common.withOptional', { label: t('market.address') })} rules={[{ min: 2, max: 200, message: t('trace.rule.text', { min: 2, max: 200 }) }]}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="stall" label={t('common.withOptional', { label: t('market.stall') })} rules={[{ max: 40 }]}>
          <Input maxLength={40} placeholder={t('market.stallPlaceholder')} />
        </Form.Item>
        <ShipmentItems batch={batch} />
      </Form>
    </FormDrawer>
  );
}
