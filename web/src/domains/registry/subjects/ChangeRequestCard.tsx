import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { EmptyState, LoadError } from '../../../app/LoadError';
import { LoadMore } from '../../../app/LoadMore';
import type { SubjectDetail } from './subject.types';
import { useListPage } from '../../../shared/use-list-page';
import { ChangeRequestItem } from './ChangeRequestItem';
import { subjectExtraApi } from './subject-extra.api';
import './subject-extras.css';

// Loaded when opened: /my-subject is a producer's first page on a phone, and the form's widgets (pickers, uploads,
// cascaders) are most of its code (issue 15 §9).
const ChangeRequestFormModal = lazy(() => import('./ChangeRequestFormModal').then((m) => ({ default: m.ChangeRequestFormModal })));

/** 信息变更 on the producer's page: propose a change (main account), and follow one's requests, newest first. */
export function ChangeRequestCard({ subject }: { subject: SubjectDetail }) {
  const me = useMe();
  const { t } = useI18n();
  const [proposing, setProposing] = useState(false);
  const fetchPage = useMemo(() => (cursor?: string) => subjectExtraApi.myChangeRequests(cursor), []);
  const list = useListPage(fetchPage);

  const manage = me.can('subject.manage');
  // The server holds one pending request per subject; the list knows of one sent from here.
  const pending = list.items.length > 0 ? list.items.some((r) => r.status === 'pending') : subject.pendingChange;
  const propose = (
    <Button type="primary" icon={<EditOutlined />} disabled={pending} onClick={() => setProposing(true)}>
      {t('change.propose')}
    </Button>
  );

  return (
    <Card className="tn-x-card" title={t('change.title')} data-testid="change-card" extra={manage && (pending ? <Tooltip title={t('change.pendingExists')}>{propose}</Tooltip> : propose)}>
      <Typography.Paragraph type="secondary" className="tn-x-desc">
        {t('change.desc')}
      </Typography.Paragraph>
      {list.error && list.items.length === 0 ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : list.items.length === 0 && !list.loading ? (
        <EmptyState description={t('change.empty')} />
      ) : (
        <div className="tn-wrap-list">
          {list.items.map((r) => (
            <ChangeRequestItem key={r.id} request={r} />
          ))}
        </div>
      )}
      {list.hasMore && <LoadMore list={list} />}
      {proposing && (
        <Suspense fallback={null}>
          <ChangeRequestFormModal
            open
            profile={subject.profile}
            onClose={() => setProposing(false)}
            onCreated={(created) => {
              setProposing(false);
              list.setItems((items) => [created, ...items]);
            }}
          />
        </Suspense>
      )}
    </Card>
  );
}
