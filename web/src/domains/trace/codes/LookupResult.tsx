import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useMe } from '../../../app/auth';
import { ApiError } from '../../../app/api-error';
import { useI18n } from '../../../app/i18n';
import type { BatchLookup, CodeDescription } from '../trace.types';
import type { ChainOpener } from '../graph/chain-opener';
import { ChainView } from '../graph/ChainView';
import { CodeFacts } from './CodeFacts';
import { LookedUpBatch } from './LookedUpBatch';
import { lookupApi } from './lookup.api';
import { RecallCard } from '../graph/RecallCard';
import { traceApi } from '../trace.api';

type Found =
  | { status: 'loading' }
  | { status: 'invalid'; error: unknown; suggestion: string | null }
  | { status: 'failed'; error: unknown; description?: CodeDescription }
  | { status: 'described'; description: CodeDescription }
  | { status: 'notFound'; description: CodeDescription }
  | { status: 'found'; description: CodeDescription; batch: BatchLookup };

/** One code looked up: what it is, then (a batch code) the batch of my jurisdiction, its chain and its recall list. */
export function LookupResult({ code, onLookup }: { code: string; /** look another code up (a suggestion, a batch of the chain) */ onLookup: (code: string) => void }) {
  const me = useMe();
  const { t, errorText } = useI18n();
  const [found, setFound] = useState<Found>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const set = (next: Found) => live && setFound(next);
    (async () => {
      let description: CodeDescription;
      try {
        description = await traceApi.whatIsCode(code);
      } catch (err) {
        const suggestion = err instanceof ApiError && typeof err.details.suggestion === 'string' ? err.details.suggestion : null;
        return set(err instanceof ApiError && err.status === 400 ? { status: 'invalid', error: err, suggestion } : { status: 'failed', error: err });
      }
      if (description.kind !== 'product') return set({ status: 'described', description });
      set({ status: 'described', description });
      try {
        set({ status: 'found', description, batch: await lookupApi.batchByCode(description.code) });
      } catch (err) {
        set(err instanceof ApiError && err.status === 404 ? { status: 'notFound', description } : { status: 'failed', error: err, description });
      }
    })();
    return () => {
      live = false;
    };
    // Errors are kept as thrown and worded when shown: a change of language does not look the code up again.
  }, [code]);

  const opener = useMemo<ChainOpener>(() => ({ canOpen: () => true, open: (n) => onLookup(n.code), hint: t('lookup.chainHint') }), [onLookup, t]);

  if (found.status === 'loading') return <Card><Skeleton active /></Card>;
  if (found.status === 'invalid')
    return (
      <Alert
        type="error"
        showIcon
        title={t('lookup.codeInvalid')}
        data-testid="lookup-invalid"
        description={
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <span>{errorText(found.error)}</span>
            {found.suggestion && (
              <Button icon={<SearchOutlined />} onClick={() => onLookup(found.suggestion!)} data-testid="lookup-suggestion">
                {t('lookup.trySuggestion', { code: found.suggestion })}
              </Button>
            )}
          </Space>
        }
      />
    );
  const description = 'description' in found ? found.description : undefined;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {description && (
        <Card title={t('lookup.code')} size="small" data-testid="lookup-code">
          <Typography.Text className="tn-t-code" strong copyable>
            {description.code}
          </Typography.Text>
          <CodeFacts description={description} />
          {description.kind !== 'product' && <Typography.Text type="secondary">{t('lookup.notBatchCode')}</Typography.Text>}
          {description.kind === 'product' && found.status === 'described' && <Skeleton.Button active block />}
        </Card>
      )}
      {found.status === 'failed' && <Alert type="error" showIcon title={errorText(found.error)} data-testid="lookup-failed" />}
      {found.status === 'notFound' && (
        <Alert type="warning" showIcon title={t('lookup.notFoundTitle')} description={t('lookup.notFound', { code: found.description.code })} data-testid="lookup-not-found" />
      )}
      {found.status === 'found' && (
        <>
          <LookedUpBatch batch={found.batch} />
          <ChainView batchId={found.batch.id} version={0} opener={opener} />
          {me.can('trace.recall') ? <RecallCard batch={found.batch} /> : <Typography.Text type="secondary">{t('lookup.noRecall')}</Typography.Text>}
        </>
      )}
    </Space>
  );
}
