import { Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../app/i18n';
import { INDUSTRIES, ORG_FORMS, OUTPUT_UNITS, SCALE_UNITS, SUBJECT_CATEGORIES, type Industry } from '../../app/types';
import type { WizardValues } from './registration-form';
import { unitsFor } from './registration-rules';
import { label } from './subject-labels';

/** Step 1, who: category, organisation form, name, industries, scale and output with units that fit. */
export function WhoStep() {
  const { t } = useI18n();
  const form = Form.useFormInstance<WizardValues>();
  const industries = Form.useWatch('industries', form) as Industry[] | undefined;
  const scaleUnits = unitsFor(SCALE_UNITS, industries);
  const outputUnits = unitsFor(OUTPUT_UNITS, industries);

  // A unit that no longer fits the industries gives way to the first that does.
  useEffect(() => {
    const { scaleUnit, outputUnit } = form.getFieldsValue(['scaleUnit', 'outputUnit']) as Partial<WizardValues>;
    if (!scaleUnit || !scaleUnits.includes(scaleUnit)) form.setFieldValue('scaleUnit', scaleUnits[0]);
    if (!outputUnit || !outputUnits.includes(outputUnit)) form.setFieldValue('outputUnit', outputUnits[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lists follow the industries
  }, [form, scaleUnits.join(), outputUnits.join()]);

  const required = (field: string) => ({ required: true, message: t('rule.required', { field }) });
  const unitSelect = (units: string[], name: 'scaleUnit' | 'outputUnit', aria: string) => (
    <Form.Item name={name} noStyle rules={[{ required: true, message: t('reg.pickIndustryFirst') }]}>
      <Select
        style={{ width: '45%' }}
        aria-label={aria}
        disabled={!units.length}
        placeholder={t('reg.pickIndustryFirst')}
        options={units.map((u) => ({ value: u, label: label(t, 'unit', u) }))}
      />
    </Form.Item>
  );

  return (
    <>
      <Form.Item name="category" label={t('profile.category')} rules={[required(t('profile.category'))]}>
        <Radio.Group options={SUBJECT_CATEGORIES.map((c) => ({ value: c, label: label(t, 'category', c) }))} />
      </Form.Item>
      <Form.Item name="orgForm" label={t('profile.orgForm')} rules={[required(t('profile.orgForm'))]}>
        <Radio.Group options={ORG_FORMS.map((o) => ({ value: o, label: label(t, 'orgForm', o) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('reg.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('rule.required', { field: t('reg.name') }) }]}>
        <Input maxLength={100} placeholder={t('reg.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="industries" label={t('profile.industries')} rules={[{ required: true, type: 'array', min: 1, message: t('rule.required', { field: t('profile.industries') }) }]}>
        <Checkbox.Group options={INDUSTRIES.map((i) => ({ value: i, label: label(t, 'industry', i) }))} />
      </Form.Item>
      <Form.Item label={t('profile.scale')} required htmlFor="register_scale" extra={t('reg.unitsHint')}>
        <Space.Compact block>
          <Form.Item name="scale" noStyle rules={[{ required: true, type: 'number', min: 0.0001, message: t('rule.required', { field: t('profile.scale') }) }]}>
            <InputNumber style={{ width: '55%' }} min={0} max={1e9} inputMode="decimal" />
          </Form.Item>
          {unitSelect(scaleUnits, 'scaleUnit', t('reg.scaleUnit'))}
        </Space.Compact>
      </Form.Item>
      <Form.Item label={t('profile.annualOutput')} required htmlFor="register_annualOutput">
        <Space.Compact block>
          <Form.Item name="annualOutput" noStyle rules={[{ required: true, type: 'number', min: 0, message: t('rule.required', { field: t('profile.annualOutput') }) }]}>
            <InputNumber style={{ width: '55%' }} min={0} max={1e9} inputMode="decimal" />
          </Form.Item>
          {unitSelect(outputUnits, 'outputUnit', t('reg.outputUnit'))}
        </Space.Compact>
      </Form.Item>
    </>
  );
}
