import { Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { inMg, type BenchRow } from './bench-rows';
import { limitText } from './monitoring-labels';
import { monitoringApi } from './monitoring.api';
import type { Limit } from './monitoring.types';

const cache = new Map<string, Promise<Limit | null>>();

type Animal = { species?: string; tissue?: string };

function limitFor(analyteCode: string, classCode: string, productName: string, animal: Animal): Promise<Limit | null> {
  const key = `${analyteCode}|${classCode}|${productName}|${animal.species ?? ''}|${animal.tissue ?? ''}`;
  let found = cache.get(key);
  if (!found) {
    found = monitoringApi.limit(analyteCode, classCode, productName, animal);
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

/** The limit that applies to the row's analyte on the sample's class (GET /limits), and whether the value exceeds it. */
export function LimitHint({ row, classCode, productName, animal = {} }: { row: BenchRow; classCode: string; productName: string; /** An animal product's species and tissue, as the server judges it. */ animal?: Animal }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<{ key: string; limit: Limit | null; error?: boolean } | null>(null);
  const { species, tissue } = animal;
  const key = `${row.analyteCode ?? ''}|${classCode}|${productName}|${species ?? ''}|${tissue ?? ''}`;

  useEffect(() => {
    if (!row.analyteCode) return;
    let live = true;
    limitFor(row.analyteCode, classCode, productName, { ...(species ? { species } : {}), ...(tissue ? { tissue } : {}) }).then(
      (limit) => live && setState({ key, limit }),
      () => live && setState({ key, limit: null, error: true }),
    );
    return () => {
      live = false;
    };
  }, [row.analyteCode, classCode, productName, species, tissue, key]);

  if (!row.analyteCode) return null;
  if (state?.key !== key) return <Typography.Text type="secondary">…</Typography.Text>;
  const limit = state.limit;
  // The lab's own limit, when given, is what the row is judged against.
  const limitMg = row.overrideValue !== null ? inMg(row.overrideValue, row.unit) : limit?.mrlMgPerKg ?? null;
  const judged = row.value !== null && row.lod !== null && (limit || row.overrideValue !== null);
  const detected = judged && row.value! > 0 && row.value! >= row.lod!;
  const over = judged && detected && (limitMg === null ? true : inMg(row.value!, row.unit) > limitMg);
  return (
    <span data-testid="bench-limit">
      <Typography.Text type={limit ? undefined : 'secondary'} delete={row.overrideValue !== null}>
        {limitText(t, lang, limit)}
      </Typography.Text>
      {judged && (over ? <Tag color="error" style={{ marginLeft: 4 }}>{t('bench.over')}</Tag> : <Tag color="success" style={{ marginLeft: 4 }}>{t('bench.within')}</Tag>)}
    </span>
  );
}
