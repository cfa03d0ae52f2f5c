import { Button, Spin } from 'antd';
import { lazy, Suspense, use, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { LazyResult as Result } from './LazyResult';
import { useAuth, useMe } from './auth';
import { useI18n } from './i18n';
import { CONSOLE_DOMAINS } from '../domains';
import { COLD_PAGES } from './cold-pages';
import type { ConsoleDomain, ConsoleRoute } from './console-domain';
import { coldPages } from './lazy-page';
import type { Permission } from './types';
import { loadDomainWords, useWordsVersion, wordsFor, wordsLoaded, type WordsOf } from './words';

type Routed = ConsoleRoute & { words: WordsOf };

// Each domain brings its pages (web/src/domains/index.ts), each page its own lazily loaded chunk, shown once the
// words it uses have come (words.ts): a page a phone opens cold its own domain's, any other every domain's.
const ROUTES = CONSOLE_DOMAINS.flatMap((d) => d.routes.map((r): Routed => ({ ...r, words: coldPages.has(r.page) ? d.name : 'all' })));
const PUBLIC_ROUTES = CONSOLE_DOMAINS.flatMap((d) => (d.publicRoutes ?? []).map((r): Routed => ({ ...r, words: 'all' })));
const ANONYMOUS_ROUTES = CONSOLE_DOMAINS.flatMap((d) => (d.anonymousRoutes ?? []).map((r): Routed => ({ ...r, words: 'all' })));

// The words of the page opened cold start loading now, beside its code (web/boot.js preloads their chunk); App waits
// for them with the sign-in check, so the page never shows its spinner for them (React would then hold the page back
// 300 ms, lazy-page.ts).
const COLD_WORDS = Object.values(COLD_PAGES).find((c) => new RegExp(c.pattern).test(window.location.pathname))?.domain;
const coldWords = COLD_WORDS ? loadDomainWords(COLD_WORDS).catch(() => undefined) : null;
const SIGN_IN = CONSOLE_DOMAINS.map((d): ConsoleDomain['signIn'] => d.signIn).find(Boolean)!;
const LoginPage = SIGN_IN.login;
const ForcedPasswordPage = SIGN_IN.forcedPassword;
const PublicShell = lazy(() => import('./PublicShell'));

export function App() {
  const { state } = useAuth();
  const { t } = useI18n();
  // Settled, not loaded: words that failed to come are asked for again by the page (Words), which shows the failure.
  const [coldReady, setColdReady] = useState(!coldWords);
  useEffect(() => void coldWords?.then(() => setColdReady(true)), []);
  if (state.status === 'loading' || !coldReady) return <FullPageSpin label={t('app.loading')} />;
  return (
    // A new router for each account: logout() resets the address with history.replaceState, which the router
    // does not hear of, so without this the next account would open on the last one's page (often a 403).
    <BrowserRouter key={state.status === 'signed-in' ? state.me.user.id : state.status}>
      <SuspenseFull label={t('app.loading')}>
        <Routes>
          {/* Registration and its status are open to anyone, signed in or not. */}
          <Route element={<PublicWords />}>{PUBLIC_ROUTES.map(routeOf)}</Route>
          {/* The guides are open to applicants too; a signed-in reader gets them inside the console. */}
          {state.status === 'anonymous' && <Route element={<PublicWords />}>{ANONYMOUS_ROUTES.map(routeOf)}</Route>}
          <Route
            path="*"
            element={
              state.status === 'anonymous' ? (
                <Words of="all">
                  <LoginPage />
                </Words>
              ) : state.me.user.mustChangePassword ? (
                <Words of="all">
                  <ForcedPasswordPage />
                </Words>
              ) : (
                <SignedInRoutes />
              )
            }
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

/** A domain's page, behind its permission when it names one, once its words have come. */
function routeOf({ path, page: Page, permission, words }: Routed) {
  const page = (
    <Words of={words}>
      <Page />
    </Words>
  );
  return <Route key={path} path={path} element={permission ? <Guard permission={permission}>{page}</Guard> : page} />;
}

/** The public pages' shell, whose header uses the registration's words: with every domain's, as its pages. */
function PublicWords() {
  return (
    <Words of="all">
      <PublicShell />
    </Words>
  );
}

/** Shows its children once the words `of` names have come (in Chinese; the English words all come at once). */
function Words({ of, children }: { of: WordsOf; children: ReactNode }) {
  useWordsVersion();
  const { lang } = useI18n();
  // Suspends (the page's spinner) while they load; a failure reaches the page's error boundary, whose retry asks again.
  if (lang === 'zh' && !wordsLoaded(of)) use(wordsFor(of));
  return children;
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
