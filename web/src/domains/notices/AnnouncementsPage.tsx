import { Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography, App } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { CursorTable } from '../../app/CursorTable';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { EmptyState } from '../../app/LoadError';
import { useCursorList } from '../../app/use-cursor-list';
import { refreshShellNotices } from './shell-notices';
import { ANNOUNCEMENT_LEVELS, noticesApi, type Announcement, type AnnouncementLevel } from './notices.api';

type FormValues = { level: AnnouncementLevel; textZh: string; textEn?: string; period: [Dayjs, Dayjs] };

const LEVEL_COLOR: Record<AnnouncementLevel, string> = { info: 'blue', warning: 'orange', critical: 'red' };
type Shown = 'showing' | 'scheduled' | 'ended' | 'withdrawn';
const SHOWN_COLOR: Record<Shown, string> = { showing: 'green', scheduled: 'blue', ended: 'default', withdrawn: 'default' };

function shownOf(a: Announcement): Shown {
  if (a.state === 'withdrawn') return 'withdrawn';
  if (a.showing) return 'showing';
  return dayjs(a.startsAt).isAfter(dayjs()) ? 'scheduled' : 'ended';
}

/** 系统公告: operations publish, change and withdraw the banner every signed-in account sees. */
export default function AnnouncementsPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Announcement | 'new' | null>(null);
  const fetchPage = useMemo(() => (cursor?: string) => noticesApi.announcements(cursor), []);
  const list = useCursorList(fetchPage, useCallback(() => undefined, []));

  const withdraw = async (a: Announcement) => {
    try {
      await noticesApi.withdraw(a.id);
      message.success(t('announcement.withdrawn'));
      refreshShellNotices();
      list.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('announcement.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('announcement.hint')}</Typography.Text>
      </div>
      <Card>
        <div className="tn-filters">
          <Button type="primary" onClick={() => setEditing('new')} data-testid="announcement-new">
            {t('announcement.new')}
          </Button>
          <RefreshButton list={list} />
        </div>
        <CursorTable<Announcement>
          list={list}
          size="small"
          scroll={{ x: 720 }}
          locale={{ emptyText: <EmptyState description={t('announcement.empty')} /> }}
          columns={[
            { title: t('announcement.level'), dataIndex: 'level', className: 'tn-nowrap', render: (l: AnnouncementLevel) => <Tag color={LEVEL_COLOR[l]}>{t(`announcement.level.${l}`)}</Tag> },
            { title: t('announcement.state'), key: 'state', className: 'tn-nowrap', render: (_v, a) => <Tag color={SHOWN_COLOR[shownOf(a)]}>{t(`announcement.state.${shownOf(a)}`)}</Tag> },
            { title: t('announcement.textZh'), dataIndex: 'textZh', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 320 }}>{v}</Typography.Text> },
            { title: t('announcement.period'), key: 'period', className: 'tn-nowrap', render: (_v, a) => `${formatTime(a.startsAt)} – ${formatTime(a.endsAt)}` },
            { title: t('announcement.publisher'), dataIndex: 'publisherName', className: 'tn-nowrap' },
            {
              title: '',
              key: 'actions',
              className: 'tn-nowrap',
              render: (_v, a) =>
                a.state === 'published' && shownOf(a) !== 'ended' ? (
                  <Space size={0}>
                    <Button size="small" type="link" onClick={() => setEditing(a)}>
                      {t('announcement.edit')}
                    </Button>
                    <Popconfirm title={t('announcement.withdrawConfirm')} onConfirm={() => withdraw(a)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                      <Button size="small" type="link" danger>
                        {t('announcement.withdraw')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      {editing && (
        <AnnouncementModal
          announcement={editing === 'new' ? null : editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) {
              refreshShellNotices();
              list.reload();
            }
          }}
        />
      )}
    </div>
  );
}

function AnnouncementModal({ announcement, onClose }: { announcement: Announcement | null; onClose: (changed: boolean) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  // One key per opened form: a double click or a retried request publishes once.
  const key = useMemo(() => `ann-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`, []);
  const initial: Partial<FormValues> = announcement
    ? { level: announcement.level, textZh: announcement.textZh, textEn: announcement.textEn ?? undefined, period: [dayjs(announcement.startsAt), dayjs(announcement.endsAt)] }
    : { level: 'warning', period: [dayjs(), dayjs().add(4, 'hour')] };

  const save = async () => {
    const v = await form.validateFields();
    const body = { level: v.level, textZh: v.textZh.trim(), ...(v.textEn?.trim() ? { textEn: v.textEn.trim() } : {}), startsAt: v.period[0].toISOString(), endsAt: v.period[1].toISOString() };
    setSaving(true);
    try {
      if (announcement) await noticesApi.update(announcement.id, body);
      else await noticesApi.publish(body, key);
      message.success(t(announcement ? 'announcement.updated' : 'announcement.published'));
      onClose(true);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t(announcement ? 'announcement.editTitle' : 'announcement.newTitle')} onCancel={() => onClose(false)} onOk={() => void save()} confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} data-testid="announcement-form">
        <Form.Item name="level" label={t('announcement.level')} rules={[{ required: true }]}>
          <Select options={ANNOUNCEMENT_LEVELS.map((l) => ({ value: l, label: t(`announcement.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="textZh" label={t('announcement.textZh')} rules={[{ required: true, min: 4, max: 300, whitespace: true, message: t('announcement.textRequired') }]}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
        <Form.Item name="textEn" label={t('announcement.textEn')} rules={[{ min: 4, max: 300, message: t('announcement.textRequired') }]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item name="period" label={t('announcement.period')} rules={[{ required: true, message: t('announcement.periodRequired') }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
