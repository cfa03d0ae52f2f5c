import { App, Button, Card, Descriptions, Form, Input, Result, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { monitoringApi } from './monitoring.api';
import type { LabSettings } from './monitoring.types';
import { useAction } from '../../shared/use-action';

/**
 * 实验室设置: the qualification number (CMA) the lab's reports print and its approvers (授权签字人), set by the lab's
 * admin; every user of the lab sees who may approve.
 */
export default function LabSettingsPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const [state, setState] = useState<{ settings?: LabSettings; error?: string } | null>(null);
  const [reload, setReload] = useState(0);
  const { busy, run } = useAction();
  const [form] = Form.useForm<{ cmaNo: string; approverIds: string[] }>();
  const admin = me.user.role === 'admin';

  useEffect(() => {
    let live = true;
    monitoringApi.lab().then(
      (settings) => live && setState({ settings }),
      (err: unknown) => live && setState({ error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [errorText, reload]);

  if (state?.error) return <Result status="warning" subTitle={state.error} extra={<Button onClick={() => { setState(null); setReload((n) => n + 1); }}>{t('app.retry')}</Button>} />;
  const settings = state?.settings;
  if (!settings) return <Card><Skeleton active /></Card>;

  const save = async () => {
    const v = await form.validateFields();
    await run(async () => {
      const next = await monitoringApi.setLab({ cmaNo: v.cmaNo?.trim() ? v.cmaNo.trim() : null, approverIds: v.approverIds ?? [] });
      setState({ settings: next });
      void message.success(t('lab.saved'));
    });
  };

  return (
    <Card title={t('lab.title', { name: settings.agencyName })} data-testid="lab-settings">
      {admin ? (
        <Form form={form} layout="vertical" initialValues={{ cmaNo: settings.cmaNo ?? '', approverIds: settings.approvers.map((a) => a.userId) }} style={{ maxWidth: 560 }}>
          <Form.Item name="cmaNo" label={t('lab.cmaNo')} extra={t('lab.cmaHint')} rules={[{ pattern: /^[0-9A-Za-z-]{6,40}$/, message: t('lab.cmaInvalid') }]}>
            <Input maxLength={40} data-testid="lab-cma" />
          </Form.Item>
          <Form.Item name="approverIds" label={t('lab.approvers')} extra={t('lab.approversHint')}>
            <Select mode="multiple" options={settings.members.map((m) => ({ value: m.id, label: m.displayName }))} optionFilterProp="label" data-testid="lab-approvers" />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="lab-save">
            {t('common.save')}
          </Button>
        </Form>
      ) : (
        <Space orientation="vertical">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'cma', label: t('lab.cmaNo'), children: settings.cmaNo ?? t('lab.cmaUnset') },
              { key: 'approvers', label: t('lab.approvers'), children: settings.approvers.length ? settings.approvers.map((a) => <Tag key={a.userId}>{a.displayName}</Tag>) : t('lab.noApprovers') },
            ]}
          />
          <Typography.Text type="secondary">{t('lab.adminOnly')}</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
