import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { useAuth, useMe } from './auth';
import { useI18n } from './i18n';
import { MENU } from './menu';
import type { Permission } from './types';

const LoginPage = lazy(() => import('../domains/registry/LoginPage'));
const ForcedPasswordPage = lazy(() => import('../domains/registry/ForcedPasswordPage'));
const AccountPage = lazy(() => import('../domains/registry/AccountPage'));
const AgencyTreePage = lazy(() => import('../domains/registry/AgencyTreePage'));
const UsersPage = lazy(() => import('../domains/registry/UsersPage'));
const AllocatePage = lazy(() => import('../domains/registry/AllocatePage'));
const AuditPage = lazy(() => import('../domains/ops/AuditPage'));

export function App() {
  const { state } = useAuth();
  const { t } = useI18n();
  if (state.status === 'loading') return <FullPageSpin label={t('app.loading')} />;
  return (
    <BrowserRouter>
      <SuspenseFull label={t('app.loading')}>
        {state.status === 'anonymous' ? <LoginPage /> : state.me.user.mustChangePassword ? <ForcedPasswordPage /> : <SignedInRoutes />}
      </SuspenseFull>
    </BrowserRouter>
  );
}

function SignedInRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Home />} />
        <Route path="agencies" element={<Guard permission="agency.read"><AgencyTreePage /></Guard>} />
        <Route path="allocate" element={<Guard permission="agency.allocate"><AllocatePage /></Guard>} />
        <Route path="users" element={<Guard permission="user.read"><UsersPage /></Guard>} />
        <Route path="audit" element={<Guard permission="audit.read"><AuditPage /></Guard>} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** The first menu page this account may open. */
function Home() {
  const me = useMe();
  const first = MENU.find((m) => !m.permission || me.can(m.permission));
  return <Navigate to={first?.path ?? '/account'} replace />;
}

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (me.can(permission)) return children;
  return <Result status="403" title="403" subTitle={t('app.forbidden')} extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>} />;
}

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Result status="404" title="404" subTitle={t('app.notFound')} extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>} />;
}

function FullPageSpin({ label }: { label: string }) {
  return (
    <div className="tn-full-center">
      <Spin size="large" description={label}>
        <div className="tn-spin-box" />
      </Spin>
    </div>
  );
}

function SuspenseFull({ label, children }: { label: string; children: ReactNode }) {
  return <Suspense fallback={<FullPageSpin label={label} />}>{children}</Suspense>;
}
