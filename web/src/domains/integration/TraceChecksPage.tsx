import { Button, Card, Drawer, Form, Input, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { CursorTable } from '../../app/CursorTable';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { RefreshButton } from '../../app/RefreshButton';
import { useCursorList } from '../../app/use-cursor-list';
import { MAX_TRACE_CHECK } from '../../../../src/domains/integration/certification/certification.shared';
import { certificationApi, type TraceCheckSummary } from './certification.api';
import { parseCheckList } from './trace-check-list';
import { useAction } from '../../shared/use-action';

type Values = { title: string; list: string };

/** 追溯挂钩: lists of subjects checked for traceability, and a new check of a pasted list. */
export default function TraceChecksPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { busy: saving, run } = useAction();
  const [form] = Form.useForm<Values>();
  const fetchPage = useMemo(() => (cursor?: string) => certificationApi.checks(cursor), []);
  const onError = useCallback(() => undefined, []);
  const list = useCursorList(fetchPage, onError);

  const submit = async (v: Values) => {
    const parsed = parseCheckList(v.list);
    if ('problem' in parsed) {
      const p = parsed.problem;
      form.setFields([{ name: 'list', errors: [p.key === 'traceChecks.listTooLong' ? t(p.key, { max: MAX_TRACE_CHECK, count: p.count }) : p.key === 'traceChecks.lineInvalid' ? t(p.key, { line: p.line }) : t(p.key)] }]);
      return;
    }
    await run(async () => {
      const created = await certificationApi.createCheck({ title: v.title.trim(), items: parsed.items });
      setOpen(false);
      form.resetFields();
      navigate(`/trace-checks/${created.id}`);
    });
  };

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('traceChecks.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('traceChecks.hint')}</Typography.Text>
      </div>
      <Card>
        <div className="tn-filters">
          <Button type="primary" onClick={() => setOpen(true)} data-testid="trace-check-new">
            {t('traceChecks.new')}
          </Button>
          <RefreshButton list={list} />
        </div>
        <CursorTable<TraceCheckSummary>
          list={list}
          size="small"
          locale={{ emptyText: t('traceChecks.empty') }}
          onRow={(r) => ({ onClick: () => navigate(`/trace-checks/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('traceChecks.titleField'), dataIndex: 'title' },
            { title: t('traceChecks.count'), dataIndex: 'itemCount', className: 'tn-nowrap' },
            { title: t('traceChecks.implementing'), dataIndex: 'implementing', className: 'tn-nowrap' },
            { title: t('traceChecks.createdAt'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
          ]}
        />
      </Card>
      <Drawer title={t('traceChecks.new')} open={open} onClose={() => setOpen(false)} width={560} destroyOnHidden>
        <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="trace-check-form">
          <Form.Item name="title" label={t('traceChecks.titleField')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('traceChecks.titleRequired') }]}>
            <Input maxLength={100} data-testid="trace-check-title" />
          </Form.Item>
          <Form.Item name="list" label={t('traceChecks.list')} extra={t('traceChecks.listHint')} rules={[{ required: true, whitespace: true, message: t('traceChecks.listRequired') }]}>
            <Input.TextArea rows={10} data-testid="trace-check-list" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="trace-check-submit">
              {t('traceChecks.submit')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Drawer>
    </div>
  );
}
