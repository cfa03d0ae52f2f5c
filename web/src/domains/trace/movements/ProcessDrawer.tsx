import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Divider, Form, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect } from 'react';
import { useI18n } from '../../../app/i18n';
import { limitRule } from '../../../app/number-limit';
import type { Batch, ProductUnit } from '../trace.types';
import { FormDrawer } from '../../../shared/FormDrawer';
import { amount, label, qty } from '../trace-labels';
import { traceApi, useKeyPerOpening } from '../trace.api';
import { useAll } from '../master-data/use-all';
import { useFormSubmit } from '../../../shared/use-action';
import { isAnimalBatch, isLiveAnimalUnit } from '../../../../../src/domains/trace/animal.shared';
import { AnimalFields, animalRequest, type AnimalValues } from '../AnimalFields';

type Values = { inputs: { batchId?: string; quantity?: number }[]; productId: string; quantity: number; productionDate: Dayjs; animal?: AnimalValues };

type Props = { open: boolean; onClose: () => void; onDone: (batch: Batch) => void; /** A batch to start from (its page's 加工 button). */ from?: Batch };

/** 加工: input batches (选择投入批次, each with the quantity used) become a batch of an output product. */
export function ProcessDrawer({ open, onClose, onDone, from }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const key = useKeyPerOpening(open);
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const batches = useAll(traceApi.batches, showError, open);
  const products = useAll(traceApi.products, showError, open);
  const productId = Form.useWatch('productId', form);
  const product = products?.find((p) => p.id === productId);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const usable = (batches ?? []).filter((b) => b.status === 'active' && b.stock - b.frozen > 0);

  const { busy, submit } = useFormSubmit(form, {
    // The output's unit is its product's: nothing is sent until the products have come.
    confirm: async () => product !== undefined,
    send: (v) =>
      traceApi.transform(
        {
          inputs: v.inputs.map((i) => ({ batchId: i.batchId!, quantity: i.quantity! })),
          output: { productId: v.productId, quantity: v.quantity, unit: product!.unit as ProductUnit, productionDate: v.productionDate.format('YYYY-MM-DD'), ...animalRequest(v.animal) },
        },
        key,
      ),
    keep: true,
    done: (batch) => {
      void message.success(t('process.done', { code: batch.code }));
      onDone(batch);
    },
  });

  return (
    <FormDrawer open={open} title={t('process.title')} okText={t('process.submit')} busy={busy} onOk={submit} onClose={onClose} testId="process-drawer">
      <Typography.Paragraph type="secondary">{t('process.desc')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" name="process" requiredMark={false} initialValues={{ inputs: [{ batchId: from?.id }] }}>
        <Divider titlePlacement="start" plain>
          {t('process.inputs')}
        </Divider>
        <Form.List
          name="inputs"
          rules={[
            {
              validator: async (_r, value: unknown[]) => {
                if (!value?.length) throw new Error(t('process.needInput'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} data-testid="process-input">
                  <Col xs={24} sm={14}>
                    <Form.Item name={[field.name, 'batchId']} label={t('process.inputBatch')} rules={[{ required: true, message: t('rule.required', { field: t('process.inputBatch') }) }]}>
                      <Select
                        loading={!batches}
                        showSearch={{ optionFilterProp: 'label' }}
                        options={usable.map((b) => ({ value: b.id, label: `${b.productName} · ${b.code} · ${t('batch.availableShort', { n: qty(t, b.stock - b.frozen, b.unit) })}` }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={18} sm={8}>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const chosen = usable.find((b) => b.id === form.getFieldValue(['inputs', field.name, 'batchId']));
                        return (
                          <Form.Item name={[field.name, 'quantity']} label={t('process.used')} rules={[{ required: true, message: t('rule.required', { field: t('process.used') }) }, limitRule(t, { positive: true, ...(chosen ? { max: chosen.stock - chosen.frozen, unit: label(t, 'unit', chosen.unit) } : {}) })]}>
                            <InputNumber style={{ width: '100%' }} suffix={chosen ? label(t, 'unit', chosen.unit) : undefined} placeholder={chosen ? amount(chosen.stock - chosen.frozen) : undefined} />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                  </Col>
                  <Col xs={6} sm={2} style={{ display: 'flex', alignItems: 'center' }}>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('process.removeInput')} />
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({})} block style={{ marginBottom: 16 }}>
                {t('process.addInput')}
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start" plain>
          {t('process.output')}
        </Divider>
        <Form.Item name="productId" label={t('process.outputProduct')} rules={[{ required: true, message: t('rule.required', { field: t('process.outputProduct') }) }]}>
          <Select loading={!products} showSearch={{ optionFilterProp: 'label' }} options={(products ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.spec}` }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="quantity" label={t('process.outputQuantity')} rules={[{ required: true, message: t('rule.required', { field: t('process.outputQuantity') }) }, limitRule(t, { positive: true, max: 1e9, ...(product ? { unit: label(t, 'unit', product.unit) } : {}) })]}>
              <InputNumber style={{ width: '100%' }} suffix={product ? label(t, 'unit', product.unit) : undefined} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            {/* Empty until given: a preset today would record a processing date nobody stated. */}
            <Form.Item name="productionDate" label={t('process.date')} rules={[{ required: true, message: t('rule.required', { field: t('process.date') }) }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        {/* A slaughterhouse's pork batch says its species, tissue and slaughter; a lab judges it by them. */}
        {product && isAnimalBatch(product.unit, product.classCode) && <AnimalFields live={isLiveAnimalUnit(product.unit)} />}
      </Form>
    </FormDrawer>
  );
}
