import { App, Button, Card, Descriptions, Form, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useMe } from '../../../app/auth';
import { CursorTable } from '../../../app/CursorTable';
import { formatDate, formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/LoadError';
import { RefreshButton } from '../../../app/RefreshButton';
import { useCursorList } from '../../../app/use-cursor-list';
import { monitorsApi, type Rectification } from './monitors.api';
import { useAction } from '../../../shared/use-action';

const STATUS_COLOR = { issued: 'orange', answered: 'blue', closed: 'green' } as const;

function StatusTag({ r }: { r: Rectification }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Tag color={STATUS_COLOR[r.status]}>{t(`rect.status.${r.status}`)}</Tag>
      {r.overdue && <Tag color="red">{t('rect.overdue')}</Tag>}
    </Space>
  );
}

/** One notice: what was asked, the answer; the addressee answers, the issuer accepts or returns. */
function RectificationModal({ r, onClose }: { r: Rectification | null; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const { busy, run } = useAction();
  const act = async (what: 'answer' | 'accept' | 'return') => {
    if (!r) return;
    const v = what === 'accept' ? { text: undefined } : await form.validateFields();
    await run(async () => {
      if (what === 'answer') await monitorsApi.answer(r.id, v.text!);
      else await monitorsApi.close(r.id, what === 'accept', v.text || undefined);
      void message.success(t(`rect.done.${what}`));
      form.resetFields();
      onClose(true);
    });
  };
  const writing = r?.canAnswer || r?.canClose;
  return (
    <Modal
      open={r !== null}
      title={t('rect.detailTitle')}
      onCancel={() => onClose(false)}
      destroyOnHidden
      width={640}
      footer={
        r?.canAnswer ? (
          <Button type="primary" loading={busy} onClick={() => void act('answer')} data-testid="rect-answer">
            {t('rect.answer')}
          </Button>
        ) : r?.canClose ? (
          <Space>
            <Button loading={busy} onClick={() => void act('return')}>
              {t('rect.return')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void act('accept')} data-testid="rect-accept">
              {t('rect.accept')}
            </Button>
          </Space>
        ) : null
      }
    >
      {r && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('rect.issuer')}>{r.issuerAgencyName}</Descriptions.Item>
          <Descriptions.Item label={t('rect.target')}>{r.targetName}</Descriptions.Item>
          <Descriptions.Item label={t('rect.monitor')}>{t(`mon.tab.${r.monitor}`)}</Descriptions.Item>
          <Descriptions.Item label={t('rect.reason')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.reason}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('rect.deadline')}>{formatDate(r.deadline)}</Descriptions.Item>
          <Descriptions.Item label={t('rect.statusLabel')}>
            <StatusTag r={r} />
          </Descriptions.Item>
          {r.answer && (
            <Descriptions.Item label={t('rect.answerLabel')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.answer}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {r.answeredByName} {formatTime(r.answeredAt)}
              </Typography.Text>
            </Descriptions.Item>
          )}
          {r.closeNote && <Descriptions.Item label={t('rect.closeNote')}>{r.closeNote}</Descriptions.Item>}
        </Descriptions>
      )}
      {writing && (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
          <Form.Item name="text" label={r?.canAnswer ? t('rect.answerLabel') : t('rect.closeNote')} rules={r?.canAnswer ? [{ required: true, message: t('rect.answerRequired') }, { max: 2000 }] : [{ max: 1000 }]}>
            <Input.TextArea rows={3} data-testid="rect-text" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** 责令整改: notices received (an agency's or a producer's) and, for an agency, those issued within its jurisdiction. */
export default function RectificationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const agency = Boolean(me.agency);
  const [box, setBox] = useState<'received' | 'issued'>('received');
  const [open, setOpen] = useState<Rectification | null>(null);
  const fetchPage = useMemo(() => (cursor?: string) => (agency ? monitorsApi.list(box, cursor) : monitorsApi.mine(cursor)), [agency, box]);
  const list = useCursorList(fetchPage, useCallback(() => undefined, []));
  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('rect.title')}</Typography.Title>
        <Typography.Text type="secondary">{agency ? t('rect.hint') : t('rect.hintSubject')}</Typography.Text>
      </div>
      <Card>
        <div className="tn-filters">
          {agency && (
            <Segmented
              value={box}
              onChange={(v) => setBox(v as 'received' | 'issued')}
              options={[
                { value: 'received', label: t('rect.received') },
                { value: 'issued', label: t('rect.issuedBox') },
              ]}
              data-testid="rect-box"
            />
          )}
          <RefreshButton list={list} />
        </div>
        <CursorTable<Rectification>
          list={list}
          size="small"
          scroll={{ x: 760 }}
          locale={{ emptyText: <EmptyState description={t('rect.empty')} /> }}
          onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
          data-testid="rect-list"
          columns={[
            { title: t('rect.issuer'), dataIndex: 'issuerAgencyName', className: 'tn-nowrap' },
            { title: t('rect.target'), dataIndex: 'targetName', className: 'tn-nowrap' },
            { title: t('rect.monitor'), dataIndex: 'monitor', render: (m: Rectification['monitor']) => t(`mon.tab.${m}`) },
            { title: t('rect.reason'), dataIndex: 'reason', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 240 }}>{v}</Typography.Text> },
            { title: t('rect.deadline'), dataIndex: 'deadline', className: 'tn-nowrap', render: formatDate },
            { title: t('rect.statusLabel'), key: 'status', render: (_: unknown, r: Rectification) => <StatusTag r={r} /> },
            { title: t('rect.issuedAt'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
          ]}
        />
      </Card>
      <RectificationModal
        r={open}
        onClose={(changed) => {
          setOpen(null);
          if (changed) void list.reload();
        }}
      />
    </div>
  );
}
