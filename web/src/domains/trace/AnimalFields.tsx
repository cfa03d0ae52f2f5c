import { Alert, Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ANIMAL_SPECIES, ANIMAL_TISSUES, type AnimalDetails } from '../../../../src/domains/trace/animal.shared';
import { useI18n } from '../../app/i18n';
import { label } from './trace-labels';

export type AnimalValues = { species?: AnimalDetails['species']; tissue?: AnimalDetails['tissue']; slaughterhouse?: string; slaughterDate?: Dayjs; quarantineCert?: string };

/** The form's livestock section as the server takes it; nothing when no species was chosen (the section is optional). */
export function animalRequest(v: AnimalValues | undefined): { animal?: AnimalDetails } {
  if (!v?.species) return {};
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const animal: AnimalDetails = { species: v.species };
  if (v.tissue) animal.tissue = v.tissue;
  const slaughterhouse = text(v.slaughterhouse);
  if (slaughterhouse) animal.slaughterhouse = slaughterhouse;
  if (v.slaughterDate) animal.slaughterDate = v.slaughterDate.format('YYYY-MM-DD');
  const cert = text(v.quarantineCert);
  if (cert) animal.quarantineCert = cert;
  return { animal };
}

/**
 * 畜禽信息 of a batch of live animals (species, quarantine certificate) or of an animal product (also tissue and
 * slaughter): under the form item `animal`. Live animals have no tissue nor slaughter, as the server says too.
 */
export function AnimalFields({ live }: { live: boolean }) {
  const { t } = useI18n();
  const optional = (key: Parameters<typeof t>[0]) => t('common.withOptional', { label: t(key) });
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('animal.section')}
      </Divider>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('animal.hint')} />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={['animal', 'species']} label={optional('animal.species')}>
            <Select allowClear options={ANIMAL_SPECIES.map((s) => ({ value: s, label: label(t, 'species', s) }))} data-testid="animal-species" />
          </Form.Item>
        </Col>
        {!live && (
          <Col xs={24} sm={12}>
            <Form.Item name={['animal', 'tissue']} label={optional('animal.tissue')}>
              <Select allowClear options={ANIMAL_TISSUES.map((s) => ({ value: s, label: label(t, 'tissue', s) }))} data-testid="animal-tissue" />
            </Form.Item>
          </Col>
        )}
      </Row>
      {!live && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name={['animal', 'slaughterhouse']} label={optional('animal.slaughterhouse')} rules={[{ min: 2, max: 100 }]}>
              <Input maxLength={100} data-testid="animal-slaughterhouse" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['animal', 'slaughterDate']} label={optional('animal.slaughterDate')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="animal-slaughter-date" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name={['animal', 'quarantineCert']} label={optional('animal.quarantineCert')} extra={t('animal.quarantineCertHint')} rules={[{ max: 60 }]}>
        <Input maxLength={60} data-testid="animal-quarantine-cert" />
      </Form.Item>
    </>
  );
}
