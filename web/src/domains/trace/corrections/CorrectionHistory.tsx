import { App, Card, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState, LoadError } from '../../../app/LoadError';
import { LoadMore } from '../../../app/LoadMore';
import type { MessageKey } from '../../../app/messages.zh';
import { useCursorList } from '../../../app/use-cursor-list';
import { traceApi } from '../trace.api';
import { label } from '../trace-labels';

type Kind = 'batches' | 'products' | 'bases';

/** 修改记录 of a batch, product or base: each correction or void with the values before and after, who, when, why. */
export function CorrectionHistory({ kind, targetId, version, names }: { kind: Kind; targetId: string; version: number; names?: Record<string, string> }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  // `version` changes after each correction, which reloads the list.
  const fetchPage = useCallback((cursor?: string) => traceApi.corrections(kind, targetId, cursor), [kind, targetId, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const list = useCursorList(fetchPage, useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]));

  const shown = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'selfCheck' && typeof value === 'object') {
      const s = value as { result: string; note?: string };
      return s.note ? `${label(t, 'selfCheck', s.result)}（${s.note}）` : label(t, 'selfCheck', s.result);
    }
    if (field === 'status') return label(t, 'recordStatus', String(value));
    if (field === 'voidedAt') return formatTime(String(value));
    if ((field === 'productId' || field === 'baseId') && names?.[String(value)]) return names[String(value)]!;
    if (field === 'unit') return label(t, 'unit', String(value));
    return String(value);
  };

  return (
    <Card title={t('history.title')} data-testid="correction-history">
      {list.error && list.items.length === 0 ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 && !list.loading ? (
        <EmptyState description={t('history.empty')} />
      ) : (
        <div className="tn-wrap-list">
          {list.items.map((c) => (
            <div className="tn-wrap-item" key={c.id} data-testid="correction-entry">
              <div className="tn-t-main">
                <div className="tn-t-head">
                  <Tag color={c.kind === 'void' ? 'error' : 'blue'}>{t(`history.kind.${c.kind}` as MessageKey)}</Tag>
                  <Typography.Text type="secondary">{formatTime(c.at)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('history.by')}：{c.actorName}
                  </Typography.Text>
                </div>
                {Object.keys(c.after)
                  // A product or base is shown by the name recorded with it, not by its id.
                  .filter((field) => !(field === 'productId' && 'productName' in c.after) && !(field === 'baseId' && 'baseName' in c.after) && !(field === 'classCode' && 'className' in c.after))
                  .map((field) => (
                  <div key={field}>
                    {label(t, 'history.field', field)}：<Typography.Text delete>{shown(field, c.before[field])}</Typography.Text> → <Typography.Text strong>{shown(field, c.after[field])}</Typography.Text>
                  </div>
                ))}
                <div>
                  {t('history.reason')}：{c.reason}
                </div>
              </div>
            </div>
          ))}
        </div>
      )}
      <LoadMore list={list} />
    </Card>
  );
}
