import { Alert, Radio, Space, Typography } from 'antd';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages.zh';
import type { ClaimCandidate } from './subject.types';

/** Temporary subjects that look like the applicant: the county may claim one on approval. */
export function ClaimCandidates({ items, value, onChange }: { items: ClaimCandidate[]; value: string; onChange: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      title={t('inbox.claims')}
      description={
        <>
          <Typography.Paragraph type="secondary">{t('inbox.claimsDesc')}</Typography.Paragraph>
          <Radio.Group value={value} onChange={(e) => onChange(String(e.target.value))}>
            <Space orientation="vertical">
              <Radio value="">{t('inbox.claimNone')}</Radio>
              {items.map((c) => (
                <Radio key={c.id} value={c.id}>
                  {c.name} · <span className="tn-secret">{c.tempCode}</span> · {t(`inbox.matchedBy.${c.matchedBy}` as MessageKey)} · {formatTime(c.createdAt)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </>
      }
    />
  );
}
