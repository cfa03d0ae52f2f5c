import { DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { registryApi } from '../registry/registry.api';
import { incidentsApi, type IncidentLevel } from './incidents.api';
import { useAction } from '../../shared/use-action';

/** 报告内容: 时间、地点、现象、影响业务范围及趋势、措施、恢复预期, the level and the provinces concerned. */
export function ReportIncidentModal({ open, onClose, onReported }: { open: boolean; onClose: () => void; onReported: (id: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { busy, run } = useAction();
  const [error, setError] = useState<string | null>(null);
  const [provinces, setProvinces] = useState<{ code: string; name: string }[]>([]);
  // One key per opened form: a retried submit after a lost answer does not report twice.
  const key = useRef('');
  useEffect(() => {
    if (!open) return;
    key.current = crypto.getRandomValues(new Uint32Array(4)).join('-');
    form.resetFields();
    form.setFieldsValue({ occurredAt: dayjs(), provinces: [] });
    setError(null);
    void registryApi
      .regions()
      .then((p) => setProvinces(p.items))
      .catch(() => setProvinces([]));
  }, [open, form]);
  const level = Form.useWatch('level', form) as IncidentLevel | undefined;

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    await run(
      async () => {
        const created = await incidentsApi.report(
          {
            level: v.level,
            occurredAt: (v.occurredAt as dayjs.Dayjs).toISOString(),
            place: v.place.trim(),
            phenomenon: v.phenomenon.trim(),
            impact: v.impact.trim(),
            measures: v.measures.trim(),
            expectedRecovery: v.expectedRecovery.trim(),
            provinces: v.provinces ?? [],
          },
          key.current,
        );
        onClose();
        onReported(created.id);
      },
      // The refusal stays in place, inline, rather than as a passing message.
      (_err, said) => {
        setError(said);
        return true;
      },
    );
  };
  const required = [{ required: true, whitespace: true, min: 2, message: t('incident.fieldRequired') }];
  return (
    <Modal open={open} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} confirmLoading={busy} title={t('incident.report')} okText={t('incident.report')} width={640} destroyOnHidden data-testid="incident-report-modal">
      <Form form={form} layout="vertical">
        <Form.Item name="level" label={t('incident.level')} rules={[{ required: true, message: t('incident.fieldRequired') }]}>
          <Radio.Group options={([1, 2, 3] as const).map((l) => ({ value: l, label: t(`incident.level.${l}`) }))} data-testid="incident-level" />
        </Form.Item>
        {level && <Typography.Paragraph type="secondary">{t(`incident.levelHelp.${level}`)}</Typography.Paragraph>}
        <Form.Item name="occurredAt" label={t('incident.occurredAt')} rules={[{ required: true, message: t('incident.fieldRequired') }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('incident.place')} rules={required}>
          <Input maxLength={200} data-testid="incident-place" />
        </Form.Item>
        <Form.Item name="phenomenon" label={t('incident.phenomenon')} rules={required}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="incident-phenomenon" />
        </Form.Item>
        <Form.Item name="impact" label={t('incident.impact')} rules={required}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="incident-impact" />
        </Form.Item>
        <Form.Item name="measures" label={t('incident.measures')} rules={required}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="incident-measures" />
        </Form.Item>
        <Form.Item name="expectedRecovery" label={t('incident.expectedRecovery')} rules={required}>
          <Input maxLength={1000} data-testid="incident-expected" />
        </Form.Item>
        <Form.Item name="provinces" label={t('incident.provinces')} extra={t('incident.provincesHint')}>
          <Select mode="multiple" allowClear options={provinces.map((p) => ({ value: p.code, label: p.name }))} optionFilterProp="label" data-testid="incident-provinces" />
        </Form.Item>
        {error && (
          <Typography.Paragraph type="danger" role="alert">
            {error}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
