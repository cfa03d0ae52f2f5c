import { FilePdfOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { CERTIFICATE_BASES, LABEL_FORMATS, LABEL_LAYOUTS, MAX_COPIES, type CertificateBasis, type LabelFormat, type LabelLayout } from '../../../../../src/domains/trace/labels/label.shared';
import { saveBlob } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { limitProblem } from '../../../app/number-limit';
import { label } from '../trace-labels';
import { traceApi } from '../trace.api';

type Props = { batchId: string; code: string; title?: string; certificate?: boolean };

/** A ZPL label is for the thermal printer: a roll size, no sheet. */
const layoutsFor = (format: LabelFormat): readonly LabelLayout[] => (format === 'zpl' ? LABEL_LAYOUTS.filter((l) => l !== 'a4') : LABEL_LAYOUTS);
/** One PNG or SVG is one label; PDF and ZPL print as many as asked. */
const hasCopies = (format: LabelFormat) => format === 'pdf' || format === 'zpl';

/**
 * 打印: trace-code labels (QR of the code with the product in Chinese) as PDF, PNG, SVG or ZPL, on an A4 sheet or a
 * thermal roll, and the 承诺达标合格证 carrying the trace code (证码融合) as a PDF sheet, downloaded to print.
 */
export function PrintCard({ batchId, code, title, certificate = true }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [format, setFormat] = useState<LabelFormat>('pdf');
  const [layout, setLayout] = useState<LabelLayout>('a4');
  const [copies, setCopies] = useState<number | null>(1);
  const [basis, setBasis] = useState<CertificateBasis | 'auto'>('auto');
  const [tested, setTested] = useState<string[]>([]);
  // 用什么药、检什么药: a testing basis names what was tested; the server refuses one missing a recorded pesticide.
  const testing = basis === 'auto' || basis === 'self_test' || basis === 'entrusted_test';
  const [busy, setBusy] = useState<'label' | 'certificate' | null>(null);
  // A count outside 1…MAX_COPIES is refused where it was typed, never printed as some other count.
  const copiesProblem = copies === null ? t('rule.required', { field: t('print.copies') }) : limitProblem(t, copies, { min: 1, max: MAX_COPIES, integer: true });
  const labelBlocked = hasCopies(format) && copiesProblem !== null;

  const download = async (what: 'label' | 'certificate') => {
    if (copies === null || (what === 'label' ? labelBlocked : copiesProblem !== null)) return;
    setBusy(what);
    try {
      if (what === 'label') saveBlob(await traceApi.label(batchId, { format, layout, ...(hasCopies(format) ? { copies } : {}) }), `label-${code}-${layout}.${format}`);
      else saveBlob(await traceApi.certificate(batchId, { copies, ...(basis === 'auto' ? {} : { basis }), ...(testing ? { testedItems: tested } : {}) }), `certificate-${code}.pdf`);
      void message.success(t('print.downloaded'));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={title ?? t('print.title')} data-testid="print-card">
      <Typography.Paragraph type="secondary">{t('print.desc')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item label={t('print.format')}>
              <Select<LabelFormat>
                value={format}
                onChange={(f) => {
                  setFormat(f);
                  if (!layoutsFor(f).includes(layout)) setLayout('roll-60x40');
                }}
                options={LABEL_FORMATS.map((f) => ({ value: f, label: label(t, 'labelFormat', f) }))}
                aria-label={t('print.format')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label={t('print.layout')}>
              <Select<LabelLayout> value={layout} onChange={setLayout} options={layoutsFor(format).map((l) => ({ value: l, label: label(t, 'labelLayout', l) }))} aria-label={t('print.layout')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('print.copies')} extra={hasCopies(format) ? undefined : t('print.oneLabel')} validateStatus={copiesProblem ? 'error' : undefined} help={copiesProblem ?? undefined}>
              <InputNumber value={copies} onChange={(n) => setCopies(n)} style={{ width: '100%' }} disabled={!hasCopies(format)} />
            </Form.Item>
          </Col>
        </Row>
        {certificate && testing && (
          // Its own full-width line: beside the basis and the button it would widen a phone's page.
          <Form.Item label={t('print.testedItems')}>
            <Select<string[]>
              mode="tags"
              value={tested}
              onChange={setTested}
              tokenSeparators={[',', '，', '、']}
              aria-label={t('print.testedItems')}
              style={{ width: '100%' }}
              open={false}
              data-testid="certificate-tested-items"
            />
          </Form.Item>
        )}
      </Form>
      <Space wrap>
        <Button type="primary" icon={format === 'pdf' ? <FilePdfOutlined /> : <PrinterOutlined />} loading={busy === 'label'} disabled={labelBlocked} onClick={() => void download('label')} data-testid="download-label">
          {t('print.label')}
        </Button>
        {certificate && (
          <Space.Compact>
            <Select<CertificateBasis | 'auto'>
              value={basis}
              onChange={setBasis}
              options={[{ value: 'auto' as const, label: t('print.basisAuto') }, ...CERTIFICATE_BASES.map((b) => ({ value: b, label: label(t, 'certBasis', b) }))]}
              aria-label={t('print.basis')}
              popupMatchSelectWidth={false}
            />
            <Button icon={<SafetyCertificateOutlined />} loading={busy === 'certificate'} disabled={copiesProblem !== null} onClick={() => void download('certificate')} data-testid="download-certificate">
              {t('print.certificate')}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </Card>
  );
}
