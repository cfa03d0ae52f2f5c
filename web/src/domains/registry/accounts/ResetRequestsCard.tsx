import { Button, Card, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { CursorTable } from '../../../app/CursorTable';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useCursorList } from '../../../app/use-cursor-list';
import { recoveryApi, type ResetRequest } from './recovery.api';
import { ResetPasswordModal } from './ResetPasswordModal';

/**
 * 忘记密码 requests of the accounts I manage, oldest first. Resetting through the usual reset answers the request
 * (the server closes it in the reset's transaction); shown only while some wait, and a failed load says so.
 */
export function ResetRequestsCard({ onReset }: { onReset: () => void }) {
  const { t } = useI18n();
  const [resetting, setResetting] = useState<ResetRequest | null>(null);
  const ignore = useCallback(() => undefined, []);
  const list = useCursorList(useMemo(() => (cursor?: string) => recoveryApi.resetRequests(cursor), []), ignore);
  if (!list.error && list.items.length === 0) return null;

  return (
    <Card title={t('resetRequests.title')} className="tn-reset-requests" data-testid="reset-requests" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('resetRequests.desc')}</Typography.Paragraph>
      <CursorTable<ResetRequest>
        list={list}
        size="small"
        locale={{ emptyText: t('resetRequests.empty') }}
        columns={[
          { title: t('field.username'), dataIndex: 'username', render: (v: string) => <strong>{v}</strong> },
          { title: t('field.displayName'), dataIndex: 'displayName' },
          { title: t('resetRequests.agency'), dataIndex: 'agencyName' },
          { title: t('resetRequests.requestedAt'), dataIndex: 'requestedAt', className: 'tn-nowrap', render: formatTime },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v, r) => (
              <Button type="link" size="small" onClick={() => setResetting(r)} data-testid={`reset-request-${r.username}`}>
                {t('resetRequests.reset')}
              </Button>
            ),
          },
        ]}
      />
      <ResetPasswordModal
        user={resetting ? { id: resetting.userId, username: resetting.username } : null}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          void list.reload();
          onReset();
        }}
      />
    </Card>
  );
}
