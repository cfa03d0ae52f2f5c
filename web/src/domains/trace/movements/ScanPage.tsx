import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { CameraScanner } from '../../../shared/CameraScanner';
import { CodeResult, IdentityResult } from './ScanResult';
import { identityToken, traceCodeOf } from '../trace.api';
import '../trace.css';

/** What a scan or a typed text is: an electronic identity (`…/e/{token}`) or a code (`…/t/{code}`, or the code). */
function classify(text: string): { kind: 'identity'; token: string } | { kind: 'code'; code: string } | null {
  const value = text.trim();
  if (!value) return null;
  if (/\/e\//.test(value)) {
    const token = identityToken(value);
    if (token) return { kind: 'identity', token };
  }
  return { kind: 'code', code: traceCodeOf(value) };
}

/**
 * /scan: the phone's scan page. The camera reads a QR (a buyer's electronic identity, a trace label); without a
 * camera — or on a computer — the code or link is typed or pasted. The result stays in the address (?q=), so
 * going back returns to it.
 */
export default function ScanPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const found = classify(q);
  const look = (text: string) => {
    setTyped(text);
    setParams(text.trim() ? { q: text.trim() } : {});
  };

  return (
    <div className="tn-t-scan">
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('scan.pageTitle')}</Typography.Title>
        <Typography.Text type="secondary">{t('scan.pageDesc')}</Typography.Text>
      </div>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <CameraScanner onResult={look} />
        </Card>
        <Card title={t('scan.typeTitle')}>
          <Form layout="vertical" onFinish={() => look(typed)} component="form">
            <Form.Item label={t('scan.typeLabel')} extra={t('scan.typeHint')} style={{ marginBottom: 12 }}>
              <Input value={typed} onChange={(e) => setTyped(e.target.value)} inputMode="text" allowClear placeholder="12345678901234567890" data-testid="scan-input" autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} block data-testid="scan-lookup">
              {t('scan.lookup')}
            </Button>
          </Form>
        </Card>
        {found?.kind === 'identity' && <IdentityResult token={found.token} />}
        {found?.kind === 'code' && <CodeResult code={found.code} />}
      </Space>
    </div>
  );
}
