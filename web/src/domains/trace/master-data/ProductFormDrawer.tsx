import { App, Form, Input, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { PRODUCT_UNITS, type Product, type ProductUnit } from '../trace.types';
import { FormDrawer } from '../../../shared/FormDrawer';
import { useFormSubmit } from '../../../shared/use-action';
import { gtinProblem } from './gtin';
import { ProductClassCascader } from '../../../shared/ProductClassCascader';
import { label } from '../trace-labels';
import { traceApi } from '../trace.api';

type Values = { name: string; classCode: string; spec: string; unit: ProductUnit; brand?: string; gtin?: string };

/** 添加产品: name, class of the classification, specification, unit, brand, optional GTIN (checked here and by the server). */
export function ProductFormDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (product: Product) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, {
    send: (v) =>
      traceApi.addProduct({
        name: v.name.trim(),
        classCode: v.classCode,
        spec: v.spec.trim(),
        unit: v.unit,
        ...(v.brand?.trim() ? { brand: v.brand.trim() } : {}),
        ...(v.gtin?.trim() ? { gtin: v.gtin.replace(/\s+/g, '') } : {}),
      }),
    fieldOf: { GTIN_INVALID: 'gtin', GTIN_TAKEN: 'gtin', PRODUCT_EXISTS: 'name', PRODUCT_CLASS_NOT_FOUND: 'classCode' },
    done: (product) => {
      void message.success(t('product.added', { name: product.name }));
      onCreated(product);
    },
  });

  return (
    <FormDrawer open={open} title={t('product.add')} okText={t('common.save')} busy={busy} onOk={submit} onClose={onClose} testId="product-drawer">
      <Form<Values> form={form} layout="vertical" name="product" requiredMark={false} initialValues={{ unit: 'kg' }}>
        <Form.Item name="name" label={t('product.name')} rules={[{ required: true, whitespace: true, max: 100, message: t('trace.rule.text', { min: 1, max: 100 }) }]}>
          <Input maxLength={100} placeholder={t('product.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="classCode" label={t('product.class')} rules={[{ required: true, message: t('rule.required', { field: t('product.class') }) }]}>
          <ProductClassCascader />
        </Form.Item>
        <Form.Item name="spec" label={t('product.spec')} rules={[{ required: true, whitespace: true, max: 60, message: t('trace.rule.text', { min: 1, max: 60 }) }]}>
          <Input maxLength={60} placeholder={t('product.specPlaceholder')} />
        </Form.Item>
        <Form.Item name="unit" label={t('product.unit')} extra={t('product.unitHint')} rules={[{ required: true }]}>
          <Select options={PRODUCT_UNITS.map((u) => ({ value: u, label: label(t, 'unit', u) }))} />
        </Form.Item>
        <Form.Item name="brand" label={t('common.withOptional', { label: t('product.brand') })} rules={[{ max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="gtin"
          label={t('common.withOptional', { label: t('product.gtin') })}
          extra={t('product.gtinHint')}
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                if (!value?.trim()) return;
                const problem = gtinProblem(value);
                if (problem) throw new Error(t(problem === 'LENGTH' ? 'product.gtinLength' : 'product.gtinCheck'));
              },
            },
          ]}
        >
          <Input inputMode="numeric" maxLength={20} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
