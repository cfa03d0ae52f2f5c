import { App, Divider, Form, Input, InputNumber, type FormInstance, type ModalFuncProps } from 'antd';
import { useI18n, type I18n } from '../../../app/i18n';
import { limitRule } from '../../../app/number-limit';
import { LIVE_ANIMAL_UNITS, type Batch, type ProductUnit, type TradeRequest } from '../trace.types';
import { CarrierFields, carrierOf, type CarrierValues } from './CarrierFields';
import { IdentityField } from './IdentityField';
import { amount, label } from '../trace-labels';
import { identityToken, useKeyPerOpening } from '../trace.api';
import { useFormSubmit } from '../../../shared/use-action';

// What every way of letting goods go asks alike (销售 and 入市): whose identity was scanned, how much, and how it
// travels — carrier, storage and, for live animals only, the quarantine certificate (the server demands it too).

export type ShipmentValues = { quantity: number; carrier?: CarrierValues; storage?: string; quarantineCert?: string };

/** The electronic identity scanned or pasted (`…/e/{token}` or the token). */
export function IdentityItem({ label: text, extra, scanTitle }: { label: string; extra?: string; scanTitle: string }) {
  const { t } = useI18n();
  const validator = async (_r: unknown, value: string | undefined) => {
    if (!identityToken(value ?? '')) throw new Error(t('sell.identityInvalid'));
  };
  return (
    <Form.Item name="identity" label={text} extra={extra} rules={[{ validator }]}>
      <IdentityField scanTitle={scanTitle} />
    </Form.Item>
  );
}

/** Quantity (up to what is free), carrier, storage and, for live animals, the quarantine certificate number. */
export function ShipmentItems({ batch }: { batch: Batch }) {
  const { t } = useI18n();
  const available = batch.stock - batch.frozen;
  const livestock = LIVE_ANIMAL_UNITS.includes(batch.unit);
  return (
    <>
      <Form.Item name="quantity" label={t('sell.quantity')} rules={[{ required: true, message: t('rule.required', { field: t('sell.quantity') }) }, limitRule(t, { positive: true, max: available, unit: label(t, 'unit', batch.unit) })]}>
        <InputNumber style={{ width: '100%' }} inputMode="decimal" suffix={label(t, 'unit', batch.unit)} placeholder={t('sell.upTo', { n: amount(available) })} />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('common.withOptional', { label: t('sell.carrier') })}
      </Divider>
      <CarrierFields />
      <Form.Item name="storage" label={t('common.withOptional', { label: t('sell.storage') })} rules={[{ max: 100 }]}>
        <Input maxLength={100} placeholder={t('sell.storagePlaceholder')} />
      </Form.Item>
      {/* The certificate recorded on the batch is offered; a new one (a later 产地检疫) is typed over it. */}
      {livestock && (
        <Form.Item name="quarantineCert" initialValue={batch.animal?.quarantineCert} label={t('common.withNote', { label: t('sell.quarantine'), note: t('sell.quarantineLivestock') })} rules={[{ required: true, whitespace: true, max: 60, message: t('rule.required', { field: t('sell.quarantine') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
      )}
    </>
  );
}

/** The shipment part of a request body, optional fields left out when empty. */
export function shipmentOf(batch: Batch, v: ShipmentValues): Omit<TradeRequest, 'buyerToken' | 'buyer'> {
  const carrier = carrierOf(v.carrier);
  return {
    batchId: batch.id,
    quantity: v.quantity,
    // A batch's unit is its product's, one of PRODUCT_UNITS; the answer carries it as text.
    unit: batch.unit as ProductUnit,
    ...(carrier ? { carrier } : {}),
    ...(v.storage?.trim() ? { storage: v.storage.trim() } : {}),
    ...(v.quarantineCert?.trim() ? { quarantineCert: v.quarantineCert.trim() } : {}),
  };
}

/** A shipment of at least this share of the free stock is confirmed first (a slip of the finger sells a whole lot). */
export const CONFIRM_SHARE = 0.8;

type Confirm = (props: ModalFuncProps) => unknown;

/**
 * Asks the person to confirm a shipment of the whole free stock, or of most of it, naming the quantity; resolves
 * true to go on. Smaller shipments go on without asking.
 */
export function confirmShipment(confirm: Confirm, t: I18n['t'], batch: Batch, quantity: number, title: string): Promise<boolean> {
  const available = batch.stock - batch.frozen;
  if (quantity < available * CONFIRM_SHARE) return Promise.resolve(true);
  const unit = label(t, 'unit', batch.unit);
  const whole = quantity >= available - 1e-9;
  return new Promise((resolve) => {
    confirm({
      title,
      content: t(whole ? 'confirm.sellWhole' : 'confirm.sellLarge', { n: `${amount(quantity)} ${unit}`, available: `${amount(available)} ${unit}` }),
      okText: t('confirm.ok'),
      cancelText: t('confirm.back'),
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/**
 * Sending a shipment (销售, 入市) alike: the form's rules, the question when it takes most of the stock, then one
 * write per opening of the drawer (its idempotency key), refusals under the field they name. The drawer resets its
 * form when opened, not after sending.
 */
export function useShipmentSubmit<V extends ShipmentValues, R>(
  form: FormInstance<V>,
  batch: Batch,
  open: boolean,
  { confirmTitle, send, fieldOf, done }: { confirmTitle: string; send: (values: V, key: string) => Promise<R>; fieldOf: Record<string, string>; done: (result: R) => void },
) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const key = useKeyPerOpening(open);
  return useFormSubmit(form, { confirm: (v) => confirmShipment(modal.confirm, t, batch, v.quantity, confirmTitle), send: (v) => send(v, key), fieldOf, done, keep: true });
}
