import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { limitRule } from '../../../app/number-limit';
import { INPUT_KINDS } from '../trace.types';
import { label } from '../trace-labels';

import { DOSE_UNITS } from '../../../../../src/domains/trace/dose-units.shared';

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
                  <Form.Item name={[field.name, 'kind']} label={t('batch.inputKind')} rules={[{ required: true, message: t('rule.choose', { field: t('batch.inputKind') }) }]}>
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
                  <Form.Item name={[field.name, 'doseUnit']} label={t('batch.doseUnit')} rules={[{ required: true, message: t('rule.choose', { field: t('batch.doseUnit') }) }]}>
                    <Select options={DOSE_UNITS.map((u) => ({ value: u, label: label(t, 'doseUnit', u) }))} aria-label={t('batch.doseUnit')} />
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
          {/* A new row starts empty: a preset kind or unit would record what nobody chose. */}
          <Button icon={<PlusOutlined />} onClick={() => add()} block data-testid="add-input">
            {t('batch.addInput')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
