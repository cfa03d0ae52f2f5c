import { Alert, Button, Card, Table, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { User } from '../registry.types';
import { subjectExtraApi, type SubjectResetRequest } from '../subjects/subject-extra.api';

// Loaded when opened, as in StaffCard: the card shows on /my-subject, a producer's first page on a phone (issue 15 §9).
const ResetPasswordModal = lazy(() => import('./ResetPasswordModal').then((m) => ({ default: m.ResetPasswordModal })));

type Props = {
  /** staff: my subject's staff (main account, on 员工账号); main: my county's main accounts (注册审核). */
  whose: 'staff' | 'main';
  onReset?: (user: User) => void;
  /** Bumped by the page when a reset elsewhere may have answered a request. */
  version?: number;
};

/**
 * 忘记密码 of a producer's accounts, waiting for whoever resets them: the subject's main account for its staff, the
 * county for a main account. Resetting answers the request (the server closes it in the reset's transaction); shown
 * only while some wait, and a failed load says so.
 */
export function SubjectResetRequestsCard({ whose, onReset, version = 0 }: Props) {
  const { t, errorText } = useI18n();
  const [state, setState] = useState<{ items?: SubjectResetRequest[]; error?: string } | null>(null);
  const [resetting, setResetting] = useState<SubjectResetRequest | null>(null);
  const load = useCallback(() => {
    (whose === 'staff' ? subjectExtraApi.staffResetRequests() : subjectExtraApi.mainResetRequests()).then(
      (r) => setState({ items: r.items }),
      (err: unknown) => setState({ error: errorText(err) }),
    );
  }, [whose, errorText]);
  useEffect(load, [load, version]);

  if (!state || (state.items && state.items.length === 0)) return null;
  const title = t(whose === 'staff' ? 'resetRequests.subjectTitle' : 'resetRequests.mainTitle');
  return (
    <Card title={title} className="tn-reset-requests" data-testid={`${whose}-reset-requests`} style={{ marginBottom: 16 }}>
      {state.error ? (
        <Alert type="error" showIcon title={state.error} action={<Button size="small" onClick={load}>{t('app.retry')}</Button>} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t(whose === 'staff' ? 'resetRequests.subjectDesc' : 'resetRequests.mainDesc')}</Typography.Paragraph>
          <Table<SubjectResetRequest>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={state.items}
            columns={[
              { title: t('field.username'), dataIndex: 'username', render: (v: string) => <strong>{v}</strong> },
              { title: t('field.displayName'), dataIndex: 'displayName' },
              ...(whose === 'main' ? [{ title: t('resetRequests.subject'), dataIndex: 'subjectName' }] : []),
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
        </>
      )}
      {resetting && (
        <Suspense fallback={null}>
          <ResetPasswordModal
            user={{ id: resetting.userId, username: resetting.username }}
            reset={whose === 'staff' ? subjectExtraApi.resetStaffPassword : subjectExtraApi.resetMainPassword}
            onClose={() => setResetting(null)}
            onDone={(user) => {
              setResetting(null);
              load();
              onReset?.(user);
            }}
          />
        </Suspense>
      )}
    </Card>
  );
}
