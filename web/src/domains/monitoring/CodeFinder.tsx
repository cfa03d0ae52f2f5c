import { ScanOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { ScanModal } from '../../shared/ScanModal';
import { traceCodeOf } from '../trace/trace.api';
import { monitoringApi } from './monitoring.api';
import type { SampleFacts } from './monitoring.types';
import { useAction } from '../../shared/use-action';

/**
 * The sampled product's code, scanned with the camera (a label's `…/t/{code}` link) or typed, read into the sheet's
 * facts; or "no code", for a product entered by hand.
 */
export function CodeFinder({ onFound, manual, onManual }: { onFound: (facts: SampleFacts) => void; manual: boolean; onManual: (manual: boolean) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [scanning, setScanning] = useState(false);
  const { busy, run } = useAction();
  const [error, setError] = useState<string | null>(null);

  const find = async (value: string) => {
    const code = traceCodeOf(value);
    if (!code) return;
    setText(code);
    setError(null);
    await run(
      async () => {
        onFound(await monitoringApi.facts(code));
      },
      // The refusal stays in place, inline, rather than as a passing message.
      (_err, said) => {
        setError(said);
        return true;
      },
    );
  };

  return (
    <Card title={t('sample.codeTitle')} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {!manual && (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={text}
              onChange={(e) => setText(e.target.value)}
              onPressEnter={() => void find(text)}
              placeholder={t('sample.codePlaceholder')}
              inputMode="numeric"
              autoComplete="off"
              className="tn-t-code"
              data-testid="sample-code"
            />
            <Button icon={<SearchOutlined />} loading={busy} onClick={() => void find(text)} data-testid="sample-find">
              {t('sample.find')}
            </Button>
            <Button icon={<ScanOutlined />} onClick={() => setScanning(true)} aria-label={t('sample.scan')} data-testid="sample-scan" />
          </Space.Compact>
        )}
        {error && <Typography.Text type="danger" data-testid="sample-code-error">{error}</Typography.Text>}
        <Space>
          <Switch checked={manual} onChange={onManual} data-testid="sample-no-code" />
          <Typography.Text>{t('sample.noCode')}</Typography.Text>
        </Space>
      </Space>
      <ScanModal
        open={scanning}
        title={t('sample.scan')}
        onClose={() => setScanning(false)}
        onResult={(value) => {
          setScanning(false);
          void find(value);
        }}
      />
    </Card>
  );
}
