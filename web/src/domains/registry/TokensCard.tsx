import { CopyOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { limitRule } from '../../app/number-limit';
import type { ApiToken, ApiTokenCreated } from '../../app/types';
import { registryApi } from './registry.api';

type Values = { name: string; expiresInDays?: number | null };

/** My app (bearer) tokens: list, create (the secret is shown once), revoke. */
export function TokensCard() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [form] = Form.useForm<Values>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setTokens((await registryApi.tokens()).items);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setLoading(false);
    }
  }, [message, errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (values: Values) => {
    setCreating(true);
    try {
      setCreated(await registryApi.createToken(values.name.trim(), values.expiresInDays ?? undefined));
      form.resetFields();
      await load();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setCreating(false);
    }
  };

  const revoke = async (token: ApiToken) => {
    try {
      await registryApi.revokeToken(token.id);
      void message.success(t('account.tokenRevoked'));
      await load();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Card title={<><KeyOutlined /> {t('account.tokens')}</>}>
      <Typography.Paragraph type="secondary">{t('account.tokensDesc')}</Typography.Paragraph>
      <Form<Values> form={form} layout="inline" onFinish={create} style={{ marginBottom: 16, rowGap: 8 }} name="new-token">
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('rule.required', { field: t('account.tokenName') }) }]}>
          <Input placeholder={t('account.tokenName')} maxLength={80} />
        </Form.Item>
        <Form.Item name="expiresInDays" rules={[limitRule(t, { min: 1, max: 3650, integer: true })]}>
          <InputNumber placeholder={t('account.tokenExpiresPlaceholder')} style={{ width: 180 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={creating}>
          {t('account.tokenCreate')}
        </Button>
      </Form>
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={tokens}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('account.tokenName'), dataIndex: 'name' },
          { title: t('account.tokenPrefix'), dataIndex: 'prefix', render: (v: string) => <code>{v}…</code> },
          { title: t('field.createdAt'), dataIndex: 'createdAt', render: formatTime },
          { title: t('account.tokenExpiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? formatTime(v) : t('account.never')) },
          { title: t('account.tokenLastUsed'), dataIndex: 'lastUsedAt', render: (v: string | null | undefined) => formatTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v, token) => (
              <Popconfirm title={t('account.tokenRevokeConfirm', { name: token.name })} onConfirm={() => revoke(token)}>
                <Button type="link" danger size="small">
                  {t('account.tokenRevoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal open={!!created} title={t('account.tokenCreated')} onCancel={() => setCreated(null)} footer={<Button type="primary" onClick={() => setCreated(null)}>{t('common.close')}</Button>}>
        <Alert type="warning" showIcon title={t('account.tokenCreatedDesc')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph className="tn-secret" copyable={{ text: created?.token ?? '', icon: <CopyOutlined /> }}>
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
