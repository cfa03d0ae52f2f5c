import { LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Typography } from 'antd';
import { useAuth, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';
import { LanguageSwitch } from '../../../shared/LanguageSwitch';

/** Shown instead of the console while the account must change its password (first login or after a reset). */
export default function ForcedPasswordPage() {
  const me = useMe();
  const { logout, refresh } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();

  return (
    <div className="tn-login">
      <Card
        className="tn-login-card"
        style={{ maxWidth: 480 }}
        title={
          <span>
            <SafetyCertificateOutlined /> {t('forced.title')}
          </span>
        }
        extra={<LanguageSwitch />}
      >
        <Alert type="warning" showIcon title={t('forced.desc')} style={{ marginBottom: 16 }} data-testid="forced-password" />
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'u', label: t('field.username'), children: me.user.username },
            me.agency ? { key: 'a', label: t('field.agency'), children: me.agency.name } : { key: 's', label: t('field.subject'), children: me.subject?.name },
          ]}
        />
        <ChangePasswordForm
          username={me.user.username}
          onDone={async () => {
            void message.success(t('forced.done'));
            await refresh();
          }}
        />
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Button type="link" icon={<LogoutOutlined />} onClick={() => void logout()} style={{ paddingInline: 0 }}>
            {t('menu.logout')}
          </Button>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
