import { ScanOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useAgencyMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { subjectApi } from '../registry/subject.api';
import { ScanModal } from '../trace/ScanModal';
import { identityToken } from '../trace/trace.api';

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
  const [busy, setBusy] = useState(false);

  const find = async (value: string) => {
    const typed = value.trim();
    if (!typed) return;
    setBusy(true);
    try {
      const token = identityToken(typed);
      if (token && typed.includes('/e/')) return onFound((await subjectApi.scan(token)).subject);
      const page = await subjectApi.subjects({ q: typed });
      if (page.items.length === 1) return onFound(page.items[0]!);
      setMatches(page.items);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const record = async (v: { name: string }) => {
    try {
      const created = await api.post<{ id: string; name: string; tempCode: string }>('/registry/temporary-subjects', { category: 0, orgForm: 1, name: v.name, industries: ['planting'], regionCode: me.agency.regionCode });
      onFound({ id: created.id, name: created.name, identityCode: created.tempCode, industries: ['planting'], regionName: null });
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
          <Form layout="vertical" onFinish={(v: { name: string }) => void record(v)} style={{ marginTop: 8 }}>
            <Form.Item name="name" label={t('inspect.newName')} rules={[{ required: true, min: 2, max: 100 }]}>
              <Input />
            </Form.Item>
            <Button htmlType="submit">{t('inspect.recordNew')}</Button>
          </Form>
        </div>
      )}
    </Card>
  );
}
