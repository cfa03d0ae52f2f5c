import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages.zh';
import type { Limit, SampleStatus, Verdict } from './monitoring.types';
import { citationIn } from '../../../../src/domains/monitoring/limit-citation.shared';

type Lang = 'zh' | 'en';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STATUS_COLOR: Record<SampleStatus, string> = { sampled: 'blue', received: 'processing', tested: 'default' };

export function SampleStatusTag({ status }: { status: SampleStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="sample-status">
      {t(`sampleStatus.${status}`)}
    </Tag>
  );
}

/** 合格 / 不合格, or "not judged yet" while the lab has no results. */
export function VerdictTag({ verdict }: { verdict: Verdict | null }) {
  const { t } = useI18n();
  if (!verdict) return <Tag>{t('verdict.none')}</Tag>;
  return (
    <Tag color={verdict === 'pass' ? 'success' : 'error'} data-testid="sample-verdict">
      {t(`verdict.${verdict}`)}
    </Tag>
  );
}

/** "≤ 2 mg/kg · GB 2763-2021", "禁用 (不得检出)", or "no limit found" — what a value is judged against. */
export function limitText(t: T, lang: Lang, limit: Limit | null): string {
  if (!limit) return t('bench.noLimit');
  const standard = citationIn(lang, [limit.standard, limit.clause].filter(Boolean).join(' '));
  return limit.mrlMgPerKg === null ? t('bench.banned', { standard }) : t('bench.limit', { mrl: limit.mrlMgPerKg, standard });
}

/** A number as mg/kg with no float noise (at most six decimals). */
export const mg = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1e6) / 1e6} mg/kg`);

/** Monitoring task kinds that samples are taken for. */
export const isMonitoringKind = (kind: string) => ['routine_monitoring', 'special_monitoring', 'supervisory_sampling'].includes(kind);

/** An alert's title in the console's language, from its facts (the stored title is the Chinese one). */
export const alertTitle = (t: T, a: { productName: string; sampleNo: string }) => t('alert.titleOf', { product: a.productName, sampleNo: a.sampleNo });
