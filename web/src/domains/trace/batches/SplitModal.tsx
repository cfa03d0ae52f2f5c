import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Modal, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../app/i18n';
import { limitRule } from '../../../app/number-limit';
import type { Batch } from '../trace.types';
import { amount, label } from '../trace-labels';
import { traceApi, useKeyPerOpening } from '../trace.api';
import { useFormSubmit } from '../../../shared/use-action';

type Props = { batch: Batch; open: boolean; onClose: () => void; onSplit: (result: { parent: Batch; parts: Batch[] }) => void };

/** 拆分: parts of the batch's free stock become batches of their own (each its own code, to label separately). */
export function SplitModal({ batch, open, onClose, onSplit }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parts: { quantity?: number }[] }>();
  const key = useKeyPerOpening(open);
  const available = batch.stock - batch.frozen;
  const parts = Form.useWatch('parts', form) ?? [];
  const total = parts.reduce((sum, p) => sum + (p?.quantity ?? 0), 0);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const { busy, submit } = useFormSubmit(form, {
    send: (v) =>
      traceApi.split(
        batch.id,
        v.parts.map((p) => ({ quantity: p.quantity! })),
        key,
      ),
    keep: true,
    done: (result) => {
      void message.success(t('split.done', { n: result.parts.length }));
      onSplit(result);
    },
  });

  return (
    <Modal open={open} title={t('split.title')} okText={t('split.submit')} onOk={submit} confirmLoading={busy} onCancel={onClose} forceRender>
      <Typography.Paragraph type="secondary">{t('split.desc', { available: `${amount(available)} ${label(t, 'unit', batch.unit)}` })}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="split" requiredMark={false} initialValues={{ parts: [{}, {}] }}>
        <Form.List
          name="parts"
          rules={[
            {
              validator: async (_r, value: { quantity?: number }[]) => {
                if (!value?.length) throw new Error(t('split.needPart'));
                if (value.reduce((s, p) => s + (p?.quantity ?? 0), 0) > available + 1e-9) throw new Error(t('split.tooMuch', { n: amount(available) }));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'quantity']} label={t('split.part', { n: i + 1 })} rules={[{ required: true, message: t('rule.required', { field: t('split.part', { n: i + 1 }) }) }, limitRule(t, { positive: true, max: available, unit: label(t, 'unit', batch.unit) })]}>
                    <InputNumber style={{ width: 180 }} suffix={label(t, 'unit', batch.unit)} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('split.remove')} />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('split.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>{t('split.total', { total: amount(total), rest: amount(Math.max(0, available - total)), unit: label(t, 'unit', batch.unit) })}</Typography.Paragraph>
    </Modal>
  );
}
