import { DatePicker, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Dispatch, SetStateAction } from 'react';
import { useI18n } from '../../../app/i18n';
import { BATCH_SOURCES, BATCH_STATUSES, type BatchFilters as Filters } from '../trace.types';

/**
 * The batch list's search and filters. Loaded after the list (BatchesPage): the pickers and selects are a third of
 * the list's code, and a phone opening its batches cold wants the batches first (issue 15 §9).
 */
export default function BatchFilters({ filters, setFilters }: { filters: Filters; setFilters: Dispatch<SetStateAction<Filters>> }) {
  const { t } = useI18n();
  const setDays = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilters((f) => ({ ...f, from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined }));
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('batchList.search')}
        style={{ width: 240, maxWidth: '100%' }}
        onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
        aria-label={t('batchList.search')}
        data-testid="batch-search"
      />
      <Select<NonNullable<Filters['status']>>
        allowClear
        style={{ width: 150 }}
        placeholder={t('batchList.status')}
        value={filters.status}
        onChange={(status) => setFilters((f) => ({ ...f, status }))}
        options={BATCH_STATUSES.map((s) => ({ value: s, label: t(`batchStatus.${s}`) }))}
        aria-label={t('batchList.status')}
      />
      <Select<NonNullable<Filters['source']>>
        allowClear
        style={{ width: 120 }}
        placeholder={t('batchList.source')}
        value={filters.source}
        onChange={(source) => setFilters((f) => ({ ...f, source }))}
        options={BATCH_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
        aria-label={t('batchList.source')}
      />
      <DatePicker.RangePicker onChange={(range) => setDays(range)} aria-label={t('list.days')} />
    </>
  );
}
