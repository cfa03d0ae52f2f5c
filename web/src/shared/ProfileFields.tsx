import { Checkbox, Col, Form, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../app/i18n';
import { limitRule } from '../app/number-limit';
import { INDUSTRIES, ORG_FORMS, OUTPUT_UNITS, SCALE_UNITS, SUBJECT_CATEGORIES, type Industry, type OrgForm } from '../domains/registry/subjects/subject.types';
import { LocateButton } from './LocateButton';
import { insideChina } from '../../../src/domains/registry/subjects/inside-china.shared';
import { unitsFor } from '../../../src/domains/registry/subjects/subject-units.shared';
import { label } from '../domains/registry/subjects/subject-labels';

// Field groups of a subject's registration data, shared by the registration wizard (WhoStep, WhereStep) and the
// change request form: each is rendered inside the antd Form that holds these fields.

type Fields = { industries?: Industry[]; scaleUnit?: string; outputUnit?: string; lat?: number; lng?: number };

/** Category and organisation form (radio groups); `orgFormDisabled` greys out the forms that cannot be chosen. */
export function CategoryFields({ orgFormDisabled }: { orgFormDisabled?: (orgForm: OrgForm) => boolean }) {
  const { t } = useI18n();
  const required = (field: string) => ({ required: true, message: t('rule.required', { field }) });
  return (
    <>
      <Form.Item name="category" label={t('profile.category')} rules={[required(t('profile.category'))]}>
        <Radio.Group options={SUBJECT_CATEGORIES.map((c) => ({ value: c, label: label(t, 'category', c) }))} />
      </Form.Item>
      <Form.Item name="orgForm" label={t('profile.orgForm')} rules={[required(t('profile.orgForm'))]}>
        <Radio.Group options={ORG_FORMS.map((o) => ({ value: o, label: label(t, 'orgForm', o), disabled: orgFormDisabled?.(o) }))} />
      </Form.Item>
    </>
  );
}

/** Industries, then scale and annual output, each with a unit that fits the industries. `formName`: the Form's name (the labels' ids). */
export function ScaleFields({ formName }: { formName: string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<Fields>();
  const industries = Form.useWatch('industries', form) as Industry[] | undefined;
  const scaleUnits = unitsFor(SCALE_UNITS, industries);
  const outputUnits = unitsFor(OUTPUT_UNITS, industries);

  // A unit that no longer fits the industries gives way to the first that does (not before the industries are
  // read: the units the form starts with stay).
  useEffect(() => {
    if (!industries) return;
    const { scaleUnit, outputUnit } = form.getFieldsValue(['scaleUnit', 'outputUnit']) as Fields;
    if (!scaleUnit || !scaleUnits.includes(scaleUnit)) form.setFieldValue('scaleUnit', scaleUnits[0]);
    if (!outputUnit || !outputUnits.includes(outputUnit)) form.setFieldValue('outputUnit', outputUnits[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lists follow the industries
  }, [form, scaleUnits.join(), outputUnits.join()]);

  /** An amount (scale, or annual output) and its unit, side by side under one label. */
  const amount = (name: 'scale' | 'annualOutput', min: number, unit: 'scaleUnit' | 'outputUnit', units: string[], unitLabel: string, extra?: string) => (
    <Form.Item label={t(`profile.${name}`)} required htmlFor={`${formName}_${name}`} extra={extra}>
      <Space.Compact block>
        <Form.Item name={name} noStyle rules={[{ required: true, message: t('rule.required', { field: t(`profile.${name}`) }) }, limitRule(t, { min, max: 1e9 })]}>
          <InputNumber style={{ width: '55%' }} inputMode="decimal" />
        </Form.Item>
        <Form.Item name={unit} noStyle rules={[{ required: true, message: t('reg.pickIndustryFirst') }]}>
          <Select
            style={{ width: '45%' }}
            aria-label={unitLabel}
            disabled={!units.length}
            placeholder={t('reg.pickIndustryFirst')}
            options={units.map((u) => ({ value: u, label: label(t, 'unit', u) }))}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );

  return (
    <>
      <Form.Item name="industries" label={t('profile.industries')} rules={[{ required: true, type: 'array', min: 1, message: t('rule.required', { field: t('profile.industries') }) }]}>
        <Checkbox.Group options={INDUSTRIES.map((i) => ({ value: i, label: label(t, 'industry', i) }))} />
      </Form.Item>
      {amount('scale', 0.0001, 'scaleUnit', scaleUnits, t('reg.scaleUnit'), t('reg.unitsHint'))}
      {amount('annualOutput', 0, 'outputUnit', outputUnits, t('reg.outputUnit'))}
    </>
  );
}

/** The map point: latitude and longitude (inside China), typed or from the phone's GPS. `step`: of the arrows. */
export function PointFields({ step }: { step: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<Fields>();
  const pointRule = {
    validator: async () => {
      const { lat, lng } = form.getFieldsValue(['lat', 'lng']) as Fields;
      if (typeof lat === 'number' && typeof lng === 'number' && !insideChina(lat, lng)) throw new Error(t('reg.outsideChina'));
    },
  };
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="lat" label={t('profile.lat')} dependencies={['lng']} rules={[{ required: true, message: t('rule.required', { field: t('profile.lat') }) }, limitRule(t, { min: -90, max: 90 }), pointRule]}>
            <InputNumber step={step} style={{ width: '100%' }} inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="lng" label={t('profile.lng')} rules={[{ required: true, message: t('rule.required', { field: t('profile.lng') }) }, limitRule(t, { min: -180, max: 180 })]}>
            <InputNumber step={step} style={{ width: '100%' }} inputMode="decimal" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item>
        <LocateButton
          onLocated={(lat, lng) => {
            form.setFieldsValue({ lat, lng });
            void form.validateFields(['lat', 'lng']).catch(() => undefined);
          }}
        />
      </Form.Item>
    </>
  );
}
