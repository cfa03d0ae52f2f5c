import { Alert, App, Button, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAgencyMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { Region } from '../registry/registry.types';
import { allPages, registryApi } from '../registry/registry.api';
import { AttachmentsField } from '../../shared/TaskAttachments';
import { categoryOptions, certificateOptions, industryOptions } from './audience-labels';
import { noticesApi, type Attachment, type Audience } from './notices.api';

type FormValues = { title: string; body: string; attachments: Attachment[] } & Audience;

const AUDIENCE_WAIT_MS = 400;

/**
 * 发送通知: title, text and attachments to the producers of the jurisdiction chosen by region (one level below the
 * agency's own; none: all of it), industry, category and certificate, with the number it will reach counted live.
 */
export default function NoticeFormPage() {
  const { t, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const me = useAgencyMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [regions, setRegions] = useState<Region[]>([]);
  const [reach, setReach] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const [sending, setSending] = useState(false);
  const key = useMemo(() => `notice-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`, []);
  // A township station's producers are all of its own township: nothing below it to choose.
  const choosesRegion = me.jurisdiction.length < 9;

  useEffect(() => {
    if (!choosesRegion) return;
    let live = true;
    allPages((cursor) => registryApi.regions(me.jurisdiction || undefined, cursor)).then(
      (list) => live && setRegions(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [choosesRegion, me.jurisdiction]);

  const chosenRegions = Form.useWatch('regions', form);
  const industries = Form.useWatch('industries', form);
  const categories = Form.useWatch('categories', form);
  const certificateKinds = Form.useWatch('certificateKinds', form);
  const audience = useMemo<Audience>(
    () => ({ regions: chosenRegions ?? [], industries: industries ?? [], categories: categories ?? [], certificateKinds: certificateKinds ?? [] }),
    [chosenRegions, industries, categories, certificateKinds],
  );

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      noticesApi.audienceCount(audience).then(
        (r) => live && setReach(r.count),
        () => live && setReach(null),
      );
    }, AUDIENCE_WAIT_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [audience]);

  const send = async () => {
    const v = await form.validateFields();
    modal.confirm({
      title: t('notice.newTitle'),
      content: t('notice.sendConfirm', { n: reach ?? 0 }),
      okText: t('notice.send'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setSending(true);
        try {
          const sent = await noticesApi.send({ title: v.title.trim(), body: v.body.trim(), attachments: (v.attachments ?? []).map((a) => a.id), audience }, key);
          message.success(t('notice.sentOk', { no: sent.no }));
          navigate(`/notices/${sent.id}`);
        } catch (err) {
          message.error(errorText(err));
        } finally {
          setSending(false);
        }
      },
    });
  };

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('notice.newTitle')}</Typography.Title>
        <Typography.Text type="secondary">{t('notice.hint')}</Typography.Text>
      </div>
      <Card>
        <Form form={form} layout="vertical" initialValues={{ regions: [], industries: [], categories: [], certificateKinds: [], attachments: [] }} style={{ maxWidth: 720 }} data-testid="notice-form">
          <Form.Item name="title" label={t('notice.subject')} rules={[{ required: true, min: 2, max: 100, whitespace: true, message: t('notice.subjectRequired') }]}>
            <Input maxLength={100} data-testid="notice-title" />
          </Form.Item>
          <Form.Item name="body" label={t('notice.body')} rules={[{ required: true, min: 2, max: 5000, whitespace: true, message: t('notice.bodyRequired') }]}>
            <Input.TextArea rows={6} maxLength={5000} showCount data-testid="notice-body" />
          </Form.Item>
          <Form.Item name="attachments" label={t('notice.attachments')}>
            <AttachmentsField onBusy={setUploading} upload={noticesApi.uploadAttachment} />
          </Form.Item>
          <Typography.Title level={5}>{t('notice.audience')}</Typography.Title>
          {choosesRegion && (
            <Form.Item name="regions" label={t('notice.regions')} extra={t('notice.anyHint')}>
              <Select mode="multiple" allowClear placeholder={t('notice.regionsAll')} options={regions.map((r) => ({ value: r.code, label: r.name }))} optionFilterProp="label" data-testid="notice-regions" />
            </Form.Item>
          )}
          <Form.Item name="industries" label={t('notice.industries')} extra={t('notice.anyHint')}>
            <Checkbox.Group options={industryOptions(t)} />
          </Form.Item>
          <Form.Item name="categories" label={t('notice.categories')} extra={t('notice.anyHint')}>
            <Checkbox.Group options={categoryOptions(t)} data-testid="notice-categories" />
          </Form.Item>
          <Form.Item name="certificateKinds" label={t('notice.certificates')} extra={t('notice.anyHint')}>
            <Checkbox.Group options={certificateOptions(t)} />
          </Form.Item>
          {reach !== null && <Alert type={reach > 0 ? 'info' : 'warning'} showIcon title={reach > 0 ? t('notice.willReach', { n: reach }) : t('notice.noneReach')} style={{ marginBottom: 16 }} data-testid="notice-reach" />}
          <Space>
            <Button type="primary" onClick={() => void send()} loading={sending} disabled={uploading || reach === 0} data-testid="notice-send">
              {t('notice.send')}
            </Button>
            <Button onClick={() => navigate('/notices')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
