import { ArrowRightOutlined, IdcardOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import type { ScannedIdentity } from '../../registry/subjects/subject.types';
import type { Batch, CodeDescription } from '../trace.types';
import { subjectApi } from '../../registry/subjects/subject.api';
import { CodeFacts } from '../codes/CodeFacts';
import { findMyBatch } from '../batches/find-batch';
import { amount, label } from '../trace-labels';
import { traceApi } from '../trace.api';
import { useAll } from '../master-data/use-all';

/** A scanned electronic identity: who it is; sell to them (pick one of my batches) or open their page. */
export function IdentityResult({ token }: { token: string }) {
  const me = useMe();
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const [scan, setScan] = useState<{ token: string; result?: ScannedIdentity; error?: string } | null>(null);
  const [batchId, setBatchId] = useState<string>();
  const onError = useCallback((err: unknown) => setScan((s) => s && { ...s, error: errorText(err) }), [errorText]);
  const writes = me.can('trace.write');
  const batches = useAll(traceApi.batches, onError, writes);
  const sellable = (batches ?? []).filter((b) => b.status === 'active' && b.stock - b.frozen > 0);

  useEffect(() => {
    let live = true;
    subjectApi.scan(token).then(
      (result) => live && setScan({ token, result }),
      (err: unknown) => live && setScan({ token, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [token, errorText]);

  const current = scan?.token === token ? scan : null;
  if (!current) return <Card><Skeleton active /></Card>;
  if (current.error || !current.result) return <Alert type="error" showIcon title={t('scan.identityInvalid')} description={current.error} />;
  const s = current.result.subject;
  const self = s.id === me.subject?.id;
  return (
    <Card title={t('scan.identityFound')} data-testid="scan-identity">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.name}
        </Typography.Title>
        <Typography.Text type="secondary">{s.regionName ?? s.regionCode}</Typography.Text>
        {writes && !self && (
          <>
            <Typography.Text strong>{t('scan.sellTo')}</Typography.Text>
            <Select
              value={batchId}
              onChange={setBatchId}
              loading={!batches}
              placeholder={t('scan.pickBatch')}
              style={{ width: '100%' }}
              options={sellable.map((b: Batch) => ({ value: b.id, label: `${b.productName} · ${amount(b.stock - b.frozen)} ${label(t, 'unit', b.unit)} · ${b.code}` }))}
              notFoundContent={t('scan.noSellable')}
              data-testid="scan-batch"
            />
            <Button type="primary" icon={<ShoppingCartOutlined />} disabled={!batchId} block onClick={() => navigate(`/trace/batches/${batchId}?sellTo=${encodeURIComponent(token)}`)}>
              {t('scan.sellNext')}
            </Button>
          </>
        )}
        <Button icon={<IdcardOutlined />} block onClick={() => navigate(`/identity/${encodeURIComponent(token)}`)}>
          {t('scan.openIdentity')}
        </Button>
      </Space>
    </Card>
  );
}

/** A scanned or typed code: what kind it is (type, county), and my batch with that code if I hold one. */
export function CodeResult({ code }: { code: string }) {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<{ code: string; description?: CodeDescription; batch?: Batch | null; error?: string } | null>(null);

  useEffect(() => {
    let live = true;
    traceApi.whatIsCode(code).then(
      async (description) => {
        if (!live) return;
        setState({ code, description });
        const batch = description.kind === 'product' ? await findMyBatch(description.code).catch(() => null) : null;
        if (live) setState({ code, description, batch });
      },
      (err: unknown) => live && setState({ code, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [code, errorText]);

  const current = state?.code === code ? state : null;
  if (!current) return <Card><Skeleton active /></Card>;
  if (current.error || !current.description) return <Alert type="error" showIcon title={t('scan.codeInvalid')} description={current.error} data-testid="scan-code-error" />;
  const d = current.description;
  return (
    <Card title={t('scan.codeFound')} data-testid="scan-code">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text className="tn-t-code" strong>
          {d.code}
        </Typography.Text>
        <CodeFacts description={d} />
        {d.kind === 'product' &&
          (current.batch === undefined ? (
            <Skeleton.Button active block />
          ) : current.batch ? (
            <Button type="primary" icon={<ArrowRightOutlined />} block onClick={() => navigate(`/trace/batches/${current.batch!.id}`)} data-testid="open-batch">
              {t('scan.openBatch', { product: current.batch.productName })}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('scan.notMine')}</Typography.Text>
          ))}
      </Space>
    </Card>
  );
}
