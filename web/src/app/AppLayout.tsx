import { GlobalOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from './auth';
import { useI18n } from './i18n';
import { MENU, menuFor } from './menu';
import { agencyTitle } from './labels';
import { PageErrorBoundary } from './PageErrorBoundary';
import { TradeNotifier } from '../domains/trace/TradeNotifier';
import { HelpButton } from '../domains/help/HelpButton';
import { FeedbackButton } from '../domains/ops/FeedbackButton';

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

  const items = menuFor(me).map((m) => ({ key: m.path, icon: m.icon, label: m.Label ? <m.Label label={t(m.label)} /> : t(m.label) }));
  const selected = MENU.find((m) => location.pathname.startsWith(m.path))?.path ?? '';

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
