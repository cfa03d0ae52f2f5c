import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { RecoverCodeCard } from './RecoverCodeCard';

const CODE = /^[A-Z0-9]{12}$/;

/** /register/status: type the tracking code given on applying, or find it again with the identity number and phone. */
export default function StatusLookupPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
    <Card className="tn-public-card tn-public-narrow">
      <Typography.Title level={3}>{t('track.lookupTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('track.lookupDesc')}</Typography.Paragraph>
      <Form<{ code: string }> layout="vertical" name="track" requiredMark={false} onFinish={({ code }) => navigate(`/register/status/${code}`)}>
        <Form.Item name="code" label={t('track.code')} normalize={(v: string) => v.replace(/\s+/g, '').toUpperCase()} rules={[{ required: true, pattern: CODE, message: t('track.codeRule') }]}>
          <Input size="large" maxLength={12} autoComplete="off" className="tn-secret" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block icon={<SearchOutlined />}>
          {t('track.lookup')}
        </Button>
      </Form>
    </Card>
    <RecoverCodeCard />
    </>
  );
}
