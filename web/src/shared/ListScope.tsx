import { Space, Tag } from 'antd';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../app/i18n';
import { RegionName } from './RegionName';
import { useAddressFilters } from './use-address-filters';

/** A list's region and period from its address (`region`, `from`, `to`), as a figure links to it (统计分析, 首页). */
export type Scope = { region?: string; from?: string; to?: string };

const REGION = /^(\d{2}|\d{4}|\d{6}|\d{9})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The scope in the address, well-formed parts only (a hand-typed address with a bad part drops that part rather than
 * failing the list), and how to drop a part (the list then widens; the address keeps its other filters).
 */
export function useListScope(): { scope: Scope; clear: (part: 'region' | 'period') => void } {
  const [params, setFilters] = useAddressFilters();
  const region = params.get('region') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const scope = useMemo<Scope>(
    () => ({ ...(REGION.test(region) ? { region } : {}), ...(DAY.test(from) ? { from } : {}), ...(DAY.test(to) ? { to } : {}) }),
    [region, from, to],
  );
  const clear = useCallback(
    (part: 'region' | 'period') => setFilters(part === 'region' ? { region: undefined } : { from: undefined, to: undefined, periodOf: undefined }),
    [setFilters],
  );
  return { scope, clear };
}

/** The scope shown as active filters, each removable: "地区：山东省 / 潍坊市" "期间：2026-11-01 至 2026-11-30". */
export function ListScopeTags({ scope, clear, periodLabel }: { scope: Scope; clear: (part: 'region' | 'period') => void; periodLabel?: string }) {
  const { t } = useI18n();
  if (!scope.region && !scope.from && !scope.to) return null;
  return (
    <Space size={4} wrap data-testid="list-scope">
      {scope.region && (
        <Tag closable onClose={() => clear('region')} color="blue" data-testid="scope-region">
          {t('scope.region')}
          {t('common.colon')}
          <RegionName code={scope.region} />
        </Tag>
      )}
      {(scope.from || scope.to) && (
        <Tag closable onClose={() => clear('period')} color="blue" data-testid="scope-period">
          {periodLabel ?? t('scope.period')}
          {t('common.colon')}
          {scope.from && scope.to ? t('scope.between', { from: scope.from, to: scope.to }) : scope.from ? t('scope.since', { from: scope.from }) : t('scope.until', { to: scope.to! })}
        </Tag>
      )}
    </Space>
  );
}
