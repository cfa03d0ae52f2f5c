import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Typography } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/LoadError';
import type { Certificate } from './subject.types';
import { CertificateItem } from './CertificateItem';
import { subjectExtraApi } from './subject-extra.api';
import './subject-extras.css';

// Loaded when opened: /my-subject is a producer's first page on a phone, and the form's widgets (pickers, uploads,
// cascaders) are most of its code (issue 15 §9).
const CertificateFormModal = lazy(() => import('./CertificateFormModal').then((m) => ({ default: m.CertificateFormModal })));

type Props = {
  certificates: Certificate[];
  /** More actions per certificate (an official's verification); `replace` puts the changed one in the list. */
  actions?: (certificate: Certificate, replace: (next: Certificate) => void) => ReactNode;
};

/**
 * 证书 (三品一标, 承诺达标): the subject's certificates with their scans. The main account adds and withdraws;
 * others read, and an official's page adds its own actions.
 */
export function CertificatesCard({ certificates, actions }: Props) {
  const me = useMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  // The list as given, then as changed here (a new `certificates` from the page starts again from it).
  const [state, setState] = useState({ source: certificates, items: certificates });
  const items = state.source === certificates ? state.items : certificates;
  const update = (change: (list: Certificate[]) => Certificate[]) =>
    setState((s) => ({ source: certificates, items: change(s.source === certificates ? s.items : certificates) }));
  const replace = (next: Certificate) => update((list) => list.map((c) => (c.id === next.id ? next : c)));
  const [adding, setAdding] = useState(false);
  const manage = me.subject !== null && me.can('subject.manage');

  const withdraw = async (c: Certificate) => {
    try {
      replace(await subjectExtraApi.withdrawCertificate(c.id));
      void message.success(t('certs.withdrawn', { number: c.number }));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Card
      className="tn-x-card"
      title={`${t('certs.title')}${t('common.count', { n: items.filter((c) => c.status !== 'withdrawn').length })}`}
      data-testid="certificates-card"
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('certs.add')}
          </Button>
        )
      }
    >
      {manage && (
        <Typography.Paragraph type="secondary" className="tn-x-desc">
          {t('certs.desc')}
        </Typography.Paragraph>
      )}
      {items.length === 0 ? (
        <EmptyState description={t('certs.empty')} />
      ) : (
        <div className="tn-wrap-list">
          {items.map((c) => {
            const own =
              manage && c.status !== 'withdrawn' ? (
                <Popconfirm title={t('certs.withdrawConfirm', { number: c.number })} onConfirm={() => withdraw(c)} okButtonProps={{ danger: true }}>
                  <Button size="small" danger>
                    {t('certs.withdraw')}
                  </Button>
                </Popconfirm>
              ) : null;
            const more = actions?.(c, replace);
            return (
              <CertificateItem
                key={c.id}
                certificate={c}
                actions={
                  own || more ? (
                    <>
                      {own}
                      {more}
                    </>
                  ) : undefined
                }
              />
            );
          })}
        </div>
      )}
      {manage && adding && (
        <Suspense fallback={null}>
          <CertificateFormModal
            open
            onClose={() => setAdding(false)}
            onCreated={(created) => {
              setAdding(false);
              update((list) => [created, ...list]);
            }}
          />
        </Suspense>
      )}
    </Card>
  );
}
