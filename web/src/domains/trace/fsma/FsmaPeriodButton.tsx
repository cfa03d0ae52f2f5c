import { FileExcelOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { saveBlob } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ProductClassCascader } from '../../../shared/ProductClassCascader';
import { traceApi } from '../trace.api';
import { useAction } from '../../../shared/use-action';

type Values = { classCode?: string; days?: [Dayjs | null, Dayjs | null] | null; format: 'xlsx' | 'csv' };

/**
 * The FSMA 204 spreadsheet of a product class over a period (issue 18 §3): an exporter answers a US FDA request for
 * every lot of a commodity in a season at once, not lot by lot. Nothing is chosen for the user: class and period
 * are required.
 */
export function FsmaPeriodButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { busy, run } = useAction();
  const [form] = Form.useForm<Values>();
  const download = async (v: Values) => {
    const [from, to] = [v.days?.[0]?.format('YYYY-MM-DD'), v.days?.[1]?.format('YYYY-MM-DD')];
    const classCode = v.classCode;
    if (!classCode || !from || !to) return;
    await run(async () => {
      saveBlob(await traceApi.fsma204Period({ classCode, from, to, format: v.format }), t('fsmaPeriod.file', { classCode, from, to, format: v.format }));
      setOpen(false);
    });
  };
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)} data-testid="fsma-period">
        {t('fsmaPeriod.button')}
      </Button>
      <Modal open={open} title={t('fsmaPeriod.title')} okText={t('fsmaPeriod.ok')} confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
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
    </>
  );
}
