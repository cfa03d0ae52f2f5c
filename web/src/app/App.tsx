import { Button, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { LazyResult as Result } from './LazyResult';
import { useAuth, useMe } from './auth';
import { useI18n } from './i18n';
import { CONSOLE_DOMAINS } from '../domains';
import type { ConsoleDomain, ConsoleRoute } from './console-domain';
import type { Permission } from './types';

// Each domain brings its pages (web/src/domains/index.ts), each page its own lazily loaded chunk.
const ROUTES = CONSOLE_DOMAINS.flatMap((d): readonly ConsoleRoute[] => d.routes);
const PUBLIC_ROUTES = CONSOLE_DOMAINS.flatMap((d): readonly ConsoleRoute[] => d.publicRoutes ?? []);
const ANONYMOUS_ROUTES = CONSOLE_DOMAINS.flatMap((d): readonly ConsoleRoute[] => d.anonymousRoutes ?? []);
const SIGN_IN = CONSOLE_DOMAINS.map((d): ConsoleDomain['signIn'] => d.signIn).find(Boolean)!;
const LoginPage = SIGN_IN.login;
const ForcedPasswordPage = SIGN_IN.forcedPassword;
const PublicShell = lazy(() => import('./PublicShell'));

export function App() {
  const { state } = useAuth();
  const { t } = useI18n();
  if (state.status === 'loading') return <FullPageSpin label={t('app.loading')} />;
  return (
    // A new router for each account: logout() resets the address with history.replaceState, which the router
    // does not hear of, so without this the next account would open on the last one's page (often a 403).
    <BrowserRouter key={state.status === 'signed-in' ? state.me.user.id : state.status}>
      <SuspenseFull label={t('app.loading')}>
        <Routes>
          {/* Registration and its status are open to anyone, signed in or not. */}
          <Route element={<PublicShell />}>{PUBLIC_ROUTES.map(routeOf)}</Route>
          {/* The guides are open to applicants too; a signed-in reader gets them inside the console. */}
          {state.status === 'anonymous' && <Route element={<PublicShell />}>{ANONYMOUS_ROUTES.map(routeOf)}</Route>}
          <Route
            path="*"
            element={state.status === 'anonymous' ? <LoginPage /> : state.me.user.mustChangePassword ? <ForcedPasswordPage /> : <SignedInRoutes />}
          />
        </Routes>
      </SuspenseFull>
    </BrowserRouter>
  );
}

function SignedInRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Home />} />
        {ROUTES.map(routeOf)}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** A domain's page, behind its permission when it names one. */
function routeOf({ path, page: Page, permission }: ConsoleRoute) {
  return <Route key={path} path={path} element={permission ? <Guard permission={permission}><Page /></Guard> : <Page />} />;
}

/**
 * After login an official lands on its 首页 (/home): what to do now and how its area stands. A producer's account
 * lands on its own subject (/my-subject: its identity, certificates, staff and changes), the page its phone opens
 * first and fastest (issue 15 §9); its 首页 stays first in the menu.
 */
function Home() {
  const me = useMe();
  return <Navigate to={me.subject ? '/my-subject' : '/home'} replace />;
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
