import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';

/** A producer's header: 通知 with the number nobody of its subject has read yet. */
export function InboxBell({ unread, compact }: { unread: number; compact: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button type="text" className="tn-header-button" onClick={() => navigate('/inbox')} aria-label={t('inbox.bell', { n: unread })} data-testid="inbox-bell">
      <Badge count={unread} size="small" offset={[4, -2]} data-testid="inbox-unread">
        <BellOutlined style={{ color: 'inherit' }} />
      </Badge>
      {compact ? null : <span style={{ marginInlineStart: 6 }}>{t('inbox.menu')}</span>}
    </Button>
  );
}
