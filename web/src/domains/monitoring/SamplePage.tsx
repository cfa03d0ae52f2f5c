import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { CodeFinder } from './CodeFinder';
import { SampleFactsCard } from './SampleFactsCard';
import { SampleForm } from './SampleForm';
import { TaskPicker } from './TaskPicker';
import type { SampleFacts } from './monitoring.types';
import '../../shared/field-page.css';
import './monitoring.css';

/**
 * 抽样, built for a phone: the accepted task, the product's code scanned or typed (its facts fill the sheet) or a
 * product without a code entered by hand, then the place, quantity, seal, witnesses, photos and GPS. Saving opens
 * the sample's page, where the sampling sheet is printed. `?taskId=` picks the task.
 */
export default function SamplePage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [taskId, setTaskId] = useState<string | undefined>(params.get('taskId') ?? undefined);
  const [facts, setFacts] = useState<SampleFacts | null>(null);
  // Arriving from a scanned identity (?holder=): the product has no code to scan yet, so it is described by hand.
  const holder = params.get('holder') ?? undefined;
  const [manual, setManual] = useState(Boolean(holder));
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);

  return (
    <Space orientation="vertical" size={12} className="tn-field-page" data-testid="sample-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('menu.sampling')}
      </Typography.Title>
      <Card size="small" title={t('sample.task')}>
        <TaskPicker value={taskId} onChange={setTaskId} onError={showError} />
      </Card>
      {!facts && (
        <CodeFinder
          onFound={setFacts}
          manual={manual}
          onManual={(next) => {
            setManual(next);
            setFacts(null);
          }}
        />
      )}
      {facts && (
        <SampleFactsCard
          facts={facts}
          extra={
            <Button size="small" onClick={() => setFacts(null)} data-testid="sample-change-code">
              {t('sample.changeCode')}
            </Button>
          }
        />
      )}
      {!taskId && (facts || manual) && <Alert type="warning" showIcon title={t('sample.pickTaskFirst')} />}
      {(facts || manual) && <SampleForm taskId={taskId} facts={manual ? null : facts} holderName={manual ? holder : undefined} onSaved={(s) => navigate(`/monitoring/samples/${s.id}?saved=1`)} />}
    </Space>
  );
}
