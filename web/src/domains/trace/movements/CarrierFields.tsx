import { Col, Form, Input, Row } from 'antd';
import { useI18n } from '../../../app/i18n';
import { PHONE_PATTERN } from '../../../shared/phone';

/** 承运信息 (all optional): carrier company, vehicle plate, driver and driver's phone, under `carrier`. */
export function CarrierFields() {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item name={['carrier', 'company']} label={t('sell.carrierCompany')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={12}>
        <Form.Item name={['carrier', 'plate']} label={t('sell.plate')} rules={[{ max: 16 }]}>
          <Input maxLength={16} placeholder="鲁G12345" />
        </Form.Item>
      </Col>
      <Col xs={12} sm={12}>
        <Form.Item name={['carrier', 'driver']} label={t('sell.driver')} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={['carrier', 'phone']} label={t('sell.driverPhone')} rules={[{ pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export type CarrierValues = { company?: string; plate?: string; driver?: string; phone?: string };

/** The carrier as the API takes it: blank fields left out, nothing at all when every field is blank. */
export function carrierOf(values: CarrierValues | undefined): CarrierValues | undefined {
  const entries = Object.entries(values ?? {})
    .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
    .filter(([, v]) => v);
  return entries.length ? Object.fromEntries(entries) : undefined;
}
