import { GlobalOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Dropdown, Grid, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from './auth';
import { useI18n } from './i18n';
import { entryOf, MENU_GROUPS, menuFor } from './menu';
import { agencyTitle } from './labels';
import { PageErrorBoundary } from './PageErrorBoundary';
import { TradeNotifier } from '../domains/trace/TradeNotifier';
import { HelpButton } from '../domains/help/HelpButton';
import { FeedbackButton } from '../domains/ops/FeedbackButton';
import { AnnouncementBanner } from '../domains/notices/AnnouncementBanner';
import { InboxBell } from '../domains/notices/InboxBell';
import { useShellNotices } from '../domains/notices/shell-notices';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const siderCollapsed = collapsed ?? narrow;
  const shellNotices = useShellNotices();

  const entries = menuFor(me);
  const item = (m: (typeof entries)[number]) => ({ key: m.path, icon: m.icon, label: m.Label ? <m.Label label={t(m.label)} /> : t(m.label) });
  // Grouped as the platform's business systems are (系统管理 / 主体管理 / 追溯 / 监管执法 / 监测 / 统计分析).
  const items = [
    ...MENU_GROUPS.flatMap((g) => {
      const inGroup = entries.filter((m) => m.group === g);
      return inGroup.length ? [{ type: 'group' as const, key: `group:${g}`, label: t(`menuGroup.${g}`), children: inGroup.map(item) }] : [];
    }),
    ...entries.filter((m) => !m.group).map(item),
  ];
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
          {/* Opened by a click: phones have no hover, and a hover menu closes when the pointer slips off it. */}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'account', icon: <UserOutlined />, label: t('menu.account') },
                { key: 'logout', icon: <LogoutOutlined />, label: t('menu.logout'), danger: true },
              ],
              onClick: ({ key }) => (key === 'logout' ? void logout() : navigate('/account')),
            }}
          >
            <Button type="text" className="tn-header-button" icon={<UserOutlined />} data-testid="user-menu">
              {narrow ? null : me.user.displayName}
            </Button>
          </Dropdown>
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
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={items}
            style={{ borderInlineEnd: 'none' }}
            onClick={({ key }) => {
              navigate(key);
              if (narrow) setCollapsed(true);
            }}
          />
        </Sider>
        {narrow && !siderCollapsed && <div className="tn-sider-mask" onClick={() => setCollapsed(true)} />}
        <Content className="tn-content">
          <AnnouncementBanner banners={shellNotices.announcements} onDismiss={shellNotices.dismiss} />
          {pageTitle && (
            <Breadcrumb
              className="tn-breadcrumb"
              data-testid="breadcrumb"
              items={[
                { title: <Link to="/">{t('crumb.home')}</Link> },
                ...(entry?.group ? [{ title: t(`menuGroup.${entry.group}`) }] : []),
                deeper && entry ? { title: <Link to={entry.path}>{pageTitle}</Link> } : { title: pageTitle },
                ...(deeper ? [{ title: deeper }] : []),
              ]}
            />
          )}
          <PageErrorBoundary key={location.pathname}>
            <Suspense fallback={<Spin className="tn-page-spin" description={t('app.loading')} size="large"><div /></Spin>}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
          <Typography.Text type="secondary" className="tn-footer">
            {t('app.name')} · {t('app.subtitle')}
          </Typography.Text>
        </Content>
      </Layout>
    </Layout>
  );
}
