import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Segmented, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages.zh';
import { supervisionApi } from './supervision.api';
import type { Checklist, ChecklistItem, Industry } from './supervision.types';
import { useAction } from '../../shared/use-action';

const INDUSTRIES: Industry[] = ['planting', 'livestock', 'fishery'];

/** 检查表模板: a province supervision agency edits its province's checklist of each industry. */
export default function ChecklistsPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [industry, setIndustry] = useState<Industry>('planting');
  const [current, setCurrent] = useState<Checklist | null>(null);
  const [form] = Form.useForm<{ items: ChecklistItem[] }>();
  const { busy, run } = useAction();

  useEffect(() => {
    let live = true;
    supervisionApi.checklist(industry).then(
      (c) => {
        if (!live) return;
        setCurrent(c);
        form.setFieldsValue({ items: c.items });
      },
      (err: unknown) => void message.error(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [industry, form, message, errorText]);

  const save = async (v: { items: ChecklistItem[] }) => {
    await run(async () => {
      setCurrent(await supervisionApi.saveChecklist(industry, v.items));
      void message.success(t('checklists.saved'));
    });
  };

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('menu.checklists')}</Typography.Title>
      </div>
      <Card style={{ maxWidth: 900 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Segmented value={industry} onChange={(v) => setIndustry(v as Industry)} options={INDUSTRIES.map((i) => ({ value: i, label: t(`industry.${i}` as MessageKey) }))} />
          {current && <Typography.Text type="secondary">{current.provinceCode ? t('checklists.version', { v: current.version }) : t('checklists.national')}</Typography.Text>}
          <Form form={form} onFinish={(v) => void save(v)}>
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      {/* The item's code ties answers to it; people see and edit only its words. */}
                      <Form.Item name={[field.name, 'key']} hidden rules={[{ required: true }]}>
                        <Input />
                      </Form.Item>
                      <Form.Item name={[field.name, 'zh']} rules={[{ required: true, max: 100 }]}>
                        <Input placeholder={t('checklists.zh')} style={{ width: 240 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'en']} rules={[{ required: true, max: 160 }]}>
                        <Input placeholder={t('checklists.en')} style={{ width: 240 }} />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('checklists.remove')} />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ key: newItemKey(), zh: '', en: '' })} style={{ marginBottom: 16 }}>
                    {t('checklists.add')}
                  </Button>
                </>
              )}
            </Form.List>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}

/**
 * A new item's code: letters and digits the server accepts, unique without asking anyone to invent one
 * (getRandomValues, not randomUUID: the console may be opened over plain http on an office network).
 */
function newItemKey(): string {
  return `item_${Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
