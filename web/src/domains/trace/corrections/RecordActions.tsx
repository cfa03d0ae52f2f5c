import { App, Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages.zh';
import { limitRule } from '../../../app/number-limit';
import type { Voided } from '../trace.types';
import { CorrectionHistory } from './CorrectionHistory';
import { gtinProblem } from '../master-data/gtin';
import { ProductClassCascader } from '../../../shared/ProductClassCascader';
import { showOnField } from '../../../shared/form-errors';
import { useKeyPerOpening } from '../trace.api';
import { VoidModal } from './VoidModal';

/** A field of a product or base the console corrects: text, a number with its limits, a choice, a class or a GTIN. */
export type CorrectableField = {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'select' | 'class' | 'gtin';
  min?: number;
  max?: number;
  maxLength?: number;
  optional?: boolean;
  options?: { value: string; label: string }[];
};

/** A GTIN is compared and sent as digits: "6901234 567892" is the same code as "6901234567892". */
const normal = (f: CorrectableField, v: unknown) => (typeof v !== 'string' ? v : f.kind === 'gtin' ? v.replace(/\s+/g, '') : v.trim());

type Props<R, B extends { reason: string }> = {
  kind: 'products' | 'bases';
  record: R & { id: string; status: string; voided: Voided | null };
  fields: CorrectableField[];
  canWrite: boolean;
  /** Sent only the fields that changed (the form's fields are the request's own names) and the reason. */
  correct: (id: string, body: B, key: string) => Promise<R>;
  voidIt: (id: string, reason: string, key: string) => Promise<R>;
  onChanged: (record: R) => void;
};

/** 更正, 作废 and 修改记录 of a product or base in its list: each a dialog, the change confirmed before it is sent. */
export function RecordActions<R, B extends { reason: string }>({ kind, record, fields, canWrite, correct, voidIt, onChanged }: Props<R, B>) {
  const { t, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState<'correct' | 'void' | 'history' | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Record<string, unknown>>();
  const correctKey = useKeyPerOpening(open === 'correct');
  const voidKey = useKeyPerOpening(open === 'void');
  const values = record as unknown as Record<string, unknown>;
  const single = kind === 'products' ? 'product' : 'base';

  useEffect(() => {
    if (open === 'correct') form.setFieldsValue({ ...Object.fromEntries(fields.map((f) => [f.name, values[f.name] ?? undefined])), reason: '' });
  }, [open, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const send = async (body: B) => {
    setBusy(true);
    try {
      onChanged(await correct(record.id, body, correctKey));
      setVersion((v) => v + 1);
      setOpen(null);
      void message.success(t('correct.done'));
    } catch (err) {
      const text = errorText(err);
      if (!showOnField(form, err, { FIELD_IN_USE: 'reason', GTIN_INVALID: 'gtin', GTIN_TAKEN: 'gtin', PRODUCT_CLASS_NOT_FOUND: 'classCode', PRODUCT_EXISTS: 'name', BASE_EXISTS: 'name', COORDINATES_OUTSIDE_CHINA: 'lat' }, text)) void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = {};
    for (const f of fields) {
      const next = normal(f, v[f.name]);
      const now = next === '' || next === undefined ? null : next;
      if (now !== (values[f.name] ?? null)) body[f.name] = now;
    }
    if (!Object.keys(body).length) {
      void message.info(t('correct.nothing'));
      return;
    }
    // The changed fields are named by `fields`, which are the request's own: the body is the correction request.
    const request = { ...body, reason: String(v.reason).trim() } as B;
    modal.confirm({ title: t('correct.confirmTitle'), content: t('correct.confirmBody'), okText: t('correct.confirm'), onOk: () => send(request) });
  };

  return (
    <>
      <Space wrap size={4}>
        {record.voided && (
          <Tag color="error" data-testid="record-voided">
            {t('void.voidedOn', { date: formatDate(record.voided.at), reason: record.voided.reason })}
          </Tag>
        )}
        {canWrite && record.status === 'active' && (
          <>
            <Button size="small" onClick={() => setOpen('correct')}>
              {t('correct.action')}
            </Button>
            <Button size="small" danger onClick={() => setOpen('void')}>
              {t('void.action')}
            </Button>
          </>
        )}
        <Button size="small" type="link" onClick={() => setOpen('history')}>
          {t('history.show')}
        </Button>
      </Space>
      <Modal open={open === 'correct'} title={t(`correct.${single}Title` as MessageKey)} okText={t('correct.confirm')} okButtonProps={{ loading: busy }} onOk={() => void submit().catch(() => undefined)} onCancel={() => setOpen(null)} forceRender>
        <Alert type="info" showIcon title={t(`correct.${single}Hint` as MessageKey)} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" name={`${single}-correct-${record.id}`} requiredMark={false}>
          {fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              rules={
                f.kind === 'number'
                  ? [{ required: !f.optional, message: t('rule.required', { field: f.label }) }, limitRule(t, { ...(f.min !== undefined ? { min: f.min } : {}), ...(f.max !== undefined ? { max: f.max } : {}) })]
                  : f.kind === 'select' || f.kind === 'class'
                    ? [{ required: !f.optional, message: t('rule.choose', { field: f.label }) }]
                    : f.kind === 'gtin'
                      ? [
                          {
                            validator: async (_: unknown, value?: string) => {
                              if (!value?.trim()) return;
                              const problem = gtinProblem(value);
                              if (problem) throw new Error(t(problem === 'LENGTH' ? 'product.gtinLength' : 'product.gtinCheck'));
                            },
                          },
                        ]
                      : [{ required: !f.optional, whitespace: true, max: f.maxLength ?? 100, message: t('rule.required', { field: f.label }) }]
              }
            >
              {f.kind === 'number' ? (
                <InputNumber style={{ width: '100%' }} />
              ) : f.kind === 'select' ? (
                <Select options={f.options ?? []} allowClear={f.optional} />
              ) : f.kind === 'class' ? (
                <ProductClassCascader />
              ) : (
                <Input maxLength={f.maxLength ?? (f.kind === 'gtin' ? 20 : 100)} inputMode={f.kind === 'gtin' ? 'numeric' : undefined} />
              )}
            </Form.Item>
          ))}
          <Form.Item name="reason" label={t('correct.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 300, message: t('trace.rule.text', { min: 2, max: 300 }) }]}>
            <Input.TextArea rows={2} maxLength={300} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <VoidModal
        open={open === 'void'}
        title={t(`void.${single}Title` as MessageKey)}
        // Every row of the list keeps its dialogs in the page: ids (and so labels) must be the row's own.
        formName={`${single}-void-${record.id}`}
        hint={t(`void.${single}Hint` as MessageKey)}
        onClose={() => setOpen(null)}
        onSubmit={async (reason) => {
          try {
            onChanged(await voidIt(record.id, reason, voidKey));
            setVersion((v) => v + 1);
            setOpen(null);
            void message.success(t('void.done'));
          } catch (err) {
            void message.error(errorText(err));
          }
        }}
      />
      <Modal open={open === 'history'} title={t('history.title')} footer={null} onCancel={() => setOpen(null)} width={640}>
        {open === 'history' && <CorrectionHistory kind={kind} targetId={record.id} version={version} />}
      </Modal>
    </>
  );
}
