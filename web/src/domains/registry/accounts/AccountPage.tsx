import { App, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { RegionName } from '../../../shared/RegionName';
import { useMe } from '../../../app/auth';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { agencyTitle, KIND_COLOR, kindLabel, levelLabel } from '../../../app/labels';
import type { MessageKey } from '../../../app/messages.zh';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TokensCard } from './TokensCard';

export default function AccountPage() {
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user, agency, subject } = me;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('menu.account')}</Typography.Title>
      </div>
      <Card title={t('account.profile')}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'username', label: t('field.username'), children: user.username },
            { key: 'name', label: t('field.displayName'), children: user.displayName },
            { key: 'phone', label: t('field.phone'), children: user.phone ?? '—' },
            { key: 'role', label: t('field.role'), children: t(`role.${user.role}`) },
            ...(agency
              ? [
                  {
                    key: 'agency',
                    label: t('field.agency'),
                    children: (
                      <Space wrap size={4}>
                        {agencyTitle(agency, t)}
                        <Tag color={KIND_COLOR[agency.kind]}>{kindLabel(t, agency.kind)}</Tag>
                        <Tag>{levelLabel(t, agency.level)}</Tag>
                      </Space>
                    ),
                  },
                  { key: 'jurisdiction', label: t('field.jurisdiction'), children: me.jurisdiction ? <RegionName code={me.jurisdiction} /> : t('common.nationwide') },
                ]
              : []),
            ...(subject
              ? [
                  { key: 'subject', label: t('field.subject'), children: subject.name },
                  { key: 'identityCode', label: t('field.identityCode'), children: <span className="tn-secret">{user.userCode ?? subject.identityCode}</span> },
                ]
              : []),
            { key: 'last', label: t('field.lastLoginAt'), children: formatTime(user.lastLoginAt) },
            {
              key: 'perms',
              label: t('field.permissions'),
              children: (
                <Space wrap size={4}>
                  {me.permissions.map((p) => (
                    <Tag key={p}>{t(`perm.${p}` as MessageKey)}</Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('account.changePassword')}>
        <ChangePasswordForm username={user.username} onDone={() => void message.success(t('account.passwordChanged'))} />
      </Card>
      <TokensCard />
    </Space>
  );
}
