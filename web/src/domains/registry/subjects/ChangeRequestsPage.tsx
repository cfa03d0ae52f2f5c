import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAgencyMe } from '../../../app/auth';
import { RefreshButton } from '../../../app/RefreshButton';
import { useI18n } from '../../../app/i18n';
import { EmptyState, LoadError } from '../../../app/LoadError';
import { LoadMore } from '../../../app/LoadMore';
import type { ChangeRequest, ChangeRequestStatus } from './subject.types';
import { useCursorList } from '../../../app/use-cursor-list';
import { ListTotalText } from '../../../app/ListTools';
import { ListScopeTags, useListScope } from '../../../shared/ListScope';
import { ChangeDecisionModal } from './ChangeDecisionModal';
import { ChangeRequestItem } from './ChangeRequestItem';
import { subjectExtraApi } from './subject-extra.api';
import { label } from './subject-labels';
import './subject-extras.css';

type Filter = ChangeRequestStatus | 'all';
/** No one withdraws a change request yet, so that status is not offered. */
const FILTERS: Filter[] = ['pending', 'approved', 'rejected'];

/**
 * /change-requests: 变更审核, the county's inbox of change requests with their before/after; approve or reject. A figure
 * opens it with `status`, `region` and `from`/`to` (asked on those days) in the address.
 */
export default function ChangeRequestsPage() {
  const me = useAgencyMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [status, setStatus] = useState<Filter>(() => {
    const s = params.get('status') as Filter | null;
    return s && [...FILTERS, 'all'].includes(s) ? s : 'pending';
  });
  const { scope, clear } = useListScope();
  const [deciding, setDeciding] = useState<{ request: ChangeRequest; decision: 'approve' | 'reject'; open: boolean } | null>(null);

  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const fetchPage = useMemo(() => (cursor?: string) => subjectExtraApi.changeRequests({ status: status === 'all' ? undefined : status, ...scope, cursor }), [status, scope]);
  const list = useCursorList(fetchPage, showError);
  // Officials above the county may look; only the county supervision agency decides (the server's rule).
  const decides = me.agency.kind === 'supervision' && me.agency.level === 'county';

  const decide = async (opinion: string | undefined) => {
    if (!deciding?.open) return;
    const { request, decision } = deciding;
    try {
      const next = decision === 'approve' ? await subjectExtraApi.approveChange(request.id, opinion) : await subjectExtraApi.rejectChange(request.id, opinion ?? '');
      list.setItems((items) => (status === 'pending' ? items.filter((r) => r.id !== next.id) : items.map((r) => (r.id === next.id ? next : r))));
      setDeciding({ ...deciding, open: false });
      void message.success(t(decision === 'approve' ? 'changes.approved' : 'changes.rejected', { name: request.subjectName }));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('changes.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('changes.desc')}</Typography.Text>
      </div>
      <Card className="tn-x-card">
        <div className="tn-filters">
          <div className="tn-segmented-scroll">
            <Segmented<Filter>
              value={status}
              onChange={setStatus}
              options={[...FILTERS.map((s) => ({ value: s, label: label(t, 'changeStatus', s) })), { value: 'all' as const, label: t('common.all') }]}
            />
          </div>
          <ListScopeTags scope={scope} clear={clear} />
          <RefreshButton list={list} />
          <ListTotalText total={list.total} />
        </div>
        {list.error && list.items.length === 0 ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : list.items.length === 0 && !list.loading ? (
          <EmptyState description={t('change.empty')} />
        ) : (
          <div className="tn-wrap-list">
            {list.items.map((r) => (
              <ChangeRequestItem
                key={r.id}
                request={r}
                title={
                  <Link to={`/subjects/${r.subjectId}`} title={t('changes.openSubject')}>
                    <Typography.Text strong>{r.subjectName}</Typography.Text>
                  </Link>
                }
                actions={
                  r.status === 'pending' &&
                  decides && (
                    <>
                      <Button type="primary" icon={<CheckOutlined />} data-testid="approve-change" onClick={() => setDeciding({ request: r, decision: 'approve', open: true })}>
                        {t('changes.approve')}
                      </Button>
                      <Button danger icon={<CloseOutlined />} data-testid="reject-change" onClick={() => setDeciding({ request: r, decision: 'reject', open: true })}>
                        {t('changes.reject')}
                      </Button>
                    </>
                  )
                }
              />
            ))}
          </div>
        )}
        <LoadMore list={list} />
      </Card>
      <ChangeDecisionModal
        open={deciding?.open ?? false}
        request={deciding?.request ?? null}
        decision={deciding?.decision ?? 'approve'}
        onSubmit={decide}
        onClose={() => setDeciding((d) => d && { ...d, open: false })}
      />
    </div>
  );
}
