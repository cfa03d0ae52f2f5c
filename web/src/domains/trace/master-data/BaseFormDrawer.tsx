import { App, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { limitRule } from '../../../app/number-limit';
import { AREA_UNITS, type AreaUnit, type Base } from '../trace.types';
import { PointFields } from '../../../shared/ProfileFields';
import { TownshipCascader } from '../../../shared/TownshipCascader';
import { FormDrawer } from '../../../shared/FormDrawer';
import { useFormSubmit } from '../../../shared/use-action';
import { label } from '../trace-labels';
import { traceApi } from '../trace.api';

type Values = { name: string; regionCode: string; address: string; area?: number; areaUnit?: AreaUnit; lat: number; lng: number };

/** 添加基地: name, township (province → township), address, area, and the map point typed or from the phone's GPS. */
export function BaseFormDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (base: Base) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, {
    send: (v) =>
      traceApi.addBase({
        name: v.name.trim(),
        regionCode: v.regionCode,
        address: v.address.trim(),
        ...(v.area ? { area: v.area, areaUnit: v.areaUnit ?? 'mu' } : {}),
        lat: v.lat,
        lng: v.lng,
      }),
    fieldOf: { BASE_EXISTS: 'name', REGION_NOT_TOWNSHIP: 'regionCode', COORDINATES_OUTSIDE_CHINA: 'lat' },
    done: (base) => {
      void message.success(t('base.added', { name: base.name }));
      onCreated(base);
    },
  });

  return (
    <FormDrawer open={open} title={t('base.add')} okText={t('common.save')} busy={busy} onOk={submit} onClose={onClose} testId="base-drawer">
      <Form<Values> form={form} layout="vertical" name="base" requiredMark={false} initialValues={{ areaUnit: 'mu' }}>
        <Form.Item name="name" label={t('base.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('trace.rule.text', { min: 2, max: 100 }) }]}>
          <Input maxLength={100} placeholder={t('base.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('reg.region')}
          required
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                if (!value || value.length !== 9) throw new Error(t('reg.regionTooShallow'));
              },
            },
          ]}
        >
          <TownshipCascader />
        </Form.Item>
        <Form.Item name="address" label={t('reg.address')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('trace.rule.text', { min: 2, max: 200 }) }]}>
          <Input maxLength={200} placeholder={t('reg.addressPlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="area" label={t('common.withOptional', { label: t('base.area') })} rules={[limitRule(t, { min: 0.01, max: 1e8 })]}>
              <InputNumber style={{ width: '100%' }} inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="areaUnit" label={t('base.areaUnit')}>
              <Select options={AREA_UNITS.map((u) => ({ value: u, label: label(t, 'unit', u) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('reg.point')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('reg.pointHint')}
        </Typography.Paragraph>
        <PointFields step={0.0001} />
      </Form>
    </FormDrawer>
  );
}
