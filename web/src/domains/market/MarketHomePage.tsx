import { Button, Card, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/auth';

/** 市场监管工作台: what a market regulator can do, each a step to open (it changes nothing anywhere). */
export default function MarketHomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const steps = [
    { text: t('market.home.vouchers'), to: '/market/vouchers' },
    { text: t('market.home.verify'), to: '/market/verify' },
    ...(me.can('monitoring.alert_read') ? [{ text: t('market.home.alerts'), to: '/monitoring/alerts' }] : []),
  ];
  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('market.home.title')}</Typography.Title>
      </div>
      <Card>
        <Typography.Paragraph>{t('market.home.intro')}</Typography.Paragraph>
        <Typography.Text strong>{t('market.home.next')}</Typography.Text>
        <List
          dataSource={steps}
          renderItem={(s) => (
            <List.Item key={s.to} actions={[<Button key="open" type="link" onClick={() => navigate(s.to)} data-testid={`market-step-${s.to}`}>{t('market.home.open')}</Button>]}>
              {s.text}
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
