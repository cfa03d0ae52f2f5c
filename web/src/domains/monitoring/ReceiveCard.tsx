import { App, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { monitoringApi } from './monitoring.api';
import type { Sample } from './monitoring.types';
import { useAction } from '../../shared/use-action';

/** 样品交接: the lab takes the sample in (seal intact, condition), with a note. */
export function ReceiveCard({ sample, onSaved }: { sample: Sample; onSaved: (sample: Sample) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const { busy, run } = useAction();
  const receive = async () => {
    await run(async () => {
      onSaved(await monitoringApi.receive(sample.id, note.trim() || undefined));
      void message.success(t('receive.done'));
    });
  };
  return (
    <Card title={t('receive.title')} size="small" data-testid="receive-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('receive.hint', { seal: sample.sealNo ?? '—' })}</Typography.Text>
        <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('receive.note')} maxLength={500} data-testid="receive-note" />
        <Button type="primary" loading={busy} onClick={() => void receive()} data-testid="receive-submit">
          {t('receive.submit')}
        </Button>
      </Space>
    </Card>
  );
}
