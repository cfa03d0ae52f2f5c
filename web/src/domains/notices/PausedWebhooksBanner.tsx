import { Alert } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import type { ShellNotices } from './notices.api';

/**
 * Above every console page of an admin running client systems: each client whose webhook endpoint was paused after
 * repeated failures, linked to its page (reason and resume button there). It stays until the endpoint is resumed.
 */
export function PausedWebhooksBanner({ items }: { items: ShellNotices['pausedWebhooks'] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <div className="tn-banners" data-testid="paused-webhooks">
      {items.map((c) => (
        <Alert
          key={c.clientId}
          type="warning"
          showIcon
          banner
          title={
            <>
              {t('notices.webhooksPaused', { client: c.clientName, count: c.endpoints })} <Link to={`/integration/${c.clientId}`}>{t('notices.webhooksPausedOpen')}</Link>
            </>
          }
        />
      ))}
    </div>
  );
}
