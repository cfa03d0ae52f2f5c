import { CopyOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { limitRule } from '../../../app/number-limit';
import type { ApiToken, ApiTokenCreated, ApiTokenList } from '../registry.types';
import { registryApi } from '../registry.api';
import { useAction } from '../../../shared/use-action';

type Values = { name: string; password: string; expiresInDays?: number | null };

/** My app (bearer) tokens: list, create with the password typed again (the secret is shown once), revoke. */
export function TokensCard() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [list, setList] = useState<ApiTokenList | null>(null);
  const [loading, setLoading] = useState(true);
  const { busy: creating, run } = useAction();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [form] = Form.useForm<Values>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setList(await registryApi.tokens());
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
    await run(async () => {
      setCreated(await registryApi.createToken(values.name.trim(), values.password, values.expiresInDays ?? undefined));
      form.resetFields();
      await load();
    });
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
      {list && (
        <Typography.Paragraph type="secondary" data-testid="token-lifetime">
          {t('account.tokenLifetime', { days: String(list.defaultDays), max: String(list.maxDays) })}
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="inline" onFinish={create} style={{ marginBottom: 16, rowGap: 8 }} name="new-token">
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('rule.required', { field: t('account.tokenName') }) }]}>
          <Input placeholder={t('account.tokenName')} maxLength={80} />
        </Form.Item>
        <Form.Item name="expiresInDays" rules={[limitRule(t, { min: 1, max: list?.maxDays ?? 365, integer: true })]}>
          <InputNumber placeholder={t('account.tokenExpiresPlaceholder', { days: String(list?.defaultDays ?? '') })} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="password" rules={[{ required: true, message: t('rule.required', { field: t('account.tokenPassword') }) }]}>
          <Input.Password placeholder={t('account.tokenPassword')} autoComplete="current-password" maxLength={128} style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={creating}>
          {t('account.tokenCreate')}
        </Button>
      </Form>
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={list?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('account.tokenName'), dataIndex: 'name' },
          { title: t('account.tokenPrefix'), dataIndex: 'prefix', render: (v: string) => <code>{v}…</code> },
          { title: t('field.createdAt'), dataIndex: 'createdAt', render: formatTime },
          { title: t('account.tokenExpiresAt'), dataIndex: 'expiresAt', render: (v: string) => formatTime(v) },
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
        {created && <Typography.Text data-testid="token-valid-until">{t('account.tokenValidUntil', { time: formatTime(created.expiresAt) })}</Typography.Text>}
      </Modal>
    </Card>
  );
}
