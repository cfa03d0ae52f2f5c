import { App, Form, Input, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import type { Batch, Trade, TradeRequest } from '../trace.types';
import { PHONE_PATTERN } from '../../../shared/phone';
import { FormDrawer } from '../../../shared/FormDrawer';
import { IdentityItem, shipmentOf, ShipmentItems, useShipmentSubmit, type ShipmentValues } from './ShipmentFields';
import { amount, label } from '../trace-labels';
import { identityToken, traceApi } from '../trace.api';

type Mode = 'registered' | 'unregistered';
type Values = ShipmentValues & { identity?: string; buyerName?: string; buyerPhone?: string; buyerAddress?: string };

type Props = { batch: Batch; open: boolean; onClose: () => void; onSold: (trade: Trade) => void; /** A buyer already scanned (the scan page). */ buyerToken?: string };

/**
 * 销售 (扫码交易): the buyer's electronic identity scanned or pasted — or, for a buyer not on the platform, name,
 * phone and address — then quantity, carrier, storage and, for livestock, the quarantine certificate number.
 * The quantity is frozen at once; a registered buyer confirms, an unregistered sale completes at once.
 */
export function SellDrawer({ batch, open, onClose, onSold, buyerToken }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>('registered');
  const available = batch.stock - batch.frozen;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setMode('registered');
    if (buyerToken) form.setFieldsValue({ identity: buyerToken });
  }, [open, form, buyerToken]);

  const { busy, submit } = useShipmentSubmit(form, batch, open, {
    confirmTitle: t('confirm.sellTitle'),
    send: (v, key) => {
      const buyer =
        mode === 'registered'
          ? { buyerToken: identityToken(v.identity ?? '')! }
          : { buyer: { name: v.buyerName!.trim(), ...(v.buyerPhone?.trim() ? { phone: v.buyerPhone.trim() } : {}), ...(v.buyerAddress?.trim() ? { address: v.buyerAddress.trim() } : {}) } };
      const body: TradeRequest = { ...shipmentOf(batch, v), ...buyer };
      return traceApi.sell(body, key);
    },
    fieldOf: { BUYER_NOT_FOUND: 'identity', TRADE_TO_SELF: 'identity', INSUFFICIENT_STOCK: 'quantity', UNIT_MISMATCH: 'quantity', QUARANTINE_CERT_REQUIRED: 'quarantineCert' },
    done: (trade) => {
      void message.success(t(trade.status === 'confirmed' ? 'sell.doneManual' : 'sell.done', { name: trade.buyer?.name ?? '' }));
      onSold(trade);
    },
  });

  return (
    <FormDrawer open={open} title={t('sell.title', { product: batch.productName })} okText={t('sell.submit')} busy={busy} onOk={submit} onClose={onClose} testId="sell-drawer">
      <Typography.Paragraph type="secondary">{t('sell.desc', { code: batch.code, available: `${amount(available)} ${label(t, 'unit', batch.unit)}` })}</Typography.Paragraph>
      <Segmented<Mode>
        block
        value={mode}
        onChange={setMode}
        options={[
          { value: 'registered', label: t('sell.registered') },
          { value: 'unregistered', label: t('sell.unregistered') },
        ]}
        style={{ marginBottom: 16 }}
        data-testid="buyer-mode"
      />
      <Form<Values> form={form} layout="vertical" name="sell" requiredMark={false}>
        {mode === 'registered' ? (
          <IdentityItem label={t('sell.identity')} extra={t('sell.identityHint')} scanTitle={t('sell.scanTitle')} />
        ) : (
          <>
            <Form.Item name="buyerName" label={t('sell.buyerName')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('trace.rule.text', { min: 2, max: 100 }) }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="buyerPhone" label={t('common.withOptional', { label: t('sell.buyerPhone') })} rules={[{ pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
              <Input inputMode="tel" maxLength={11} />
            </Form.Item>
            <Form.Item name="buyerAddress" label={t('common.withOptional', { label: t('sell.buyerAddress') })} rules={[{ min: 2, max: 200, message: t('trace.rule.text', { min: 2, max: 200 }) }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('sell.unregisteredHint')}</Typography.Paragraph>
          </>
        )}
        <ShipmentItems batch={batch} />
      </Form>
    </FormDrawer>
  );
}
