import { DeleteOutlined, PlusOutlined, ScanOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useAgencyMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { INDUSTRIES, type Industry } from '../registry/subjects/subject.types';
import { CategoryFields } from '../../shared/ProfileFields';
import { label } from '../registry/subjects/subject-labels';
import { subjectApi } from '../registry/subjects/subject.api';
import { ProductClassCascader } from '../../shared/ProductClassCascader';
import { ScanModal } from '../../shared/ScanModal';
import { identityToken } from '../trace/trace.api';
import { useAction } from '../../shared/use-action';

type NewSubject = { name: string; category: number; orgForm: number; industries: Industry[]; products?: { name: string; classCode: string }[] };

export type FoundSubject = { id: string; name: string; identityCode: string; industries: string[]; regionName: string | null };

/**
 * Who is inspected: the electronic identity scanned with the camera (or its link pasted), or an identity code,
 * ID number or name typed and searched in the jurisdiction; a producer not on the platform is recorded here.
 */
export function SubjectFinder({ onFound }: { onFound: (subject: FoundSubject) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const me = useAgencyMe();
  const [text, setText] = useState('');
  const [scanning, setScanning] = useState(false);
  const [matches, setMatches] = useState<FoundSubject[] | null>(null);
  const { busy, run } = useAction();

  const find = async (value: string) => {
    const typed = value.trim();
    if (!typed) return;
    await run(async () => {
      const token = identityToken(typed);
      if (token && typed.includes('/e/')) return onFound((await subjectApi.scan(token)).subject);
      const page = await subjectApi.subjects({ q: typed });
      if (page.items.length === 1) return onFound(page.items[0]!);
      setMatches(page.items);
    });
  };

  const record = async (v: NewSubject) => {
    try {
      const products = (v.products ?? []).filter((p) => p?.name && p.classCode);
      const body = { category: v.category, orgForm: v.orgForm, name: v.name, industries: v.industries, regionCode: me.agency.regionCode, ...(products.length ? { products } : {}) };
      const created = await api.post<{ id: string; name: string; tempCode: string }>('/registry/temporary-subjects', body);
      onFound({ id: created.id, name: created.name, identityCode: created.tempCode, industries: v.industries, regionName: null });
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Card title={t('inspect.findSubject')}>
      <Space.Compact style={{ width: '100%' }}>
        <Input value={text} onChange={(e) => setText(e.target.value)} onPressEnter={() => void find(text)} placeholder={t('inspect.codePlaceholder')} data-testid="inspect-code" />
        <Button icon={<SearchOutlined />} loading={busy} onClick={() => void find(text)} data-testid="inspect-find">
          {t('inspect.search')}
        </Button>
        <Button icon={<ScanOutlined />} onClick={() => setScanning(true)} aria-label={t('inspect.scan')} />
      </Space.Compact>
      <ScanModal
        open={scanning}
        title={t('inspect.scan')}
        onClose={() => setScanning(false)}
        onResult={(value) => {
          setScanning(false);
          setText(value);
          void find(value);
        }}
      />
      {matches && matches.length > 1 && (
        <List
          size="small"
          dataSource={matches}
          renderItem={(s) => (
            <List.Item key={s.id} onClick={() => onFound(s)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={s.name} description={s.identityCode} />
            </List.Item>
          )}
        />
      )}
      {matches && matches.length === 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="warning">{t('inspect.noMatch')}</Typography.Text>
          <Form<NewSubject>
            layout="vertical"
            name="temporary-subject"
            initialValues={{ category: 0, orgForm: 1, industries: ['planting'], products: [{}] }}
            onFinish={(v) => void record(v)}
            style={{ marginTop: 8 }}
          >
            <Form.Item name="name" label={t('inspect.newName')} rules={[{ required: true, min: 2, max: 100 }]}>
              <Input data-testid="temp-name" />
            </Form.Item>
            <CategoryFields />
            <Form.Item name="industries" label={t('profile.industries')} rules={[{ required: true, type: 'array', min: 1, message: t('rule.required', { field: t('profile.industries') }) }]}>
              <Checkbox.Group options={INDUSTRIES.map((i) => ({ value: i, label: label(t, 'industry', i) }))} />
            </Form.Item>
            <Typography.Text strong>{t('inspect.newProducts')}</Typography.Text>
            <Form.List name="products">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" wrap style={{ display: 'flex', marginTop: 8 }}>
                      <Form.Item name={[field.name, 'name']} rules={[{ max: 100 }]} style={{ marginBottom: 0 }}>
                        <Input placeholder={t('inspect.productName')} data-testid="temp-product-name" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'classCode']} style={{ marginBottom: 0, minWidth: 180 }}>
                        <ProductClassCascader />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label={t('inspect.removeProduct')} onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ margin: '8px 0 16px' }} disabled={fields.length >= 20}>
                    {t('inspect.addProduct')}
                  </Button>
                </>
              )}
            </Form.List>
            <div>
              <Button htmlType="submit" data-testid="temp-record">
                {t('inspect.recordNew')}
              </Button>
            </div>
          </Form>
        </div>
      )}
    </Card>
  );
}
