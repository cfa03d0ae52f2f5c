import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { CERTIFICATE_KINDS, type Certificate, type CertificateKind } from './subject.types';
import { CertificateScanUpload } from './CertificateScanUpload';
import { subjectExtraApi } from './subject-extra.api';
import { label } from './subject-labels';
import { useFormSubmit } from '../../../shared/use-action';

type Values = { kind: CertificateKind; number: string; products: string; issuer?: string; validFrom: Dayjs; validTo: Dayjs; scanFileId: string };

/** Attach a certificate (三品一标, 承诺达标) with the scan of it; it starts unverified. */
export function CertificateFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (certificate: Certificate) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, {
    send: (v) =>
      subjectExtraApi.addCertificate({
        kind: v.kind,
        number: v.number.trim(),
        products: v.products.trim(),
        issuer: v.issuer?.trim() || undefined,
        validFrom: v.validFrom.format('YYYY-MM-DD'),
        validTo: v.validTo.format('YYYY-MM-DD'),
        scanFileId: v.scanFileId,
      }),
    done: (created) => {
      void message.success(t('certs.added', { number: created.number }));
      onCreated(created);
    },
  });

  const required = (field: string) => ({ required: true, whitespace: true, message: t('rule.required', { field }) });
  return (
    <Modal open={open} title={t('certs.add')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('common.save')} forceRender>
      <Form<Values> form={form} layout="vertical" name="new-certificate" requiredMark={false}>
        {/* No preset kind: a certificate filed as 绿色食品 because nobody changed the field would be a false claim. */}
        <Form.Item name="kind" label={t('certs.kind')} rules={[{ required: true, message: t('rule.choose', { field: t('certs.kind') }) }]}>
          <Select options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: label(t, 'certKind', k) }))} />
        </Form.Item>
        <Form.Item name="number" label={t('certs.number')} rules={[required(t('certs.number')), { min: 2, max: 60, message: t('rule.required', { field: t('certs.number') }) }]}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item name="products" label={t('certs.products')} rules={[required(t('certs.products')), { max: 300 }]}>
          <Input maxLength={300} placeholder={t('certs.productsPlaceholder')} />
        </Form.Item>
        <Form.Item name="issuer" label={t('common.withOptional', { label: t('certs.issuer') })} rules={[{ min: 2, max: 100, message: t('rule.required', { field: t('certs.issuer') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="validFrom" label={t('certs.validFrom')} rules={[{ required: true, message: t('rule.required', { field: t('certs.validFrom') }) }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="validTo"
              label={t('certs.validTo')}
              dependencies={['validFrom']}
              rules={[
                { required: true, message: t('rule.required', { field: t('certs.validTo') }) },
                ({ getFieldValue }) => ({
                  validator: async (_r, value: Dayjs | undefined) => {
                    const from = getFieldValue('validFrom') as Dayjs | undefined;
                    if (value && from && value.isBefore(from, 'day')) throw new Error(t('certs.datesOrder'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="scanFileId" label={t('certs.scan')} extra={t('certs.scanHint')} rules={[{ required: true, message: t('certs.scanMissing') }]}>
          <CertificateScanUpload />
        </Form.Item>
      </Form>
    </Modal>
  );
}
