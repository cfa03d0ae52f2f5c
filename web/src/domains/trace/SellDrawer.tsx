import { App, Divider, Form, Input, InputNumber, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { Batch, Trade, TradeRequest } from '../../app/types';
import { PHONE_PATTERN } from '../registry/AccountFormModal';
import { CarrierFields, carrierOf, type CarrierValues } from './CarrierFields';
import { FormDrawer } from './FormDrawer';
import { showOnField } from './form-errors';
import { IdentityField } from './IdentityField';
import { amount, label, LIVESTOCK_UNITS } from './trace-labels';
import { identityToken, traceApi, useKeyPerOpening } from './trace.api';

type Mode = 'registered' | 'unregistered';
type Values = {
  identity?: string;
  buyerName?: string;
  buyerPhone?: string;
  buyerAddress?: string;
  quantity: number;
  carrier?: CarrierValues;
  storage?: string;
  quarantineCert?: string;
};

type Props = { batch: Batch; open: boolean; onClose: () => void; onSold: (trade: Trade) => void; /** A buyer already scanned (the scan page). */ buyerToken?: string };

/**
 * 销售 (扫码交易): the buyer's electronic identity scanned or pasted — or, for a buyer not on the platform, name,
 * phone and address — then quantity, carrier, storage and, for livestock, the quarantine certificate number.
 * The quantity is frozen at once; a registered buyer confirms, an unregistered sale completes at once.
 */
export function SellDrawer({ batch, open, onClose, onSold, buyerToken }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>('registered');
  const [busy, setBusy] = useState(false);
  const key = useKeyPerOpening(open);
  const available = batch.stock - batch.frozen;
  const livestock = LIVESTOCK_UNITS.includes(batch.unit);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setMode('registered');
    if (buyerToken) form.setFieldsValue({ identity: buyerToken });
  }, [open, form, buyerToken]);

  const submit = async () => {
    const v = await form.validateFields();
    const token = mode === 'registered' ? identityToken(v.identity ?? '') : null;
    const buyer =
      mode === 'registered'
        ? { buyerToken: token! }
        : { buyer: { name: v.buyerName!.trim(), ...(v.buyerPhone?.trim() ? { phone: v.buyerPhone.trim() } : {}), ...(v.buyerAddress?.trim() ? { address: v.buyerAddress.trim() } : {}) } };
    const body: TradeRequest = {
      batchId: batch.id,
      quantity: v.quantity,
      unit: batch.unit,
      ...buyer,
      ...(carrierOf(v.carrier) ? { carrier: carrierOf(v.carrier) } : {}),
      ...(v.storage?.trim() ? { storage: v.storage.trim() } : {}),
      ...(v.quarantineCert?.trim() ? { quarantineCert: v.quarantineCert.trim() } : {}),
    };
    setBusy(true);
    try {
      const trade = await traceApi.sell(body, key);
      void message.success(t(trade.status === 'confirmed' ? 'sell.doneManual' : 'sell.done', { name: trade.buyer?.name ?? '' }));
      onSold(trade);
    } catch (err) {
      const text = errorText(err);
      const fields = { BUYER_NOT_FOUND: 'identity', TRADE_TO_SELF: 'identity', INSUFFICIENT_STOCK: 'quantity', UNIT_MISMATCH: 'quantity' };
      if (!showOnField(form, err, fields, text)) void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDrawer open={open} title={t('sell.title', { product: batch.productName })} okText={t('sell.submit')} busy={busy} onOk={() => void submit().catch(() => undefined)} onClose={onClose} testId="sell-drawer">
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
          <Form.Item
            name="identity"
            label={t('sell.identity')}
            extra={t('sell.identityHint')}
            rules={[
              {
                validator: async (_r, value: string | undefined) => {
                  if (!identityToken(value ?? '')) throw new Error(t('sell.identityInvalid'));
                },
              },
            ]}
          >
            <IdentityField scanTitle={t('sell.scanTitle')} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="buyerName" label={t('sell.buyerName')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('trace.rule.text', { min: 2, max: 100 }) }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="buyerPhone" label={`${t('sell.buyerPhone')} (${t('common.optional')})`} rules={[{ pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
              <Input inputMode="tel" maxLength={11} />
            </Form.Item>
            <Form.Item name="buyerAddress" label={`${t('sell.buyerAddress')} (${t('common.optional')})`} rules={[{ min: 2, max: 200, message: t('trace.rule.text', { min: 2, max: 200 }) }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('sell.unregisteredHint')}</Typography.Paragraph>
          </>
        )}
        <Form.Item name="quantity" label={t('sell.quantity')} rules={[{ required: true, message: t('rule.required', { field: t('sell.quantity') }) }]}>
          <InputNumber min={0.001} max={available} style={{ width: '100%' }} inputMode="decimal" suffix={label(t, 'unit', batch.unit)} placeholder={t('sell.upTo', { n: amount(available) })} />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('sell.carrier')} ({t('common.optional')})
        </Divider>
        <CarrierFields />
        <Form.Item name="storage" label={`${t('sell.storage')} (${t('common.optional')})`} rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder={t('sell.storagePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="quarantineCert"
          label={`${t('sell.quarantine')} (${livestock ? t('sell.quarantineLivestock') : t('common.optional')})`}
          rules={[{ required: livestock, whitespace: true, max: 60, message: t('rule.required', { field: t('sell.quarantine') }) }]}
        >
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
