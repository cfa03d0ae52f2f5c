import { FileSearchOutlined, LoginOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from './i18n';
import { PageErrorBoundary } from './PageErrorBoundary';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { HelpButton } from '../shared/HelpButton';

/** The frame of the pages anyone may open (registration and its status): brand, language, the way to log in. */
export default function PublicShell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const onStatus = location.pathname.startsWith('/register/status');
  return (
    <div className="tn-public">
      <header className="tn-header tn-public-header">
        <div className="tn-brand" onClick={() => navigate('/')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="tn-brand-name">{t('app.name')}</span>
        </div>
        <div className="tn-header-actions">
          <HelpButton me={null} compact />
          {onStatus ? (
            <Button type="text" className="tn-header-button" icon={<SolutionOutlined />} onClick={() => navigate('/register')} aria-label={t('login.register')} />
          ) : (
            <Button type="text" className="tn-header-button" icon={<FileSearchOutlined />} onClick={() => navigate('/register/status')} aria-label={t('login.track')} />
          )}
          <Button type="text" className="tn-header-button" icon={<LoginOutlined />} onClick={() => navigate('/')}>
            {t('public.backToLogin')}
          </Button>
        </div>
      </header>
      <main className="tn-public-main">
        <PageErrorBoundary key={location.pathname}>
          <Suspense fallback={<Spin className="tn-page-spin" description={t('app.loading')} size="large"><div /></Spin>}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
        <div className="tn-public-footer">
          <LanguageSwitch />
          <Typography.Text type="secondary">
            {t('app.name')} · {t('app.subtitle')}
          </Typography.Text>
        </div>
      </main>
    </div>
  );
}
