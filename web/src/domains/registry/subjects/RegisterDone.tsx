import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Descriptions, Result, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { ApplicationCreated } from './subject.types';

/** After submitting: the tracking code and the status link, big, with copy buttons. */
export function RegisterDone({ created }: { created: ApplicationCreated }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result status="success" icon={<CheckCircleOutlined />} title={t('reg.doneTitle')} subTitle={t('reg.doneDesc')}>
      <Descriptions
        bordered
        size="small"
        layout="vertical"
        column={1}
        className="tn-done-code"
        data-testid="register-done"
        items={[
          {
            key: 'code',
            label: t('reg.trackingCode'),
            children: (
              <Typography.Text copyable className="tn-tracking-code" data-testid="tracking-code">
                {created.trackingCode}
              </Typography.Text>
            ),
          },
          {
            key: 'url',
            label: t('reg.statusLink'),
            children: (
              <Typography.Text copyable className="tn-secret">
                {created.statusUrl}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Button type="primary" size="large" block onClick={() => navigate(`/register/status/${created.trackingCode}`)}>
        {t('reg.openStatus')}
      </Button>
    </Result>
  );
}
