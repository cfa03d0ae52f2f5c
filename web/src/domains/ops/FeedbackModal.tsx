import { PictureOutlined } from '@ant-design/icons';
import { App, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../../app/i18n';
import { ImageUpload } from '../../shared/ImageUpload';
import { feedbackApi } from './feedback.api';
import { FEEDBACK_KINDS, type FeedbackKind } from './ops.types';
import { useAction } from '../../shared/use-action';

const MAX_SHOTS = 3;
const MAX_TEXT = 2000;
const MAX_PAGE = 500;

type Values = { kind?: FeedbackKind; text?: string };

/**
 * The modal of 反馈问题 (FeedbackButton): files a suggestion or problem, with the page's path and query attached
 * (what the handler opens to see it) and up to three screenshots. Made afresh at each opening (its `key`).
 */
export default function FeedbackModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const location = useLocation();
  const { busy, run } = useAction();
  const [error, setError] = useState<string | null>(null);
  const [shots, setShots] = useState<string[]>([]);
  // The server keeps 500 characters of the address: a longer query is cut here rather than the feedback refused.
  const [page] = useState(() => `${location.pathname}${location.search}`.slice(0, MAX_PAGE));
  const [key] = useState(() => crypto.randomUUID());
  const [form] = Form.useForm<Values>();

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    await run(
      async () => {
        const saved = await feedbackApi.file({ kind: values.kind!, text: values.text!.trim(), pageAddress: page || undefined, screenshots: shots }, key);
        onClose();
        void message.success(t('feedback.submitted', { no: saved.no }), 6);
      },
      // The refusal stays in place, inline, rather than as a passing message.
      (_err, said) => {
        setError(said);
        return true;
      },
    );
  };

  return (
      <Modal
        open={open}
        title={t('feedback.modalTitle')}
        okText={t('feedback.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={onClose}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'feedback-submit' } as Record<string, string>}
      >
        <Typography.Paragraph type="secondary">{t('feedback.modalHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" data-testid="feedback-form">
          <Form.Item name="kind" label={t('feedback.kind')} rules={[{ required: true, message: t('feedback.kindRequired') }]}>
            <Select data-testid="feedback-kind" options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="text" label={t('feedback.text')} rules={[{ required: true, whitespace: true, min: 5, message: t('feedback.textRequired') }]}>
            <Input.TextArea rows={5} maxLength={MAX_TEXT} showCount placeholder={t('feedback.textPlaceholder')} data-testid="feedback-text" />
          </Form.Item>
          <Form.Item label={t('feedback.page')}>
            <Typography.Text code data-testid="feedback-page">
              {page || t('feedback.noPage')}
            </Typography.Text>
          </Form.Item>
          <Form.Item label={t('feedback.screenshots')}>
            <Space wrap>
              {[...shots, undefined].slice(0, MAX_SHOTS).map((fileId, i) => (
                <ImageUpload
                  key={`shot-${i}`}
                  fileId={fileId}
                  onChange={(id) => setShots((cur) => (id ? (i < cur.length ? cur.map((c, j) => (j === i ? id : c)) : [...cur, id]) : cur.filter((_, j) => j !== i)))}
                  send={(file) => feedbackApi.uploadScreenshot(file, file.name || 'screenshot.png')}
                  name={t('feedback.shotName', { n: i + 1 })}
                  texts="feedback.shot"
                  icon={<PictureOutlined />}
                  className="tn-photo-upload"
                  testIds={{ root: `feedback-shot-${i}`, preview: `feedback-shot-${i}-preview` }}
                />
              ))}
            </Space>
          </Form.Item>
        </Form>
        {error && (
          <Typography.Text type="danger" role="alert" data-testid="feedback-error">
            {error}
          </Typography.Text>
        )}
      </Modal>
  );
}
