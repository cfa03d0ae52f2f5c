import { App, DatePicker, Form, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { saveBlob } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ProductClassCascader } from '../../../shared/ProductClassCascader';
import { traceApi } from '../trace.api';

type Values = { classCode?: string; days?: [Dayjs | null, Dayjs | null] | null; format: 'xlsx' | 'csv' };

/**
 * The FSMA 204 spreadsheet of a product class over a period (issue 18 §3): an exporter answers a US FDA request for
 * every lot of a commodity in a season at once, not lot by lot. Nothing is chosen for the user: class and period
 * are required.
 */
export default function FsmaPeriodModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const download = async (v: Values) => {
    const [from, to] = [v.days?.[0]?.format('YYYY-MM-DD'), v.days?.[1]?.format('YYYY-MM-DD')];
    if (!v.classCode || !from || !to) return;
    setBusy(true);
    try {
      saveBlob(await traceApi.fsma204Period({ classCode: v.classCode, from, to, format: v.format }), t('fsmaPeriod.file', { classCode: v.classCode, from, to, format: v.format }));
      onClose();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('fsmaPeriod.title')} okText={t('fsmaPeriod.ok')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <p>{t('fsmaPeriod.hint')}</p>
      <Form form={form} layout="vertical" initialValues={{ format: 'xlsx' }} onFinish={(v) => void download(v)}>
        <Form.Item name="classCode" label={t('fsmaPeriod.class')} rules={[{ required: true, message: t('fsmaPeriod.classRequired') }]}>
          <ProductClassCascader />
        </Form.Item>
        <Form.Item name="days" label={t('fsmaPeriod.days')} rules={[{ required: true, message: t('fsmaPeriod.daysRequired') }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="format" label={t('fsmaPeriod.format')}>
          <Radio.Group options={[{ value: 'xlsx', label: t('fsmaPeriod.xlsx') }, { value: 'csv', label: t('fsmaPeriod.csv') }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
