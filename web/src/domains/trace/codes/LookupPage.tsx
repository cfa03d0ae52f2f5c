import { ScanOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { LookupResult } from './LookupResult';
import { ScanModal } from '../../../shared/ScanModal';
import { TracePageTitle } from '../TracePageTitle';
import { identityToken, traceCodeOf } from '../trace.api';
import '../trace.css';

/**
 * /trace/lookup (追溯查询), for officials: a code typed, pasted (a label's `…/t/{code}` link) or scanned; what it
 * is, the batch of the jurisdiction behind it, its chain both ways, and the recall list. The code stays in the
 * address (?code=), so going back returns to the last one, and a batch clicked in the chain is looked up in turn.
 */
export default function LookupPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [typed, setTyped] = useState(code);
  // The field follows the address: back and forward, and a batch clicked in the chain, show the code looked up.
  const [addressCode, setAddressCode] = useState(code);
  if (code !== addressCode) {
    setAddressCode(code);
    setTyped(code);
  }
  const [scanning, setScanning] = useState(false);

  const look = (text: string) => {
    const value = text.trim();
    // A subject's electronic identity scanned by mistake: its own page says who it is.
    const token = /\/e\//.test(value) ? identityToken(value) : null;
    if (token) return navigate(`/identity/${encodeURIComponent(token)}`);
    const next = value ? traceCodeOf(value) : '';
    setParams(next ? { code: next } : {});
    window.scrollTo({ top: 0 });
  };

  return (
    <div data-testid="lookup-page">
      <TracePageTitle title={t('lookup.title')} desc={t('lookup.desc')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Form layout="vertical" component="form" onFinish={() => look(typed)}>
            <Form.Item label={t('lookup.inputLabel')} extra={t('lookup.inputHint')} style={{ marginBottom: 12 }}>
              <Input
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                allowClear
                inputMode="text"
                autoComplete="off"
                placeholder="12345678901234567890"
                className="tn-t-code"
                data-testid="lookup-input"
              />
            </Form.Item>
            <div className="tn-t-actions">
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="lookup-submit">
                {t('lookup.submit')}
              </Button>
              <Button icon={<ScanOutlined />} onClick={() => setScanning(true)} data-testid="lookup-scan">
                {t('lookup.scan')}
              </Button>
            </div>
          </Form>
        </Card>
        {code && <LookupResult key={code} code={code} onLookup={look} />}
      </Space>
      <ScanModal
        open={scanning}
        title={t('lookup.scanTitle')}
        onClose={() => setScanning(false)}
        onResult={(text) => {
          setScanning(false);
          look(text);
        }}
      />
    </div>
  );
}
