import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useAgencyMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { limitRule } from '../../app/number-limit';
import { PointField, type Point } from '../../shared/LocateButton';
import { RegionCascader } from '../../shared/RegionCascader';
import { FieldPhoto } from '../../shared/FieldPhoto';
import { ProductClassCascader } from '../../shared/ProductClassCascader';
import { newKey } from '../trace/trace.api';
import { label } from '../trace/trace-labels';
import { PRODUCT_UNITS } from '../trace/trace.types';
import { monitoringApi } from './monitoring.api';
import { PLACE_KINDS, type PlaceKind, type Sample, type SampleFacts, type Witness } from './monitoring.types';
import { useAction } from '../../shared/use-action';

type Values = {
  productName?: string;
  classCode?: string;
  subjectName?: string;
  originRegion?: string;
  placeKind: PlaceKind;
  placeName: string;
  regionCode: string;
  quantity: number;
  unit: string;
  sealNo?: string;
  witnesses?: Partial<Witness>[];
  photos?: (string | undefined)[];
  note?: string;
};

const PHOTO_SLOTS = 3;
const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The sheet itself: a product by hand when it has no code, then where and how much was taken, by whom witnessed. */
export function SampleForm({ taskId, facts, holderName, onSaved }: { taskId?: string; facts: SampleFacts | null; /** the subject whose identity was scanned (IdentityScanPage) */ holderName?: string; onSaved: (sample: Sample) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useAgencyMe();
  const [form] = Form.useForm<Values>();
  const [point, setPoint] = useState<Point | null>(null);
  const { busy, run } = useAction();
  const [key] = useState(newKey);

  const submit = async (v: Values) => {
    if (!taskId) return void message.warning(t('sample.pickTaskFirst'));
    await run(async () => {
      const witnesses = (v.witnesses ?? []).filter((w): w is Witness => Boolean(w?.name?.trim() && w.role?.trim()));
      const saved = await monitoringApi.record(
        {
          taskId,
          ...(facts
            ? { code: facts.code }
            : { manual: { productName: v.productName!.trim(), classCode: v.classCode!, subjectName: optional(v.subjectName), originRegion: v.originRegion || undefined } }),
          placeKind: v.placeKind,
          placeName: v.placeName.trim(),
          regionCode: v.regionCode,
          quantity: v.quantity,
          unit: v.unit.trim(),
          sealNo: optional(v.sealNo),
          witnesses,
          photos: (v.photos ?? []).filter((p): p is string => Boolean(p)),
          ...(point ?? {}),
          note: optional(v.note),
        },
        key,
      );
      void message.success(t('sample.saved'));
      onSaved(saved);
    });
  };

  return (
    <Card size="small" title={t('sample.sheet')}>
      <Form<Values>
        form={form}
        layout="vertical"
        name="sample"
        initialValues={{ unit: 'kg', witnesses: [{}], photos: [], ...(holderName ? { subjectName: holderName } : {}) }}
        onFinish={(v) => void submit(v)}
      >
        {!facts && (
          <>
            <Typography.Text strong>{t('sample.manualTitle')}</Typography.Text>
            <Form.Item name="productName" label={t('sample.product')} rules={[{ required: true, max: 100 }]} style={{ marginTop: 8 }}>
              <Input data-testid="sample-manual-name" />
            </Form.Item>
            <Form.Item name="classCode" label={t('sample.class')} rules={[{ required: true }]}>
              <ProductClassCascader />
            </Form.Item>
            <Form.Item name="subjectName" label={t('sample.holderName')} rules={[{ max: 100 }]}>
              <Input data-testid="sample-manual-holder" />
            </Form.Item>
            <Form.Item name="originRegion" label={t('sample.originCounty')} extra={t('sample.originHint')}>
              <RegionCascader within="" regionLevel={3} />
            </Form.Item>
          </>
        )}
        {/* Place and quantity start empty: they are what the sampler saw, never a preset (the unit is only how it is counted). */}
        <Form.Item name="placeKind" label={t('sample.placeKind')} rules={[{ required: true, message: t('rule.choose', { field: t('sample.placeKind') }) }]}>
          <Select options={PLACE_KINDS.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))} data-testid="sample-place-kind" />
        </Form.Item>
        <Form.Item name="placeName" label={t('sample.placeName')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="sample-place-name" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('sample.region')} rules={[{ required: true, message: t('rule.required', { field: t('sample.region') }) }]}>
          <RegionCascader within={me.agency.regionCode} regionLevel={3} />
        </Form.Item>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="quantity" label={t('sample.quantity')} rules={[{ required: true, message: t('rule.required', { field: t('sample.quantity') }) }, limitRule(t, { positive: true, max: 100_000 })]} style={{ flex: 1 }}>
            <InputNumber style={{ width: '100%' }} data-testid="sample-quantity" />
          </Form.Item>
          <Form.Item name="unit" label={t('sample.unit')} rules={[{ required: true }]} style={{ width: 110 }}>
            <Select options={PRODUCT_UNITS.map((u) => ({ value: u, label: label(t, 'unit', u) }))} data-testid="sample-unit" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="sealNo" label={t('sample.sealNo')} rules={[{ max: 40 }]}>
          <Input data-testid="sample-seal" />
        </Form.Item>
        <Typography.Text strong>{t('sample.witnesses')}</Typography.Text>
        <Form.List name="witnesses">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[field.name, 'name']} rules={[{ max: 50 }]} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('sample.witnessName')} data-testid={`sample-witness-name-${i}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} rules={[{ max: 50 }]} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('sample.witnessRole')} data-testid={`sample-witness-role-${i}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('sample.removeWitness')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 5} style={{ margin: '8px 0 16px' }}>
                {t('sample.addWitness')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item label={t('sample.photos')}>
          <Space wrap>
            {Array.from({ length: PHOTO_SLOTS }, (_, i) => (
              <Form.Item key={i} name={['photos', i]} noStyle>
                <FieldPhoto testId={`sample-photo-${i}`} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <PointField label={t('sample.location')} point={point} onChange={setPoint} />
        <Form.Item name="note" label={t('sample.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={!taskId} data-testid="sample-submit">
          {t('sample.submit')}
        </Button>
      </Form>
    </Card>
  );
}
