import { Form, Input } from 'antd';
import { useI18n } from '../../../app/i18n';
import { CategoryFields, ScaleFields } from '../../../shared/ProfileFields';

/** Step 1, who: category, organisation form, name, industries, scale and output with units that fit. */
export function WhoStep() {
  const { t } = useI18n();
  return (
    <>
      <CategoryFields />
      <Form.Item name="name" label={t('reg.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('rule.required', { field: t('reg.name') }) }]}>
        <Input maxLength={100} placeholder={t('reg.namePlaceholder')} />
      </Form.Item>
      <ScaleFields formName="register" />
    </>
  );
}
