import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n';
import { limitRule } from '../../app/number-limit';
import { INPUT_KINDS } from './trace.types';
import { label } from './trace-labels';

const DOSE_UNITS = ['kg/亩', 'g/亩', 'ml/亩', 'L/亩', 'kg', 'g', 'ml', 'L', 'kg/头', 'ml/头'];

/** 投入品使用记录: one row per pesticide, fertiliser, feed or veterinary drug used on the batch (Form.List `inputs`). */
export function InputRows() {
  const { t } = useI18n();
  return (
    <Form.List name="inputs">
      {(fields, { add, remove }) => (
        <div className="tn-t-inputs">
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('batch.noInputs')}
            </Typography.Paragraph>
          )}
          {fields.map((field) => (
            <div className="tn-t-input-row" key={field.key} data-testid="input-row">
              <Row gutter={8}>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'kind']} label={t('batch.inputKind')} rules={[{ required: true }]}>
                    <Select options={INPUT_KINDS.map((k) => ({ value: k, label: label(t, 'inputKind', k) }))} aria-label={t('batch.inputKind')} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={16}>
                  <Form.Item name={[field.name, 'name']} label={t('batch.inputName')} rules={[{ required: true, whitespace: true, max: 100, message: t('trace.rule.text', { min: 1, max: 100 }) }]}>
                    <Input maxLength={100} placeholder={t('batch.inputNamePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'dose']} label={t('batch.dose')} rules={[{ required: true, message: t('rule.required', { field: t('batch.dose') }) }, limitRule(t, { positive: true, max: 1e6 })]}>
                    <InputNumber style={{ width: '100%' }} inputMode="decimal" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'doseUnit']} label={t('batch.doseUnit')} rules={[{ required: true, whitespace: true, max: 16, message: t('trace.rule.text', { min: 1, max: 16 }) }]}>
                    <AutoComplete options={DOSE_UNITS.map((u) => ({ value: u }))} maxLength={16} />
                  </Form.Item>
                </Col>
                <Col xs={18} sm={6}>
                  <Form.Item name={[field.name, 'appliedOn']} label={t('batch.appliedOn')} rules={[{ required: true, message: t('rule.required', { field: t('batch.appliedOn') }) }]}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} inputReadOnly={false} />
                  </Form.Item>
                </Col>
                <Col xs={6} sm={2} style={{ display: 'flex', alignItems: 'center' }}>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('batch.removeInput')} />
                </Col>
              </Row>
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'fertilizer', doseUnit: 'kg/亩' })} block data-testid="add-input">
            {t('batch.addInput')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
