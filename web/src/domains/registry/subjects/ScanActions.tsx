import { CameraOutlined, ExperimentOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { enforcementApi } from '../../enforcement/enforcement.api';
import { newKey } from '../../trace/trace.api';
import { useAction } from '../../../shared/use-action';

type Props = { token: string; subject: { id: string; name: string } };

/**
 * What an official does with a subject just scanned (开始巡查 / 抽样 / 执法记录), each shown only to those who may:
 * supervision inspects, a lab samples, enforcement opens a record for the subject.
 */
export function ScanActions({ token, subject }: Props) {
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [enforcing, setEnforcing] = useState(false);
  const { busy, run } = useAction();
  const [key] = useState(newKey);
  const [form] = Form.useForm<{ title: string; summary: string }>();
  if (!me.agency) return null;
  const inspect = me.can('supervision.inspect');
  const sample = me.can('monitoring.sample');
  const enforce = me.can('enforcement.case');

  const open = async () => {
    const v = await form.validateFields();
    await run(async () => {
      // One key per form: a retried tap opens the record once.
      const created = await enforcementApi.open({ subjectId: subject.id, title: v.title.trim(), summary: v.summary.trim() }, key);
      void message.success(t('scan.enforceOpened'));
      navigate(`/enforcement/cases/${created.id}`);
    });
  };

  return (
    <Card title={t('scan.actions')} data-testid="scan-actions">
      {!inspect && !sample && !enforce ? (
        <Typography.Text type="secondary">{t('scan.noActions')}</Typography.Text>
      ) : (
        <Space wrap>
          {inspect && (
            <Button type="primary" icon={<CameraOutlined />} onClick={() => navigate(`/supervision/field?identity=${encodeURIComponent(token)}`)} data-testid="scan-inspect">
              {t('scan.inspect')}
            </Button>
          )}
          {sample && (
            <Button icon={<ExperimentOutlined />} onClick={() => navigate(`/monitoring/sampling?holder=${encodeURIComponent(subject.name)}`)} data-testid="scan-sample">
              {t('scan.sample')}
            </Button>
          )}
          {enforce && (
            <Button icon={<SafetyOutlined />} onClick={() => setEnforcing(true)} data-testid="scan-enforce">
              {t('scan.enforce')}
            </Button>
          )}
        </Space>
      )}
      <Modal open={enforcing} title={t('scan.enforceTitle')} onCancel={() => setEnforcing(false)} onOk={() => void open()} confirmLoading={busy} forceRender>
        <Form form={form} layout="vertical" name="scan-enforce" initialValues={{ title: t('scan.enforceDefaultTitle', { name: subject.name }).slice(0, 120) }}>
          <Form.Item name="title" label={t('scan.enforceCaseTitle')} rules={[{ required: true, whitespace: true, max: 120, message: t('rule.required', { field: t('scan.enforceCaseTitle') }) }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="summary" label={t('scan.enforceSummary')} rules={[{ required: true, whitespace: true, max: 2000, message: t('rule.required', { field: t('scan.enforceSummary') }) }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
