import { GlobalOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Spin } from 'antd';
import { Fragment, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from './auth';
import { useI18n } from './i18n';
import { entryOf } from './menu';
import { agencyTitle } from './labels';
import { PageErrorBoundary } from './PageErrorBoundary';
import { TradeNotifier } from '../domains/trace/movements/TradeNotifier';
import { HelpButton } from '../shared/HelpButton';
import { FeedbackButton } from '../domains/ops/FeedbackButton';
import { AnnouncementBanner } from '../domains/notices/AnnouncementBanner';
import { PausedWebhooksBanner } from '../domains/notices/PausedWebhooksBanner';
import { InboxBell } from '../domains/notices/InboxBell';
import { useShellNotices } from '../domains/notices/shell-notices';

const { Header, Sider, Content } = Layout;

// The side menu and the account's menu load apart from the shell: a phone opening a page cold shows neither at
// first (the side menu is folded away, the account's menu opens on a press), so their code (antd's Menu, Dropdown
// and their popups) is not on its way (issue 15 §9).
const SiderMenu = lazy(() => import('./SiderMenu'));
const UserMenu = lazy(() => import('./UserMenu'));

export function AppLayout() {
  const me = useMe();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const [userMenu, setUserMenu] = useState(false);
  const siderCollapsed = collapsed ?? narrow;
  const shellNotices = useShellNotices();

  const entry = entryOf(location.pathname);
  const selected = entry?.path ?? '';
  const pageTitle = entry ? t(entry.label) : location.pathname.startsWith('/identity/') ? t('crumb.identity') : null;
  const deeper = entry && location.pathname !== entry.path ? (location.pathname.endsWith('/new') ? t('crumb.new') : t('crumb.detail')) : null;

  useEffect(() => {
    const name = t('app.name');
    document.title = pageTitle ? `${deeper ? `${deeper} · ` : ''}${pageTitle} · ${name}` : name;
  }, [pageTitle, deeper, t]);

  return (
    <Layout className="tn-shell">
      {me.subject && me.can('trace.read') && <TradeNotifier />}
      <Header className="tn-header">
        {narrow && (
          <Button
            type="text"
            className="tn-header-button"
            icon={siderCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!siderCollapsed)}
            aria-label={t('menu.toggle')}
          />
        )}
        <div className="tn-brand" onClick={() => navigate('/')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="tn-brand-name">{t('app.name')}</span>
          {!narrow && <span className="tn-brand-agency">{me.agency ? agencyTitle(me.agency, t) : me.subject?.name}</span>}
        </div>
        <div className="tn-header-actions">
          {shellNotices.unreadNotices !== null && me.can('notice.read') && <InboxBell unread={shellNotices.unreadNotices} compact={narrow} />}
          <HelpButton me={me} compact={narrow} />
          {me.can('feedback.file') && <FeedbackButton compact={narrow} />}
          <Button type="text" className="tn-header-button" icon={<GlobalOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={t('lang.label')}>
            {t('lang.switch')}
          </Button>
          {userMenu ? (
            <Suspense fallback={userButton(me.user.displayName, narrow)}>
              <UserMenu>{userButton(me.user.displayName, narrow)}</UserMenu>
            </Suspense>
          ) : (
            userButton(me.user.displayName, narrow, () => setUserMenu(true))
          )}
        </div>
      </Header>
      <Layout>
        <Sider
          width={208}
          theme="light"
          breakpoint="md"
          collapsedWidth={narrow ? 0 : 64}
          collapsible
          trigger={narrow ? null : undefined}
          collapsed={siderCollapsed}
          onCollapse={(value) => setCollapsed(value)}
          className="tn-sider"
        >
          {/* On a phone the menu's code loads when it is first opened; on a wider screen, at once. */}
          {(!narrow || !siderCollapsed) && (
            <Suspense fallback={null}>
              <SiderMenu selected={selected} onNavigate={() => narrow && setCollapsed(true)} />
            </Suspense>
          )}
        </Sider>
        {narrow && !siderCollapsed && <div className="tn-sider-mask" onClick={() => setCollapsed(true)} />}
        <Content className="tn-content">
          <AnnouncementBanner banners={shellNotices.announcements} onDismiss={shellNotices.dismiss} />
          <PausedWebhooksBanner items={shellNotices.pausedWebhooks} />
          {/* 首页 is where the path starts: it has no path of its own to show. */}
          {pageTitle && entry?.path !== '/home' && (
            <Crumbs
              items={[
                <Link to="/">{t('crumb.home')}</Link>,
                ...(entry?.group ? [t(`menuGroup.${entry.group}`)] : []),
                deeper && entry ? <Link to={entry.path}>{pageTitle}</Link> : pageTitle,
                ...(deeper ? [deeper] : []),
              ]}
            />
          )}
          <PageErrorBoundary key={location.pathname}>
            <Suspense fallback={<Spin className="tn-page-spin" description={t('app.loading')} size="large"><div /></Spin>}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
          <span className="tn-footer tn-secondary">
            {t('app.name')} · {t('app.subtitle')}
          </span>
        </Content>
      </Layout>
    </Layout>
  );
}

/** The header's account button; a press before the menu's code has come loads it (UserMenu), open. */
function userButton(name: string, narrow: boolean, onClick?: () => void) {
  return (
    <Button type="text" className="tn-header-button" icon={<UserOutlined />} data-testid="user-menu" onClick={onClick}>
      {narrow ? null : name}
    </Button>
  );
}

/** Where the page sits (首页 / 系统管理 / 机构树), as antd's Breadcrumb shows it, in plain markup. */
function Crumbs({ items }: { items: ReactNode[] }) {
  return (
    <nav className="tn-breadcrumb tn-crumbs" data-testid="breadcrumb">
      <ol>
        {items.map((item, i) => (
          <Fragment key={i}>
            {i > 0 && (
              <li className="tn-crumb-separator" aria-hidden="true">
                /
              </li>
            )}
            <li>{item}</li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
