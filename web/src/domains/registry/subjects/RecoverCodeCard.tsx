import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PHONE_PATTERN } from '../../../shared/phone';
import { recoveryApi, type RecoveredCode } from '../accounts/recovery.api';
import { StatusTag } from './StatusTag';

type Values = { idNumber: string; phone: string };

/** 找回查询码: the identity number and the phone of the application, both; the server answers only when both match. */
export function RecoverCodeCard() {
  const { t, errorText } = useI18n();
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<RecoveredCode[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      setFound((await recoveryApi.recoverCodes(v.idNumber, v.phone)).items);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="tn-public-card tn-public-narrow" data-testid="recover-code">
      <Typography.Title level={4}>{t('recover.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('recover.desc')}</Typography.Paragraph>
      <Form<Values> layout="vertical" name="recover" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy}>
        <Form.Item
          name="idNumber"
          label={t('recover.idNumber')}
          normalize={(v: string) => v.replace(/\s+/g, '').toUpperCase()}
          rules={[{ required: true, pattern: /^[0-9A-Z]{15,18}$/, message: t('rule.required', { field: t('recover.idNumber') }) }]}
        >
          <Input maxLength={18} autoComplete="off" className="tn-secret" />
        </Form.Item>
        <Form.Item name="phone" label={t('recover.phone')} rules={[{ required: true, pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
          <Input inputMode="tel" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Button htmlType="submit" size="large" block icon={<KeyOutlined />} loading={busy}>
          {t('recover.submit')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {found && found.length === 0 && <Alert type="warning" showIcon title={t('recover.none')} style={{ marginTop: 12 }} data-testid="recover-none" />}
      {found && found.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="recover-found">
          <Typography.Text>{t('recover.found', { n: found.length })}</Typography.Text>
          <List
            dataSource={found}
            renderItem={(c) => (
              <List.Item actions={[<Link key="open" to={`/register/status/${c.trackingCode}`}>{t('recover.open')}</Link>]}>
                <List.Item.Meta
                  title={<span className="tn-secret" data-testid="recovered-code">{c.trackingCode}</span>}
                  description={
                    <>
                      {c.name} · {formatTime(c.submittedAt)} <StatusTag family="appStatus" status={c.status} />
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </div>
      )}
    </Card>
  );
}
