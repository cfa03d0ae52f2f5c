import { Alert } from 'antd';
import { useI18n } from '../../app/i18n';
import { LEVEL_ALERT, type Banner } from './notices.api';
import './notices.css';

/** 系统公告 above every console page: the gravest first; closing one hides this version of it for this account. */
export function AnnouncementBanner({ banners, onDismiss }: { banners: Banner[]; onDismiss: (id: string, version: number) => void }) {
  const { lang } = useI18n();
  if (banners.length === 0) return null;
  return (
    <div className="tn-banners" data-testid="announcements">
      {banners.map((b) => (
        <Alert
          key={`${b.id}:${b.version}`}
          type={LEVEL_ALERT[b.level]}
          showIcon
          banner
          closable={{ onClose: () => onDismiss(b.id, b.version), 'aria-label': lang === 'zh' ? '关闭公告' : 'Close' }}
          title={lang === 'en' && b.textEn ? b.textEn : b.textZh}
          data-testid="announcement"
        />
      ))}
    </div>
  );
}
